// solvePlan as callers use it: the solver in a worker thread, within its time limit.
import { describe, expect, it } from 'vitest';
import { checkPlan } from './check-plan.js';
import { solvePlan } from './solve.js';
import { randomCouncil, rulesOf, smallCouncil } from './test-support.js';

const largeCouncil = () =>
  rulesOf(
    randomCouncil({
      teams: 60,
      areas: 4,
      leads: 10,
      reviewersPerTeam: 4,
      perDay: 2,
      cap: 2,
      leadCap: 12,
      seed: 7,
    }),
  );

describe('solvePlan', () => {
  it('plans a small council in a worker thread', async () => {
    const rules = rulesOf(smallCouncil());
    const result = await solvePlan(rules);
    expect(result.status).toBe('optimal');
    expect(result.spotlights).toHaveLength(6);
    expect(checkPlan(rules, result.spotlights)).toEqual([]);
    expect(result.seconds).toBeGreaterThan(0);
  });

  it('leaves the web server free to answer while it solves a large council', async () => {
    // Other work queued while the plan is solved runs before the answer arrives; a solver run on
    // the main thread would block it until after. (How long it takes is for `npm run bench:rota`.)
    const rules = largeCouncil();
    let turns = 0;
    let solving = true;
    const otherWork = () => {
      turns += 1;
      if (solving) setImmediate(otherWork);
    };
    const answer = solvePlan(rules, { timeLimitSeconds: 1 }).then((result) => {
      solving = false;
      return { result, turnsBeforeAnswer: turns };
    });
    setImmediate(otherWork);
    const { result, turnsBeforeAnswer } = await answer;
    expect(turnsBeforeAnswer).toBeGreaterThan(100);
    expect(['optimal', 'feasible']).toContain(result.status);
    expect(checkPlan(rules, result.spotlights)).toEqual([]);
    expect(result.spotlights.length).toBeGreaterThan(50);
  });

  it('reports an impossible input as infeasible, with the reason', async () => {
    const council = smallCouncil();
    const rules = rulesOf({ ...council, people: council.people.filter((p) => !p.canLead) });
    const result = await solvePlan(rules);
    expect(result.status).toBe('infeasible');
    expect(result.explanation).toEqual([
      'Nobody can lead a Spotlight: no senior leader is marked as able to lead',
    ]);
    expect(result.unscheduled).toHaveLength(6);
  });
});
