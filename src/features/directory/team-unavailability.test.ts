// Periods when a team cannot have its Spotlight: a QA coordinator adds one on the team's page
// (dates checked the GOV.UK way), sees it there, and removes it after confirming; a Team Manager
// can see the periods but not change them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type Agent, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';

function idFrom(location: unknown): string {
  const id = String(location).split('/').pop() ?? '';
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id;
}

const dates = (from: string[], to: string[]) => ({
  'from-day': from[0] ?? '',
  'from-month': from[1] ?? '',
  'from-year': from[2] ?? '',
  'to-day': to[0] ?? '',
  'to-month': to[1] ?? '',
  'to-year': to[2] ?? '',
});

describe.each(testDialects())('when a team cannot have a Spotlight (%s)', (dialect) => {
  let t: TestApp;
  let qa: Agent;
  let teamId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    qa = (await signedIn(t, 'qa-coordinator')).browser;
    const area = await qa.post('/directory/service-areas/new', { name: 'Assessment' });
    const team = await qa.post('/directory/teams/new', {
      name: 'Assessment Team North',
      serviceAreaId: idFrom(area.headers.location),
      recordingSystem: 'LCS',
    });
    expect(team.statusCode).toBe(303);
    teamId = idFrom(team.headers.location);
  });
  afterAll(async () => t?.close());

  const periods = () =>
    t.services.database.db
      .selectFrom('team_unavailability')
      .selectAll()
      .where('team_id', '=', teamId)
      .execute();

  it('shows the section on the team page, with nothing recorded yet', async () => {
    const page = await qa.get(`/directory/teams/${teamId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('When this team cannot have a Spotlight');
    expect(page.body).toContain('No periods recorded.');
    expect(page.body).toContain(`href="/directory/teams/${teamId}/unavailability/new"`);
    expect(page.body).toContain('Add a period');
  });

  it('checks the dates the GOV.UK way and keeps what was typed', async () => {
    const url = `/directory/teams/${teamId}/unavailability/new`;
    const form = await qa.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Add a period when this team cannot have a Spotlight');
    expect(form.body).toContain('Assessment Team North');

    const empty = await qa.post(url, dates([], []));
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('There is a problem');
    expect(empty.body).toContain('<title>Error: ');
    expect(empty.body).toContain('Enter the start date');
    expect(empty.body).toContain('Enter the end date');
    expect(empty.body).toContain('href="#from-day"');

    const partial = await qa.post(url, dates(['1', '', '2027'], ['31', '9', '2027']));
    expect(partial.statusCode).toBe(400);
    expect(partial.body).toContain('Start date must include a month');
    expect(partial.body).toContain('href="#from-month"');
    expect(partial.body).toContain('End date must be a real date');
    expect(partial.body).toContain('value="2027"');

    const shortYear = await qa.post(url, dates(['1', '8', '27'], ['31', '8', '2027']));
    expect(shortYear.statusCode).toBe(400);
    expect(shortYear.body).toContain('Year must include 4 numbers');

    const backwards = await qa.post(url, {
      ...dates(['31', '8', '2027'], ['1', '8', '2027']),
      reason: 'Moving office',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('End date must be the same as or after the start date');
    expect(backwards.body).toContain('href="#to-day"');
    expect(backwards.body).toContain('value="Moving office"');

    const longReason = await qa.post(url, {
      ...dates(['1', '8', '2027'], ['31', '8', '2027']),
      reason: 'x'.repeat(201),
    });
    expect(longReason.statusCode).toBe(400);
    expect(longReason.body).toContain('Reason must be 200 characters or fewer');

    expect(await periods()).toEqual([]);
  });

  it('adds a period, shows it on the team page, and removes it after confirming', async () => {
    const added = await qa.post(`/directory/teams/${teamId}/unavailability/new`, {
      ...dates(['1', 'August', '2027'], ['31', '8', '2027']),
      reason: 'Moving office',
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`/directory/teams/${teamId}`);
    const [period] = await periods();
    expect(period).toMatchObject({
      from_date: '2027-08-01',
      to_date: '2027-08-31',
      reason: 'Moving office',
      created_at: t.clock.now().toISOString(),
    });

    const page = await qa.get(`/directory/teams/${teamId}`);
    expect(page.body).toContain('Period added');
    expect(page.body).toContain('1 August 2027');
    expect(page.body).toContain('31 August 2027');
    expect(page.body).toContain('Moving office');
    expect(page.body).not.toContain('No periods recorded.');

    const removeUrl = `/directory/teams/${teamId}/unavailability/${period?.id}/remove`;
    expect(page.body).toContain(`href="${removeUrl}"`);
    const confirm = await qa.get(removeUrl);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Remove this period?');
    expect(confirm.body).toContain(
      'No Spotlight from 1 August 2027 to 31 August 2027 (Moving office).',
    );
    expect(await periods()).toHaveLength(1);

    const removed = await qa.post(removeUrl);
    expect(removed.statusCode).toBe(303);
    expect(await periods()).toEqual([]);
    const after = await qa.get(`/directory/teams/${teamId}`);
    expect(after.body).toContain('Period removed');
    expect(after.body).toContain('No periods recorded.');
    expect((await qa.post(removeUrl)).statusCode).toBe(404);
    expect((await qa.get(removeUrl)).statusCode).toBe(404);

    const audit = await t.services.database.db
      .selectFrom('audit_event')
      .select(['action', 'object_type', 'details'])
      .where('object_id', '=', teamId)
      .where('action', 'like', 'team.unavailability-%')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => [a.action, a.object_type])).toEqual([
      ['team.unavailability-added', 'team'],
      ['team.unavailability-removed', 'team'],
    ]);
    expect(JSON.parse(String(audit[0]?.details))).toEqual({
      periodId: period?.id,
      fields: ['from', 'to', 'reason'],
    });
    const log = await qa.get('/admin/audit');
    expect(log.body).toContain('Added a period when a team cannot have a Spotlight');
    expect(log.body).toContain('Removed a period when a team cannot have a Spotlight');
  });

  it('adds a single day without a reason', async () => {
    const added = await qa.post(`/directory/teams/${teamId}/unavailability/new`, {
      ...dates(['14', '9', '2027'], ['14', '9', '2027']),
      reason: '  ',
    });
    expect(added.statusCode).toBe(303);
    const rows = await periods();
    expect(rows).toMatchObject([{ from_date: '2027-09-14', to_date: '2027-09-14', reason: null }]);
    const page = await qa.get(`/directory/teams/${teamId}`);
    expect(page.body).toContain('14 September 2027');
    expect(page.body).toContain('Not given');
    const confirm = await qa.get(`/directory/teams/${teamId}/unavailability/${rows[0]?.id}/remove`);
    expect(confirm.body).toContain('No Spotlight on 14 September 2027.');
  });

  it('refuses a period for a team that does not exist, and a period of another team', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const response = await qa.post(
      `/directory/teams/${missing}/unavailability/new`,
      dates(['1', '8', '2027'], ['2', '8', '2027']),
    );
    expect(response.statusCode).toBe(404);
    const [period] = await periods();
    const otherArea = await qa.post('/directory/service-areas/new', { name: 'Other area' });
    const other = await qa.post('/directory/teams/new', {
      name: 'Another Team',
      serviceAreaId: idFrom(otherArea.headers.location),
      recordingSystem: 'LCS',
    });
    const otherId = idFrom(other.headers.location);
    const wrongTeam = await qa.post(
      `/directory/teams/${otherId}/unavailability/${period?.id}/remove`,
    );
    expect(wrongTeam.statusCode).toBe(404);
    expect(await periods()).toHaveLength(1);
  });

  it('lets a Team Manager see the periods but not add or remove one', async () => {
    const [period] = await periods();
    const { browser } = await signedIn(t, 'team-manager');
    const page = await browser.get(`/directory/teams/${teamId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('When this team cannot have a Spotlight');
    expect(page.body).toContain('14 September 2027');
    expect(page.body).not.toContain('Add a period');
    expect(page.body).not.toContain('/unavailability/');

    const url = `/directory/teams/${teamId}/unavailability/new`;
    expect((await browser.get(url)).statusCode).toBe(403);
    const post = await browser.post(url, dates(['1', '10', '2027'], ['2', '10', '2027']));
    expect(post.statusCode).toBe(403);
    const removeUrl = `/directory/teams/${teamId}/unavailability/${period?.id}/remove`;
    expect((await browser.get(removeUrl)).statusCode).toBe(403);
    expect((await browser.post(removeUrl)).statusCode).toBe(403);
    expect(await periods()).toHaveLength(1);
  });

  it('removes a team’s periods with the team itself', async () => {
    const db = t.services.database.db;
    // Teams are never deleted through the pages; the cascade keeps the database tidy if one is.
    const shortLived = await qa.post('/directory/service-areas/new', { name: 'Short-lived area' });
    const team = await qa.post('/directory/teams/new', {
      name: 'Short-lived Team',
      serviceAreaId: idFrom(shortLived.headers.location),
      recordingSystem: 'LCS',
    });
    const id = idFrom(team.headers.location);
    await qa.post(
      `/directory/teams/${id}/unavailability/new`,
      dates(['1', '8', '2027'], ['2', '8', '2027']),
    );
    const ofTeam = () =>
      db.selectFrom('team_unavailability').select('id').where('team_id', '=', id).execute();
    expect(await ofTeam()).toHaveLength(1);
    await db.deleteFrom('team').where('id', '=', id).execute();
    expect(await ofTeam()).toEqual([]);
    expect(await periods()).toHaveLength(1);
  });
});
