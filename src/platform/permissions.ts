// Every route must declare the permission it needs (a route without one stops the app starting),
// and every request is checked against it by the policy module before its handler runs.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Forbidden } from './errors.js';
import { can, type Permission } from './policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
  }
}

/** Static files are public by nature: the only routes allowed to leave the permission out. */
export const publicPrefixes = ['/assets/', '/stylesheets/', '/javascripts/'];

export const setUpPermissions = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRoute', (route) => {
      const config = (route.config ?? {}) as { permission?: Permission };
      if (config.permission) return;
      if (publicPrefixes.some((prefix) => route.url.startsWith(prefix))) {
        route.config = { ...config, permission: 'public' };
        return;
      }
      const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
      throw new Error(`Route ${methods} ${route.url} does not declare a permission`);
    });

    app.addHook('preValidation', async (request, reply) => {
      const permission = request.routeOptions.config.permission;
      // Not-found and error responses have no route: nothing to protect.
      if (!permission || permission === 'public') return;
      if (!request.actor) {
        const returnTo = request.method === 'GET' ? request.url : '/';
        const timedOut = request.sessionTimedOut ? 'timedOut=1&' : '';
        return reply.redirect(`/sign-in?${timedOut}returnTo=${encodeURIComponent(returnTo)}`, 303);
      }
      if (!can(request.actor, permission)) throw new Forbidden();
    });
  },
  { name: 'spotlight-permissions' },
);
