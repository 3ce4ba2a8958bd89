// Every state change needs the form token of the session that sends it: a missing token or one
// from another session gets "This form has expired", and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, buildTestApp, signedIn, type Agent, type TestApp } from '../app.js';
import { testDialects } from '../databases.js';
import { auditEventCount, routesToTry, type RouteToTry } from './helpers.js';

describe.each(testDialects())('form tokens (%s)', (dialect) => {
  let t: TestApp;
  let coordinator: Agent;
  let posts: RouteToTry[];

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    coordinator = (await signedIn(t, 'qa-coordinator')).browser;
    const { routes, problems } = routesToTry(t.app.routeInventory);
    expect(problems).toEqual([]);
    posts = routes.filter((route) => route.method === 'POST');
  });
  afterAll(async () => t?.close());

  const postWith = (browser: Agent, url: string, token: string | undefined) =>
    browser.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload:
        token === undefined
          ? 'name=Anything'
          : new URLSearchParams({ _csrf: token, name: 'Anything' }).toString(),
    });

  it('has POST routes to check', () => {
    expect(posts.map((route) => route.pattern)).toContain('/sign-out');
  });

  it('refuses every POST without a token, and writes nothing', async () => {
    const before = await auditEventCount(t);
    const failures: string[] = [];
    for (const route of posts) {
      const response = await postWith(coordinator, route.url, undefined);
      if (response.statusCode !== 403 || !response.body.includes('This form has expired')) {
        failures.push(`${route.pattern}: ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await auditEventCount(t)).toBe(before);
  });

  it('refuses every POST with a token from another session, and writes nothing', async () => {
    const other = await signedIn(t, 'qa-coordinator');
    const othersToken = await other.browser.csrfToken();
    const anonymousToken = await agent(t.app).csrfToken();
    const before = await auditEventCount(t);
    const failures: string[] = [];
    for (const route of posts) {
      for (const token of [othersToken, anonymousToken, 'made-up-token']) {
        const response = await postWith(coordinator, route.url, token);
        if (response.statusCode !== 403 || !response.body.includes('This form has expired')) {
          failures.push(
            `${route.pattern} with ${token === othersToken ? 'another user’s' : 'a foreign'} token: ${response.statusCode}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await auditEventCount(t)).toBe(before);
  });

  it('still accepts the session’s own token (so the refusals above are about the token)', async () => {
    const response = await postWith(
      coordinator,
      '/session/keep-alive',
      await coordinator.csrfToken(),
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    const home = await coordinator.get('/');
    expect(home.statusCode).toBe(200);
  });
});
