// Generates a council's plan input for the rota benchmark: service areas, teams with their last
// Spotlight, staff with realistic roles and leave (a few weeks a year each, heavier in school
// holidays), senior leaders who lead, and who reviewed which team last year. Seeded: the same size
// gives the same council.
import type { JobRole } from '../src/core/job-roles.js';
import type { DateRange, PlanInput, PlanPerson, PlanTeam } from '../src/core/rota/plan.types.js';
import { addCalendarDays } from '../src/core/working-days.js';

/** A small, fast, seeded random number generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CouncilSize {
  teams: number;
  people: number;
  seed?: number;
}

// School holidays of a typical English council in 2027: most leave is taken in them.
const schoolHolidays: DateRange[] = [
  { from: '2027-02-15', to: '2027-02-19' },
  { from: '2027-03-29', to: '2027-04-09' },
  { from: '2027-05-31', to: '2027-06-04' },
  { from: '2027-07-22', to: '2027-09-01' },
  { from: '2027-10-25', to: '2027-10-29' },
  { from: '2027-12-20', to: '2027-12-31' },
];

export function generateCouncil(size: CouncilSize): PlanInput {
  const random = seededRandom(size.seed ?? size.teams * 7919 + size.people);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const areas = Array.from(
    { length: Math.max(2, Math.round(size.teams / 25)) },
    (_, i) => `SA${i + 1}`,
  );
  const day = (from: string, span: number) => addCalendarDays(from, Math.floor(random() * span));

  const leave = (weeks: number): DateRange[] =>
    Array.from({ length: weeks }, () => {
      const from = random() < 0.6 ? day(pick(schoolHolidays).from, 10) : day('2027-01-04', 350);
      return { from, to: addCalendarDays(from, 4 + Math.floor(random() * 6)) };
    });

  const teams: PlanTeam[] = Array.from({ length: size.teams }, (_, i) => {
    const team: PlanTeam = { id: `T${i + 1}`, serviceArea: areas[i % areas.length] as string };
    if (random() < 0.8) team.lastSpotlight = day('2026-01-12', 320);
    if (random() < 0.1) team.unavailable = leave(1);
    return team;
  });

  const leadCount = Math.max(4, Math.round(size.teams / 8));
  const people: PlanPerson[] = Array.from({ length: leadCount }, (_, i) => ({
    id: `L${i + 1}`,
    ...(i % 3 === 0 ? {} : { serviceArea: areas[i % areas.length] }),
    role: i % 3 === 0 ? 'senior-leader' : 'head-of-service',
    canLead: true,
    canReview: false,
    unavailable: leave(3),
  }));

  const staff = size.people - leadCount;
  for (let i = 0; i < staff; i++) {
    const team = teams[i % teams.length] as PlanTeam;
    const place = Math.floor(i / teams.length);
    let role: JobRole;
    if (place === 0) role = 'team-manager';
    else if (place === 1) role = random() < 0.6 ? 'team-leader' : 'senior-social-worker';
    else if (place <= 3) role = random() < 0.8 ? 'senior-social-worker' : 'isro';
    else role = random() < 0.75 ? 'social-worker' : 'practitioner';
    const reviews = ['team-manager', 'team-leader', 'senior-social-worker', 'isro'].includes(role);
    const person: PlanPerson = {
      id: `P${i + 1}`,
      team: team.id,
      role,
      canLead: false,
      canReview: reviews && random() < 0.9,
      unavailable: leave(2 + Math.floor(random() * 3)),
    };
    if (person.canReview && random() < 0.3) person.lastReviewed = [pick(teams).id];
    people.push(person);
  }

  return {
    from: '2027-01-04',
    to: '2027-12-17',
    closures: ['2027-12-24'],
    maxSpotlightsPerDay: 2,
    membersPerSpotlight: { min: 3, max: 4 },
    maxPerPersonPerYear: 2,
    maxLeadsPerPersonPerYear: 12,
    teams,
    people,
  };
}
