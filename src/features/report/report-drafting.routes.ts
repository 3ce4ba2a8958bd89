// Routes for drafting the report: the report page, its sections and its recommendations (see the
// pages under ./pages).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { draftPages } from './pages/draft/handlers.js';
import { recommendationPages } from './pages/recommendation/handlers.js';
import { sectionPages } from './pages/section/handlers.js';

export async function reportDraftingRoutes(app: FastifyInstance, opts: { services: Services }) {
  await app.register(draftPages, opts);
  await app.register(sectionPages, opts);
  await app.register(recommendationPages, opts);
}
