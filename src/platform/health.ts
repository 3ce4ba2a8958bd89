// GET /health for load balancers and monitoring: 200 when the database answers, 503 when not.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.js';

export async function healthRoutes(app: FastifyInstance, opts: { services: Services }) {
  app.get('/health', { config: { permission: 'public' } }, async (_request, reply) => {
    const ok = await opts.services.database.ping();
    return reply
      .code(ok ? 200 : 503)
      .send({ status: ok ? 'ok' : 'error', database: ok ? 'ok' : 'unreachable' });
  });
}
