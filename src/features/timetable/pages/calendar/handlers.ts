// The published plan as a year calendar: a section for each month listing the working days that
// have Spotlights, with the day's name. A list rather than a grid, so it reads at 320 px.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../../services.js';
import { contextOf, monthsOf, view } from '../plans/common.js';

export async function calendarPages(app: FastifyInstance, services: Services) {
  const { timetable } = services;

  app.get('/timetable/calendar', view, async (request, reply) => {
    const published = await timetable.publishedPlan(contextOf(request));
    const months = published
      ? monthsOf(published.plan, published.spotlights).map((month) => {
          const days: { date: string; day: string; teams: string[] }[] = [];
          for (const spotlight of month.spotlights) {
            const last = days[days.length - 1];
            if (last && last.date === spotlight.date) last.teams.push(spotlight.team.name);
            else
              days.push({ date: spotlight.date, day: spotlight.day, teams: [spotlight.team.name] });
          }
          return { key: month.key, name: month.name, days };
        })
      : [];
    return reply.page('features/timetable/pages/calendar/calendar.njk', {
      plan: published?.plan ?? null,
      months,
      backLink: '/timetable',
    });
  });
}
