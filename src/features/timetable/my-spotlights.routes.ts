// "My Spotlights": where the signed-in person takes part, with the calendar invite for each day.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contextOf } from '../../platform/context.js';
import type { Services } from '../../services.js';

type SpotlightRequest = FastifyRequest<{ Params: { spotlightId: string } }>;

export async function mySpotlightsRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { mySpotlights } = opts.services;

  app.get('/my-spotlights', { config: { permission: 'signed-in' } }, async (request, reply) => {
    const spotlights = await mySpotlights.list(contextOf(request));
    return reply.page('features/timetable/pages/my-spotlights/list.njk', { ...spotlights });
  });

  app.get(
    '/my-spotlights/:spotlightId/invite.ics',
    { config: { permission: 'signed-in' } },
    async (request: SpotlightRequest, reply) => {
      const invite = await mySpotlights.invite(contextOf(request), request.params.spotlightId);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${invite.fileName}"`)
        .header('cache-control', 'no-store')
        .send(invite.body);
    },
  );
}
