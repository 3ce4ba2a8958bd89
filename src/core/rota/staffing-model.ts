// Stage 2 of the plan: with every team's day fixed, a MIP choosing each Spotlight's Lead and
// members. Columns exist only for eligible (person, Spotlight) pairs: free that day, allowed to
// lead that team or able to review, and not from a team visited that day. Rows hold the other hard
// rules; piecewise-linear costs spread the load (objective.ts). A Spotlight that cannot be staffed
// is marked unstaffed (at a high cost) so the planner can move it to another day.
import type { Highs } from 'highs';
import type { Council } from './council.js';
import type { GreedyPlan } from './greedy.js';
import { MipModel, type MipResult } from './mip.js';
import { weights } from './objective.js';
import type { PlannedSpotlight } from './plan.types.js';

export interface Staffing {
  spotlights: PlannedSpotlight[];
  /** Team indexes whose Spotlight could not be staffed on its day. */
  unstaffed: number[];
  result: MipResult;
}

interface Slot {
  team: number;
  day: number;
  unstaffed: number;
  leads: { p: number; column: number }[];
  members: { p: number; column: number }[];
}

/** A column that is max(0, sum(sources) - threshold) at the optimum, for the starting solution. */
interface Excess {
  column: number;
  sources: number[];
  threshold: number;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function solveStaffing(
  highs: Highs,
  council: Council,
  dayOfTeam: ReadonlyMap<number, number>,
  options: { timeLimitSeconds: number; start?: GreedyPlan },
): Staffing {
  const { rules } = council;
  const model = new MipModel();
  const excesses: Excess[] = [];
  const visited = new Map<number, Set<number>>();
  for (const [team, day] of dayOfTeam) visited.set(day, (visited.get(day) ?? new Set()).add(team));
  const memberColumns = new Map<number, number[]>();
  const leadColumns = new Map<number, number[]>();
  const personDay = new Map<string, number[]>();
  const leadsOnDay = new Set<string>();
  const teamDay = new Map<string, number[]>();
  const teamMembers = new Map<number, number[]>();
  const repeat = (p: number, t: number) => (council.reviewedBefore[p]?.has(t) ? weights.repeat : 0);

  const slots: Slot[] = [...dayOfTeam]
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .map(([team, day]) => {
      const visitedToday = visited.get(day) ?? new Set<number>();
      const free = (p: number) =>
        council.personFree[p]?.[day] === 1 && !visitedToday.has(council.personTeam[p] ?? -1);
      const slot: Slot = {
        team,
        day,
        unstaffed: model.addVar(weights.unscheduled),
        leads: (council.leadFor[team] ?? []).filter(free).map((p) => ({
          p,
          column: model.addVar(repeat(p, team)),
        })),
        members: council.reviewers.filter(free).map((p) => ({
          p,
          column: model.addVar(weights.memberSteps[0] + repeat(p, team)),
        })),
      };
      for (const { p, column } of slot.leads) {
        push(leadColumns, p, column);
        push(personDay, `${p}:${day}`, column);
        leadsOnDay.add(`${p}:${day}`);
      }
      for (const { p, column } of slot.members) {
        push(memberColumns, p, column);
        push(personDay, `${p}:${day}`, column);
        const home = council.personTeam[p] ?? -1;
        if (home >= 0) {
          push(teamDay, `${home}:${day}`, column);
          push(teamMembers, home, column);
        }
      }
      const { min, max } = rules.membersPerSpotlight;
      const all = slot.members.map((m) => m.column);
      const u = slot.unstaffed;
      model.addRow(1, 1, [...slot.leads.map((l) => l.column), u]);
      model.addRow(min, Infinity, [...all, u], [...all.map(() => 1), min]);
      model.addRow(-Infinity, max, [...all, u], [...all.map(() => 1), max]);
      const mix: [number, Uint8Array][] = [
        [rules.roleMix.managers, council.manager],
        [rules.roleMix.seniorPractitioners, council.senior],
      ];
      for (const [need, flag] of mix) {
        if (need === 0) continue;
        const group = slot.members.filter((m) => flag[m.p] === 1).map((m) => m.column);
        model.addRow(need, Infinity, [...group, u], [...group.map(() => 1), need]);
      }
      return slot;
    });

  const limit = (columns: number[], cap: number) => {
    if (columns.length > cap) model.addRow(-Infinity, cap, columns);
  };
  /** Costs `step` for each unit the sum of columns goes over `threshold`. */
  const over = (columns: number[], threshold: number, step: number) => {
    if (columns.length <= threshold) return;
    const excess = model.addVar(step, Infinity, false);
    model.addRow(-Infinity, threshold, [...columns, excess], [...columns.map(() => 1), -1]);
    excesses.push({ column: excess, sources: columns, threshold });
  };
  for (const [, columns] of memberColumns) {
    limit(columns, rules.maxPerPersonPerYear);
    weights.memberSteps.forEach((step, j) => {
      if (j > 0 && j < rules.maxPerPersonPerYear) over(columns, j, step);
    });
  }
  for (const [, columns] of leadColumns) {
    limit(columns, rules.maxLeadsPerPersonPerYear);
    over(columns, council.leadShare, weights.leadOver[0]);
    over(columns, council.leadShare + 2, weights.leadOver[1]);
  }
  for (const [team, columns] of teamMembers) {
    const share = Math.ceil((council.teamShare[team] ?? 0) - 1e-9);
    over(columns, share, weights.teamOver[0]);
    over(columns, share + 2, weights.teamOver[1]);
  }
  for (const [, columns] of teamDay) limit(columns, 1);
  for (const [key, columns] of personDay) {
    const p = Number(key.slice(0, key.indexOf(':')));
    if (columns.length > 1 && ((council.personTeam[p] ?? -1) < 0 || leadsOnDay.has(key))) {
      limit(columns, 1);
    }
  }

  const start = options.start
    ? startingValues(council, model.columns, slots, excesses, options.start)
    : undefined;
  const result = model.solve(highs, {
    timeLimitSeconds: options.timeLimitSeconds,
    ...(start ? { start } : {}),
  });
  return { ...readPlan(council, slots, result), result };
}

function readPlan(council: Council, slots: Slot[], result: MipResult) {
  const spotlights: PlannedSpotlight[] = [];
  const unstaffed: number[] = [];
  const chosen = (column: number) => (result.values[column] ?? 0) > 0.5;
  const id = (p: number) => council.people[p]?.id as string;
  for (const slot of slots) {
    const lead = slot.leads.find((l) => chosen(l.column));
    if (
      result.status === 'none' ||
      result.status === 'infeasible' ||
      chosen(slot.unstaffed) ||
      !lead
    ) {
      unstaffed.push(slot.team);
      continue;
    }
    spotlights.push({
      team: council.teams[slot.team]?.id as string,
      date: council.days[slot.day] as string,
      lead: id(lead.p),
      members: slot.members.filter((m) => chosen(m.column)).map((m) => id(m.p)),
    });
  }
  return { spotlights, unstaffed };
}

/** The greedy staffing as a full column vector, so the solver starts from a known plan. */
function startingValues(
  council: Council,
  columns: number,
  slots: Slot[],
  excesses: Excess[],
  plan: GreedyPlan,
): Float64Array {
  const values = new Float64Array(columns);
  const byTeam = new Map(plan.spotlights.map((s) => [s.team, s]));
  for (const slot of slots) {
    const planned = byTeam.get(council.teams[slot.team]?.id as string);
    if (!planned) {
      values[slot.unstaffed] = 1;
      continue;
    }
    const ids = new Set(planned.members);
    for (const l of slot.leads) if (council.people[l.p]?.id === planned.lead) values[l.column] = 1;
    for (const m of slot.members)
      if (ids.has(council.people[m.p]?.id as string)) values[m.column] = 1;
  }
  for (const e of excesses) {
    const sum = e.sources.reduce((n, c) => n + (values[c] ?? 0), 0);
    values[e.column] = Math.max(0, sum - e.threshold);
  }
  return values;
}
