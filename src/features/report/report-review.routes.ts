// Routes for review and sign-off (see the pages under ./pages): the sign-off steps, comments, the
// Head of Service QA and Safeguarding's review, versions, circulation, and the QA team's list.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { circulationRoutes } from './pages/circulation/handlers.js';
import { commentsRoutes } from './pages/comments/handlers.js';
import { reportsListRoutes } from './pages/reports-list/handlers.js';
import { reviewRoutes } from './pages/review/handlers.js';
import { signOffRoutes } from './pages/sign-off/handlers.js';
import { versionsRoutes } from './pages/versions/handlers.js';

export async function reportReviewRoutes(app: FastifyInstance, opts: { services: Services }) {
  await app.register(signOffRoutes, opts);
  await app.register(commentsRoutes, opts);
  await app.register(reviewRoutes, opts);
  await app.register(versionsRoutes, opts);
  await app.register(circulationRoutes, opts);
  await app.register(reportsListRoutes, opts);
}
