// Routes for the council's report settings: the jargon list and the grade scale.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

export async function reportSettingsRoutes(app: FastifyInstance, opts: { services: Services }) {
  void app;
  void opts;
}
