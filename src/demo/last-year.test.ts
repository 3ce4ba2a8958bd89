import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, buildTestApp, type Agent, type TestApp } from '../../test/app.js';
import { testDialects } from '../../test/databases.js';
import { countsOf, findReport } from '../features/report/report-facts.repository.js';
import { fromDbCount } from '../platform/db/convert.js';
import { demoEmail } from './demo-council.js';
import { lastYear } from './demo-last-year.js';
import { demoPassword, seedDemoCouncil, type DemoSignIn } from './seed.js';

const tables = [
  'timetable_plan',
  'spotlight',
  'member_record',
  'key_finding',
  'report',
  'report_section',
  'recommendation',
  'report_version',
  'report_circulation',
  'audit_event',
] as const;
type Table = (typeof tables)[number];

describe.each(testDialects())('the demo council’s last year (%s)', (dialect) => {
  let t: TestApp;
  let signIns: DemoSignIn[];
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    ({ signIns } = await seedDemoCouncil(t.services));
  });
  afterAll(async () => t?.close());

  const db = () => t.services.database.db;
  async function counts(): Promise<Record<Table, number>> {
    const result = {} as Record<Table, number>;
    for (const table of tables) {
      const row = await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      result[table] = fromDbCount(row.n);
    }
    return result;
  }
  async function signInAs(role: string): Promise<Agent> {
    const email = signIns.find((s) => s.role === role)?.email ?? '';
    const browser = agent(t.app);
    await browser.get('/sign-in');
    const response = await browser.post('/sign-in', { email, password: demoPassword });
    expect(response.statusCode, role).toBe(303);
    return browser;
  }
  /** The Spotlight of the team of the person named, on or after a day. */
  async function spotlightOf(teamOf: string, from: string) {
    return db()
      .selectFrom('spotlight')
      .innerJoin('person', 'person.home_team_id', 'spotlight.team_id')
      .select(['spotlight.id', 'spotlight.date'])
      .where('person.email', '=', demoEmail(teamOf))
      .where('spotlight.date', '>=', from)
      .orderBy('spotlight.date')
      .executeTakeFirstOrThrow();
  }

  it('changes nothing when seeded again', async () => {
    const before = await counts();
    expect(before.report).toBe(3);
    const again = await seedDemoCouncil(t.services);
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('has Assessment Team North’s report of March 2026 final, circulated to its Team Manager', async () => {
    const last = await spotlightOf('Joanne Fletcher', lastYear.from);
    expect(last.date).toBe('2026-03-12');
    const report = await findReport(db(), last.id);
    expect(report?.status).toBe('final');
    const manager = await db()
      .selectFrom('person')
      .select('id')
      .where('email', '=', demoEmail('Joanne Fletcher'))
      .executeTakeFirstOrThrow();
    const circulation = await db()
      .selectFrom('report_circulation')
      .select(['recipient_person_id', 'circulated_on'])
      .where('spotlight_id', '=', last.id)
      .execute();
    expect(circulation).toEqual([{ recipient_person_id: manager.id, circulated_on: '2026-03-27' }]);

    const browser = await signInAs('Team Manager');
    const final = await browser.get(`/spotlights/${last.id}/report/final`);
    expect(final.statusCode).toBe(200);
    expect(final.body).toContain('Assessment Team North is a settled, friendly team');

    const next = await spotlightOf('Joanne Fletcher', '2027-01-01');
    const pack = await browser.get(`/spotlights/${next.id}/documents`);
    expect(pack.statusCode).toBe(200);
    expect(pack.body).toContain(`/spotlights/${next.id}/documents/last-report`);
    const lastReport = await browser.get(`/spotlights/${next.id}/documents/last-report`);
    expect(lastReport.statusCode).toBe(200);
    expect(lastReport.body).toContain('Assessment Team North is a settled, friendly team');
  });

  it('counts what each of last year’s Spotlights did from its records and preparation pack', async () => {
    for (const teamOf of ['Joanne Fletcher', 'Andrew Cunningham']) {
      const spotlight = await spotlightOf(teamOf, lastYear.from);
      const members = await db()
        .selectFrom('spotlight_member')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('spotlight_id', '=', spotlight.id)
        .executeTakeFirstOrThrow();
      const counts = await countsOf(db(), spotlight.id);
      // Three children for each team member, and the pack the Team Manager sent.
      expect(counts.childrenReviewed, teamOf).toBe(3 * fromDbCount(members.n));
      expect(counts.documentsRead, teamOf).toBeGreaterThan(0);
      expect(counts.teamMembers, teamOf).toBe(fromDbCount(members.n));
      // Each child has the guidance's questions answered in the member's record.
      const children = await db()
        .selectFrom('record_child')
        .select(['life_for_child', 'proportionate', 'good_enough'])
        .where('spotlight_id', '=', spotlight.id)
        .execute();
      for (const child of children) {
        expect(child.life_for_child, teamOf).toBeTruthy();
        expect(['too-much', 'about-right', 'too-little']).toContain(child.proportionate);
        expect(['yes', 'no']).toContain(child.good_enough);
      }
    }
    const north = await spotlightOf('Joanne Fletcher', lastYear.from);
    const browser = await signInAs('Team Manager');
    const final = await browser.get(`/spotlights/${north.id}/report/final`);
    expect(final.body).toMatch(/Children whose records were reviewed<\/th>\s*<td[^>]*>9</);
  });

  it('has the Children in Care Team’s report with the QA team, with an Inadequate grade', async () => {
    const care = await spotlightOf('Andrew Cunningham', lastYear.from);
    expect(care.date).toBe('2026-11-05');
    expect((await findReport(db(), care.id))?.status).toBe('submitted');
    const browser = await signInAs('Head of Service QA and Safeguarding');
    const home = await browser.get('/');
    expect(home.body).toContain(
      'Review the report for Children in Care Team (it has an Inadequate grade)',
    );
    expect(home.body).toContain(`/spotlights/${care.id}/report/review`);
    const review = await browser.get(`/spotlights/${care.id}/report/review`);
    expect(review.statusCode).toBe(200);
    const reports = await browser.get('/reports');
    expect(reports.statusCode).toBe(200);
    expect(reports.body).toContain('Children in Care Team');
    expect(reports.body).toContain('Inadequate');
  });

  it('has no case numbers in last year’s reports', async () => {
    const sections = await db()
      .selectFrom('report_section')
      .innerJoin('spotlight', 'spotlight.id', 'report_section.spotlight_id')
      .select(['body', 'working_well', 'to_improve', 'for_children'])
      .where('spotlight.date', '<=', lastYear.to)
      .execute();
    expect(sections.length).toBe(14);
    for (const section of sections) {
      const text = Object.values(section).join(' ');
      expect(text).not.toMatch(/\d{5,}|[A-Z]{2,}\d{3,}/);
    }
  });
});
