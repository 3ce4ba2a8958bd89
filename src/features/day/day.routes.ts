// The day of a Spotlight: the Lead's day page, the priorities agreed with the management group,
// dip-sampling targets, and the feedback to the team's managers and Head of Service at the end of
// the day. (The allocation of children has its own routes.)
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { dayPageRoutes } from './pages/day/handlers.js';
import { dipSamplingRoutes } from './pages/dip-sampling/handlers.js';
import { feedbackRoutes } from './pages/feedback/handlers.js';
import { prioritiesRoutes } from './pages/priorities/handlers.js';

export async function dayRoutes(app: FastifyInstance, opts: { services: Services }) {
  await app.register(dayPageRoutes, opts);
  await app.register(prioritiesRoutes, opts);
  await app.register(dipSamplingRoutes, opts);
  await app.register(feedbackRoutes, opts);
}
