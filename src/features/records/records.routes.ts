// Routes for Team Member Information Records: the list, each record, its themes and other notes, submitting and reopening.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

export async function recordsRoutes(app: FastifyInstance, opts: { services: Services }) {
  void app;
  void opts;
}
