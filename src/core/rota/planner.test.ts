// The planner in this thread (the worker and its time limit are tested in solve.test.ts).
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarDaysBetween } from '../working-days.js';
import { checkPlan } from './check-plan.js';
import { buildCouncil } from './council.js';
import { greedyPlan } from './greedy.js';
import { loadHighs } from './mip.js';
import { planCost } from './objective.js';
import type { PlanInput } from './plan.types.js';
import { planYear } from './planner.js';
import { rulesOf, smallCouncil } from './test-support.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const plan = (input: PlanInput) => planYear(highs, rulesOf(input), { timeLimitSeconds: 10 });

describe('planYear', () => {
  it('plans every team of a small council, optimally and within the rules', () => {
    const rules = rulesOf(smallCouncil());
    const result = planYear(highs, rules, { timeLimitSeconds: 10 });
    expect(result.status).toBe('optimal');
    expect(result.gap).toBe(0);
    expect(result.unscheduled).toEqual([]);
    expect(result.spotlights.map((s) => s.team).sort()).toEqual([
      'T1',
      'T2',
      'T3',
      'T4',
      'T5',
      'T6',
    ]);
    expect(checkPlan(rules, result.spotlights)).toEqual([]);
    // 18 places for 13 reviewers: everyone is a member once or twice.
    const members = result.spotlights.flatMap((s) => s.members);
    const loads = [...new Set(members)].map((id) => members.filter((m) => m === id).length);
    expect(loads).toHaveLength(13);
    expect(Math.max(...loads)).toBe(2);
    // The objective is the plan's cost, and no worse than the greedy plan's.
    const council = buildCouncil(rules);
    expect(result.objective).toBeCloseTo(planCost(council, result.spotlights), 3);
    expect(result.objective).toBeLessThanOrEqual(
      planCost(council, greedyPlan(council).spotlights) + 1e-6,
    );
  });

  it('returns the greedy plan, as feasible, when the time runs out before the solver starts', () => {
    const rules = rulesOf(smallCouncil());
    let calls = 0;
    const result = planYear(highs, rules, {
      timeLimitSeconds: 10,
      now: () => (calls++ === 0 ? 0 : 60),
    });
    expect(result.status).toBe('feasible');
    expect(result.gap).toBe(1);
    expect(result.spotlights).toHaveLength(6);
    expect(checkPlan(rules, result.spotlights)).toEqual([]);
    const council = buildCouncil(rules);
    expect(result.objective).toBeCloseTo(planCost(council, greedyPlan(council).spotlights), 3);
  });

  it('dates each team close to its anniversary and spreads the others', () => {
    const council = smallCouncil();
    const result = plan({
      ...council,
      teams: council.teams.map((t, i) =>
        i < 2 ? { ...t, lastSpotlight: `2026-0${i + 2}-10` } : t,
      ),
    });
    const dateOf = (team: string) => result.spotlights.find((s) => s.team === team)?.date ?? '';
    expect(Math.abs(calendarDaysBetween(dateOf('T1'), '2027-02-10'))).toBeLessThanOrEqual(1);
    expect(Math.abs(calendarDaysBetween(dateOf('T2'), '2027-03-10'))).toBeLessThanOrEqual(1);
    const weeks = new Set(
      result.spotlights.map((s) => Math.floor(calendarDaysBetween('2027-01-04', s.date) / 7)),
    );
    expect(weeks.size).toBe(6);
  });

  it('avoids reviewing or leading the same team as last time', () => {
    const council = smallCouncil();
    const before = ['T1-TM', 'T3-TM', 'T4-TM', 'T5-TM', 'T1-SSW', 'T3-SSW', 'L2', 'L3'];
    const result = plan({
      ...council,
      people: council.people.map((p) =>
        before.includes(p.id) ? { ...p, lastReviewed: ['T2'] } : p,
      ),
    });
    const t2 = result.spotlights.find((s) => s.team === 'T2');
    expect(t2?.members.filter((id) => before.includes(id))).toEqual([]);
    expect(t2?.lead).toBe('L4');
  });

  it('explains an input no plan can meet', () => {
    const council = smallCouncil();
    const result = plan({
      ...council,
      people: council.people.filter((p) => p.role !== 'senior-social-worker' && p.role !== 'isro'),
    });
    expect(result.status).toBe('infeasible');
    expect(result.spotlights).toEqual([]);
    expect(result.unscheduled).toHaveLength(6);
    expect(result.explanation).toContain(
      'Not enough Senior Social Workers or ISROs can review: every Spotlight needs 1 (roleMix.seniorPractitioners) but none can',
    );
  });

  it('leaves out the teams with no Lead from outside their service area, and says why', () => {
    const council = smallCouncil();
    const result = plan({
      ...council,
      people: council.people.filter((p) => p.id !== 'L4' && p.id !== 'L3'),
    });
    // L1 (SA1) and L2 (SA2) can lead SA3's teams; only L2 can lead SA1's, only L1 SA2's.
    expect(result.unscheduled).toEqual([]);
    const onlyOne = plan({
      ...council,
      people: council.people.filter((p) => !['L2', 'L3', 'L4'].includes(p.id)),
    });
    expect(onlyOne.status).toBe('optimal');
    expect(onlyOne.unscheduled.map((u) => u.team)).toEqual(['T1', 'T2']);
    expect(onlyOne.unscheduled[0]?.reason).toBe(
      'No senior leader from outside service area SA1 is free to lead on any day T1 is available',
    );
    expect(onlyOne.explanation).toContain(
      'No senior leader from outside service area SA1 can lead, so its 2 teams (T1, T2) cannot have a Lead',
    );
  });

  it('leaves out a team that is away for the whole period', () => {
    const council = smallCouncil();
    const away = [{ from: '2027-01-01', to: '2027-03-31' }];
    const result = plan({
      ...council,
      teams: council.teams.map((t) => (t.id === 'T4' ? { ...t, unavailable: away } : t)),
    });
    expect(result.status).toBe('optimal');
    expect(result.spotlights).toHaveLength(5);
    expect(result.unscheduled).toEqual([
      {
        team: 'T4',
        reason: 'T4 is not available on any working day between 2027-01-04 and 2027-03-31',
      },
    ]);
  });

  it('says when the caps are too low for the number of teams', () => {
    const result = plan({ ...smallCouncil(), maxPerPersonPerYear: 1 });
    expect(result.status).toBe('optimal');
    expect(result.spotlights).toHaveLength(4);
    const tooLow =
      '6 teams need 18 members but maxPerPersonPerYear 1 allows only 13 (13 can review)';
    expect(result.explanation).toContain(tooLow);
    expect(result.unscheduled.map((u) => u.reason)).toEqual([tooLow, tooLow]);
    expect(
      checkPlan(rulesOf({ ...smallCouncil(), maxPerPersonPerYear: 1 }), result.spotlights),
    ).toEqual([]);
  });

  it('says when the leads cannot lead every team', () => {
    const result = plan({ ...smallCouncil(), maxLeadsPerPersonPerYear: 1 });
    expect(result.spotlights).toHaveLength(4);
    expect(result.explanation?.[0]).toBe(
      '6 teams need a Lead but maxLeadsPerPersonPerYear 1 allows the 4 senior leaders only 4 between them',
    );
  });

  it('names the month and the role that is short', () => {
    const council = smallCouncil();
    const march = [{ from: '2027-03-01', to: '2027-03-31' }];
    const result = plan({
      ...council,
      teams: council.teams.map((t) => ({
        ...t,
        unavailable: [{ from: '2027-01-04', to: '2027-02-28' }],
      })),
      people: council.people.map((p) =>
        p.role === 'senior-social-worker' && p.team !== 'T1' ? { ...p, unavailable: march } : p,
      ),
    });
    // Every team must be visited in March, when only T1-SSW and T6-ISRO of the senior
    // practitioners are free: with two Spotlights each, they can staff four teams.
    expect(result.status).toBe('optimal');
    expect(result.spotlights).toHaveLength(4);
    expect(result.unscheduled).toHaveLength(2);
    const short =
      'Not enough Senior Social Workers or ISROs are free in March 2027: 6 Spotlights need 6, 2 are free';
    expect(result.unscheduled[0]?.reason).toBe(short);
    expect(result.explanation).toContain(short);
  });
});
