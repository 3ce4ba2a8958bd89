// Sessions: a new id at sign-in, ended by signing out or disabling the account, idle and absolute
// timeouts on the server's clock, and keep-alive for the timeout warning.
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
import { isSignInRedirect, signedInPage } from './helpers.js';

const cookieName = 'spotlight-session';

describe.each(testDialects())('sessions (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const sessionOf = (browser: Agent) => browser.cookies()[cookieName];
  const getWithCookie = (
    url: string,
    cookie: string | undefined,
  ): Promise<LightMyRequestResponse> =>
    t.app.inject({ url, headers: { cookie: `${cookieName}=${cookie ?? ''}` } });
  const sessionRowsOf = async (accountId: string) =>
    (
      await t.services.database.db
        .selectFrom('session')
        .select('id')
        .where('account_id', '=', accountId)
        .execute()
    ).length;

  it('starts a new session at sign-in, and the one from before gives no access', async () => {
    const page = signedInPage(t);
    const user = await addUser(t, 'qa-coordinator');
    const browser = agent(t.app);
    await browser.get('/sign-in');
    const before = sessionOf(browser);
    const response = await browser.post('/sign-in', { email: user.email, password: testPassword });
    expect(response.statusCode).toBe(303);
    const after = sessionOf(browser);
    expect(before).toBeDefined();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect(isSignInRedirect(await getWithCookie(page, before))).toBe(true);
    expect((await getWithCookie(page, after)).statusCode).toBe(200);
  });

  it('ends the session at sign-out: the old cookie no longer gives access', async () => {
    const page = signedInPage(t);
    const { user, browser } = await signedIn(t, 'qa-coordinator');
    const cookie = sessionOf(browser);
    expect((await getWithCookie(page, cookie)).statusCode).toBe(200);
    const signOut = await browser.post('/sign-out');
    expect(signOut.statusCode).toBe(303);
    expect(signOut.headers.location).toBe('/signed-out');
    expect(isSignInRedirect(await getWithCookie(page, cookie))).toBe(true);
    expect(await sessionRowsOf(user.accountId)).toBe(0);
  });

  it('signs out somebody who has left the directory, and still shows them the sign-in page', async () => {
    const page = signedInPage(t);
    const { user, browser } = await signedIn(t, 'qa-coordinator');
    await t.services.database.db
      .updateTable('person')
      .set({ active: 0 })
      .where('id', '=', user.id)
      .execute();
    const signInPage = await browser.get('/sign-in');
    expect(signInPage.statusCode).toBe(200);
    expect(signInPage.body).toContain('Sign in to Spotlight');
    expect(isSignInRedirect(await browser.get(page))).toBe(true);
  });

  it('times out after 30 idle minutes, says why, and returns the user to the page after sign-in', async () => {
    const page = signedInPage(t);
    const { user, browser } = await signedIn(t, 'qa-coordinator');
    t.clock.advanceMinutes(31);
    const next = await browser.get(page);
    expect(next.statusCode).toBe(303);
    expect(next.headers.location).toBe(`/sign-in?timedOut=1&returnTo=${encodeURIComponent(page)}`);
    const signInPage = await browser.get(next.headers.location as string);
    expect(signInPage.body).toContain(
      'You were signed out because you had not used Spotlight for a while',
    );
    const returnTo = /name="returnTo" value="([^"]*)"/.exec(signInPage.body)?.[1];
    expect(returnTo).toBe(page);
    const signIn = await browser.post('/sign-in', {
      email: user.email,
      password: testPassword,
      returnTo: returnTo ?? '',
    });
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe(page);
    expect((await browser.get(page)).statusCode).toBe(200);
  });

  it('keeps a session alive while it is used', async () => {
    const page = signedInPage(t);
    const { browser } = await signedIn(t, 'qa-coordinator');
    t.clock.advanceMinutes(20);
    expect((await browser.get(page)).statusCode).toBe(200);
    t.clock.advanceMinutes(20);
    expect((await browser.get(page)).statusCode).toBe(200);
    t.clock.advanceMinutes(29);
    expect((await browser.get(page)).statusCode).toBe(200);
  });

  it('ends a session 12 hours after sign-in, however busy the user is', async () => {
    const page = signedInPage(t);
    const { browser } = await signedIn(t, 'qa-coordinator');
    // Every 20 minutes for 11 hours 40 minutes: still signed in.
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      t.clock.advanceMinutes(20);
      const response = await browser.get(page);
      if (response.statusCode !== 200)
        throw new Error(`Signed out after ${minutes} minutes: ${response.statusCode}`);
    }
    t.clock.advanceMinutes(20);
    expect(isSignInRedirect(await browser.get(page))).toBe(true);
  });

  it('answers the timeout warning’s keep-alive with JSON, and extends the session', async () => {
    const page = signedInPage(t);
    const { browser } = await signedIn(t, 'qa-coordinator');
    t.clock.advanceMinutes(25);
    const response = await browser.request({
      method: 'POST',
      url: '/session/keep-alive',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: await browser.csrfToken() }).toString(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signedIn: true });
    t.clock.advanceMinutes(25);
    expect((await browser.get(page)).statusCode).toBe(200);
  });

  it('does not keep a signed-out visitor alive', async () => {
    const browser = agent(t.app);
    const response = await browser.post('/session/keep-alive');
    expect(isSignInRedirect(response)).toBe(true);
  });
  // Last in the file: on SQLite a deadlock in disable() would hold the only connection.
  it('ends every session of an account when it is disabled', { timeout: 10_000 }, async () => {
    const page = signedInPage(t);
    const { user, browser } = await signedIn(t, 'qa-coordinator');
    const admin = await addUser(t, 'qa-coordinator');
    const actor = await t.services.accounts.loadActor(admin.accountId);
    await t.services.accounts.disable({ actor, requestId: 'test' }, user.accountId);
    const next = await browser.get(page);
    expect(isSignInRedirect(next)).toBe(true);
    expect(await sessionRowsOf(user.accountId)).toBe(0);
  });
});
