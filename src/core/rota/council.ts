// The plan's input indexed for planning: working days by number, who is free on which day, who
// may lead which team, and each team's target day. Built once per solve; shared by the greedy
// planner, the MIP models, the explanation and the cost of a plan.
import { addMonths, calendarDaysBetween, workingDaysBetween } from '../working-days.js';
import {
  canLeadTeam,
  isFreeOn,
  isManager,
  isSeniorPractitioner,
  normaliseRules,
} from './people.js';
import type { PlanPerson, PlanRules, PlanTeam } from './plan.types.js';

export interface Council {
  rules: PlanRules;
  days: string[];
  dayOf: Map<string, number>;
  /** Week number of each working day (Monday-based, counted from the first week of the period). */
  weekOf: Int32Array;
  weeks: number;
  teams: PlanTeam[];
  teamOf: Map<string, number>;
  people: PlanPerson[];
  personOf: Map<string, number>;
  /** The team index of each person, -1 for people outside any team. */
  personTeam: Int32Array;
  teamFree: Uint8Array[];
  personFree: Uint8Array[];
  /** How many working days of the period each person is free. */
  personFreeDays: Int32Array;
  /** People who can review / lead (indexes). */
  reviewers: number[];
  leads: number[];
  manager: Uint8Array;
  senior: Uint8Array;
  /** leadFor[t]: the leads allowed to lead team t. */
  leadFor: number[][];
  /** reviewedBefore[p]: team indexes the person reviewed last time. */
  reviewedBefore: Set<number>[];
  /** The anniversary (lastSpotlight + 12 months) or undefined. */
  anniversary: (string | undefined)[];
  /** Calendar days from the start of the period to each working day, and to each anniversary (NaN when unknown). */
  dayNumber: Int32Array;
  anniversaryNumber: Float64Array;
  /** The working day each team would ideally have (index into days). */
  targetDay: Int32Array;
  /** Members each team would fairly supply over the period, in proportion to its size. */
  teamShare: Float64Array;
  /** The fair number of Spotlights each lead leads. */
  leadShare: number;
}

function nearestDay(days: readonly string[], date: string): number {
  let best = 0;
  let bestGap = Infinity;
  days.forEach((day, i) => {
    const gap = Math.abs(calendarDaysBetween(day, date));
    if (gap < bestGap) {
      best = i;
      bestGap = gap;
    }
  });
  return best;
}

function freeDays(days: readonly string[], unavailable: PlanTeam['unavailable']): Uint8Array {
  const free = new Uint8Array(days.length);
  days.forEach((day, d) => {
    free[d] = isFreeOn(unavailable, day) ? 1 : 0;
  });
  return free;
}

/** Teams without a last Spotlight get targets spread evenly across the period. */
function targets(
  days: readonly string[],
  teams: readonly PlanTeam[],
  anniversary: (string | undefined)[],
) {
  const target = new Int32Array(teams.length);
  const unknown = teams.flatMap((_, t) => (anniversary[t] === undefined ? [t] : []));
  unknown.forEach((t, k) => {
    target[t] = Math.min(days.length - 1, Math.floor(((k + 0.5) * days.length) / unknown.length));
  });
  teams.forEach((_, t) => {
    const date = anniversary[t];
    if (date !== undefined && days.length > 0) target[t] = nearestDay(days, date);
  });
  return target;
}

export function buildCouncil(input: PlanRules): Council {
  const rules = normaliseRules(input);
  const days = workingDaysBetween(rules.from, rules.to, rules);
  const dayOf = new Map(days.map((day, i) => [day, i]));
  const weekOf = new Int32Array(days.length);
  const firstMonday = days[0] ?? rules.from;
  const offset = (new Date(`${firstMonday}T00:00:00Z`).getUTCDay() + 6) % 7;
  days.forEach((day, d) => {
    weekOf[d] = Math.floor((calendarDaysBetween(firstMonday, day) + offset) / 7);
  });
  const teams = rules.teams;
  const teamOf = new Map(teams.map((t, i) => [t.id, i]));
  const people = rules.people;
  const personOf = new Map(people.map((p, i) => [p.id, i]));
  const personTeam = Int32Array.from(people, (p) => (p.team ? (teamOf.get(p.team) ?? -1) : -1));
  const anniversary = teams.map((t) =>
    t.lastSpotlight ? addMonths(t.lastSpotlight, 12) : undefined,
  );
  const reviewers = people.flatMap((p, i) => (p.canReview ? [i] : []));
  const leads = people.flatMap((p, i) => (p.canLead ? [i] : []));
  const totalSize = teams.reduce((sum, t) => sum + (t.size ?? 1), 0);
  const slots = teams.length * rules.membersPerSpotlight.min;
  const personFree = people.map((p) => freeDays(days, p.unavailable));
  return {
    rules,
    days,
    dayOf,
    weekOf,
    weeks: days.length === 0 ? 0 : (weekOf[days.length - 1] ?? 0) + 1,
    teams,
    teamOf,
    people,
    personOf,
    personTeam,
    teamFree: teams.map((t) => freeDays(days, t.unavailable)),
    personFree,
    personFreeDays: Int32Array.from(personFree, (free) => free.reduce((n, f) => n + f, 0)),
    reviewers,
    leads,
    manager: Uint8Array.from(people, (p) => (isManager(p) ? 1 : 0)),
    senior: Uint8Array.from(people, (p) => (isSeniorPractitioner(p) ? 1 : 0)),
    leadFor: teams.map((team) => leads.filter((p) => canLeadTeam(people[p] as PlanPerson, team))),
    reviewedBefore: people.map(
      (p) =>
        new Set(
          (p.lastReviewed ?? []).flatMap((id) =>
            teamOf.has(id) ? [teamOf.get(id) as number] : [],
          ),
        ),
    ),
    anniversary,
    dayNumber: Int32Array.from(days, (day) => calendarDaysBetween(rules.from, day)),
    anniversaryNumber: Float64Array.from(anniversary, (date) =>
      date === undefined ? Number.NaN : calendarDaysBetween(rules.from, date),
    ),
    targetDay: targets(days, teams, anniversary),
    teamShare: Float64Array.from(teams, (t) => (slots * (t.size ?? 1)) / Math.max(1, totalSize)),
    leadShare: Math.ceil(teams.length / Math.max(1, leads.length)),
  };
}
