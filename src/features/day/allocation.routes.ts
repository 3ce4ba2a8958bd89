// The allocation of children on the day: its pages, with the random draws behind them.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { allocationPages } from './pages/allocation/handlers.js';

export async function allocationRoutes(app: FastifyInstance, opts: { services: Services }) {
  await app.register(allocationPages, opts);
}
