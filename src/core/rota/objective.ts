// The soft goals of a plan as one cost (lower is better): dates near each team's anniversary and
// spread over the period, load spread evenly across people, teams (by size) and leads, and nobody
// reviewing the same team as last time. The MIP models minimise exactly this; the greedy plan and
// hand-made plans are scored with it too, so figures compare.
import type { Council } from './council.js';
import type { PlannedSpotlight } from './plan.types.js';

export const weights = {
  /** A team left out of the plan. */
  unscheduled: 1000,
  /** Each week between the date and the team's anniversary. */
  anniversaryPerWeek: 1,
  /** Each week from an even spread, for teams with no last Spotlight. */
  spreadPerWeek: 0.5,
  /** Each Spotlight over a week's fair share. */
  overWeek: 2,
  /** A person's 1st membership costs 1, the 2nd 1+4, the 3rd 1+4+7, and so on. */
  memberSteps: [1, 4, 7, 13] as const,
  /** Each member a team supplies over its share (by size), and more beyond two over. */
  teamOver: [2, 4] as const,
  /** Each Spotlight a lead leads over the even share, and more beyond two over. */
  leadOver: [3, 7] as const,
  /** Reviewing or leading the same team as last time. */
  repeat: 6,
};

export function dateCost(council: Council, team: number, day: number): number {
  const anniversary = council.anniversaryNumber[team] ?? Number.NaN;
  if (!Number.isNaN(anniversary)) {
    const gap = Math.abs((council.dayNumber[day] ?? 0) - anniversary);
    return (weights.anniversaryPerWeek * gap) / 7;
  }
  return (weights.spreadPerWeek * Math.abs(day - (council.targetDay[team] ?? 0))) / 5;
}

/** A week's fair share of Spotlights, in proportion to its working days. */
export function weekQuotas(council: Council): Int32Array {
  const daysInWeek = new Int32Array(council.weeks);
  for (const w of council.weekOf) daysInWeek[w] = (daysInWeek[w] ?? 0) + 1;
  const perDay = council.teams.length / Math.max(1, council.days.length);
  return Int32Array.from(daysInWeek, (n) => Math.max(1, Math.ceil(perDay * n - 1e-9)));
}

export function memberLoadCost(load: number): number {
  return weights.memberSteps.reduce((sum, step, j) => sum + step * Math.max(0, load - j), 0);
}

export function teamLoadCost(council: Council, team: number, load: number): number {
  const share = Math.ceil((council.teamShare[team] ?? 0) - 1e-9);
  return (
    weights.teamOver[0] * Math.max(0, load - share) +
    weights.teamOver[1] * Math.max(0, load - share - 2)
  );
}

export function leadLoadCost(council: Council, load: number): number {
  const share = council.leadShare;
  return (
    weights.leadOver[0] * Math.max(0, load - share) +
    weights.leadOver[1] * Math.max(0, load - share - 2)
  );
}

/** The cost of the dates chosen (team index -> day index), with the unscheduled teams. */
export function datingCost(council: Council, dayOfTeam: ReadonlyMap<number, number>): number {
  const quotas = weekQuotas(council);
  const perWeek = new Int32Array(council.weeks);
  let cost = weights.unscheduled * (council.teams.length - dayOfTeam.size);
  for (const [team, day] of dayOfTeam) {
    cost += dateCost(council, team, day);
    const week = council.weekOf[day] ?? 0;
    perWeek[week] = (perWeek[week] ?? 0) + 1;
  }
  perWeek.forEach((n, w) => {
    cost += weights.overWeek * Math.max(0, n - (quotas[w] ?? 0));
  });
  return cost;
}

/** The cost of who was chosen, over every Spotlight. */
export function staffingCost(council: Council, spotlights: readonly PlannedSpotlight[]): number {
  const memberLoad = new Int32Array(council.people.length);
  const leadLoad = new Int32Array(council.people.length);
  const teamLoad = new Int32Array(council.teams.length);
  let cost = 0;
  for (const s of spotlights) {
    const team = council.teamOf.get(s.team) ?? -1;
    const lead = council.personOf.get(s.lead);
    if (lead !== undefined) {
      leadLoad[lead] = (leadLoad[lead] ?? 0) + 1;
      if (council.reviewedBefore[lead]?.has(team)) cost += weights.repeat;
    }
    for (const id of s.members) {
      const p = council.personOf.get(id);
      if (p === undefined) continue;
      memberLoad[p] = (memberLoad[p] ?? 0) + 1;
      const home = council.personTeam[p] ?? -1;
      if (home >= 0) teamLoad[home] = (teamLoad[home] ?? 0) + 1;
      if (council.reviewedBefore[p]?.has(team)) cost += weights.repeat;
    }
  }
  memberLoad.forEach((n) => (cost += memberLoadCost(n)));
  leadLoad.forEach((n) => (cost += leadLoadCost(council, n)));
  teamLoad.forEach((n, g) => (cost += teamLoadCost(council, g, n)));
  return cost;
}

/** The whole plan's cost: dates, staffing and the teams left out. */
export function planCost(council: Council, spotlights: readonly PlannedSpotlight[]): number {
  const dayOfTeam = new Map<number, number>();
  for (const s of spotlights) {
    const team = council.teamOf.get(s.team);
    const day = council.dayOf.get(s.date);
    if (team !== undefined && day !== undefined) dayOfTeam.set(team, day);
  }
  return datingCost(council, dayOfTeam) + staffingCost(council, spotlights);
}
