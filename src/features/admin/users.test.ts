import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  addUser,
  agent,
  buildTestApp,
  signedIn,
  testPassword,
  type Agent,
  type TestApp,
} from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';

const newPassword = 'kettle orchard lantern';

/** The path of the single-use link shown on the link page. */
function linkPathIn(html: string): string {
  const match = /https?:\/\/[^\s<"]+(\/account\/set-up\/[A-Za-z0-9_-]{20,})/.exec(html);
  if (!match?.[1]) throw new Error('No set-up link on the page');
  return match[1];
}

async function invite(qa: Agent, email: string, role = 'staff') {
  const response = await qa.post('/admin/users/invite', { email, role });
  expect(response.statusCode).toBe(303);
  const location = response.headers.location as string;
  expect(location).toMatch(/^\/admin\/users\/[0-9a-f-]{36}\/link$/);
  const page = await qa.get(location);
  expect(page.statusCode).toBe(200);
  return { location, page, path: linkPathIn(page.body) };
}

describe.each(testDialects())('inviting users and their links (%s)', (dialect) => {
  let t: TestApp;
  let qa: Agent;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    qa = (await signedIn(t, 'qa-coordinator', { name: 'Quinn Coordinator' })).browser;
  });
  afterAll(async () => t?.close());

  it('lists accounts with their role and status', async () => {
    const manager = await addUser(t, 'team-manager', { name: 'Mina Manager' });
    const page = await qa.get('/admin/users');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Users</h1>');
    expect(page.body).toContain('Invite someone');
    expect(page.body).toContain(`href="/admin/users/${manager.accountId}"`);
    expect(page.body).toContain('Mina Manager');
    expect(page.body).toContain(manager.email);
    expect(page.body).toContain('Team Manager');
    expect(page.body).toMatch(/govuk-tag--green">\s*Active/);
    expect(page.body).toContain('Never');
  });

  it('invites someone in the directory, who sets a password once and signs in', async () => {
    const person = await addPerson(t, { name: 'Ivy Invitee' });
    const form = await qa.get('/admin/users/invite');
    expect(form.body).toContain('They must already be in the directory');
    expect(form.body).toContain('Head of Service QA and Safeguarding');

    const { location, page, path } = await invite(qa, person.email.toUpperCase(), 'staff');
    expect(page.body).toContain('Set-up link for Ivy Invitee');
    expect(page.body).toContain(`http://localhost:80${path}`);
    expect(page.body).toContain('It expires in 7 days, on 3 December 2026 at 9:00am');
    expect(page.body).toContain('The link works once');
    expect(page.body).toContain(
      'Send this link to the person. (Spotlight will email it once email is set up.)',
    );
    const list = await qa.get('/admin/users');
    expect(list.body).toMatch(/govuk-tag--blue">\s*Invited/);

    // The link is shown once only.
    const again = await qa.get(location);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('The link is no longer shown. Create a new one.');
    expect(again.body).not.toContain(path);
    expect(again.body).toContain('Create a new link');

    const invitee = agent(t.app);
    const setUp = await invitee.get(path);
    expect(setUp.statusCode).toBe(200);
    expect(setUp.body).toContain('Create your password');
    expect(setUp.body).toContain(person.email);

    const tooShort = await invitee.post(path, { password: 'short', confirmPassword: 'short' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain('Password must be 12 characters or more');
    const common = await invitee.post(path, {
      password: 'password1234',
      confirmPassword: 'password1234',
    });
    expect(common.statusCode).toBe(400);
    expect(common.body).toContain('Password is too common and easy to guess');
    const mismatch = await invitee.post(path, {
      password: newPassword,
      confirmPassword: `${newPassword}x`,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('The passwords do not match');

    const saved = await invitee.post(path, { password: newPassword, confirmPassword: newPassword });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/sign-in');
    const signIn = await invitee.post('/sign-in', { email: person.email, password: newPassword });
    expect(signIn.statusCode).toBe(303);
    expect((await invitee.get('/')).body).toContain('Welcome, Ivy Invitee');

    const usedAgain = await agent(t.app).get(path);
    expect(usedAgain.statusCode).toBe(410);
    expect(usedAgain.body).toContain('This link has already been used');
    expect((await qa.get('/admin/users')).body).not.toMatch(/govuk-tag--blue">\s*Invited/);
  });

  it('shows the service’s reasons against the email field', async () => {
    const unknown = await qa.post('/admin/users/invite', {
      email: 'nobody.here@example.test',
      role: 'staff',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('<title>Error: Invite someone to Spotlight');
    expect(unknown.body).toContain('There is nobody in the directory with this email address');
    expect(unknown.body).toContain('href="#email"');
    expect(unknown.body).toContain('value="nobody.here@example.test"');

    const existing = await addUser(t, 'staff', { name: 'Ed Existing' });
    const twice = await qa.post('/admin/users/invite', { email: existing.email, role: 'staff' });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('Ed Existing already has an account');

    const left = await addPerson(t, { name: 'Lee Left', active: false });
    const gone = await qa.post('/admin/users/invite', { email: left.email, role: 'staff' });
    expect(gone.body).toContain('Lee Left has left the directory');
  });

  it('asks for an email address and a role', async () => {
    const empty = await qa.post('/admin/users/invite', { email: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('There is a problem');
    expect(empty.body).toContain('Enter their email address');
    expect(empty.body).toContain('Select a role');
    const badRole = await qa.post('/admin/users/invite', {
      email: 'someone@example.test',
      role: 'emperor',
    });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.body).toContain('Select a role');
    expect(badRole.body).toContain('href="#role"');
  });

  it('creates a new password link that works for 24 hours and replaces the old password', async () => {
    const user = await addUser(t, 'staff', { name: 'Rita Reset' });
    const account = await qa.get(`/admin/users/${user.accountId}`);
    expect(account.body).toContain('Create a new password link');
    const response = await qa.post(`/admin/users/${user.accountId}/reset-password`);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/admin/users/${user.accountId}/link`);
    const page = await qa.get(`/admin/users/${user.accountId}/link`);
    expect(page.body).toContain('New password link for Rita Reset');
    expect(page.body).toContain('It expires in 24 hours, on 27 November 2026 at 9:00am');
    const path = linkPathIn(page.body);

    const browser = agent(t.app);
    expect((await browser.get(path)).body).toContain('Choose a new password');
    const saved = await browser.post(path, { password: newPassword, confirmPassword: newPassword });
    expect(saved.statusCode).toBe(303);
    const oldPassword = await browser.post('/sign-in', {
      email: user.email,
      password: testPassword,
    });
    expect(oldPassword.statusCode).toBe(400);
    const signIn = await browser.post('/sign-in', { email: user.email, password: newPassword });
    expect(signIn.statusCode).toBe(303);
  });

  it('uses the public address when one is configured', async () => {
    const other = await buildTestApp(dialect, {
      env: { PUBLIC_URL: 'https://spotlight.example.gov.uk/' },
    });
    try {
      const coordinator = (await signedIn(other, 'qa-coordinator')).browser;
      const person = await addPerson(other);
      const { page, path } = await invite(coordinator, person.email);
      expect(page.body).toContain(`https://spotlight.example.gov.uk${path}`);
    } finally {
      await other.close();
    }
  });
});

describe.each(testDialects())('set-up links expire (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('stops a set-up link working after 7 days', async () => {
    const { browser: qa } = await signedIn(t, 'qa-coordinator');
    const person = await addPerson(t, { name: 'Lola Late' });
    const { path } = await invite(qa, person.email);

    t.clock.advanceMinutes(6 * 24 * 60);
    expect((await agent(t.app).get(path)).statusCode).toBe(200);
    t.clock.advanceMinutes(2 * 24 * 60);
    const expired = await agent(t.app).get(path);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This link has expired');
    const post = await agent(t.app).post(path, {
      password: newPassword,
      confirmPassword: newPassword,
    });
    expect(post.statusCode).toBe(410);
  });
});
