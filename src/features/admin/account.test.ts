import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  agent,
  buildTestApp,
  signedIn,
  testPassword,
  type Agent,
  type TestApp,
} from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';

describe.each(testDialects())('managing a user’s account (%s)', (dialect) => {
  let t: TestApp;
  let qa: Agent;
  let me: { accountId: string; name: string };
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const signIn = await signedIn(t, 'qa-coordinator', { name: 'Quinn Coordinator' });
    qa = signIn.browser;
    me = signIn.user;
  });
  afterAll(async () => t?.close());

  it('shows the account with what can be done to it', async () => {
    const user = await addUser(t, 'senior-leader', { name: 'Sam Senior' });
    const page = await qa.get(`/admin/users/${user.accountId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Sam Senior</h1>');
    expect(page.body).toContain(user.email);
    expect(page.body).toContain('Senior leader');
    expect(page.body).toContain('Create a new password link');
    expect(page.body).toContain(`href="/admin/users/${user.accountId}/role"`);
    expect(page.body).toContain('Disable account');
    expect(page.body).not.toContain('Enable account');
  });

  it('says when an account does not exist', async () => {
    const missing = await qa.get('/admin/users/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('disables an account: its user is signed out at once and cannot sign in; enables it again', async () => {
    const { user, browser } = await signedIn(t, 'staff', { name: 'Dee Disabled' });
    expect((await browser.get('/')).body).toContain('Welcome, Dee Disabled');

    const confirm = await qa.get(`/admin/users/${user.accountId}/disable`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Are you sure you want to disable Dee Disabled’s account?');
    expect(confirm.body).toContain('They will be signed out at once');

    const disabled = await qa.post(`/admin/users/${user.accountId}/disable`);
    expect(disabled.statusCode).toBe(303);
    expect(disabled.headers.location).toBe(`/admin/users/${user.accountId}`);
    const account = await qa.get(`/admin/users/${user.accountId}`);
    expect(account.body).toContain('Dee Disabled’s account has been disabled');
    expect(account.body).toMatch(/govuk-tag--grey">\s*Disabled/);
    expect(account.body).toContain('Enable account');

    const next = await browser.get('/');
    expect(next.statusCode).toBe(303);
    expect(next.headers.location).toMatch(/^\/sign-in/);
    const elsewhere = await browser.get('/directory');
    expect(elsewhere.headers.location).toMatch(/^\/sign-in/);
    const again = await agent(t.app).post('/sign-in', {
      email: user.email,
      password: testPassword,
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Enter a correct email address and password');

    const enabled = await qa.post(`/admin/users/${user.accountId}/enable`);
    expect(enabled.statusCode).toBe(303);
    const after = await qa.get(`/admin/users/${user.accountId}`);
    expect(after.body).toContain('Dee Disabled’s account has been enabled');
    expect(after.body).toMatch(/govuk-tag--green">\s*Active/);
    const back = await agent(t.app).post('/sign-in', { email: user.email, password: testPassword });
    expect(back.statusCode).toBe(303);
  });

  it('will not create a password link for a disabled account', async () => {
    const user = await addUser(t, 'staff', { name: 'Nell Nolink' });
    await qa.post(`/admin/users/${user.accountId}/disable`);
    const response = await qa.post(`/admin/users/${user.accountId}/reset-password`);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('account is disabled. Enable it first');
  });

  it('will not let the coordinator disable their own account', async () => {
    const response = await qa.post(`/admin/users/${me.accountId}/disable`);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('You cannot disable your own account');
    expect((await qa.get('/')).body).toContain('Welcome, Quinn Coordinator');
  });

  it('changes a role, which changes that user’s navigation on their next page', async () => {
    const { user, browser } = await signedIn(t, 'staff', { name: 'Rory Role' });
    const before = await browser.get('/');
    expect(before.body).not.toContain('href="/directory"');

    const form = await qa.get(`/admin/users/${user.accountId}/role`);
    expect(form.body).toContain('Change Rory Role’s role');
    expect(form.body).toMatch(/value="staff" checked/);

    const saved = await qa.post(`/admin/users/${user.accountId}/role`, { role: 'team-manager' });
    expect(saved.statusCode).toBe(303);
    expect((await qa.get(`/admin/users/${user.accountId}`)).body).toContain(
      'Rory Role’s role is now Team Manager',
    );
    const after = await browser.get('/');
    expect(after.body).toContain('href="/directory"');
    expect(after.body).not.toContain('href="/admin/users"');
  });

  it('asks for a role, and will not let the coordinator change their own', async () => {
    const user = await addUser(t, 'staff');
    const none = await qa.post(`/admin/users/${user.accountId}/role`, {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select a role');

    const own = await qa.post(`/admin/users/${me.accountId}/role`, { role: 'staff' });
    expect(own.statusCode).toBe(400);
    expect(own.body).toContain('There is a problem');
    expect(own.body).toContain('You cannot change your own role');
    expect((await qa.get('/admin/users')).statusCode).toBe(200);
  });

  it('refuses staff and team managers', async () => {
    const target = await addUser(t, 'staff');
    for (const role of ['staff', 'team-manager'] as const) {
      const { browser } = await signedIn(t, role);
      for (const url of [
        '/admin/users',
        '/admin/users/invite',
        `/admin/users/${target.accountId}`,
        `/admin/users/${target.accountId}/role`,
        '/admin/audit',
      ]) {
        expect((await browser.get(url)).statusCode, `${role} ${url}`).toBe(403);
      }
      const post = await browser.post(`/admin/users/${target.accountId}/disable`);
      expect(post.statusCode).toBe(403);
    }
    const stillActive = await agent(t.app).post('/sign-in', {
      email: target.email,
      password: testPassword,
    });
    expect(stillActive.statusCode).toBe(303);
  });
});
