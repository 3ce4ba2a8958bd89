// The Head of Service QA and Safeguarding's review: where the report stands, the checks still
// open, any Inadequate grade, and two decisions: return it to the Lead with comments, or
// finalise it (after a confirmation page). A stale decision gets the page again, saying what changed.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { contextOf } from '../../../../platform/context.js';
import { Invalid } from '../../../../platform/errors.js';
import {
  errorsFromInvalid,
  parseForm,
  versionOf,
  type FormErrors,
} from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import { ReportChanged, reviewLimits, reviewMessages } from '../../report-review.rules.js';
import type { ReportReviewService } from '../../report-review.service.js';
import {
  orStageProblem,
  reportHref,
  signedIn,
  signOffHref,
  statusName,
  type SpotlightRequest,
} from '../sign-off/common.js';
import { longText } from '../sign-off/form.js';
import { checkGroups } from '../sign-off/view.js';

type Review = Awaited<ReturnType<ReportReviewService['review']>>;

const pages = 'features/report/pages/review';

const returnSchema = z.object({
  comments: longText(
    reviewLimits.returnComments,
    reviewMessages.returnNone,
    reviewMessages.returnLength,
  ),
});

export async function reviewRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { reportReview } = opts.services;
  const url = (path: string) => `/spotlights/:spotlightId/report/${path}`;

  function reviewPage(
    reply: FastifyReply,
    view: Review,
    form: { values?: Record<string, unknown>; errors?: FormErrors; version?: number } = {},
    status = 200,
    changed = false,
  ) {
    const { spotlight, report } = view;
    const base = reportHref(spotlight.id);
    return reply.page(
      `${pages}/review.njk`,
      {
        ...view,
        changed,
        groups: checkGroups(view.checks),
        statusName: statusName(report?.status),
        canDecide: report?.status === 'submitted',
        values: form.values ?? {},
        errors: form.errors,
        version: form.version ?? report?.version ?? 0,
        limit: reviewLimits.returnComments,
        returnAction: `${base}/return`,
        finaliseLink: `${base}/finalise`,
        reportLink: base,
        versionsLink: `${base}/versions`,
        backLink: signOffHref(spotlight.id),
      },
      status,
    );
  }

  app.get(url('review'), signedIn, async (request: SpotlightRequest, reply) => {
    return reviewPage(
      reply,
      await reportReview.review(contextOf(request), request.params.spotlightId),
    );
  });

  app.post(url('return'), signedIn, async (request: SpotlightRequest, reply) => {
    const ctx = contextOf(request);
    const view = await reportReview.review(ctx, request.params.spotlightId);
    const { spotlight } = view;
    const version = versionOf(request.body);
    return orStageProblem(
      reply,
      async () => spotlight,
      async () => {
        const form = parseForm(returnSchema, request.body);
        if (!form.ok) return reviewPage(reply, view, { ...form, version }, 400);
        try {
          await reportReview.returnToLead(ctx, spotlight.id, form.value, version);
        } catch (error) {
          if (error instanceof Invalid) {
            return reviewPage(
              reply,
              view,
              { values: form.value, errors: errorsFromInvalid(error), version },
              400,
            );
          }
          if (!(error instanceof ReportChanged)) throw error;
          const now = await reportReview.review(ctx, spotlight.id);
          return reviewPage(reply, now, { values: form.value }, 409, true);
        }
        request.session.flash = 'Report returned to the Lead';
        return reply.redirect(signOffHref(spotlight.id), 303);
      },
    );
  });

  function finalisePage(reply: FastifyReply, view: Review, status = 200, changed = false) {
    const { spotlight, report } = view;
    return reply.page(
      `${pages}/finalise.njk`,
      {
        ...view,
        changed,
        statusName: statusName(report?.status),
        canDecide: report?.status === 'submitted',
        version: report?.version ?? 0,
        action: `${reportHref(spotlight.id)}/finalise`,
        backLink: `${reportHref(spotlight.id)}/review`,
      },
      status,
    );
  }

  app.get(url('finalise'), signedIn, async (request: SpotlightRequest, reply) => {
    return finalisePage(
      reply,
      await reportReview.review(contextOf(request), request.params.spotlightId),
    );
  });

  app.post(url('finalise'), signedIn, async (request: SpotlightRequest, reply) => {
    const ctx = contextOf(request);
    const view = await reportReview.review(ctx, request.params.spotlightId);
    const { spotlight } = view;
    const version = versionOf(request.body);
    return orStageProblem(
      reply,
      async () => spotlight,
      async () => {
        try {
          await reportReview.finalise(ctx, spotlight.id, version);
        } catch (error) {
          if (!(error instanceof ReportChanged)) throw error;
          return finalisePage(reply, await reportReview.review(ctx, spotlight.id), 409, true);
        }
        request.session.flash = 'Report finalised';
        return reply.redirect(signOffHref(spotlight.id), 303);
      },
    );
  });
}
