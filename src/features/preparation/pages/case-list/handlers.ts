// STUB (being built).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../../services.js';

export async function caseListRoutes(app: FastifyInstance, opts: { services: Services }) {
  void app;
  void opts;
}
