// The council's settings, for the QA coordinator: bank holidays, deadlines, case number formats,
// closure days, and the emails Spotlight sends.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { emailPages } from './pages/emails/emails.js';
import { closureDayPages } from './pages/settings/closure-days.js';
import { settingsPages } from './pages/settings/settings.js';

export async function settingsRoutes(app: FastifyInstance, opts: { services: Services }) {
  await settingsPages(app, opts.services);
  await closureDayPages(app, opts.services);
  await emailPages(app, opts.services);
}
