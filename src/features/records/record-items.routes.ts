// Routes for a record's children and evidence items.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

export async function recordItemsRoutes(app: FastifyInstance, opts: { services: Services }) {
  void app;
  void opts;
}
