// The day of a Spotlight, morning: the Lead's day page, the priorities agreed with the management
// group, and dip-sampling targets. (The allocation of children has its own routes.)
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { dayPageRoutes } from './pages/day/handlers.js';
import { dipSamplingRoutes } from './pages/dip-sampling/handlers.js';
import { prioritiesRoutes } from './pages/priorities/handlers.js';

export async function dayRoutes(app: FastifyInstance, opts: { services: Services }) {
  await app.register(dayPageRoutes, opts);
  await app.register(prioritiesRoutes, opts);
  await app.register(dipSamplingRoutes, opts);
}
