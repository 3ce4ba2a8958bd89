// The pages every public-sector service must have, linked from every page's footer: the
// accessibility statement, the privacy notice and the cookies page. Anyone may read them.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { sessionCookieName } from '../session.js';

export async function infoPageRoutes(app: FastifyInstance, opts: { services: Services }) {
  const { config } = opts.services;

  app.get('/accessibility', { config: { permission: 'public' } }, async (_request, reply) =>
    reply.page('platform/info-pages/pages/accessibility.njk'),
  );

  app.get('/privacy', { config: { permission: 'public' } }, async (_request, reply) =>
    reply.page('platform/info-pages/pages/privacy.njk'),
  );

  // The cookies page states what this installation really sets: its cookie name and time limits.
  app.get('/cookies', { config: { permission: 'public' } }, async (_request, reply) =>
    reply.page('platform/info-pages/pages/cookies.njk', {
      cookieName: sessionCookieName(config),
      idleMinutes: config.sessionIdleMinutes,
      absoluteHours: config.sessionAbsoluteHours,
    }),
  );
}
