// STUB (being built): a Spotlight's own page.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

export async function spotlightRoutes(app: FastifyInstance, opts: { services: Services }) {
  void app;
  void opts;
}
