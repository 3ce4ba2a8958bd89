// The report page: the draft as it stands, with the quality checks beside each section, for the
// Spotlight Team and (once sent) the QA team; and the Lead's button that starts the draft.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOf } from '../../../../platform/context.js';
import type { Services } from '../../../../services.js';
import type { ReportLocked } from '../../report-drafting.rules.js';
import { paragraphsOf, reportHref, reportPageView, signedIn } from './view.js';

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;

const pages = 'features/report/pages/draft';

/** The page that says the report cannot be changed now, with what was typed kept to copy. */
export function lockedPage(
  reply: FastifyReply,
  spotlightId: string,
  error: ReportLocked,
  typed: { name: string; text: string }[] = [],
) {
  return reply.page(
    `${pages}/locked.njk`,
    {
      message: error.message,
      typed: typed
        .filter((t) => t.text !== '')
        .map((t) => ({ name: t.name, paragraphs: paragraphsOf(t.text) })),
      reportHref: reportHref(spotlightId),
      backLink: reportHref(spotlightId),
    },
    400,
  );
}

export async function draftPages(app: FastifyInstance, opts: { services: Services }) {
  const { reportDrafting } = opts.services;

  app.get('/spotlights/:spotlightId/report', signedIn, async (request: SpotlightRequest, reply) => {
    const view = await reportDrafting.reportPage(contextOf(request), request.params.spotlightId);
    return reply.page(`${pages}/report.njk`, reportPageView(view));
  });

  app.post(
    '/spotlights/:spotlightId/report/start',
    signedIn,
    async (request: SpotlightRequest, reply) => {
      const { spotlightId } = request.params;
      await reportDrafting.startDraft(contextOf(request), spotlightId);
      return reply.redirect(reportHref(spotlightId), 303);
    },
  );
}
