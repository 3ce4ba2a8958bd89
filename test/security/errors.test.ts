// Error pages: the GOV.UK 404 page, and a 500 page with a reference but no stack trace or error
// message; the health check tells monitoring when the database is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, buildTestApp, signedIn, type Agent, type TestApp } from '../app.js';
import { testDialects } from '../databases.js';
import { signedInPage } from './helpers.js';

const leaks = [
  /\bat \S+ \(?\S+:\d+:\d+\)?/, // a stack frame
  /node_modules|\/src\/|\.ts\b/,
  /destroyed|pool|ECONNREFUSED|SqliteError|TypeError|KyselyError/i,
];

describe.each(testDialects())('error pages (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('shows the GOV.UK page-not-found page for an unknown address, signed in or not', async () => {
    const { browser } = await signedIn(t, 'staff');
    for (const visitor of [agent(t.app), browser]) {
      const response = await visitor.get('/no-such-page/at-all');
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain(
        '<title>Page not found - Spotlight - Brackenshire Council</title>',
      );
      expect(response.body).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
      expect(response.body).toContain('govuk-template');
    }
  });

  it('does not echo the unknown address back into the page', async () => {
    const response = await agent(t.app).get('/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<script>alert(1)</script>');
  });

  it('answers page-not-found, not a problem page, for an id with a control character in it', async () => {
    const { browser } = await signedIn(t, 'qa-coordinator');
    for (const url of [
      '/spotlights/%00',
      '/directory/teams/a%00b',
      '/spotlights/x%0Ay/documents',
    ]) {
      const response = await browser.get(url);
      expect(response.statusCode, url).toBe(404);
    }
  });
});

describe.each(testDialects())('when the database is gone (%s)', (dialect) => {
  let t: TestApp;
  let browser: Agent;
  let page: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    browser = (await signedIn(t, 'qa-coordinator')).browser;
    page = signedInPage(t);
    expect((await browser.get(page)).statusCode).toBe(200);
    await t.services.database.destroy();
  });
  afterAll(async () => t?.close());

  it('shows the problem page with the request’s reference, and nothing of the error', async () => {
    const response = await browser.get(page);
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('Sorry, there is a problem with the service');
    const reference = response.headers['x-request-id'];
    expect(reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body).toContain(String(reference));
    for (const leak of leaks) expect(response.body).not.toMatch(leak);
    expect(response.headers['cache-control']).toContain('no-store');
  });

  it('tells monitoring the database is unreachable', async () => {
    const response = await t.app.inject({ url: '/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'error', database: 'unreachable' });
  });
});
