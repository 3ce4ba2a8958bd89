// The timetable's pages for the QA and Safeguarding Team and managers: the plan in force (as a list
// and as a year calendar), planning a new year, changing a Spotlight, publishing, the history.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { calendarPages } from './pages/calendar/handlers.js';
import { spotlightEditPages } from './pages/plans/edit.js';
import { planPages } from './pages/plans/handlers.js';
import { newPlanPages } from './pages/plans/new.js';

export async function timetableRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { services } = opts;
  await newPlanPages(app, services);
  await planPages(app, services);
  await spotlightEditPages(app, services);
  await calendarPages(app, services);
}
