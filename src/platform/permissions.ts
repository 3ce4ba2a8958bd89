// Every route must declare the permission it needs (a route without one stops the app starting),
// and every request is checked against it by the policy module before its handler runs.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Forbidden, NotFound } from './errors.js';
import { can, type Permission } from './policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
  }
  interface FastifyInstance {
    /** Every route and the permission it declared: for the route-permission tests. */
    routeInventory: RouteInfo[];
  }
}

export interface RouteInfo {
  method: string;
  url: string;
  permission: Permission;
}

/** Static files are public by nature: the only routes allowed to leave the permission out. */
export const publicPrefixes = ['/assets/', '/stylesheets/', '/javascripts/'];

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacter = /[\u0000-\u001f\u007f]/;
const hasControlCharacter = (text: string) => controlCharacter.test(text);

export const setUpPermissions = fp(
  async (app: FastifyInstance) => {
    const inventory: RouteInfo[] = [];
    app.decorate('routeInventory', inventory);
    app.addHook('onRoute', (route) => {
      const config = (route.config ?? {}) as { permission?: Permission };
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      let permission = config.permission;
      if (!permission && publicPrefixes.some((prefix) => route.url.startsWith(prefix))) {
        permission = 'public';
        route.config = { ...config, permission };
      }
      if (!permission)
        throw new Error(`Route ${methods.join(',')} ${route.url} does not declare a permission`);
      for (const method of methods) inventory.push({ method, url: route.url, permission });
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
      // Ids in addresses are letters, digits and hyphens; anything with a control character (a
      // NUL byte, which PostgreSQL refuses) names nothing Spotlight holds.
      const params = (request.params ?? {}) as Record<string, unknown>;
      if (Object.values(params).some((v) => typeof v === 'string' && hasControlCharacter(v))) {
        throw new NotFound();
      }
    });
  },
  { name: 'spotlight-permissions' },
);
