import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, buildTestApp, type TestApp } from '../../test/app.js';
import { testDialects } from '../../test/databases.js';
import { emailProblem } from '../features/directory/directory.service.js';
import { fromDbCount } from '../platform/db/convert.js';
import { newId } from '../platform/ids.js';
import { demoPassword, isDatabaseEmpty, seedDemoCouncil } from './seed.js';

type Table = 'person' | 'team' | 'service_area' | 'account' | 'team_manager' | 'audit_event';

describe.each(testDialects())('the demo council (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const db = () => t.services.database.db;
  async function count(table: Table): Promise<number> {
    const row = await db()
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return fromDbCount(row.n);
  }
  async function counts(): Promise<Record<Exclude<Table, 'audit_event'>, number>> {
    return {
      person: await count('person'),
      team: await count('team'),
      service_area: await count('service_area'),
      account: await count('account'),
      team_manager: await count('team_manager'),
    };
  }

  it('adds nothing when a name in it is already taken', async () => {
    const now = t.clock.now().toISOString();
    const clash = { id: newId(), name: 'Children in care', name_key: 'children in care' };
    const stamps = { active: 1, version: 1, created_at: now, updated_at: now };
    await db()
      .insertInto('service_area')
      .values({ ...clash, ...stamps })
      .execute();
    await expect(seedDemoCouncil(t.services)).rejects.toThrow(
      'a service area, team or person in it has the same name or email address',
    );
    expect(await counts()).toEqual({
      person: 0,
      team: 0,
      service_area: 1,
      account: 0,
      team_manager: 0,
    });
    await db().deleteFrom('service_area').where('id', '=', clash.id).execute();
  });

  it('adds the demo once, and changes nothing the second time', async () => {
    expect(await isDatabaseEmpty(t.services)).toBe(true);
    const first = await seedDemoCouncil(t.services);
    expect(first.created).toBe(true);
    expect(await isDatabaseEmpty(t.services)).toBe(false);
    const after = await counts();
    expect(after.service_area).toBe(4);
    expect(after.team).toBe(9);
    expect(after.person).toBeGreaterThanOrEqual(45);
    expect(after.account).toBe(6);

    const second = await seedDemoCouncil(t.services);
    expect(second.created).toBe(false);
    expect(second.signIns).toEqual(first.signIns);
    expect(await counts()).toEqual(after);

    const audit = await db()
      .selectFrom('audit_event')
      .select(['action', 'actor_account_id'])
      .where('action', '=', 'demo.seeded')
      .execute();
    expect(audit).toEqual([{ action: 'demo.seeded', actor_account_id: null }]);
  });

  it('offers one sign-in per role, in order, and each one works', async () => {
    const { signIns } = await seedDemoCouncil(t.services);
    expect(signIns.map((s) => s.role)).toEqual([
      'QA coordinator',
      'Head of Service QA and Safeguarding',
      'Senior leader',
      'Head of Service',
      'Team Manager',
      'Staff',
    ]);
    for (const signIn of signIns) {
      expect(signIn.email).toMatch(/^[a-z.]+@brackenshire\.example$/);
      const person = await db()
        .selectFrom('person')
        .select('name')
        .where('email', '=', signIn.email)
        .executeTakeFirstOrThrow();
      const browser = agent(t.app);
      await browser.get('/sign-in');
      const response = await browser.post('/sign-in', {
        email: signIn.email,
        password: demoPassword,
      });
      expect(response.statusCode, signIn.role).toBe(303);
      const home = await browser.get('/');
      expect(home.body).toContain(`Welcome, ${person.name}`);
      expect(home.body).toContain(`<span class="govuk-caption-l">${signIn.role}</span>`);
    }
  });

  it('refuses a demo sign-in with the wrong password', async () => {
    const { signIns } = await seedDemoCouncil(t.services);
    const browser = agent(t.app);
    const response = await browser.post('/sign-in', {
      email: signIns[0]?.email ?? '',
      password: `${demoPassword}-wrong`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter a correct email address and password');
  });

  it('gives every team a service area, a Head of Service and at least one Team Manager', async () => {
    const teams = await db()
      .selectFrom('team')
      .innerJoin('service_area', 'service_area.id', 'team.service_area_id')
      .leftJoin('person as hos', 'hos.id', 'team.head_of_service_id')
      .select(['team.id', 'team.name', 'service_area.name as area', 'hos.job_role as hosRole'])
      .execute();
    expect(teams).toHaveLength(9);
    const managers = await db()
      .selectFrom('team_manager')
      .innerJoin('person', 'person.id', 'team_manager.person_id')
      .select(['team_manager.team_id', 'person.job_role', 'person.home_team_id'])
      .execute();
    for (const team of teams) {
      expect(team.hosRole, team.name).toBe('head-of-service');
      const ofTeam = managers.filter((m) => m.team_id === team.id);
      expect(ofTeam.length, team.name).toBeGreaterThanOrEqual(1);
      expect(ofTeam.length, team.name).toBeLessThanOrEqual(2);
      for (const manager of ofTeam) {
        expect(manager.job_role).toBe('team-manager');
        expect(manager.home_team_id).toBe(team.id);
      }
    }
    const areas = await db().selectFrom('service_area').select('name').execute();
    for (const area of areas)
      expect(teams.filter((team) => team.area === area.name).length, area.name).toBeGreaterThan(0);
    const systems = await db().selectFrom('team').select(['name', 'recording_system']).execute();
    expect(systems.filter((s) => s.recording_system === 'EHM').map((s) => s.name)).toEqual([
      'Early Help Family Hub',
    ]);
  });

  it('holds people in every role, with reviewers, leaders and leave in 2027', async () => {
    const people = await db()
      .selectFrom('person')
      .select(['email', 'job_role', 'slt_member', 'can_review', 'home_team_id'])
      .execute();
    const roles = new Set(people.map((p) => p.job_role));
    for (const role of [
      'senior-leader',
      'head-of-service',
      'team-manager',
      'team-leader',
      'senior-social-worker',
      'isro',
      'social-worker',
      'practitioner',
      'qa-officer',
    ])
      expect(roles, role).toContain(role);
    for (const person of people) {
      expect(person.email).toMatch(/@brackenshire\.example$/);
      expect(emailProblem(person.email), person.email).toBeUndefined();
      const reviewer = ['team-manager', 'team-leader', 'senior-social-worker', 'isro'];
      expect(Number(person.can_review), person.email).toBe(
        reviewer.includes(person.job_role) ? 1 : 0,
      );
    }
    expect(people.filter((p) => Number(p.slt_member) === 1).length).toBeGreaterThanOrEqual(4);
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
    const leave = await db().selectFrom('person_unavailability').selectAll().execute();
    expect(leave.length).toBeGreaterThanOrEqual(3);
    for (const period of leave) {
      expect(period.from_date.startsWith('2027-')).toBe(true);
      expect(period.to_date >= period.from_date).toBe(true);
    }
  });
});
