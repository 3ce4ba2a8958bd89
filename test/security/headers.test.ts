// Security headers on every response a browser can get, and the session cookie's attributes.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  agent,
  buildTestApp,
  signedIn,
  testPassword,
  type Agent,
  type TestApp,
} from '../app.js';
import { testDialects } from '../databases.js';
import { routesToTry, setCookieHeaders } from './helpers.js';

/** What is wrong with a response's security headers; an empty list when nothing is. */
function headerProblems(
  response: LightMyRequestResponse,
  options: { isStatic: boolean },
): string[] {
  const problems: string[] = [];
  const header = (name: string) => {
    const value = response.headers[name];
    return Array.isArray(value)
      ? value.join(', ')
      : value === undefined
        ? undefined
        : String(value);
  };
  const csp = header('content-security-policy');
  if (!csp) problems.push('no Content-Security-Policy');
  else {
    if (csp.includes("'unsafe-inline'")) problems.push("CSP allows 'unsafe-inline'");
    if (!csp.includes("frame-ancestors 'none'")) problems.push("CSP lacks frame-ancestors 'none'");
  }
  if (!/max-age=\d{8,}/.test(header('strict-transport-security') ?? ''))
    problems.push('no Strict-Transport-Security of a year');
  if (header('x-content-type-options') !== 'nosniff')
    problems.push('no X-Content-Type-Options: nosniff');
  if (!header('referrer-policy')) problems.push('no Referrer-Policy');
  if (header('x-frame-options') !== 'DENY') problems.push('no X-Frame-Options: DENY');
  if (!options.isStatic && !(header('cache-control') ?? '').includes('no-store')) {
    problems.push(`Cache-Control is ${String(header('cache-control'))}, not no-store`);
  }
  if ((header('content-type') ?? '').startsWith('text/html'))
    problems.push(...nonceProblems(csp ?? '', response.body));
  return problems;
}

/** An HTML page's CSP names a nonce in script-src, and every inline script carries it. */
function nonceProblems(csp: string, html: string): string[] {
  const scriptSrc =
    csp.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  if (!nonce) return ['an HTML page whose script-src has no nonce'];
  const inline = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1] ?? '')
    .filter((attrs) => !/\bsrc=/.test(attrs));
  return inline
    .filter((attrs) => !attrs.includes(`nonce="${nonce}"`))
    .map((attrs) => `an inline script without the nonce: <script${attrs}>`);
}

function sessionCookie(response: LightMyRequestResponse, name: string): string | undefined {
  return setCookieHeaders(response).find((cookie) => cookie.startsWith(`${name}=`));
}

describe.each(testDialects())('security headers (%s)', (dialect) => {
  let t: TestApp;
  let coordinator: Agent;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    coordinator = (await signedIn(t, 'qa-coordinator')).browser;
  });
  afterAll(async () => t?.close());

  it('sends them on every GET route, static files included', async () => {
    const { routes, problems } = routesToTry(t.app.routeInventory);
    expect(problems).toEqual([]);
    const failures: string[] = [];
    const gets = routes.filter((route) => route.method === 'GET');
    for (const route of gets) {
      const response = await coordinator.get(route.url);
      if (route.isStatic && response.statusCode !== 200)
        failures.push(`${route.url}: ${response.statusCode}, not the file`);
      if (response.statusCode >= 500) failures.push(`${route.pattern}: ${response.statusCode}`);
      failures.push(
        ...headerProblems(response, { isStatic: route.isStatic }).map(
          (p) => `${route.pattern}: ${p}`,
        ),
      );
    }
    expect(failures).toEqual([]);
    expect(gets.some((route) => route.isStatic)).toBe(true);
  });

  it('sends them on error pages and the health check', async () => {
    const notFound = await coordinator.get('/no-such-page');
    expect(notFound.statusCode).toBe(404);
    const expired = await coordinator.post('/session/keep-alive', {}, { csrf: false });
    expect(expired.statusCode).toBe(403);
    const health = await coordinator.get('/health');
    expect(health.statusCode).toBe(200);
    for (const response of [notFound, expired, health])
      expect(headerProblems(response, { isStatic: false })).toEqual([]);
  });

  it('gives the page’s inline script the nonce the header names, a new one each time', async () => {
    const first = await agent(t.app).get('/sign-in');
    const second = await agent(t.app).get('/sign-in');
    const nonceOf = (response: LightMyRequestResponse) =>
      /script-src[^;]*'nonce-([^']+)'/.exec(
        String(response.headers['content-security-policy']),
      )?.[1];
    const nonce = nonceOf(first);
    expect(nonce).toMatch(/^[A-Za-z0-9+/=_-]{16,}$/);
    expect(first.body).toMatch(new RegExp(`<script nonce="${nonce}">document\\.body\\.className`));
    expect(nonceOf(second)).not.toBe(nonce);
  });

  it('makes the session cookie HttpOnly, SameSite=Lax and for the whole site', async () => {
    const user = await addUser(t, 'staff');
    const browser = agent(t.app);
    const page = await browser.get('/sign-in');
    const signIn = await browser.post('/sign-in', { email: user.email, password: testPassword });
    expect(signIn.statusCode).toBe(303);
    for (const response of [page, signIn]) {
      const cookie = sessionCookie(response, 'spotlight-session');
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect(cookie).toMatch(/; Path=\/(;|$)/);
      expect(cookie).not.toMatch(/; Domain=/);
    }
  });
});

describe.each(testDialects())('in production (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, {
      env: { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), TRUST_PROXY: 'true' },
    });
  });
  afterAll(async () => t?.close());

  it('names the session cookie __Host-spotlight-session and makes it Secure', async () => {
    const response = await t.app.inject({
      url: '/sign-in',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = sessionCookie(response, '__Host-spotlight-session');
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).not.toMatch(/; Domain=/);
    expect(sessionCookie(response, 'spotlight-session')).toBeUndefined();
  });

  it('never sends the session cookie over plain HTTP, and asks browsers to upgrade', async () => {
    const response = await t.app.inject({ url: '/sign-in' });
    expect(setCookieHeaders(response)).toEqual([]);
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
