// The council's settings, for the QA coordinator: bank holidays, deadlines, case number formats and
// closure days.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { closureDayPages } from './pages/settings/closure-days.js';
import { settingsPages } from './pages/settings/settings.js';

export async function settingsRoutes(app: FastifyInstance, opts: { services: Services }) {
  await settingsPages(app, opts.services);
  await closureDayPages(app, opts.services);
}
