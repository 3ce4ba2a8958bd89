// Routes for the triangulation board, per theme, and the Lead's key findings.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

export async function triangulationRoutes(app: FastifyInstance, opts: { services: Services }) {
  void app;
  void opts;
}
