import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';
import { addCouncil, signInAs, type Council } from './cover.test-support.js';

describe.each(testDialects())('rota nominations (%s)', (dialect) => {
  let t: TestApp;
  let council: Council;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { start: '2027-03-01T09:00:00.000Z' });
    council = await addCouncil(t);
  });
  afterAll(async () => t?.close());

  const onRota = async (personId: string) => {
    const row = await t.services.database.db
      .selectFrom('person')
      .select('on_rota')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    return Number(row.on_rota);
  };

  it('shows a Team Manager only their own team, with its staff and counts', async () => {
    const browser = await signInAs(t, council.people.tina, 'team-manager');
    const page = await browser.get('/rota');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(council.teams.t1.name);
    expect(page.body).not.toContain(council.teams.t2.name);
    expect(page.body).toContain('Sam Senior');
    expect(page.body).toContain('Pat Practitioner');
    expect(page.body).not.toContain('Amina Khan');
    expect(page.body).toContain('<strong>1 of 4 staff</strong> on the rota');
    // Pat cannot review cases: there is no box for him, and the page says why.
    expect(page.body).not.toContain(`value="${council.people.pat.id}"`);
    expect(page.body).toContain(
      'cannot be on the rota because they are not set up to review cases',
    );
    expect(page.body).toContain('Pat Practitioner (Social Worker)');
  });

  it('saves the team’s nominations, and records them in the audit log', async () => {
    const browser = await signInAs(t, council.people.tina, 'team-manager');
    const { tina, sam, iris } = council.people;
    const saved = await browser.post(`/rota/teams/${council.teams.t1.id}`, {
      onRota: [tina.id, iris.id],
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/rota');
    expect(await onRota(tina.id)).toBe(1);
    expect(await onRota(iris.id)).toBe(1);
    expect(await onRota(sam.id)).toBe(0);
    const page = await browser.get('/rota');
    expect(page.body).toContain(
      `Rota saved for ${council.teams.t1.name}: 2 of 4 staff on the rota`,
    );
    expect(page.body).toContain('<strong>2 of 4 staff</strong> on the rota');

    const audit = await t.services.database.db
      .selectFrom('audit_event')
      .select(['action', 'object_id', 'details'])
      .where('action', '=', 'rota.nominations-changed')
      .where('object_id', '=', council.teams.t1.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(String(audit[0]?.details))).toMatchObject({
      team: council.teams.t1.name,
      staff: 4,
      onRotaBefore: 1,
      onRota: 2,
      removed: [sam.id],
    });
  });

  it('refuses to nominate for someone else’s team', async () => {
    const browser = await signInAs(t, council.people.eve, 'team-manager');
    const before = await onRota(council.people.amina.id);
    const response = await browser.post(`/rota/teams/${council.teams.t2.id}`, { onRota: [] });
    expect(response.statusCode).toBe(403);
    expect(await onRota(council.people.amina.id)).toBe(before);
    expect((await browser.get(`/rota/teams/${council.teams.t2.id}`)).statusCode).toBe(403);
  });

  it('will not put someone who cannot review on the rota', async () => {
    const browser = await signInAs(t, council.people.tina, 'team-manager');
    const { pat, sam } = council.people;
    const response = await browser.post(`/rota/teams/${council.teams.t1.id}`, {
      onRota: [sam.id, pat.id],
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain(
      'Pat Practitioner cannot be on the rota because they are not set up to review cases',
    );
    expect(response.body).toContain('<title>Error: Rota nominations for');
    expect(await onRota(pat.id)).toBe(0);
    expect(await onRota(sam.id)).toBe(0);
  });

  it('refuses people from other teams and unknown teams', async () => {
    const browser = await signInAs(t, council.people.tina, 'team-manager');
    const other = await browser.post(`/rota/teams/${council.teams.t1.id}`, {
      onRota: [council.people.joe.id],
    });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('Select only people who are in this team');
    const unknown = await browser.post('/rota/teams/00000000-0000-4000-8000-000000000000', {});
    expect(unknown.statusCode).toBe(404);
  });

  it('lets a Head of Service nominate for each team they oversee', async () => {
    const browser = await signInAs(t, council.people.liam, 'head-of-service');
    const page = await browser.get('/rota');
    for (const key of ['t3', 't4', 't6', 't8', 't9'] as const) {
      expect(page.body).toContain(council.teams[key].name);
    }
    expect(page.body).not.toContain(council.teams.t1.name);
    const saved = await browser.post(`/rota/teams/${council.teams.t3.id}`, {
      onRota: council.people.carl.id,
    });
    expect(saved.statusCode).toBe(303);
    expect(await onRota(council.people.bea.id)).toBe(0);
    expect(await onRota(council.people.carl.id)).toBe(1);
  });

  it('shows the QA coordinator every team’s counts, and lets them nominate for any team', async () => {
    const { browser } = await signedIn(t, 'qa-coordinator');
    const page = await browser.get('/rota');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('All teams');
    const row = (name: string) =>
      new RegExp(`${name}</a></td>[\\s\\S]*?numeric">(\\d+)</td>[\\s\\S]*?numeric">(\\d+)`).exec(
        page.body,
      );
    expect(row(council.teams.t2.name)?.slice(1)).toEqual(['3', '3']);
    expect(row(council.teams.t1.name)?.slice(1)).toEqual(['4', '2']);
    const saved = await browser.post(`/rota/teams/${council.teams.t2.id}`, {
      onRota: council.people.kay.id,
    });
    expect(saved.statusCode).toBe(303);
    expect(await onRota(council.people.amina.id)).toBe(0);
  });

  it('is not for staff', async () => {
    const { browser } = await signedIn(t, 'staff');
    expect((await browser.get('/rota')).statusCode).toBe(403);
  });
});
