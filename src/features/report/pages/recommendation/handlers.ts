// The Lead's recommendations (the action plan): add one at the end, change one (a stale save gets a
// conflict page with both versions and the Lead's words kept in the form), remove one after asking.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { themeOf } from '../../../../core/record-themes.js';
import { contextOf } from '../../../../platform/context.js';
import { dateInputItems, type DateInputPart } from '../../../../platform/date-input.js';
import { Invalid, unlessGone } from '../../../../platform/errors.js';
import { addError, emptyErrors, type FormErrors } from '../../../../platform/forms.js';
import { versionedSave } from '../../../../platform/versioned-save.js';
import type { Services } from '../../../../services.js';
import { draftingLimits, ReportLocked } from '../../report-drafting.rules.js';
import { lockedPage } from '../draft/handlers.js';
import { paragraphsOf, recommendationsHref, reportHref, signedIn } from '../draft/view.js';
import {
  conflictRows,
  parseRecommendationForm,
  savedValues,
  themeItems,
  typedValues,
  type RecommendationValues,
} from './form.js';

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;
type RecommendationRequest = FastifyRequest<{
  Params: { spotlightId: string; recommendationId: string };
}>;

const pages = 'features/report/pages/recommendation';
const base = '/spotlights/:spotlightId/report/recommendations';

interface FormView {
  spotlightId: string;
  teamName: string;
  values: RecommendationValues;
  recommendationId?: string;
  version?: number;
  errors?: FormErrors;
  dateParts?: DateInputPart[];
  suggestedActions?: string[];
}

function formData(view: FormView) {
  const back = `${reportHref(view.spotlightId)}#recommendations`;
  const action = view.recommendationId
    ? `${recommendationsHref(view.spotlightId)}/${view.recommendationId}`
    : `${recommendationsHref(view.spotlightId)}/new`;
  return {
    ...view,
    themeItems: themeItems(view.values),
    dateItems: dateInputItems(view.dateParts).map((item) => ({
      ...item,
      value: view.values[`dueOn-${item.name}`],
    })),
    limitText: draftingLimits.text.toLocaleString('en-GB'),
    action,
    removeHref: view.recommendationId ? `${action}/remove` : undefined,
    cancelHref: back,
    backLink: back,
  };
}

/** What was typed, for the page that says it cannot be saved now. */
const typedList = (values: RecommendationValues) => [
  { name: 'What will change', text: values.action },
  { name: 'Who owns it', text: values.owner },
  { name: 'How it will be measured', text: values.measure },
  { name: 'Baseline', text: values.baseline },
  { name: 'Target', text: values.target },
];

/** ReportLocked becomes the page that says why nothing can change now. */
async function unlessLocked(
  request: SpotlightRequest,
  reply: FastifyReply,
  work: () => Promise<FastifyReply>,
) {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ReportLocked)) throw error;
    const typed = request.method === 'POST' ? typedList(typedValues(request.body)) : [];
    return lockedPage(reply, request.params.spotlightId, error, typed);
  }
}

