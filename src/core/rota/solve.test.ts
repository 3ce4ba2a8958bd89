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

  it('keeps the event loop free while it solves, and keeps to its time limit', async () => {
    const rules = largeCouncil();
    let last = performance.now();
    let longest = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const result = await solvePlan(rules, { timeLimitSeconds: 1 });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(ticker);
    expect(['optimal', 'feasible']).toContain(result.status);
    expect(checkPlan(rules, result.spotlights)).toEqual([]);
    expect(result.spotlights.length).toBeGreaterThan(50);
    // One second to solve, plus starting the worker, loading the solver and indexing the council.
    expect(seconds).toBeLessThan(5);
    expect(result.seconds).toBeCloseTo(seconds, 0);
    // The target is under 50 ms; a busy test machine gets some slack.
    expect(longest).toBeLessThan(200);
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
