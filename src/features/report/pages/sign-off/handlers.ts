// Review and sign-off, the Lead's side: where each step stands, sending the draft to the team
// members, the Heads of Service's agreement, and sending the report to the QA team (a check page
// that lists what is still open, none of it blocking).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { contextOf } from '../../../../platform/context.js';
import { dateInputItems, type DateInputPart } from '../../../../platform/date-input.js';
import { Invalid } from '../../../../platform/errors.js';
import {
  addError,
  emptyErrors,
  rawValues,
  versionOf,
  type FormErrors,
} from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import { ReportChanged, reviewLimits } from '../../report-review.rules.js';
import type { ReportReviewService } from '../../report-review.service.js';
import {
  orStageProblem,
  reportHref,
  signedIn,
  signOffHref,
  statusName,
  type SpotlightRequest,
} from './common.js';
import { dateValues, parseAgreementForm } from './form.js';
import { checkGroups, signOffTasks } from './view.js';

const pages = 'features/report/pages/sign-off';

type Agreement = Awaited<ReturnType<ReportReviewService['agreement']>>;
type Submission = Awaited<ReturnType<ReportReviewService['submission']>>;

export async function signOffRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { reportReview } = opts.services;
  const url = (path: string) => `/spotlights/:spotlightId/report/${path}`;
  const spotlightOf = (request: SpotlightRequest) => async () =>
    (await reportReview.signOff(contextOf(request), request.params.spotlightId)).spotlight;

  app.get(url('sign-off'), signedIn, async (request: SpotlightRequest, reply) => {
    const view = await reportReview.signOff(contextOf(request), request.params.spotlightId);
    const { report } = view;
    return reply.page(`${pages}/sign-off.njk`, {
      ...view,
      tasks: signOffTasks(view),
      statusName: statusName(report?.status),
      canCirculate: view.isLead && (report?.status === 'draft' || report?.status === 'returned'),
      reportLink: reportHref(view.spotlight.id),
      backLink: `/spotlights/${view.spotlight.id}`,
    });
  });

  app.post(url('circulate'), signedIn, async (request: SpotlightRequest, reply) => {
    const ctx = contextOf(request);
    const { spotlightId } = request.params;
    return orStageProblem(reply, spotlightOf(request), async () => {
      await reportReview.circulateToMembers(ctx, spotlightId);
      request.session.flash = 'Draft sent to the team members for comment';
      return reply.redirect(signOffHref(spotlightId), 303);
    });
  });

  function agreementPage(
    reply: FastifyReply,
    view: Agreement,
    form: {
      values?: Record<string, unknown>;
      errors?: FormErrors;
      dateParts?: DateInputPart[];
    } = {},
    status = 200,
    changed = false,
  ) {
    const { spotlight, report } = view;
    return reply.page(
      `${pages}/agreement.njk`,
      {
        spotlight,
        report,
        changed,
        statusName: statusName(report?.status),
        values: form.values ?? {
          ...dateValues('agreedOn', report?.actions_agreed_on ?? null),
          note: report?.actions_agreed_note ?? '',
        },
        errors: form.errors,
        dateItems: dateInputItems(form.dateParts),
        limit: reviewLimits.agreementNote,
        action: `${reportHref(spotlight.id)}/agreement`,
        backLink: signOffHref(spotlight.id),
      },
      status,
    );
  }

  app.get(url('agreement'), signedIn, async (request: SpotlightRequest, reply) => {
    const view = await reportReview.agreement(contextOf(request), request.params.spotlightId);
    return agreementPage(reply, view);
  });

  app.post(url('agreement'), signedIn, async (request: SpotlightRequest, reply) => {
    const ctx = contextOf(request);
    const view = await reportReview.agreement(ctx, request.params.spotlightId);
    const { spotlight } = view;
    const version = versionOf(request.body);
    const form = parseAgreementForm(request.body, spotlight);
    // The version stays as it was read, so a second try still sees a change made meanwhile.
    const values = { ...rawValues(request.body), version: String(version) };
    if (!form.ok) return agreementPage(reply, view, { ...form, values }, 400);
    return orStageProblem(
      reply,
      async () => spotlight,
      async () => {
        try {
          await reportReview.recordAgreement(ctx, spotlight.id, form.value, version);
        } catch (error) {
          if (error instanceof Invalid) {
            const errors = addError(emptyErrors(), error.field, error.message);
            return agreementPage(reply, view, { values, errors }, 400);
          }
          if (!(error instanceof ReportChanged)) throw error;
          // Changed meanwhile: show what is saved now beside what was entered, nothing lost.
          const now = await reportReview.agreement(ctx, spotlight.id);
          const kept = { ...rawValues(request.body), version: String(now.report?.version ?? 0) };
          return agreementPage(reply, now, { values: kept }, 409, true);
        }
        request.session.flash = 'Heads of Service agreement recorded';
        return reply.redirect(signOffHref(spotlight.id), 303);
      },
    );
  });

  function submitPage(reply: FastifyReply, view: Submission, status = 200, changed = false) {
    const { spotlight, report } = view;
    return reply.page(
      `${pages}/submit.njk`,
      {
        ...view,
        changed,
        groups: checkGroups(view.checks),
        statusName: statusName(report.status),
        returned: report.status === 'returned',
        action: `${reportHref(spotlight.id)}/submit`,
        reportLink: reportHref(spotlight.id),
        commentsLink: `${reportHref(spotlight.id)}/comments`,
        agreementLink: `${reportHref(spotlight.id)}/agreement`,
        backLink: signOffHref(spotlight.id),
      },
      status,
    );
  }

  app.get(url('submit'), signedIn, async (request: SpotlightRequest, reply) => {
    const ctx = contextOf(request);
    return orStageProblem(reply, spotlightOf(request), async () =>
      submitPage(reply, await reportReview.submission(ctx, request.params.spotlightId)),
    );
  });

  app.post(url('submit'), signedIn, async (request: SpotlightRequest, reply) => {
    const ctx = contextOf(request);
    const { spotlightId } = request.params;
    return orStageProblem(reply, spotlightOf(request), async () => {
      // Only the Lead gets past this, and only while the report is with them.
      await reportReview.submission(ctx, spotlightId);
      const version = versionOf(request.body);
      try {
        await reportReview.submit(ctx, spotlightId, version);
      } catch (error) {
        if (!(error instanceof ReportChanged)) throw error;
        return submitPage(reply, await reportReview.submission(ctx, spotlightId), 409, true);
      }
      request.session.flash = 'Report sent to the QA team';
      return reply.redirect(signOffHref(spotlightId), 303);
    });
  });
}
