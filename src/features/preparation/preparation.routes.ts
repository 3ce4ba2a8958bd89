// The preparation stage's pages: the pack's documents, nominations, the case list, access.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { documentsRoutes } from './pages/documents/handlers.js';
import { nominationsRoutes } from './pages/nominations/handlers.js';
import { caseListRoutes } from './pages/case-list/handlers.js';
import { recordingAccessRoutes } from './pages/recording-access/handlers.js';

export async function preparationRoutes(app: FastifyInstance, opts: { services: Services }) {
  await app.register(documentsRoutes, opts);
  await app.register(nominationsRoutes, opts);
  await app.register(caseListRoutes, opts);
  await app.register(recordingAccessRoutes, opts);
}
