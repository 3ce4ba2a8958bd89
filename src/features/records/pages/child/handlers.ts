// One child a team member reviewed: the author answers the guidance's questions about them (saved
// with a button, or by autosave), everyone else who may see the day reads the answers. A stale save
// gets a conflict page with both versions; a child the author added can be removed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { childKindNames } from '../../../../core/record-themes.js';
import { contextOf } from '../../../../platform/context.js';
import { parseForm, type FormErrors } from '../../../../platform/forms.js';
import { versionedSave } from '../../../../platform/versioned-save.js';
import type { Services } from '../../../../services.js';
import { RecordSubmitted } from '../../record-access.js';
import { recordLimits } from '../../record-limits.js';
import type { RecordItemsService } from '../../record-items.service.js';
import {
  recordHref,
  recordPath,
  returnsToRecord,
  signedIn,
  unlessSubmitted,
  type RecordParams,
} from './common.js';
import {
  childConflictRows,
  childQuestions,
  childSchema,
  childSummaryRows,
  childValues,
  goodEnoughItems,
  proportionateItems,
} from './form.js';

type ChildRequest = FastifyRequest<{ Params: RecordParams & { childId: string } }>;
type ChildView = Awaited<ReturnType<RecordItemsService['child']>>;

const pages = 'features/records/pages/child';

/** A field's value as typed ('' when it is not text). */
const textOf = (value: unknown) => (typeof value === 'string' ? value : '');
const childPath = `${recordPath}/children/:childId`;

export const childHref = (params: RecordParams, childId: string) =>
  `${recordHref(params)}/children/${childId}`;

export async function childRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { recordItems } = opts.services;

  function page(
    reply: FastifyReply,
    view: ChildView,
    form: { values?: Record<string, unknown>; errors?: FormErrors; version?: number } = {},
    status = 200,
  ) {
    const params = { spotlightId: view.spotlight.id, recordId: view.record.id };
    const values = form.values ?? childValues(view.child);
    const href = childHref(params, view.child.id);
    return reply.page(
      `${pages}/child.njk`,
      {
        ...view,
        kindName: childKindNames[view.child.kind],
        values,
        errors: form.errors,
        version: form.version ?? view.child.version,
        questions: childQuestions,
        summary: childSummaryRows(view.child),
        proportionateItems: proportionateItems(textOf(values.proportionate)),
        goodEnoughItems: goodEnoughItems(textOf(values.goodEnough)),
        maxlength: recordLimits.childAnswer,
        action: href,
        removeHref: `${href}/remove`,
        recordHref: recordHref(params),
        backLink: recordHref(params),
      },
      status,
    );
  }

  app.get(childPath, signedIn, async (request: ChildRequest, reply) => {
    const { spotlightId, recordId, childId } = request.params;
    return page(reply, await recordItems.child(contextOf(request), spotlightId, recordId, childId));
  });

  app.post(childPath, signedIn, async (request: ChildRequest, reply) =>
    unlessSubmitted(request, reply, async () => {
      const ctx = contextOf(request);
      const { spotlightId, recordId, childId } = request.params;
      // Whose record, and whether the child is in it, is checked before anything typed.
      await recordItems.childForEditing(ctx, spotlightId, recordId, childId);
      const href = childHref(request.params, childId);
      return versionedSave(request, reply, {
        parse: (body) => parseForm(childSchema, body),
        again: async (values, errors, version) => {
          const view = await recordItems.child(ctx, spotlightId, recordId, childId);
          return page(reply, view, { values, errors, version }, 400);
        },
        save: (value, version) =>
          recordItems.saveChild(ctx, spotlightId, recordId, childId, value, version),
        // A submitted record is a Conflict too: unlessSubmitted shows its own page.
        passOn: (error) => error instanceof RecordSubmitted,
        conflict: async (value) => {
          const now = await recordItems.child(ctx, spotlightId, recordId, childId);
          return reply.page(
            `${pages}/conflict.njk`,
            {
              spotlight: now.spotlight,
              child: now.child,
              kindName: childKindNames[now.child.kind],
              rows: childConflictRows(now.child, value),
              version: now.child.version,
              yours: childValues(value),
              then: returnsToRecord(request.body) ? 'record' : '',
              action: href,
              backLink: href,
            },
            409,
          );
        },
        done: () => {
          request.session.flash = 'Saved';
          return reply.redirect(
            returnsToRecord(request.body) ? recordHref(request.params) : href,
            303,
          );
        },
      });
    }),
  );

  app.get(`${childPath}/remove`, signedIn, async (request: ChildRequest, reply) =>
    unlessSubmitted(request, reply, async () => {
      const { spotlightId, recordId, childId } = request.params;
      const view = await recordItems.childToRemove(
        contextOf(request),
        spotlightId,
        recordId,
        childId,
      );
      const href = childHref(request.params, view.child.id);
      return reply.page(`${pages}/remove.njk`, {
        ...view,
        action: `${href}/remove`,
        cancelHref: href,
        backLink: href,
      });
    }),
  );

  app.post(`${childPath}/remove`, signedIn, async (request: ChildRequest, reply) =>
    unlessSubmitted(request, reply, async () => {
      const { spotlightId, recordId, childId } = request.params;
      await recordItems.removeChild(contextOf(request), spotlightId, recordId, childId);
      request.session.flash = 'The child was removed from your record';
      return reply.redirect(recordHref(request.params), 303);
    }),
  );
}
