// Circulating the final report: the Lead or the QA team records to whom it went (the team's
// managers, at least one Team Manager, and its Head of Service) and when; the page lists who has it.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { contextOf } from '../../../../platform/context.js';
import {
  dateInputItems,
  parseDateInput,
  type DateInputPart,
} from '../../../../platform/date-input.js';
import { Invalid } from '../../../../platform/errors.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import { reviewMessages } from '../../report-review.rules.js';
import type { ReportReviewService } from '../../report-review.service.js';
import {
  orStageProblem,
  reportHref,
  signedIn,
  signOffHref,
  type SpotlightRequest,
} from '../sign-off/common.js';
import { dateValues } from '../sign-off/form.js';

type Circulation = Awaited<ReturnType<ReportReviewService['circulation']>>;

const ticked = (values: Record<string, unknown>) =>
  (Array.isArray(values.recipients)
    ? (values.recipients as unknown[])
    : [values.recipients]
  ).filter((v): v is string => typeof v === 'string' && v !== '');

export async function circulationRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { reportReview } = opts.services;
  const url = '/spotlights/:spotlightId/report/circulation';

  function page(
    reply: FastifyReply,
    view: Circulation,
    form: {
      values?: Record<string, unknown>;
      errors?: FormErrors;
      dateParts?: DateInputPart[];
    } = {},
    status = 200,
  ) {
    const { spotlight } = view;
    const values = form.values ?? dateValues('circulatedOn', spotlight.today);
    const chosen = new Set(ticked(values));
    return reply.page(
      'features/report/pages/circulation/circulation.njk',
      {
        ...view,
        final: view.report?.status === 'final',
        values,
        errors: form.errors,
        dateItems: dateInputItems(form.dateParts),
        recipientItems: view.recipients.map((r) => ({
          value: r.id,
          text: `${r.name} (${r.role})`,
          checked: chosen.has(r.id),
        })),
        action: `${reportHref(spotlight.id)}/circulation`,
        finalLink: `${reportHref(spotlight.id)}/final`,
        backLink: signOffHref(spotlight.id),
      },
      status,
    );
  }

  app.get(url, signedIn, async (request: SpotlightRequest, reply) => {
    return page(
      reply,
      await reportReview.circulation(contextOf(request), request.params.spotlightId),
    );
  });

  app.post(url, signedIn, async (request: SpotlightRequest, reply) => {
    const ctx = contextOf(request);
    const view = await reportReview.circulation(ctx, request.params.spotlightId);
    const { spotlight } = view;
    // Who may record it is checked first, so an outsider is refused whatever they typed.
    await reportReview.circulating(ctx, spotlight.id);
    return orStageProblem(
      reply,
      async () => spotlight,
      async () => {
        const values = rawValues(request.body);
        const date = parseDateInput(values, 'circulatedOn', reviewMessages.circulatedOnLabel);
        if ('message' in date) {
          const errors = emptyErrors();
          if (ticked(values).length === 0)
            addError(errors, 'recipients', reviewMessages.recipientsNoManager);
          addError(errors, 'circulatedOn', date.message, `#circulatedOn-${date.parts[0] ?? 'day'}`);
          return page(reply, view, { values, errors, dateParts: date.parts }, 400);
        }
        try {
          await reportReview.recordCirculation(ctx, spotlight.id, {
            recipientIds: ticked(values),
            circulatedOn: date.date,
          });
        } catch (error) {
          if (!(error instanceof Invalid)) throw error;
          const href = error.field === 'circulatedOn' ? '#circulatedOn-day' : `#${error.field}`;
          const errors = addError(emptyErrors(), error.field, error.message, href);
          const dateParts: DateInputPart[] =
            error.field === 'circulatedOn' ? ['day', 'month', 'year'] : [];
          return page(reply, view, { values, errors, dateParts }, 400);
        }
        request.session.flash = 'Circulation of the final report recorded';
        return reply.redirect(`${reportHref(spotlight.id)}/circulation`, 303);
      },
    );
  });
}
