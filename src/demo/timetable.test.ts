import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, buildTestApp, type Agent, type TestApp } from '../../test/app.js';
import { testDialects } from '../../test/databases.js';
import { checkPlan } from '../core/rota/check-plan.js';
import type { PlannedSpotlight } from '../core/rota/plan.types.js';
import { isWorkingDay } from '../core/working-days.js';
import { fromDbCount } from '../platform/db/convert.js';
import { demoCoverReason, demoPlanSettings } from './demo-timetable.js';
import { demoPassword, seedDemoCouncil, type DemoSignIn } from './seed.js';

type Table =
  | 'timetable_plan'
  | 'spotlight'
  | 'spotlight_member'
  | 'plan_change'
  | 'timetable_notice'
  | 'audit_event'
  | 'account';

const tables: readonly Table[] = [
  'timetable_plan',
  'spotlight',
  'spotlight_member',
  'plan_change',
  'timetable_notice',
  'audit_event',
  'account',
];

/** A day in 2027 as the pages write it: "Monday 1 March 2027: ". */
const spotlightHeading = /(Monday|Tuesday|Wednesday|Thursday|Friday) \d{1,2} [A-Z][a-z]+ 2027: /;

describe.each(testDialects())('the demo council’s timetable (%s)', (dialect) => {
  let t: TestApp;
  let signIns: DemoSignIn[];
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    ({ signIns } = await seedDemoCouncil(t.services));
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
  async function counts(): Promise<Record<Table | 'onRota', number>> {
    const result = { onRota: 0 } as Record<Table | 'onRota', number>;
    for (const table of tables) result[table] = await count(table);
    const onRota = await db()
      .selectFrom('person')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('on_rota', '=', 1)
      .executeTakeFirstOrThrow();
    result.onRota = fromDbCount(onRota.n);
    return result;
  }
  function emailOf(role: string): string {
    const found = signIns.find((s) => s.role === role);
    if (!found) throw new Error(`No demo sign-in for ${role}`);
    return found.email;
  }
  async function signInAs(role: string): Promise<Agent> {
    const browser = agent(t.app);
    await browser.get('/sign-in');
    const response = await browser.post('/sign-in', {
      email: emailOf(role),
      password: demoPassword,
    });
    expect(response.statusCode, role).toBe(303);
    return browser;
  }
  async function thePlan() {
    return db()
      .selectFrom('timetable_plan')
      .selectAll()
      .where('from_date', '>=', demoPlanSettings.from)
      .executeTakeFirstOrThrow();
  }
  async function plannedSpotlights(planId: string) {
    const rows = await db()
      .selectFrom('spotlight')
      .select(['id', 'team_id', 'date', 'lead_person_id'])
      .where('plan_id', '=', planId)
      .where('status', '=', 'planned')
      .execute();
    const members = await db()
      .selectFrom('spotlight_member')
      .select(['spotlight_id', 'person_id'])
      .where(
        'spotlight_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((row): PlannedSpotlight & { id: string } => ({
      id: row.id,
      team: row.team_id,
      date: row.date,
      lead: row.lead_person_id ?? '',
      members: members.filter((m) => m.spotlight_id === row.id).map((m) => m.person_id),
    }));
  }

  it('publishes one plan for 2027 with a Spotlight for every active team', async () => {
    expect(await count('timetable_plan')).toBe(1 + 1); // and last year's (demo-last-year.ts)
    const plan = await thePlan();
    expect(plan.status).toBe('published');
    expect(plan.from_date).toBe('2027-01-04');
    expect(plan.to_date).toBe('2027-12-17');
    expect(demoPlanSettings.from).toBe('2027-01-04');
    const teams = await db().selectFrom('team').select('id').where('active', '=', 1).execute();
    const spotlights = await plannedSpotlights(plan.id);
    expect(teams).toHaveLength(9);
    expect(spotlights.map((s) => s.team).sort()).toEqual(teams.map((team) => team.id).sort());
    expect(plan.explanation).toBeNull();
    const calendar = { region: 'england-and-wales' as const, closures: demoPlanSettings.closures };
    for (const s of spotlights) {
      expect(s.date >= plan.from_date && s.date <= plan.to_date, s.date).toBe(true);
      expect(isWorkingDay(s.date, calendar), s.date).toBe(true);
    }
  });

  it('keeps every Spotlight within the plan’s rules, after the hand edits and the cover', async () => {
    const plan = await thePlan();
    const rules = await t.services.timetable.rulesForPlan(plan.id);
    const spotlights = await plannedSpotlights(plan.id);
    expect(checkPlan(rules, spotlights)).toEqual([]);
    for (const s of spotlights) {
      expect(s.lead, s.team).not.toBe('');
      expect(s.members.length, s.team).toBeGreaterThanOrEqual(3);
      expect(s.members.length, s.team).toBeLessThanOrEqual(4);
    }
  });

  it('shows the published plan on the timetable page', async () => {
    for (const role of ['QA coordinator', 'Senior leader', 'Team Manager']) {
      const browser = await signInAs(role);
      const page = await browser.get('/timetable');
      expect(page.statusCode, role).toBe(200);
      expect(page.body, role).toContain(
        'Every team’s Spotlight from 4 January 2027 to 17 December 2027.',
      );
      expect(page.body, role).not.toContain('No plan has been published yet.');
    }
  });

  it('gives the Senior leader, Head of Service, Team Manager and Staff sign-ins a Spotlight each', async () => {
    for (const role of ['Senior leader', 'Head of Service', 'Team Manager', 'Staff']) {
      const browser = await signInAs(role);
      const page = await browser.get('/my-spotlights');
      expect(page.statusCode, role).toBe(200);
      expect(page.body, role).toMatch(spotlightHeading);
      expect(page.body, role).not.toContain('You are not in any Spotlights yet.');
      const part = role === 'Senior leader' || role === 'Head of Service' ? 'Lead' : 'Team member';
      expect(page.body, role).toMatch(
        new RegExp(`Your part\\s*</dt>\\s*<dd class="govuk-summary-list__value">\\s*${part}\\s`),
      );
    }
  });

  it('puts everyone who can review on the rota, and shows the Team Manager their team', async () => {
    const people = await db()
      .selectFrom('person')
      .select(['email', 'can_review', 'on_rota'])
      .execute();
    for (const person of people)
      expect(Number(person.on_rota), person.email).toBe(Number(person.can_review));
    const browser = await signInAs('Team Manager');
    const page = await browser.get('/rota');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Assessment Team North');
    expect(page.body).toContain('<strong>3 of 4 staff</strong> on the rota.');
    const team = await db()
      .selectFrom('person')
      .innerJoin('team', 'team.id', 'person.home_team_id')
      .select(['person.id', 'person.name', 'person.can_review'])
      .where('team.name', '=', 'Assessment Team North')
      .execute();
    const reviewers = team.filter((p) => Number(p.can_review) === 1);
    expect(reviewers.map((p) => p.name).sort()).toEqual([
      'Hannah Clarke',
      'Joanne Fletcher',
      'Oluwaseun Adeyemi',
    ]);
    for (const person of reviewers) expect(page.body).toContain(`value="${person.id}" checked`);
    expect(page.body.match(/type="checkbox" value="[^"]+" checked/g)).toHaveLength(3);
  });

  it('has cover already arranged, with a notice waiting for the QA coordinator', async () => {
    const changes = await db()
      .selectFrom('plan_change')
      .select(['kind', 'actor_name', 'summary'])
      .where('kind', '=', 'cover-arranged')
      .execute();
    expect(changes).toHaveLength(1);
    expect(changes[0]?.actor_name).toBe('Hannah Clarke');
    expect(changes[0]?.summary).toMatch(/^Hannah Clarke cannot attend; .+ will cover$/);

    const browser = await signInAs('QA coordinator');
    const home = await browser.get('/');
    expect(home.body).toContain('1 new notice about the timetable');
    const notices = await browser.get('/timetable/notices');
    expect(notices.statusCode).toBe(200);
    expect(notices.body).toContain('Hannah Clarke cannot attend');
    expect(notices.body).toContain(demoCoverReason);

    const audit = await db()
      .selectFrom('audit_event')
      .select(['actor_name'])
      .where('action', '=', 'timetable.cover-arranged')
      .execute();
    expect(audit).toEqual([{ actor_name: 'Hannah Clarke' }]);
  });

  it('changes nothing when seeded again', async () => {
    const before = await counts();
    expect(before.timetable_notice).toBe(1);
    expect(before.spotlight).toBe(9 + 2); // and last year's two (demo-last-year.ts)
    const again = await seedDemoCouncil(t.services);
    expect(again.created).toBe(false);
    expect(again.signIns).toEqual(signIns);
    expect(await counts()).toEqual(before);
  });

  it('adds the timetable to a demo directory that has no plan, as after an interrupted seeding', async () => {
    await db().deleteFrom('timetable_notice').execute();
    await db().deleteFrom('plan_change').execute();
    await db().deleteFrom('spotlight_member').execute();
    await db().deleteFrom('spotlight').execute();
    await db().deleteFrom('timetable_plan').execute();
    const again = await seedDemoCouncil(t.services);
    expect(again.created).toBe(false);
    // Last year's plan and its two Spotlights come back too (demo-last-year.ts).
    expect(await count('timetable_plan')).toBe(1 + 1);
    expect((await thePlan()).status).toBe('published');
    expect(await count('spotlight')).toBe(9 + 2);
    expect(await count('timetable_notice')).toBe(1);
  });
});
