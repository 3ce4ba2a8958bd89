// Shared by the security tests: the route inventory turned into requests a test can make, so the
// tests cover every route, including routes added after they were written.
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { publicPrefixes, type RouteInfo } from '../../src/platform/permissions.js';
import { can, type Actor, type Role } from '../../src/platform/policy.js';
import type { TestApp } from '../app.js';

export interface RouteToTry {
  /** HEAD routes are tried as GET: Fastify adds a HEAD route for every GET route. */
  method: 'GET' | 'POST';
  /** The route's pattern, as declared. */
  pattern: string;
  permission: RouteInfo['permission'];
  /** A URL that matches the pattern: each :param is a fresh random UUID. */
  url: string;
  /** True for files served from the static folders and the favicon. */
  isStatic: boolean;
}

/** A real file behind each static folder, for the header tests. */
export const staticSamples: Record<string, string> = {
  '/assets/*': '/assets/images/favicon.svg',
  '/assets/govuk/*': '/assets/govuk/govuk-frontend.min.js',
  '/stylesheets/*': '/stylesheets/application.css',
  '/javascripts/*': '/javascripts/application.mjs',
};

const staticRoutes = new Set(['/favicon.svg']);

export function withRandomIds(pattern: string): string {
  return pattern.replace(/:[A-Za-z0-9_]+/g, () => randomUUID());
}

/**
 * Every route in the inventory as a request to try. A method the tests do not know, or a wildcard
 * route with no sample file, is reported as a problem (a test fails on it) rather than skipped.
 */
export function routesToTry(inventory: readonly RouteInfo[]): {
  routes: RouteToTry[];
  problems: string[];
} {
  const routes = new Map<string, RouteToTry>();
  const problems: string[] = [];
  for (const route of inventory) {
    const method = route.method === 'HEAD' ? 'GET' : route.method;
    if (method !== 'GET' && method !== 'POST') {
      problems.push(
        `${route.method} ${route.url}: the security tests only know GET and POST; teach test/security/helpers.ts this method`,
      );
      continue;
    }
    const isStatic =
      publicPrefixes.some((prefix) => route.url.startsWith(prefix)) || staticRoutes.has(route.url);
    let url = withRandomIds(route.url);
    if (route.url.includes('*')) {
      const sample = staticSamples[route.url];
      if (!sample) {
        problems.push(
          `${route.method} ${route.url}: a wildcard route with no sample file in test/security/helpers.ts`,
        );
        continue;
      }
      url = sample;
    }
    const key = `${method} ${route.url}`;
    if (!routes.has(key))
      routes.set(key, { method, pattern: route.url, permission: route.permission, url, isStatic });
  }
  return { routes: [...routes.values()], problems };
}

/** The actor a role's user would be, for asking the policy what they may do. */
export function actorFor(role: Role): Actor {
  return { accountId: randomUUID(), personId: randomUUID(), name: 'Test', role };
}

/**
 * A page that needs signing in and that a QA coordinator may see, with no ids in its address:
 * taken from the inventory so the tests do not depend on one feature's pages.
 */
export function signedInPage(t: TestApp): string {
  const candidates = t.app.routeInventory.filter(
    (route) =>
      route.method === 'GET' &&
      route.permission !== 'public' &&
      !route.url.includes(':') &&
      !route.url.includes('*') &&
      can(actorFor('qa-coordinator'), route.permission),
  );
  const page = candidates[0];
  if (!page)
    throw new Error(
      'No GET page needs signing in yet: the session tests need one (for example /directory)',
    );
  return page.url;
}

export async function auditEventCount(t: TestApp): Promise<number> {
  const row = await t.services.database.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function setCookieHeaders(response: LightMyRequestResponse): string[] {
  const header = response.headers['set-cookie'];
  if (header === undefined) return [];
  return Array.isArray(header) ? header : [header];
}

/** True when the response sends the browser to the sign-in page. */
export function isSignInRedirect(response: LightMyRequestResponse): boolean {
  const location = response.headers.location;
  return (
    response.statusCode === 303 && typeof location === 'string' && location.startsWith('/sign-in')
  );
}

/**
 * The promise's value, or undefined when it has not settled within the time: a request that hangs
 * (a deadlock) then fails its test with a clear message instead of timing the whole test out.
 */
export async function answerWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
