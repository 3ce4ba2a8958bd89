// A team that cannot have its Spotlight for a while ("moving office in August: no Spotlight then"):
// the period recorded in the directory reaches the year plan's rules, the solver keeps the team's
// Spotlight out of it, and a hand edit into it breaks a rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type Agent, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';
import { checkPlan } from '../../core/rota/check-plan.js';
import type { PlannedSpotlight } from '../../core/rota/plan.types.js';
import { planRulesForCover } from './cover.service.js';
import { buildCouncil, quarter, type Council } from './pages/plans/test-support.js';

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
  closures: '',
};

const dates = (from: string, to: string) => {
  const [fy = '', fm = '', fd = ''] = from.split('-');
  const [ty = '', tm = '', td = ''] = to.split('-');
  return {
    'from-day': fd,
    'from-month': fm,
    'from-year': fy,
    'to-day': td,
    'to-month': tm,
    'to-year': ty,
  };
};

describe.each(testDialects())('a team that cannot have a Spotlight for a while (%s)', (dialect) => {
  let t: TestApp;
  let council: Council;
  let coordinator: Agent;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { start: '2026-11-26T09:00:00.000Z' });
    council = await buildCouncil(t);
    coordinator = (await signedIn(t, 'qa-coordinator')).browser;
  });
  afterAll(async () => t?.close());

  async function addPeriod(teamId: string, from: string, to: string, reason = '') {
    const response = await coordinator.post(`/directory/teams/${teamId}/unavailability/new`, {
      ...dates(from, to),
      reason,
    });
    expect(response.statusCode).toBe(303);
  }

  async function generate(form: Record<string, string>): Promise<string> {
    const response = await coordinator.post('/timetable/plans/new', form);
    expect(response.statusCode).toBe(303);
    return String(response.headers.location).split('/').pop() ?? '';
  }

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

  it('plans the team’s Spotlight outside its period, within every rule', async () => {
    const teamA = council.teams.a.id;
    // From before the plan starts to mid-June: only the last two weeks of June are left.
    await addPeriod(teamA, '2027-03-01', '2027-06-15', 'Moving office');
    // Outside the plan: not needed by its rules.
    await addPeriod(teamA, '2027-08-01', '2027-08-31');

    const planId = await generate(secondQuarter);
    const spotlights = await stored(planId);
    const ofTeamA = spotlights.find((s) => s.team === teamA);
    expect(ofTeamA?.date).toMatch(/^2027-06-(1[6-9]|2\d|30)$/);
    expect(spotlights.map((s) => s.team).sort()).toEqual(
      Object.values(council.teams)
        .map((team) => team.id)
        .sort(),
    );

    const rules = await t.services.timetable.rulesForPlan(planId);
    expect(rules.teams.find((team) => team.id === teamA)?.unavailable).toEqual([
      { from: '2027-03-01', to: '2027-06-15' },
    ]);
    for (const key of ['b', 'c', 'd'] as const) {
      expect(rules.teams.find((team) => team.id === council.teams[key].id)?.unavailable).toEqual(
        [],
      );
    }
    expect(checkPlan(rules, spotlights)).toEqual([]);

    // Moving it by hand into the period breaks the team's rule.
    const moved = spotlights.map((s) => (s.team === teamA ? { ...s, date: '2027-06-08' } : s));
    expect(checkPlan(rules, moved).map((breach) => breach.rule)).toContain('team-unavailable');
  });

  it('leaves the team out, and says so, when its period covers the whole plan', async () => {
    const teamB = council.teams.b.id;
    await addPeriod(teamB, '2027-03-29', '2027-07-02', 'Inspection');
    const planId = await generate(secondQuarter);
    const spotlights = await stored(planId);
    expect(spotlights.map((s) => s.team)).not.toContain(teamB);
    expect(spotlights).toHaveLength(3);
    const page = await coordinator.get(`/timetable/plans/${planId}`);
    expect(page.body).toContain('Some teams could not be planned within the rules:');
    expect(page.body).toContain(council.teams.b.name);
  });
});

describe('the rules cover is arranged under', () => {
  it('gives cover the same team periods as the plan', () => {
    const team = {
      id: 'team-1',
      name: 'Team one',
      service_area_id: 'area-1',
      head_of_service_id: null,
      active: 1,
    };
    const rules = planRulesForCover(
      {
        id: 'plan-1',
        from_date: quarter.from,
        to_date: quarter.to,
        settings: JSON.stringify(quarter),
        status: 'published',
      },
      {
        teams: [team, { ...team, id: 'team-2', name: 'Team two' }],
        people: [],
        leave: [],
        teamUnavailable: [{ team_id: 'team-1', from_date: '2027-02-01', to_date: '2027-02-05' }],
      },
    );
    expect(rules.teams.map((planned) => [planned.id, planned.unavailable])).toEqual([
      ['team-1', [{ from: '2027-02-01', to: '2027-02-05' }]],
      ['team-2', []],
    ]);
  });
});
