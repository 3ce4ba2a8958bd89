// Properties of the planner over random councils: every plan it returns meets every hard rule, and
// a council that cannot be planned gets an explanation naming the rule that is short.
import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPlan } from './check-plan.js';
import { buildCouncil } from './council.js';
import { eligibleCover } from './cover.js';
import { wholeInputProblems } from './explain.js';
import { greedyPlan } from './greedy.js';
import { loadHighs } from './mip.js';
import type { PlanRules } from './plan.types.js';
import { planYear } from './planner.js';
import { councilShape, randomCouncil, rulesOf } from './test-support.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const councils = councilShape.map((shape) => rulesOf(randomCouncil(shape)));
const plan = (rules: PlanRules) => planYear(highs, rules, { timeLimitSeconds: 5 });

describe('the planner, on random councils', () => {
  it('returns only plans that meet every hard rule, and accounts for every team', () => {
    fc.assert(
      fc.property(councils, (rules) => {
        const result = plan(rules);
        expect(checkPlan(rules, result.spotlights)).toEqual([]);
        const planned = result.spotlights.map((s) => s.team);
        const left = result.unscheduled.map((u) => u.team);
        expect([...planned, ...left].sort()).toEqual(rules.teams.map((t) => t.id).sort());
        for (const u of result.unscheduled) expect(u.reason.length).toBeGreaterThan(10);
        expect(result.status === 'infeasible').toBe(planned.length === 0);
        if (left.length > 0) expect(result.explanation?.length).toBeGreaterThan(0);
        expect(result.gap).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 100 },
    );
  });

  it('plans, greedily, only within the rules too', () => {
    fc.assert(
      fc.property(councils, (rules) => {
        expect(checkPlan(rules, greedyPlan(buildCouncil(rules)).spotlights)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('offers as cover exactly the people who keep the plan within the rules', () => {
    fc.assert(
      fc.property(councils, fc.nat(), (rules, pick) => {
        const spotlights = plan(rules).spotlights;
        const target = spotlights[pick % Math.max(1, spotlights.length)];
        if (!target) return;
        const leaving = [target.lead, ...target.members][
          pick % (target.members.length + 1)
        ] as string;
        const offered = new Set(
          eligibleCover(rules, spotlights, target.team, leaving).map((c) => c.person),
        );
        for (const person of rules.people) {
          if (person.id === leaving) continue;
          const after = spotlights.map((s) =>
            s !== target
              ? s
              : {
                  ...s,
                  lead: s.lead === leaving ? person.id : s.lead,
                  members: s.members.map((m) => (m === leaving ? person.id : m)),
                },
          );
          expect(offered.has(person.id)).toBe(checkPlan(rules, after).length === 0);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('explains a council with no Senior Social Worker or ISRO who can review', () => {
    fc.assert(
      fc.property(councils, (rules) => {
        const people = rules.people.map((p) =>
          p.role === 'senior-social-worker' || p.role === 'isro' ? { ...p, canReview: false } : p,
        );
        const result = plan({ ...rules, people });
        expect(result.status).toBe('infeasible');
        expect(result.spotlights).toEqual([]);
        expect(result.explanation?.join('\n')).toContain(
          'Not enough Senior Social Workers or ISROs can review: every Spotlight needs 1 (roleMix.seniorPractitioners)',
        );
      }),
      { numRuns: 30 },
    );
  });

  it('explains why the teams of a service area with no Lead from outside it are left out', () => {
    fc.assert(
      fc.property(councils, (rules) => {
        // Every lead works in SA1, so none may lead SA1's teams.
        const people = rules.people.map((p) => (p.canLead ? { ...p, serviceArea: 'SA1' } : p));
        const changed = { ...rules, people };
        const result = plan(changed);
        expect(checkPlan(changed, result.spotlights)).toEqual([]);
        const sa1 = rules.teams.filter((t) => t.serviceArea === 'SA1').map((t) => t.id);
        expect(result.spotlights.filter((s) => sa1.includes(s.team))).toEqual([]);
        // Unless the council is impossible for another reason, each team says why it is left out.
        if (wholeInputProblems(buildCouncil(changed)).length === 0) {
          for (const u of result.unscheduled.filter((u) => sa1.includes(u.team))) {
            expect(u.reason).toContain('No senior leader from outside service area SA1');
          }
        }
        expect(result.explanation?.join('\n')).toContain(
          'No senior leader from outside service area SA1 can lead',
        );
      }),
      { numRuns: 30 },
    );
  });
});
