// STUB (being built): the council's settings and closure days.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

export async function settingsRoutes(app: FastifyInstance, opts: { services: Services }) {
  void app;
  void opts;
}
