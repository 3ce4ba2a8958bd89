// Planning a year through the page: the solver plans every team of a small council within the
// rules (checked again by checkPlan on what was stored), and explains the teams it cannot plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type Agent, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';
import { checkPlan } from '../../core/rota/check-plan.js';
import type { PlannedSpotlight } from '../../core/rota/plan.types.js';
import { buildCouncil, type Council } from './pages/plans/test-support.js';

const secondQuarter = {
  'from-day': '1',
  'from-month': '4',
  'from-year': '2027',
  'to-day': '30',
  'to-month': '6',
  'to-year': '2027',
  maxSpotlightsPerDay: '2',
  membersMin: '3',
  membersMax: '4',
  maxPerPersonPerYear: '2',
  maxLeadsPerPersonPerYear: '12',
  closures: '7/4/2027\n2027-04-08',
};

describe.each(testDialects())('planning a year (%s)', (dialect) => {
  let t: TestApp;
  let council: Council;
  let coordinator: Agent;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { start: '2026-11-26T09:00:00.000Z' });
    council = await buildCouncil(t);
    coordinator = (await signedIn(t, 'qa-coordinator')).browser;
  });
  afterAll(async () => t?.close());

  async function stored(planId: string): Promise<PlannedSpotlight[]> {
    const db = t.services.database.db;
    const rows = await db
      .selectFrom('spotlight')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('date')
      .execute();
    const members = await db
      .selectFrom('spotlight_member')
      .innerJoin('spotlight', 'spotlight.id', 'spotlight_member.spotlight_id')
      .select(['spotlight_member.spotlight_id', 'spotlight_member.person_id'])
      .where('spotlight.plan_id', '=', planId)
      .execute();
    return rows.map((row) => ({
      team: row.team_id,
      date: row.date,
      lead: row.lead_person_id ?? '',
      members: members.filter((m) => m.spotlight_id === row.id).map((m) => m.person_id),
    }));
  }

  const nameOf = (id: string) =>
    [...Object.values(council.people), ...Object.values(council.leaders)].find((p) => p.id === id)
      ?.name;

  it('plans every team with a Lead and members, breaking no rule', async () => {
    const response = await coordinator.post('/timetable/plans/new', secondQuarter);
    expect(response.statusCode).toBe(303);
    const location = String(response.headers.location);
    expect(location).toMatch(/^\/timetable\/plans\/[0-9a-f-]{36}$/);
    const planId = location.split('/').pop() ?? '';

    const page = await coordinator.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Plan generated. It is a draft until you publish it');
    expect(page.body).toMatch(
      /The best possible plan was found\.|A good plan was found; it is within [\d.]+% of the best possible\./,
    );
    expect(page.body).not.toContain('could not be planned');

    const spotlights = await stored(planId);
    expect(spotlights.map((s) => s.team).sort()).toEqual(
      Object.values(council.teams)
        .map((team) => team.id)
        .sort(),
    );
    for (const spotlight of spotlights) {
      expect(spotlight.members.length).toBeGreaterThanOrEqual(3);
      expect(spotlight.members.length).toBeLessThanOrEqual(4);
      expect(['2027-04-07', '2027-04-08']).not.toContain(spotlight.date);
      expect(page.body).toContain(nameOf(spotlight.lead));
      for (const member of spotlight.members) expect(page.body).toContain(nameOf(member));
    }
    for (const team of Object.values(council.teams)) expect(page.body).toContain(team.name);

    const rules = await t.services.timetable.rulesForPlan(planId);
    expect(rules.closures).toEqual(['2027-04-07', '2027-04-08']);
    expect(checkPlan(rules, spotlights)).toEqual([]);

    const db = t.services.database.db;
    const plan = await db
      .selectFrom('timetable_plan')
      .selectAll()
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ status: 'draft', from_date: '2027-04-01', to_date: '2027-06-30' });
    expect(['optimal', 'feasible']).toContain(plan.solver_status);
    const changes = await db
      .selectFrom('plan_change')
      .select(['kind', 'summary'])
      .where('plan_id', '=', planId)
      .execute();
    expect(changes).toEqual([
      { kind: 'generated', summary: 'Planned 4 Spotlights from 1 April 2027 to 30 June 2027.' },
    ]);
    const audit = await db
      .selectFrom('audit_event')
      .select('action')
      .where('object_id', '=', planId)
      .execute();
    expect(audit).toEqual([{ action: 'timetable.plan-generated' }]);
  });

  it('explains, with names, when not every team can be planned', async () => {
    const response = await coordinator.post('/timetable/plans/new', {
      ...secondQuarter,
      'from-day': '6',
      'to-day': '6',
      'to-month': '4',
      maxSpotlightsPerDay: '1',
      closures: '',
    });
    expect(response.statusCode).toBe(303);
    const page = await coordinator.get(String(response.headers.location));
    expect(page.body).toContain('Some teams could not be planned within the rules:');
    expect(page.body).toContain('govuk-warning-text');
    expect(page.body).toContain('It does not include every team.');
    // The solver's setting names become the form's words.
    expect(page.body).not.toMatch(/maxLeadsPerPersonPerYear|maxPerPersonPerYear|roleMix/);
    expect(page.body).not.toMatch(
      /<li class="app-break-words">[^<]*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    );
  });
});
