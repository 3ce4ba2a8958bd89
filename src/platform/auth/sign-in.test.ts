import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, agent, buildTestApp, testPassword, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';

describe.each(testDialects())('signing in (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('reports the database as healthy', async () => {
    const response = await t.app.inject({ url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('sends a signed-out visitor to the sign-in page and back to where they were going', async () => {
    const user = await addUser(t, 'qa-coordinator');
    const browser = agent(t.app);
    const first = await browser.get('/admin/users');
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/sign-in?returnTo=%2Fadmin%2Fusers');
    await browser.get(first.headers.location as string);
    const signIn = await browser.post('/sign-in', {
      email: user.email.toUpperCase(),
      password: testPassword,
      returnTo: '/admin/users',
    });
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/admin/users');
    const home = await browser.get('/');
    expect(home.body).toContain(`Welcome, ${user.name}`);
  });

  it('gives the same message for an unknown email and a wrong password', async () => {
    const user = await addUser(t, 'staff');
    const browser = agent(t.app);
    const wrongPassword = await browser.post('/sign-in', {
      email: user.email,
      password: 'not the password at all',
    });
    const unknownEmail = await browser.post('/sign-in', {
      email: 'nobody@example.test',
      password: 'not the password at all',
    });
    for (const response of [wrongPassword, unknownEmail]) {
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('There is a problem');
      expect(response.body).toContain('Enter a correct email address and password');
      expect(response.body).toContain('<title>Error: Sign in - Spotlight');
    }
  });

  it('refuses a sign-in without the form token', async () => {
    const user = await addUser(t, 'staff');
    const browser = agent(t.app);
    await browser.get('/sign-in');
    const response = await browser.post(
      '/sign-in',
      { email: user.email, password: testPassword },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form has expired');
  });
});
