import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, buildTestApp, signedIn, type Agent, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';

/** The id at the end of a redirect after adding something. */
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

describe.each(testDialects())('the directory: service areas and teams (%s)', (dialect) => {
  let t: TestApp;
  let qa: Agent;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    qa = (await signedIn(t, 'qa-coordinator')).browser;
  });
  afterAll(async () => t?.close());

  async function addServiceArea(name: string): Promise<string> {
    const response = await qa.post('/directory/service-areas/new', { name });
    expect(response.statusCode).toBe(303);
    return idFrom(response.headers.location);
  }

  async function auditActions(objectId: string): Promise<string[]> {
    const rows = await t.services.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('object_id', '=', objectId)
      .orderBy('at')
      .execute();
    return rows.map((r) => r.action);
  }

  it('shows the overview with counts and, to a QA coordinator, import and export', async () => {
    await addServiceArea('Overview Area');
    const response = await qa.get('/directory');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('href="/directory/service-areas"');
    expect(response.body).toContain('href="/directory/teams"');
    expect(response.body).toContain('href="/directory/people"');
    expect(response.body).toMatch(/1 active service area\b/);
    expect(response.body).toContain('Import people and teams');
    expect(response.body).toContain('href="/directory/export.csv"');
    expect(response.body).toContain('href="/directory/export.xlsx"');
  });

  it('adds a service area and refuses the same name in another case', async () => {
    const id = await addServiceArea('Children in Care');
    const page = await qa.get(`/directory/service-areas/${id}`);
    expect(page.body).toContain('Service area added');
    expect(page.body).toContain('Children in Care');
    const duplicate = await qa.post('/directory/service-areas/new', {
      name: '  children IN care ',
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('There is a problem');
    expect(duplicate.body).toContain('A service area with this name already exists');
    expect(duplicate.body).toContain('value="  children IN care "');
    const empty = await qa.post('/directory/service-areas/new', { name: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the service area’s name');
    // 150 characters whose lower case is 300: refused with a message, never a database error.
    const growing = await qa.post('/directory/service-areas/new', { name: 'İ'.repeat(150) });
    expect(growing.statusCode).toBe(400);
    expect(growing.body).toContain('Service area name must be 200 characters or fewer');
    expect(await auditActions(id)).toEqual(['service-area.created']);
  });

  it('adds a team through the pages with its Team Managers and Head of Service', async () => {
    const areaId = await addServiceArea('Safeguarding');
    const manager = await addPerson(t, { name: 'Tamsin Manager', jobRole: 'team-manager' });
    const leader = await addPerson(t, { name: 'Lee Leader', jobRole: 'team-leader' });
    const head = await addPerson(t, { name: 'Hari Head', jobRole: 'head-of-service' });
    const worker = await addPerson(t, { name: 'Sam Worker', jobRole: 'social-worker' });

    const form = await qa.get('/directory/teams/new');
    expect(form.statusCode).toBe(200);
    for (const label of [
      'Team name',
      'Service area',
      'Team Managers',
      'Head of Service',
      'Recording system',
    ]) {
      expect(form.body).toContain(label);
    }
    expect(form.body).toContain('Tamsin Manager');
    expect(form.body).toContain('Lee Leader');
    expect(form.body).not.toContain('Sam Worker');

    const added = await qa.post('/directory/teams/new', {
      name: 'Assessment Team 1',
      serviceAreaId: areaId,
      managerIds: [manager.id, leader.id],
      headOfServiceId: head.id,
      recordingSystem: 'LCS',
    });
    expect(added.statusCode).toBe(303);
    const teamId = idFrom(added.headers.location);
    const page = await qa.get(`/directory/teams/${teamId}`);
    expect(page.body).toContain('Team added');
    for (const text of [
      'Assessment Team 1',
      'Safeguarding',
      'Tamsin Manager',
      'Lee Leader',
      'Hari Head',
      'LCS',
    ]) {
      expect(page.body).toContain(text);
    }
    const managers = await t.services.database.db
      .selectFrom('team_manager')
      .select('person_id')
      .where('team_id', '=', teamId)
      .execute();
    expect(managers.map((m) => m.person_id).sort()).toEqual([manager.id, leader.id].sort());
    expect(await auditActions(teamId)).toEqual(['team.created']);

    const notAManager = await qa.post('/directory/teams/new', {
      name: 'Assessment Team 2',
      serviceAreaId: areaId,
      managerIds: worker.id,
      recordingSystem: 'EHM',
    });
    expect(notAManager.statusCode).toBe(400);
    expect(notAManager.body).toContain('Select Team Managers from the list');
  });

  it('keeps what was typed on the team form when something is missing, and stores nothing', async () => {
    const response = await qa.post('/directory/teams/new', {
      name: 'Half-filled Team',
      serviceAreaId: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<title>Error: Add a team');
    expect(response.body).toContain('Select a service area');
    expect(response.body).toContain('Select the recording system the team uses');
    expect(response.body).toContain('href="#serviceAreaId"');
    expect(response.body).toContain('value="Half-filled Team"');
    const stored = await t.services.database.db
      .selectFrom('team')
      .select('id')
      .where('name', '=', 'Half-filled Team')
      .execute();
    expect(stored).toEqual([]);
    const duplicateAreaId = await addServiceArea('Duplicates');
    const first = {
      name: 'Duplicate Team',
      serviceAreaId: duplicateAreaId,
      recordingSystem: 'EHM',
    };
    expect((await qa.post('/directory/teams/new', first)).statusCode).toBe(303);
    const second = await qa.post('/directory/teams/new', { ...first, name: 'DUPLICATE team' });
    expect(second.statusCode).toBe(400);
    expect(second.body).toContain('A team with this name already exists');
  });

  it('lists teams, filtered by service area', async () => {
    const north = await addServiceArea('North Locality');
    const south = await addServiceArea('South Locality');
    await qa.post('/directory/teams/new', {
      name: 'North Team A',
      serviceAreaId: north,
      recordingSystem: 'LCS',
    });
    await qa.post('/directory/teams/new', {
      name: 'South Team A',
      serviceAreaId: south,
      recordingSystem: 'EHM',
    });
    const all = await qa.get('/directory/teams');
    expect(all.body).toContain('North Team A');
    expect(all.body).toContain('South Team A');
    const filtered = await qa.get(`/directory/teams?serviceArea=${north}`);
    expect(filtered.statusCode).toBe(200);
    expect(filtered.body).toContain('North Team A');
    expect(filtered.body).not.toContain('South Team A');
    expect(filtered.body).toContain('Teams in North Locality');
  });

  it('refuses a stale change to a team and keeps the newer one', async () => {
    const areaId = await addServiceArea('Conflict Area');
    const added = await qa.post('/directory/teams/new', {
      name: 'Conflict Team',
      serviceAreaId: areaId,
      recordingSystem: 'LCS',
    });
    const teamId = idFrom(added.headers.location);
    const version = versionIn((await qa.get(`/directory/teams/${teamId}/edit`)).body);
    const first = await qa.post(`/directory/teams/${teamId}/edit`, {
      version,
      name: 'Conflict Team (renamed)',
      serviceAreaId: areaId,
      recordingSystem: 'EHM',
    });
    expect(first.statusCode).toBe(303);
    const stale = await qa.post(`/directory/teams/${teamId}/edit`, {
      version,
      name: 'Conflict Team (stale)',
      serviceAreaId: areaId,
      recordingSystem: 'LCS',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Somebody else changed this team');
    expect(stale.body).toContain('Conflict Team (stale)');
    const row = await t.services.database.db
      .selectFrom('team')
      .selectAll()
      .where('id', '=', teamId)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('Conflict Team (renamed)');
    expect(row.recording_system).toBe('EHM');
    const audit = await t.services.database.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('object_id', '=', teamId)
      .where('action', '=', 'team.changed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(String(audit[0]?.details))).toEqual({ fields: ['name', 'recordingSystem'] });
  });

  it('deactivates and reactivates a team, and keeps a service area with active teams', async () => {
    const areaId = await addServiceArea('Closing Area');
    const added = await qa.post('/directory/teams/new', {
      name: 'Closing Team',
      serviceAreaId: areaId,
      recordingSystem: 'LCS',
    });
    const teamId = idFrom(added.headers.location);

    const blocked = await qa.get(`/directory/service-areas/${areaId}/deactivate`);
    expect(blocked.body).toContain('This service area has 1 active team');
    expect(blocked.body).not.toContain('name="version"');
    const refused = await qa.post(`/directory/service-areas/${areaId}/deactivate`, {
      version: '1',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Move or deactivate the teams in this service area first');

    const confirm = await qa.get(`/directory/teams/${teamId}/deactivate`);
    expect(confirm.body).toContain('Deactivate this team?');
    const deactivated = await qa.post(`/directory/teams/${teamId}/deactivate`, {
      version: versionIn(confirm.body),
    });
    expect(deactivated.statusCode).toBe(303);
    expect((await qa.get(`/directory/teams/${teamId}`)).body).toContain('Team deactivated');
    const areaConfirm = await qa.get(`/directory/service-areas/${areaId}/deactivate`);
    const areaOff = await qa.post(`/directory/service-areas/${areaId}/deactivate`, {
      version: versionIn(areaConfirm.body),
    });
    expect(areaOff.statusCode).toBe(303);

    const reactivateTeam = await qa.get(`/directory/teams/${teamId}/reactivate`);
    expect(reactivateTeam.body).toContain('Reactivate it first');
    const areaOn = await qa.get(`/directory/service-areas/${areaId}/reactivate`);
    await qa.post(`/directory/service-areas/${areaId}/reactivate`, {
      version: versionIn(areaOn.body),
    });
    const teamOn = await qa.get(`/directory/teams/${teamId}/reactivate`);
    expect(
      (await qa.post(`/directory/teams/${teamId}/reactivate`, { version: versionIn(teamOn.body) }))
        .statusCode,
    ).toBe(303);
    const row = await t.services.database.db
      .selectFrom('team')
      .select('active')
      .where('id', '=', teamId)
      .executeTakeFirstOrThrow();
    expect(row.active).toBe(1);
    expect(await auditActions(teamId)).toEqual([
      'team.created',
      'team.deactivated',
      'team.reactivated',
    ]);
  });

  it('lets a Team Manager see the directory but not change it', async () => {
    const areaId = await addServiceArea('Read-only Area');
    const { browser } = await signedIn(t, 'team-manager');
    const list = await browser.get('/directory/teams');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('Add a team');
    const overview = await browser.get('/directory');
    expect(overview.statusCode).toBe(200);
    expect(overview.body).not.toContain('Import people and teams');
    const area = await browser.get(`/directory/service-areas/${areaId}`);
    expect(area.statusCode).toBe(200);
    expect(area.body).not.toContain(`/directory/service-areas/${areaId}/edit`);
    expect((await browser.get('/directory/teams/new')).statusCode).toBe(403);
    const post = await browser.post('/directory/teams/new', {
      name: 'Sneaky Team',
      serviceAreaId: areaId,
      recordingSystem: 'LCS',
    });
    expect(post.statusCode).toBe(403);
    const stored = await t.services.database.db
      .selectFrom('team')
      .select('id')
      .where('name', '=', 'Sneaky Team')
      .execute();
    expect(stored).toEqual([]);
    expect(
      (
        await browser.post(`/directory/service-areas/${areaId}/edit`, {
          version: '1',
          name: 'Renamed',
        })
      ).statusCode,
    ).toBe(403);
  });
});
