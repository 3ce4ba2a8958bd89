// The simple planner: date the teams in order of their target day, each on the nearest day it can
// be staffed, and pick the least-loaded eligible people. It is the benchmark's baseline, the MIP's
// starting point, and the answer when the solver finds nothing in time.
import type { Council } from './council.js';
import {
  dateCost,
  leadLoadCost,
  memberLoadCost,
  teamLoadCost,
  weekQuotas,
  weights,
} from './objective.js';
import type { PlannedSpotlight } from './plan.types.js';

/** Who is already busy, day by day, as the plan fills up. */
export class RotaState {
  readonly memberLoad: Int32Array;
  readonly leadLoad: Int32Array;
  readonly teamLoad: Int32Array;
  readonly dayCount: Int32Array;
  readonly weekCount: Int32Array;
  private readonly busy = new Map<number, Set<number>>();
  private readonly busyTeams = new Map<number, Set<number>>();
  private readonly supplied = new Map<number, Set<number>>();
  private readonly visited = new Map<number, Set<number>>();

  constructor(private readonly council: Council) {
    this.memberLoad = new Int32Array(council.people.length);
    this.leadLoad = new Int32Array(council.people.length);
    this.teamLoad = new Int32Array(council.teams.length);
    this.dayCount = new Int32Array(council.days.length);
    this.weekCount = new Int32Array(council.weeks);
  }

  private set(map: Map<number, Set<number>>, day: number): Set<number> {
    let set = map.get(day);
    if (!set) map.set(day, (set = new Set()));
    return set;
  }

  /** Can team t be visited on day d at all (before choosing anyone)? */
  dayOpen(team: number, day: number): boolean {
    return (
      (this.council.teamFree[team]?.[day] ?? 0) === 1 &&
      (this.dayCount[day] ?? 0) < this.council.rules.maxSpotlightsPerDay &&
      !(this.busyTeams.get(day)?.has(team) ?? false)
    );
  }

  /** May person p serve (as lead or member) on day d at a Spotlight of team t? */
  canServe(p: number, team: number, day: number): boolean {
    const home = this.council.personTeam[p] ?? -1;
    return (
      (this.council.personFree[p]?.[day] ?? 0) === 1 &&
      home !== team &&
      !(this.busy.get(day)?.has(p) ?? false) &&
      !(home >= 0 && (this.visited.get(day)?.has(home) ?? false))
    );
  }

  teamSupplied(home: number, day: number): boolean {
    return home >= 0 && (this.supplied.get(day)?.has(home) ?? false);
  }

  /** Marks team t as visited on day d ahead of staffing it, so nobody from it is chosen that day. */
  reserveVisit(team: number, day: number): void {
    this.set(this.visited, day).add(team);
  }

  add(team: number, day: number, lead: number, members: readonly number[]): void {
    this.dayCount[day] = (this.dayCount[day] ?? 0) + 1;
    const week = this.council.weekOf[day] ?? 0;
    this.weekCount[week] = (this.weekCount[week] ?? 0) + 1;
    this.set(this.visited, day).add(team);
    this.leadLoad[lead] = (this.leadLoad[lead] ?? 0) + 1;
    for (const p of [lead, ...members]) {
      this.set(this.busy, day).add(p);
      const home = this.council.personTeam[p] ?? -1;
      if (home >= 0) this.set(this.busyTeams, day).add(home);
    }
    for (const p of members) {
      this.memberLoad[p] = (this.memberLoad[p] ?? 0) + 1;
      const home = this.council.personTeam[p] ?? -1;
      if (home >= 0) {
        this.teamLoad[home] = (this.teamLoad[home] ?? 0) + 1;
        this.set(this.supplied, day).add(home);
      }
    }
  }
}

function pickLead(
  council: Council,
  state: RotaState,
  team: number,
  day: number,
): number | undefined {
  let best: number | undefined;
  let bestScore = Infinity;
  for (const p of council.leadFor[team] ?? []) {
    const load = state.leadLoad[p] ?? 0;
    if (load >= council.rules.maxLeadsPerPersonPerYear || !state.canServe(p, team, day)) continue;
    const score =
      leadLoadCost(council, load + 1) -
      leadLoadCost(council, load) +
      load * 0.01 +
      (council.reviewedBefore[p]?.has(team) ? weights.repeat : 0);
    if (score < bestScore) [best, bestScore] = [p, score];
  }
  return best;
}

