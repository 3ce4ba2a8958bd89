// Every route declares a permission, and every role gets exactly what the policy grants it: checked
// from the app's route inventory, so routes added later are covered without changing this file.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpPermissions } from '../../src/platform/permissions.js';
import { can, permissions, roles, type Role } from '../../src/platform/policy.js';
import { agent, buildTestApp, signedIn, type Agent, type TestApp } from '../app.js';
import { testDialects } from '../databases.js';
import {
  actorFor,
  answerWithin,
  isSignInRedirect,
  routesToTry,
  type RouteToTry,
} from './helpers.js';

describe('declaring permissions', () => {
  it('refuses to start when a feature plugin adds a route without a permission', async () => {
    const app = Fastify({ logger: false });
    await app.register(setUpPermissions);
    void app.register(async (feature) => {
      feature.get('/undeclared', async () => 'hello');
    });
    await expect(app.ready()).rejects.toThrow(
      'Route GET /undeclared does not declare a permission',
    );
    await app.close().catch(() => undefined);
  });

  it('refuses a route without a permission added directly to the app', async () => {
    const app = Fastify({ logger: false });
    await app.register(setUpPermissions);
    expect(() => app.post('/undeclared', async () => 'hello')).toThrow(
      'Route POST /undeclared does not declare a permission',
    );
    await app.close();
  });

  it('starts when every route declares one, and lists each route with its permission', async () => {
    const app = Fastify({ logger: false });
    await app.register(setUpPermissions);
    app.get('/declared', { config: { permission: 'signed-in' } }, async () => 'hello');
    app.get('/stylesheets/*', async () => 'body {}');
    await app.ready();
    expect(app.routeInventory).toContainEqual({
      method: 'GET',
      url: '/declared',
      permission: 'signed-in',
    });
    expect(app.routeInventory).toContainEqual({
      method: 'GET',
      url: '/stylesheets/*',
      permission: 'public',
    });
    await app.close();
  });

  it('turns away a visitor who lacks the permission before the handler runs', async () => {
    const app = Fastify({ logger: false });
    app.decorateRequest('actor', undefined);
    app.decorateRequest('sessionTimedOut', false);
    await app.register(setUpPermissions);
    let ran = false;
    app.get('/private', { config: { permission: 'signed-in' } }, async () => {
      ran = true;
      return 'secret';
    });
    await app.ready();
    const response = await app.inject({ url: '/private?x=1' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?returnTo=%2Fprivate%3Fx%3D1');
    expect(ran).toBe(false);
    await app.close();
  });
});

describe.each(testDialects())('who may use each route (%s)', (dialect) => {
  let t: TestApp;
  let routes: RouteToTry[];
  let problems: string[];
  const agents = new Map<Role, Agent>();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    ({ routes, problems } = routesToTry(t.app.routeInventory));
    for (const role of roles) agents.set(role, (await signedIn(t, role)).browser);
  });
  afterAll(async () => t?.close());

  const send = (browser: Agent, route: RouteToTry) =>
    route.method === 'GET' ? browser.get(route.url) : browser.post(route.url, {});

  it('has routes, each with a permission from the policy, and only methods the tests know', () => {
    expect(t.app.routeInventory.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    const undeclared = t.app.routeInventory.filter(
      (route) => !(permissions as readonly string[]).includes(route.permission),
    );
    expect(undeclared).toEqual([]);
  });

  it('sends a signed-out visitor to the sign-in page from every route that needs signing in', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.permission !== 'public')) {
      const response = await send(agent(t.app), route);
      if (!isSignInRedirect(response)) {
        failures.push(
          `${route.method} ${route.pattern} signed out: ${response.statusCode} ${String(response.headers.location)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses each role what the policy does not grant, and lets it use what it does', async () => {
    const failures: string[] = [];
    let tried = 0;
    matrix: for (const route of routes.filter((r) => r.permission !== 'public')) {
      for (const role of roles) {
        const label = `${route.method} ${route.pattern} as ${role}`;
        const response = await answerWithin(send(agents.get(role) as Agent, route), 5_000);
        tried += 1;
        if (!response) {
          // A request that never ends holds the database (on SQLite, its only connection): stop here.
          failures.push(`${label}: no answer within 5 seconds (a deadlock?)`);
          break matrix;
        }
        if (!can(actorFor(role), route.permission)) {
          if (
            response.statusCode !== 403 ||
            !response.body.includes('You do not have permission to view this page')
          ) {
            failures.push(`${label}: expected the 403 page, got ${response.statusCode}`);
          }
        } else if (
          response.statusCode === 403 ||
          response.statusCode >= 500 ||
          isSignInRedirect(response)
        ) {
          const location = String(response.headers.location ?? '');
          failures.push(
            `${label}: allowed by the policy but got ${response.statusCode} ${location}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThan(0);
  });
});
