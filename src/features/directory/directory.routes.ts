// The directory's pages: an overview, then service areas, teams, people and their leave.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { canManage, contextOf, view } from './pages/common.js';
import { personPages } from './pages/people/handlers.js';
import { leavePages } from './pages/people/leave.js';
import { peopleListPages } from './pages/people/list.js';
import { serviceAreaPages } from './pages/service-areas/handlers.js';
import { teamPages } from './pages/teams/handlers.js';
import { teamUnavailabilityPages } from './pages/teams/unavailability.js';

export async function directoryRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { services } = opts;

  app.get('/directory', view, async (request, reply) => {
    const counts = await services.directory.overview(contextOf(request));
    return reply.page('features/directory/pages/overview.njk', {
      counts,
      canManage: canManage(request),
    });
  });

  await serviceAreaPages(app, services);
  await teamPages(app, services);
  await peopleListPages(app, services);
  await personPages(app, services);
  await leavePages(app, services);
  await teamUnavailabilityPages(app, services);
}
