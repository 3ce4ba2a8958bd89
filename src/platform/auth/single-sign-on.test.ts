// Single sign-on against a real OpenID Connect provider (oidc-provider) on this machine: the full
// authorisation code flow with PKCE, through the provider's own login and consent pages.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  addUser,
  agent,
  buildTestApp,
  type Agent,
  type TestApp,
} from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';

const publicUrl = 'http://localhost:3000';

async function startProvider(): Promise<{ issuer: string; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'spotlight',
        client_secret: 'a-client-secret-for-tests-only',
        redirect_uris: [`${publicUrl}/sign-in/sso/callback`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    pkce: { required: () => true },
    // The login typed on the provider's page is the person's email address.
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, email: sub }) }),
    claims: { openid: ['sub'], email: ['email'] },
    cookies: { keys: ['cookie-key-for-tests-only'] },
  });
  const handle = provider.callback();
  server.on('request', (request, response) => {
    void handle(request, response);
  });
  return { issuer, server };
}

/** Plays the person's browser at the provider: logs in as `email`, consents, returns the callback URL. */
async function loginAtProvider(authorizationUrl: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let method = 'GET';
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 12; step++) {
    const response = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) jar.set(name, value.join('='));
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url).href;
      if (next.startsWith(publicUrl)) return next;
      url = next;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await response.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt)
      throw new Error(`Unexpected page at the provider: ${html.slice(0, 200)}`);
    url = new URL(action, url).href;
    method = 'POST';
    body = new URLSearchParams(
      prompt === 'login'
        ? { prompt, login: email, password: 'not-checked-by-the-test-provider' }
        : { prompt },
    );
  }
  throw new Error('The provider never sent the browser back to Spotlight');
}

async function signInThroughProvider(browser: Agent, email: string, returnTo = '/') {
  const start = await browser.get(`/sign-in/sso?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.statusCode).toBe(303);
  const callback = await loginAtProvider(start.headers.location as string, email);
  const url = new URL(callback);
  return browser.get(`${url.pathname}${url.search}`);
}

describe.each(testDialects())('single sign-on (%s)', (dialect) => {
  let t: TestApp;
  let provider: { issuer: string; server: Server };

  beforeAll(async () => {
    provider = await startProvider();
    t = await buildTestApp(dialect, {
      env: {
        PUBLIC_URL: publicUrl,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: 'spotlight',
        OIDC_CLIENT_SECRET: 'a-client-secret-for-tests-only',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    provider?.server.close();
  });

  it('offers the council account on the sign-in page', async () => {
    const page = await agent(t.app).get('/sign-in');
    expect(page.body).toContain('Sign in with Microsoft');
  });

  it('signs a person in through the provider and back to where they were going', async () => {
    const user = await addUser(t, 'team-manager');
    const browser = agent(t.app);
    const done = await signInThroughProvider(browser, user.email.toUpperCase(), '/cookies');
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/cookies');
    const home = await browser.get('/');
    expect(home.body).toContain(`Welcome, ${user.name}`);
  });

  it('refuses someone the provider knows but Spotlight does not', async () => {
    const browser = agent(t.app);
    const done = await signInThroughProvider(browser, 'stranger@example.test');
    expect(done.statusCode).toBe(403);
    expect(done.body).toContain('no Spotlight account for that email address');
    const home = await browser.get('/');
    expect(home.statusCode).toBe(303);
  });

  it('refuses a person who has left the directory', async () => {
    const person = await addPerson(t, { active: false });
    await t.services.accounts.createActiveAccount(person.id, 'staff', 'a long enough password');
    const done = await signInThroughProvider(agent(t.app), person.email);
    expect(done.statusCode).toBe(403);
  });

  it('refuses a callback that no sign-in started', async () => {
    const response = await agent(t.app).get('/sign-in/sso/callback?code=made-up&state=made-up');
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('did not work');
  });
});
