// Councils for the rota's tests: a small hand-made one, and random ones for property tests.
import fc from 'fast-check';
import type { JobRole } from '../job-roles.js';
import { addCalendarDays } from '../working-days.js';
import type { PlanInput, PlanPerson, PlanRules, PlanTeam } from './plan.types.js';
import { parsePlanInput } from './plan-input.js';

export function rulesOf(input: PlanInput): PlanRules {
  const parsed = parsePlanInput(input);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.rules;
}

const person = (id: string, role: JobRole, extra: Partial<PlanPerson> = {}): PlanPerson => ({
  id,
  role,
  canLead: false,
  canReview: ['team-manager', 'team-leader', 'senior-social-worker', 'isro'].includes(role),
  ...extra,
});

/**
 * Six teams in three service areas (T1, T2 in SA1; T3, T4 in SA2; T5, T6 in SA3), each with a
 * Team Manager, a Senior Social Worker and a Social Worker (who does not review); an ISRO in T6;
 * leads L1 (SA1), L2 (SA2), L3 (SA3) and L4 (no service area). January to March 2027.
 */
export function smallCouncil(overrides: Partial<PlanInput> = {}): PlanInput {
  const teams: PlanTeam[] = [1, 2, 3, 4, 5, 6].map((n) => ({
    id: `T${n}`,
    serviceArea: `SA${Math.ceil(n / 2)}`,
  }));
  const people: PlanPerson[] = [
    ...teams.flatMap((t) => [
      person(`${t.id}-TM`, 'team-manager', { team: t.id }),
      person(`${t.id}-SSW`, 'senior-social-worker', { team: t.id }),
      person(`${t.id}-SW`, 'social-worker', { team: t.id }),
    ]),
    person('T6-ISRO', 'isro', { team: 'T6' }),
    person('L1', 'head-of-service', { serviceArea: 'SA1', canLead: true, canReview: false }),
    person('L2', 'head-of-service', { serviceArea: 'SA2', canLead: true, canReview: false }),
    person('L3', 'head-of-service', { serviceArea: 'SA3', canLead: true, canReview: false }),
    person('L4', 'senior-leader', { canLead: true, canReview: false }),
  ];
  return { from: '2027-01-04', to: '2027-03-31', teams, people, ...overrides };
}

export interface RandomCouncilShape {
  teams: number;
  areas: number;
  leads: number;
  reviewersPerTeam: number;
  perDay: number;
  cap: number;
  leadCap: number;
  seed: number;
}

/** Random councils small enough to solve in well under a second. */
export const councilShape: fc.Arbitrary<RandomCouncilShape> = fc.record({
  teams: fc.integer({ min: 2, max: 8 }),
  areas: fc.integer({ min: 1, max: 3 }),
  leads: fc.integer({ min: 1, max: 4 }),
  reviewersPerTeam: fc.integer({ min: 1, max: 4 }),
  perDay: fc.integer({ min: 1, max: 3 }),
  cap: fc.integer({ min: 1, max: 3 }),
  leadCap: fc.integer({ min: 1, max: 6 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

const reviewerRoles: JobRole[] = ['team-manager', 'team-leader', 'senior-social-worker', 'isro'];

/** A council of the given shape, with leave, unavailable teams and last reviews drawn from the seed. */
export function randomCouncil(shape: RandomCouncilShape): PlanInput {
  let state = shape.seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const from = '2027-01-04';
  const span = 70;
  const leave = () => {
    const start = addCalendarDays(from, Math.floor(random() * span));
    return [{ from: start, to: addCalendarDays(start, Math.floor(random() * 10)) }];
  };
  const teams: PlanTeam[] = Array.from({ length: shape.teams }, (_, i) => ({
    id: `T${i + 1}`,
    serviceArea: `SA${(i % shape.areas) + 1}`,
    ...(random() < 0.5
      ? { lastSpotlight: addCalendarDays('2026-01-04', Math.floor(random() * span)) }
      : {}),
    ...(random() < 0.2 ? { unavailable: leave() } : {}),
  }));
  const people: PlanPerson[] = [];
  teams.forEach((team) => {
    for (let r = 0; r < shape.reviewersPerTeam; r++) {
      const role =
        r < 2
          ? (reviewerRoles[r * 2] as JobRole)
          : (reviewerRoles[Math.floor(random() * 4)] as JobRole);
      people.push({
        id: `${team.id}-P${r + 1}`,
        team: team.id,
        role,
        canLead: false,
        canReview: random() < 0.95,
        ...(random() < 0.3 ? { unavailable: leave() } : {}),
        ...(random() < 0.3 ? { lastReviewed: [`T${1 + Math.floor(random() * shape.teams)}`] } : {}),
      });
    }
  });
  for (let l = 0; l < shape.leads; l++) {
    people.push({
      id: `L${l + 1}`,
      ...(l % 2 === 0 ? { serviceArea: `SA${(l % shape.areas) + 1}` } : {}),
      role: 'senior-leader',
      canLead: true,
      canReview: random() < 0.3,
      ...(random() < 0.3 ? { unavailable: leave() } : {}),
    });
  }
  return {
    from,
    to: addCalendarDays(from, span + 14),
    maxSpotlightsPerDay: shape.perDay,
    maxPerPersonPerYear: shape.cap,
    maxLeadsPerPersonPerYear: shape.leadCap,
    teams,
    people,
  };
}
