// The timetable's front page (the plan in force, month by month), a plan's own page with its
// Spotlights and history, and publishing a draft after a confirmation page.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../../services.js';
import {
  canManage,
  contextOf,
  manage,
  monthsOf,
  planStateNames,
  plansPages,
  solverWords,
  versionOf,
  view,
} from './common.js';

type IdParams = { Params: { id: string } };

export async function planPages(app: FastifyInstance, services: Services) {
  const { timetable } = services;

  app.get('/timetable', view, async (request, reply) => {
    const { published, plans } = await timetable.overview(contextOf(request));
    return reply.page(`${plansPages}/overview.njk`, {
      published,
      months: published
        ? monthsOf(published.plan, published.spotlights).filter((m) => m.spotlights.length > 0)
        : [],
      plans,
      planStateNames,
      canManage: canManage(request),
    });
  });

  app.get<IdParams>('/timetable/plans/:id', view, async (request, reply) => {
    const { plan, spotlights, changes } = await timetable.getPlan(
      contextOf(request),
      request.params.id,
    );
    const editable = canManage(request) && plan.status !== 'superseded';
    return reply.page(`${plansPages}/view.njk`, {
      plan,
      spotlights,
      changes,
      statusWords: solverWords(plan),
      stateName: planStateNames[plan.status],
      editable,
      canPublish: canManage(request) && plan.status === 'draft',
      backLink: '/timetable',
    });
  });

  app.get<IdParams>('/timetable/plans/:id/publish', manage, async (request, reply) => {
    const ctx = contextOf(request);
    const { plan, spotlights } = await timetable.getPlan(ctx, request.params.id);
    const href = `/timetable/plans/${plan.id}`;
    if (plan.status !== 'draft') return reply.redirect(href, 303);
    const { published } = await timetable.overview(ctx);
    return reply.page(`${plansPages}/publish.njk`, {
      plan,
      spotlightCount: spotlights.length,
      // Only a published plan for an overlapping period is replaced.
      replaces:
        published && published.plan.from <= plan.to && published.plan.to >= plan.from
          ? published.plan
          : null,
      href,
      backLink: href,
    });
  });

  app.post<IdParams>('/timetable/plans/:id/publish', manage, async (request, reply) => {
    const id = request.params.id;
    await timetable.publishPlan(contextOf(request), id, versionOf(request.body));
    request.session.flash = 'Plan published';
    return reply.redirect(`/timetable/plans/${id}`, 303);
  });
}
