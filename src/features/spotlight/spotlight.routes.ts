// A Spotlight's own page: its people, deadlines, readiness checklist and preparation links.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contextOf } from '../../platform/context.js';
import type { Services } from '../../services.js';
import { spotlightOverview } from './pages/overview.js';

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;

export async function spotlightRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { services } = opts;

  app.get(
    '/spotlights/:spotlightId',
    { config: { permission: 'signed-in' } },
    async (request: SpotlightRequest, reply) => {
      const view = await spotlightOverview(
        services,
        contextOf(request),
        request.params.spotlightId,
      );
      return reply.page('features/spotlight/pages/overview.njk', view);
    },
  );
}
