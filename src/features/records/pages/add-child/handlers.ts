// "Add another child you reviewed": a child beyond the three the Lead allocated (for example from
// dip sampling or a complaint). The case number travels only in the form's body.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { contextOf } from '../../../../platform/context.js';
import { Invalid } from '../../../../platform/errors.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import { recordLimits } from '../../record-limits.js';
import type { RecordItemsService } from '../../record-items.service.js';
import { childHref } from '../child/handlers.js';
import {
  recordHref,
  recordPath,
  signedIn,
  unlessSubmitted,
  type RecordRequest,
} from '../child/common.js';
import { caseNumberHint, caseSystemItems, parseAddChildForm } from './form.js';

type AddChildView = Awaited<ReturnType<RecordItemsService['addChildForm']>>;

const pages = 'features/records/pages/add-child';
const addPath = `${recordPath}/children/new`;

export async function addChildRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { recordItems } = opts.services;

  function page(
    reply: FastifyReply,
    view: AddChildView,
    form: { values?: Record<string, unknown>; errors?: FormErrors } = {},
    status = 200,
  ) {
    const params = { spotlightId: view.spotlight.id, recordId: view.record.id };
    const values = form.values ?? { caseSystem: view.spotlight.team.recordingSystem };
    return reply.page(
      `${pages}/add-child.njk`,
      {
        ...view,
        values,
        errors: form.errors,
        systemItems: caseSystemItems(values.caseSystem),
        numberHint: caseNumberHint(view.formats),
        most: recordLimits.extraChildren,
        action: `${recordHref(params)}/children/new`,
        recordHref: recordHref(params),
        backLink: recordHref(params),
      },
      status,
    );
  }

  app.get(addPath, signedIn, async (request: RecordRequest, reply) =>
    unlessSubmitted(request, reply, async () => {
      const { spotlightId, recordId } = request.params;
      return page(reply, await recordItems.addChildForm(contextOf(request), spotlightId, recordId));
    }),
  );

  app.post(addPath, signedIn, async (request: RecordRequest, reply) =>
    unlessSubmitted(request, reply, async () => {
      const ctx = contextOf(request);
      const { spotlightId, recordId } = request.params;
      const view = await recordItems.addChildForm(ctx, spotlightId, recordId);
      const form = parseAddChildForm(request.body, view.formats);
      if (!form.ok) return page(reply, view, form, 400);
      try {
        const childId = await recordItems.addChild(ctx, spotlightId, recordId, form.value);
        request.session.flash = 'Child added. Answer the questions about them below';
        return await reply.redirect(childHref(request.params, childId), 303);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const errors = addError(emptyErrors(), error.field, error.message);
        const again = await recordItems.addChildForm(ctx, spotlightId, recordId);
        return page(reply, again, { values: rawValues(request.body), errors }, 400);
      }
    }),
  );
}
