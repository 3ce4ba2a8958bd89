// The QA team's list of reports: every Spotlight with a report or whose draft is due, newest first,
// with its Lead, where the report stands, when it is due, and any Inadequate grade sent to them.
import type { FastifyInstance } from 'fastify';
import { contextOf } from '../../../../platform/context.js';
import type { Services } from '../../../../services.js';
import { reportHref, statusName } from '../sign-off/common.js';

export async function reportsListRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { reportReview } = opts.services;

  app.get('/reports', { config: { permission: 'reports:view' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const rows = await reportReview.reportsList(ctx);
    const reviewer = ctx.actor?.role === 'hos-qa';
    return reply.page('features/report/pages/reports-list/reports-list.njk', {
      rows: rows.map(({ spotlight, report, due, flagged }) => ({
        teamName: spotlight.team.name,
        date: spotlight.date,
        leadName: spotlight.lead?.name ?? 'Not chosen',
        statusName: report ? statusName(report.status) : 'Not started',
        due,
        flagged,
        href:
          reviewer && report?.status === 'submitted'
            ? `${reportHref(spotlight.id)}/review`
            : report
              ? `${reportHref(spotlight.id)}/sign-off`
              : `/spotlights/${spotlight.id}`,
        linkText:
          reviewer && report?.status === 'submitted' ? 'Review the report' : 'Review and sign-off',
      })),
    });
  });
}
