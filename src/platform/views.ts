// Pages: Nunjucks with GOV.UK Frontend's templates, and one `reply.page()` that gives every page
// what the base layout needs (council name, the user's navigation, the CSP nonce, the CSRF token).
import { join } from 'node:path';
import fastifyView from '@fastify/view';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import nunjucks from 'nunjucks';
import type { Config } from '../config.js';
import { formatDate, formatDateTime } from './format.js';
import { nodeModulesDir, srcDir } from './paths.js';
import { can, roleNames, type Actor, type Permission } from './policy.js';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page inside the base layout. */
    page(template: string, data?: Record<string, unknown>, status?: number): Promise<FastifyReply>;
  }
}

interface NavigationItem {
  text: string;
  href: string;
  permission: Permission;
}

// The header's links, in order; each shows only to those who may follow it.
const navigation: NavigationItem[] = [
  { text: 'Home', href: '/', permission: 'signed-in' },
  { text: 'My Spotlights', href: '/my-spotlights', permission: 'signed-in' },
  { text: 'Timetable', href: '/timetable', permission: 'timetable:view' },
  { text: 'Rota', href: '/rota', permission: 'rota:nominate' },
  { text: 'Reports', href: '/reports', permission: 'reports:view' },
  { text: 'Directory', href: '/directory', permission: 'directory:view' },
  { text: 'Users', href: '/admin/users', permission: 'accounts:manage' },
  { text: 'Audit log', href: '/admin/audit', permission: 'audit:view' },
  { text: 'Settings', href: '/admin/settings', permission: 'settings:manage' },
];

function navigationFor(actor: Actor | undefined, path: string) {
  if (!actor) return [];
  return navigation
    .filter((item) => can(actor, item.permission))
    .map((item) => ({
      text: item.text,
      href: item.href,
      current: path === item.href,
      active: item.href !== '/' && path.startsWith(`${item.href}/`),
    }));
}

export const setUpViews = fp(
  async (app: FastifyInstance, opts: { config: Config }) => {
    const { config } = opts;
    await app.register(fastifyView, {
      engine: { nunjucks },
      templates: [join(srcDir, 'views'), srcDir, join(nodeModulesDir, 'govuk-frontend', 'dist')],
      production: config.production,
      options: {
        autoescape: true,
        throwOnUndefined: false,
        trimBlocks: true,
        lstripBlocks: true,
        // Templates reload on every request only while developing.
        noCache: config.environment === 'development',
        onConfigure: (env: nunjucks.Environment) => {
          env.addFilter('date', formatDate);
          env.addFilter('dateTime', formatDateTime);
          env.addFilter(
            'roleName',
            (role: string) => roleNames[role as keyof typeof roleNames] ?? role,
          );
          env.addGlobal('serviceName', 'Spotlight');
          env.addGlobal('councilName', config.councilName);
        },
      },
    });

    app.decorateReply(
      'page',
      async function page(
        this: FastifyReply,
        template: string,
        data: Record<string, unknown> = {},
        status = 200,
      ): Promise<FastifyReply> {
        const request: FastifyRequest = this.request;
        const path = request.url.split('?')[0] ?? '/';
        // A one-off message from the action before a redirect (post/redirect/get).
        const flash = request.session.flash;
        if (flash) request.session.flash = undefined;
        const context = {
          cspNonce: this.cspNonce?.script,
          csrfToken: this.generateCsrf(),
          user: request.actor,
          navigation: navigationFor(request.actor, path),
          currentPath: path,
          flash,
          sessionIdleSeconds: config.sessionIdleMinutes * 60,
          ...data,
        };
        const html = await this.viewAsync(template, context);
        return this.code(status).type('text/html; charset=utf-8').send(html);
      },
    );
  },
  { name: 'spotlight-views', dependencies: ['spotlight-session'] },
);
