// Strict security headers on every response, CSRF checks on every state change, and no caching of
// anything but static assets (signed-in pages hold personal data).
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const setUpSecurityHeaders = fp(
  async (app: FastifyInstance, opts: { config: Config }) => {
    await app.register(fastifyHelmet, {
      enableCSPNonces: true,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
          ...(opts.config.production ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
      referrerPolicy: { policy: 'same-origin' },
      frameguard: { action: 'deny' },
      crossOriginEmbedderPolicy: false,
    });

    app.addHook('onSend', async (request, reply) => {
      reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
      reply.header('x-request-id', request.id);
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    });
  },
  { name: 'spotlight-security-headers' },
);

export const setUpCsrf = fp(
  async (app: FastifyInstance) => {
    await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });
    // preHandler, not onRequest: the form body has to be parsed before its token can be read.
    app.addHook('preHandler', (request, reply, done) => {
      if (!unsafeMethods.has(request.method)) return done();
      app.csrfProtection(request, reply, done);
    });
  },
  { name: 'spotlight-csrf', dependencies: ['spotlight-session'] },
);
