// Sign-in is throttled against password guessing, and never sends anyone to another site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, agent, buildTestApp, testPassword, type TestApp } from '../app.js';
import { testDialects } from '../databases.js';

const tooMany = 'You have tried to sign in too many times';
const offSite = [
  '//evil.example',
  'https://evil.example',
  '/\\evil.example',
  'https://evil.example/sign-in',
  ' //evil.example',
];

describe.each(testDialects())('signing in safely (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('never sends a user to another site after signing in', async () => {
    const user = await addUser(t, 'staff');
    for (const returnTo of offSite) {
      const browser = agent(t.app);
      const page = await browser.get(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
      expect(page.body, returnTo).toContain('name="returnTo" value="/"');
      const response = await browser.post('/sign-in', {
        email: user.email,
        password: testPassword,
        returnTo,
      });
      expect(response.statusCode, returnTo).toBe(303);
      expect(response.headers.location, returnTo).toBe('/');
      const signedInAlready = await browser.get(
        `/sign-in?returnTo=${encodeURIComponent(returnTo)}`,
      );
      expect(signedInAlready.statusCode, returnTo).toBe(303);
      expect(signedInAlready.headers.location, returnTo).toBe('/');
    }
  });

  it('stops sign-in after 10 wrong passwords, even with the right one, for 15 minutes', async () => {
    const user = await addUser(t, 'staff');
    const browser = agent(t.app);
    for (let attempt = 1; attempt <= 10; attempt++) {
      const wrong = await browser.post('/sign-in', {
        email: user.email,
        password: `wrong password number ${attempt}`,
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('Enter a correct email address and password');
    }
    const eleventh = await browser.post('/sign-in', { email: user.email, password: testPassword });
    expect(eleventh.statusCode).toBe(400);
    expect(eleventh.body).toContain(tooMany);
    expect(browser.cookies()['spotlight-session']).toBeDefined();
    expect((await browser.get('/')).headers.location).toBe('/sign-in');

    t.clock.advanceMinutes(14);
    const stillStopped = await browser.post('/sign-in', {
      email: user.email,
      password: testPassword,
    });
    expect(stillStopped.body).toContain(tooMany);

    t.clock.advanceMinutes(2);
    const allowed = await browser.post('/sign-in', { email: user.email, password: testPassword });
    expect(allowed.statusCode).toBe(303);
    expect(allowed.headers.location).toBe('/');
    expect((await browser.get('/')).statusCode).toBe(200);
  });
});
