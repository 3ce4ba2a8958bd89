// Routes for the triangulation board, per theme, and the Lead's key findings.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { triangulationPages } from './pages/triangulation/handlers.js';

export async function triangulationRoutes(app: FastifyInstance, opts: { services: Services }) {
  await app.register(triangulationPages, opts);
}