function pickMembers(
  council: Council,
  state: RotaState,
  team: number,
  day: number,
  lead: number,
): number[] | undefined {
  const { rules } = council;
  const scored: { p: number; score: number }[] = [];
  for (const p of council.reviewers) {
    const load = state.memberLoad[p] ?? 0;
    const home = council.personTeam[p] ?? -1;
    if (p === lead || load >= rules.maxPerPersonPerYear || !state.canServe(p, team, day)) continue;
    if (state.teamSupplied(home, day)) continue;
    const teamLoad = home >= 0 ? (state.teamLoad[home] ?? 0) : 0;
    const score =
      memberLoadCost(load + 1) -
      memberLoadCost(load) +
      (home >= 0
        ? teamLoadCost(council, home, teamLoad + 1) - teamLoadCost(council, home, teamLoad)
        : 0) +
      (council.reviewedBefore[p]?.has(team) ? weights.repeat : 0) +
      teamLoad * 0.001;
    scored.push({ p, score });
  }
  scored.sort((a, b) => a.score - b.score || a.p - b.p);
  const chosen: number[] = [];
  const teams = new Set<number>();
  const take = (wanted: number, fits: (p: number) => boolean) => {
    let taken = 0;
    for (const { p } of scored) {
      if (taken >= wanted) break;
      const home = council.personTeam[p] ?? -1;
      if (chosen.includes(p) || (home >= 0 && teams.has(home)) || !fits(p)) continue;
      chosen.push(p);
      if (home >= 0) teams.add(home);
      taken += 1;
    }
    return taken >= wanted;
  };
  const okManagers = take(rules.roleMix.managers, (p) => council.manager[p] === 1);
  const okSeniors = take(rules.roleMix.seniorPractitioners, (p) => council.senior[p] === 1);
  const okRest = take(Math.max(0, rules.membersPerSpotlight.min - chosen.length), () => true);
  return okManagers && okSeniors && okRest ? chosen : undefined;
}

/** Staffs team t on day d if the day is open and people can be found; records it in the state. */
export function staffSpotlight(
  council: Council,
  state: RotaState,
  team: number,
  day: number,
): PlannedSpotlight | undefined {
  if (!state.dayOpen(team, day)) return undefined;
  const lead = pickLead(council, state, team, day);
  if (lead === undefined) return undefined;
  const members = pickMembers(council, state, team, day, lead);
  if (!members) return undefined;
  state.add(team, day, lead, members);
  return {
    team: council.teams[team]?.id as string,
    date: council.days[day] as string,
    lead: council.people[lead]?.id as string,
    members: members.map((p) => council.people[p]?.id as string),
  };
}

export interface GreedyPlan {
  spotlights: PlannedSpotlight[];
  /** Team indexes that could not be dated and staffed. */
  unscheduled: number[];
}

/** The baseline: each team, in order of its target day, on the cheapest day it can be staffed. */
export function greedyPlan(council: Council, banned?: ReadonlySet<string>): GreedyPlan {
  const state = new RotaState(council);
  const quotas = weekQuotas(council);
  const order = council.teams.map((_, t) => t);
  order.sort((a, b) => (council.targetDay[a] ?? 0) - (council.targetDay[b] ?? 0) || a - b);
  const spotlights: PlannedSpotlight[] = [];
  const unscheduled: number[] = [];
  for (const team of order) {
    const days = council.days.map((_, d) => d).filter((d) => !banned?.has(`${team}:${d}`));
    const cost = new Float64Array(council.days.length);
    for (const d of days) {
      const week = council.weekOf[d] ?? 0;
      const over = (state.weekCount[week] ?? 0) >= (quotas[week] ?? 0) ? weights.overWeek : 0;
      cost[d] = dateCost(council, team, d) + over;
    }
    days.sort((a, b) => (cost[a] ?? 0) - (cost[b] ?? 0) || a - b);
    const planned = days.reduce<PlannedSpotlight | undefined>(
      (found, d) => found ?? staffSpotlight(council, state, team, d),
      undefined,
    );
    if (planned) spotlights.push(planned);
    else unscheduled.push(team);
  }
  return { spotlights, unscheduled };
}

/** Staffs teams on days already chosen (in date order); teams that cannot be staffed are left out. */
export function greedyStaffing(
  council: Council,
  dayOfTeam: ReadonlyMap<number, number>,
): GreedyPlan {
  const state = new RotaState(council);
  const spotlights: PlannedSpotlight[] = [];
  const unscheduled: number[] = [];
  const order = [...dayOfTeam].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  for (const [team, day] of order) state.reserveVisit(team, day);
  for (const [team, day] of order) {
    const planned = staffSpotlight(council, state, team, day);
    if (planned) spotlights.push(planned);
    else unscheduled.push(team);
  }
  return { spotlights, unscheduled };
}
