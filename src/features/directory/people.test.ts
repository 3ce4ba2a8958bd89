import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  agent,
  buildTestApp,
  signedIn,
  testPassword,
  type Agent,
  type TestApp,
} from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';

function idFrom(location: unknown): string {
  const id = String(location).split('/').pop() ?? '';
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id;
}

function versionIn(html: string): string {
  const version = /name="version" value="(\d+)"/.exec(html)?.[1];
  expect(version).toBeDefined();
  return version as string;
}

/** The rows of the people table on a list page. */
function peopleRows(html: string): number {
  const body = /<tbody class="govuk-table__body">([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return body.match(/<tr /g)?.length ?? 0;
}

const person = (fields: Record<string, string> = {}) => ({
  name: 'Priya Practitioner',
  email: 'priya@example.test',
  jobRole: 'social-worker',
  homeTeamId: '',
  sltMember: 'no',
  canReview: 'yes',
  ...fields,
});

describe.each(testDialects())('the directory: people (%s)', (dialect) => {
  let t: TestApp;
  let qa: Agent;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    qa = (await signedIn(t, 'qa-coordinator')).browser;
  });
  afterAll(async () => t?.close());

  const stored = (email: string) =>
    t.services.database.db
      .selectFrom('person')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirst();

  async function addTeam(name: string): Promise<string> {
    const area = await qa.post('/directory/service-areas/new', { name: `${name} area` });
    const team = await qa.post('/directory/teams/new', {
      name,
      serviceAreaId: idFrom(area.headers.location),
      recordingSystem: 'LCS',
    });
    return idFrom(team.headers.location);
  }

  it('adds a person through the pages, keeping the name exactly as typed', async () => {
    const teamId = await addTeam('Fostering Team');
    const form = await qa.get('/directory/people/new');
    for (const label of ['Full name', 'Email address', 'Job role', 'Home team'])
      expect(form.body).toContain(label);
    const response = await qa.post(
      '/directory/people/new',
      person({
        name: ' Zoë  O’Brien-Ng ',
        email: ' Zoe.OBrien@Example.TEST ',
        homeTeamId: teamId,
        sltMember: 'yes',
      }),
    );
    expect(response.statusCode).toBe(303);
    const id = idFrom(response.headers.location);
    const row = await stored('zoe.obrien@example.test');
    expect(row).toMatchObject({
      id,
      name: ' Zoë  O’Brien-Ng ',
      job_role: 'social-worker',
      home_team_id: teamId,
    });
    expect([row?.slt_member, row?.can_review].map(Number)).toEqual([1, 1]);
    const page = await qa.get(`/directory/people/${id}`);
    expect(page.body).toContain('Person added');
    expect(page.body).toContain('Zoë  O’Brien-Ng');
    expect(page.body).toContain('Fostering Team');
    const audit = await t.services.database.db
      .selectFrom('audit_event')
      .select(['action', 'object_type'])
      .where('object_id', '=', id)
      .execute();
    expect(audit).toEqual([{ action: 'person.created', object_type: 'person' }]);
  });

  it('refuses a badly formed email address, keeps what was typed and stores nothing', async () => {
    const response = await qa.post(
      '/directory/people/new',
      person({ name: 'Bad Email', email: 'bad email@example' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('<title>Error: Add a person');
    expect(response.body).toContain(
      'Enter an email address in the correct format, like name@example.com',
    );
    expect(response.body).toContain('href="#email"');
    expect(response.body).toContain('value="Bad Email"');
    expect(response.body).toContain('value="bad email@example"');
    expect(response.body).toMatch(/value="social-worker" selected/);
    const rows = await t.services.database.db
      .selectFrom('person')
      .select('id')
      .where('name', '=', 'Bad Email')
      .execute();
    expect(rows).toEqual([]);
  });

  it('lists every missing answer in the order of the form', async () => {
    const response = await qa.post('/directory/people/new', { name: '   ' });
    expect(response.statusCode).toBe(400);
    const messages = [
      'Enter the person’s full name',
      'Enter an email address',
      'Select a job role',
      'Select yes if they are a member of the Senior Leadership Team',
      'Select yes if they can review in Spotlights',
    ];
    const positions = messages.map((m) => response.body.indexOf(m));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('refuses an email address already in the directory, whatever its case', async () => {
    await addPerson(t, { email: 'taken@example.test' });
    const response = await qa.post(
      '/directory/people/new',
      person({ name: 'Second Taken', email: 'TAKEN@example.test' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('A person with this email address is already in the directory');
    expect(response.body).toContain('value="Second Taken"');
  });

  it('refuses a stale change and keeps the newer one', async () => {
    const added = await qa.post(
      '/directory/people/new',
      person({ name: 'Casey Conflict', email: 'casey@example.test' }),
    );
    const id = idFrom(added.headers.location);
    const version = versionIn((await qa.get(`/directory/people/${id}/edit`)).body);
    const first = await qa.post(`/directory/people/${id}/edit`, {
      ...person({
        name: 'Casey Conflict-Jones',
        email: 'casey@example.test',
        jobRole: 'team-leader',
      }),
      version,
    });
    expect(first.statusCode).toBe(303);
    const stale = await qa.post(`/directory/people/${id}/edit`, {
      ...person({ name: 'Casey Stale', email: 'casey@example.test' }),
      version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Somebody else changed this person');
    expect(stale.body).toContain('Casey Conflict-Jones');
    expect(stale.body).toContain('Casey Stale');
    expect(await stored('casey@example.test')).toMatchObject({
      name: 'Casey Conflict-Jones',
      job_role: 'team-leader',
      version: 2,
    });
    const audit = await t.services.database.db
      .selectFrom('audit_event')
      .select('details')
      .where('object_id', '=', id)
      .where('action', '=', 'person.changed')
      .execute();
    expect(audit.map((a) => JSON.parse(String(a.details)) as unknown)).toEqual([
      { fields: ['name', 'jobRole'] },
    ]);
  });

  it('checks leave dates the GOV.UK way, then adds and removes leave', async () => {
    const { id } = await addPerson(t, { name: 'Lena Leave' });
    const url = `/directory/people/${id}/leave/new`;
    const dates = (from: string[], to: string[]) => ({
      'from-day': from[0] ?? '',
      'from-month': from[1] ?? '',
      'from-year': from[2] ?? '',
      'to-day': to[0] ?? '',
      'to-month': to[1] ?? '',
      'to-year': to[2] ?? '',
    });
    const empty = await qa.post(url, dates([], []));
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the start date');
    expect(empty.body).toContain('Enter the end date');
    expect(empty.body).toContain('href="#from-day"');

    const partial = await qa.post(url, dates(['3', '', '2027'], ['31', '2', '2027']));
    expect(partial.statusCode).toBe(400);
    expect(partial.body).toContain('Start date must include a month');
    expect(partial.body).toContain('href="#from-month"');
    expect(partial.body).toContain('End date must be a real date');
    expect(partial.body).toContain('value="2027"');

    const shortYear = await qa.post(url, dates(['3', '3', '27'], ['4', '3', '2027']));
    expect(shortYear.body).toContain('Year must include 4 numbers');

    const backwards = await qa.post(url, {
      ...dates(['10', '3', '2027'], ['9', '3', '2027']),
      reason: 'Annual leave',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('End date must be the same as or after the start date');
    expect(backwards.body).toContain('value="Annual leave"');

    const leaveRows = () =>
      t.services.database.db
        .selectFrom('person_unavailability')
        .selectAll()
        .where('person_id', '=', id)
        .execute();
    expect(await leaveRows()).toEqual([]);

    const added = await qa.post(url, {
      ...dates(['9', 'March', '2027'], ['10', '3', '2027']),
      reason: 'Training',
    });
    expect(added.statusCode).toBe(303);
    const [leave] = await leaveRows();
    expect(leave).toMatchObject({
      from_date: '2027-03-09',
      to_date: '2027-03-10',
      reason: 'Training',
    });
    const page = await qa.get(`/directory/people/${id}`);
    expect(page.body).toContain('Leave added');
    expect(page.body).toContain('9 March 2027');

    const removeUrl = `/directory/people/${id}/leave/${leave?.id}/remove`;
    const confirm = await qa.get(removeUrl);
    expect(confirm.body).toContain('Remove this leave?');
    expect((await qa.post(removeUrl)).statusCode).toBe(303);
    expect(await leaveRows()).toEqual([]);
    expect((await qa.post(removeUrl)).statusCode).toBe(404);
    const actions = await t.services.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('object_id', '=', id)
      .orderBy('at')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['person.leave-added', 'person.leave-removed']);
  });

  it('deactivates a person, who can then no longer sign in, and reactivates them', async () => {
    const { user, browser } = await signedIn(t, 'team-manager', { name: 'Dana Deactivated' });
    expect((await browser.get('/directory')).statusCode).toBe(200);
    const confirm = await qa.get(`/directory/people/${user.id}/deactivate`);
    expect(confirm.body).toContain('Deactivate this person?');
    const response = await qa.post(`/directory/people/${user.id}/deactivate`, {
      version: versionIn(confirm.body),
    });
    expect(response.statusCode).toBe(303);
    expect((await qa.get(`/directory/people/${user.id}`)).body).toContain('Person deactivated');
    const after = await browser.get('/directory');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toContain('/sign-in');
    const again = agent(t.app);
    const signIn = await again.post('/sign-in', { email: user.email, password: testPassword });
    expect(signIn.statusCode).toBe(400);

    const reactivate = await qa.get(`/directory/people/${user.id}/reactivate`);
    expect(
      (
        await qa.post(`/directory/people/${user.id}/reactivate`, {
          version: versionIn(reactivate.body),
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (await again.post('/sign-in', { email: user.email, password: testPassword })).statusCode,
    ).toBe(303);
  });

  it('does not let a QA coordinator deactivate themselves', async () => {
    const { user, browser } = await signedIn(t, 'qa-coordinator');
    const confirm = await browser.get(`/directory/people/${user.id}/deactivate`);
    expect(confirm.body).toContain('You cannot deactivate yourself');
    const response = await browser.post(`/directory/people/${user.id}/deactivate`, {
      version: '1',
    });
    expect(response.statusCode).toBe(400);
    expect((await stored(user.email))?.active).toBe(1);
  });

  it('lists people 50 a page, filtered by job role and team', async () => {
    for (let i = 0; i < 52; i += 1)
      await addPerson(t, { name: `Isro ${String(i).padStart(2, '0')}`, jobRole: 'isro' });
    const first = await qa.get('/directory/people?jobRole=isro');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('52 people');
    expect(peopleRows(first.body)).toBe(50);
    expect(first.body).toContain('href="/directory/people?jobRole=isro&amp;page=2"');
    const second = await qa.get('/directory/people?jobRole=isro&page=2');
    expect(peopleRows(second.body)).toBe(2);
    expect(second.body).toContain('Isro 51');
    const teamId = await addTeam('Filter Team');
    await qa.post(
      '/directory/people/new',
      person({ name: 'In Filter Team', email: 'filter@example.test', homeTeamId: teamId }),
    );
    const byTeam = await qa.get(`/directory/people?team=${teamId}`);
    expect(byTeam.body).toContain('In Filter Team');
    expect(peopleRows(byTeam.body)).toBe(1);
  });

  it('searches by name or email through a posted form', async () => {
    await addPerson(t, { name: 'Searchable Sophie', email: 'sophie.s@example.test' });
    const byName = await qa.post('/directory/people/search', { search: 'searchable sop' });
    expect(byName.statusCode).toBe(200);
    expect(byName.body).toContain('Searchable Sophie');
    expect(byName.body).toContain('1 person found');
    const byEmail = await qa.post('/directory/people/search', { search: 'SOPHIE.S@' });
    expect(byEmail.body).toContain('Searchable Sophie');
    const wildcard = await qa.post('/directory/people/search', { search: '%' });
    expect(wildcard.body).toContain('0 people found');
    const empty = await qa.post('/directory/people/search', { search: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter a name or email address');
  });

  it('lets a Team Manager look people up but not add or change them', async () => {
    const { id } = await addPerson(t, { name: 'Looked-up Person' });
    const { browser } = await signedIn(t, 'team-manager');
    const page = await browser.get(`/directory/people/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Looked-up Person');
    expect(page.body).not.toContain(`/directory/people/${id}/edit`);
    expect(page.body).not.toContain('Add leave');
    expect(
      (await browser.post('/directory/people/search', { search: 'looked-up' })).body,
    ).toContain('Looked-up Person');
    expect((await browser.get('/directory/people/new')).statusCode).toBe(403);
    const post = await browser.post(
      '/directory/people/new',
      person({ name: 'Sneaky Person', email: 'sneaky@example.test' }),
    );
    expect(post.statusCode).toBe(403);
    expect(await stored('sneaky@example.test')).toBeUndefined();
    expect(
      (await browser.post(`/directory/people/${id}/deactivate`, { version: '1' })).statusCode,
    ).toBe(403);
  });
});
