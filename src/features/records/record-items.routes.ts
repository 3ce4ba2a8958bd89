// Routes for a record's children and evidence items: one child reviewed (answers, adding another,
// removing one the member added) and evidence items (add, change, remove). Addresses carry ids,
// never case numbers.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { addChildRoutes } from './pages/add-child/handlers.js';
import { childRoutes } from './pages/child/handlers.js';
import { evidenceRoutes } from './pages/evidence/handlers.js';

export async function recordItemsRoutes(app: FastifyInstance, opts: { services: Services }) {
  await app.register(childRoutes, opts);
  await app.register(addChildRoutes, opts);
  await app.register(evidenceRoutes, opts);
}
