// Routes for the report as circulated: the page, and the Word and PDF downloads (./pages/final).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { finalReportRoutes } from './pages/final/handlers.js';

export async function reportFormatsRoutes(app: FastifyInstance, opts: { services: Services }) {
  await app.register(finalReportRoutes, opts);
}
