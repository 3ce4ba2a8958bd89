// Administration by the QA coordinator: who can sign in to Spotlight, and the audit log.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { accountRoutes } from './account.routes.js';
import { auditLogRoutes } from './audit-log.routes.js';
import { usersRoutes } from './users.routes.js';
import { settingsRoutes } from './settings.routes.js';

export async function adminRoutes(app: FastifyInstance, opts: { services: Services }) {
  await app.register(usersRoutes, opts);
  await app.register(accountRoutes, opts);
  await app.register(auditLogRoutes, opts);
  await app.register(settingsRoutes, opts);
}
