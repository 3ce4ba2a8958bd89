// Routes for the council's report settings: the jargon list and the grade scale.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { reportSettingsPages } from './pages/report-settings/handlers.js';

export async function reportSettingsRoutes(app: FastifyInstance, opts: { services: Services }) {
  await reportSettingsPages(app, opts.services);
}