export async function recommendationPages(app: FastifyInstance, opts: { services: Services }) {
  const { reportDrafting } = opts.services;
  const formPage = (reply: FastifyReply, view: FormView, status = 200) =>
    reply.page(`${pages}/recommendation.njk`, formData(view), status);

  app.get(`${base}/new`, signedIn, async (request: SpotlightRequest, reply) =>
    unlessLocked(request, reply, async () => {
      const form = await reportDrafting.newRecommendation(
        contextOf(request),
        request.params.spotlightId,
      );
      return formPage(reply, {
        spotlightId: form.spotlight.id,
        teamName: form.spotlight.team.name,
        values: savedValues(null),
        suggestedActions: form.suggestedActions,
      });
    }),
  );

  app.post(`${base}/new`, signedIn, async (request: SpotlightRequest, reply) =>
    unlessLocked(request, reply, async () => {
      const ctx = contextOf(request);
      // The Lead's form, and whether the report may change, before what was typed.
      const form = await reportDrafting.newRecommendation(ctx, request.params.spotlightId);
      const parsed = parseRecommendationForm(request.body);
      const view = {
        spotlightId: form.spotlight.id,
        teamName: form.spotlight.team.name,
        values: parsed.values,
        suggestedActions: form.suggestedActions,
      };
      if (!parsed.ok) return formPage(reply, { ...view, ...parsed }, 400);
      try {
        await reportDrafting.addRecommendation(ctx, form.spotlight.id, parsed.value);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        return formPage(
          reply,
          { ...view, errors: addError(emptyErrors(), error.field, error.message) },
          400,
        );
      }
      request.session.flash = 'Recommendation added';
      return reply.redirect(`${reportHref(form.spotlight.id)}#recommendations`, 303);
    }),
  );

  app.get(`${base}/:recommendationId`, signedIn, async (request: RecommendationRequest, reply) =>
    unlessLocked(request, reply, async () => {
      const { spotlightId, recommendationId } = request.params;
      const view = await reportDrafting.recommendation(
        contextOf(request),
        spotlightId,
        recommendationId,
      );
      return formPage(reply, {
        spotlightId: view.spotlight.id,
        teamName: view.spotlight.team.name,
        values: savedValues(view.recommendation),
        recommendationId: view.recommendation.id,
        version: view.recommendation.version,
      });
    }),
  );

  app.post(`${base}/:recommendationId`, signedIn, async (request: RecommendationRequest, reply) =>
    unlessLocked(request, reply, async () => {
      const ctx = contextOf(request);
      const { spotlightId, recommendationId } = request.params;
      const read = await reportDrafting.recommendation(ctx, spotlightId, recommendationId);
      const id = read.recommendation.id;
      const shown = (values: RecommendationValues, version: number) => ({
        spotlightId: read.spotlight.id,
        teamName: read.spotlight.team.name,
        values,
        recommendationId: id,
        version,
      });
      return versionedSave(request, reply, {
        parse: parseRecommendationForm,
        again: (values, errors, version) =>
          formPage(reply, { ...shown(values, version), errors }, 400),
        save: (value, version) =>
          reportDrafting.changeRecommendation(ctx, spotlightId, id, value, version),
        passOn: (error) => error instanceof ReportLocked,
        conflict: async (value, values) => {
          const now =
            (await unlessGone(reportDrafting.recommendation(ctx, spotlightId, id)))
              ?.recommendation ?? null;
          return reply.page(
            `${pages}/conflict.njk`,
            {
              ...formData(shown(values, now?.version ?? 0)),
              removed: now === null,
              rows: now ? conflictRows(now, value) : [],
              savedAt: now?.updatedAt,
              yourAction: paragraphsOf(value.action),
            },
            409,
          );
        },
        done: () => {
          request.session.flash = 'Recommendation changed';
          return reply.redirect(`${reportHref(spotlightId)}#recommendations`, 303);
        },
      });
    }),
  );

  app.get(
    `${base}/:recommendationId/remove`,
    signedIn,
    async (request: RecommendationRequest, reply) =>
      unlessLocked(request, reply, async () => {
        const { spotlightId, recommendationId } = request.params;
        const view = await reportDrafting.recommendation(
          contextOf(request),
          spotlightId,
          recommendationId,
        );
        const back = `${reportHref(view.spotlight.id)}#recommendations`;
        return reply.page(`${pages}/remove.njk`, {
          spotlight: view.spotlight,
          recommendation: view.recommendation,
          themeName: themeOf(view.recommendation.theme).name,
          action: `${recommendationsHref(view.spotlight.id)}/${view.recommendation.id}/remove`,
          actionParagraphs: paragraphsOf(view.recommendation.action),
          cancelHref: back,
          backLink: back,
        });
      }),
  );

  app.post(
    `${base}/:recommendationId/remove`,
    signedIn,
    async (request: RecommendationRequest, reply) =>
      unlessLocked(request, reply, async () => {
        const { spotlightId, recommendationId } = request.params;
        await reportDrafting.removeRecommendation(
          contextOf(request),
          spotlightId,
          recommendationId,
        );
        request.session.flash = 'Recommendation removed';
        return reply.redirect(`${reportHref(spotlightId)}#recommendations`, 303);
      }),
  );
}
