// Routes for the report (see the pages under ./pages).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

export async function reportDraftingRoutes(app: FastifyInstance, opts: { services: Services }) {
  void app;
  void opts;
}
