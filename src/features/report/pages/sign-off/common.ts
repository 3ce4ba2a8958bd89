// What the review and sign-off pages share: their addresses, the caption, and the page that says
// plainly why a step cannot happen now (not started, not sent for comment, with the QA team, final).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { reportStatusNames, type ReportStatus } from '../../../../core/report/report-model.js';
import { ReportStageProblem } from '../../report-review.rules.js';

export const signedIn = { config: { permission: 'signed-in' as const } };

export type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;

export const reportHref = (spotlightId: string) => `/spotlights/${spotlightId}/report`;
export const signOffHref = (spotlightId: string) => `${reportHref(spotlightId)}/sign-off`;

/** The report's stage in words for the pages. */
export const statusName = (status: string | null | undefined) =>
  status ? (reportStatusNames[status as ReportStatus] ?? status) : 'Not started';

/** The page for a step that cannot happen now, with the reason and a way back. */
export function stageProblemPage(
  reply: FastifyReply,
  spotlight: { id: string; team: { name: string }; date: string },
  error: ReportStageProblem,
) {
  return reply.page(
    'features/report/pages/sign-off/problem.njk',
    {
      spotlight,
      message: error.message,
      posted: reply.request.method === 'POST',
      backLink: signOffHref(spotlight.id),
    },
    409,
  );
}

/**
 * Runs a page's work; a step that cannot happen now gets the plain page saying why. The
 * Spotlight is read by the work itself (after authorisation), so the caption comes from `spotlight`.
 */
export async function orStageProblem(
  reply: FastifyReply,
  spotlight: () => Promise<{ id: string; team: { name: string }; date: string }>,
  work: () => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ReportStageProblem)) throw error;
    return stageProblemPage(reply, await spotlight(), error);
  }
}
