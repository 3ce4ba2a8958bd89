// Stage 1 of the plan: a MIP choosing each team's day among its cheapest candidate days (near its
// anniversary, or its even-spread target), with at most so many Spotlights a day, a fair share a
// week, and the totals the leads' and members' caps allow. Teams it cannot place are unscheduled.
import type { Highs } from 'highs';
import type { Capacity } from './capacity.js';
import type { Council } from './council.js';
import { MipModel, type MipResult } from './mip.js';
import { months } from './months.js';
import { dateCost, weekQuotas, weights } from './objective.js';

/** Candidate days per team: the nearest ones, then every few days across the rest of the period. */
const nearestCandidates = 30;
const sparseEvery = 10;

export interface Dating {
  dayOfTeam: Map<number, number>;
  result: MipResult;
}

function candidateDays(
  council: Council,
  capacity: Capacity,
  team: number,
  banned: ReadonlySet<string>,
): number[] {
  const open = council.days
    .map((_, d) => d)
    .filter((d) => !banned.has(`${team}:${d}`) && capacity.shortfall(team, d) === undefined);
  const cost = open.map((d) => dateCost(council, team, d));
  const byCost = open.map((_, i) => i).sort((a, b) => (cost[a] ?? 0) - (cost[b] ?? 0) || a - b);
  return byCost
    .filter((i, rank) => rank < nearestCandidates || i % sparseEvery === 0)
    .map((i) => open[i] as number);
}

/** Upper limits on how many teams can be planned at all, from the caps (necessary, not sufficient). */
function addCapRows(
  council: Council,
  model: MipModel,
  all: number[],
  byArea: Map<string, number[]>,
) {
  const { rules } = council;
  const freeDays = (p: number) => council.personFreeDays[p] ?? 0;
  const leadRoom = (p: number) => Math.min(rules.maxLeadsPerPersonPerYear, freeDays(p));
  const memberRoom = (p: number) => Math.min(rules.maxPerPersonPerYear, freeDays(p));
  const sum = (list: number[], room: (p: number) => number) =>
    list.reduce((n, p) => n + room(p), 0);
  model.addRow(-Infinity, sum(council.leads, leadRoom), all);
  for (const [area, columns] of byArea) {
    const leads = council.leads.filter((p) => council.people[p]?.serviceArea !== area);
    model.addRow(-Infinity, sum(leads, leadRoom), columns);
  }
  const reviewers = sum(council.reviewers, memberRoom);
  model.addRow(-Infinity, Math.floor(reviewers / Math.max(1, rules.membersPerSpotlight.min)), all);
  const groups: [number, Uint8Array][] = [
    [rules.roleMix.managers, council.manager],
    [rules.roleMix.seniorPractitioners, council.senior],
  ];
  for (const [need, flag] of groups) {
    if (need === 0) continue;
    const room = sum(
      council.reviewers.filter((p) => flag[p] === 1),
      memberRoom,
    );
    model.addRow(-Infinity, Math.floor(room / need), all);
  }
}

export function solveDating(
  highs: Highs,
  council: Council,
  capacity: Capacity,
  options: {
    banned: ReadonlySet<string>;
    timeLimitSeconds: number;
    /** Days already known to work (the greedy plan's), as the solver's first incumbent. */
    start?: ReadonlyMap<number, number>;
  },
): Dating {
  const model = new MipModel();
  const quotas = weekQuotas(council);
  const columnsOfDay = council.days.map((): number[] => []);
  const columnsOfWeek = Array.from({ length: council.weeks }, (): number[] => []);
  const choices: { team: number; day: number; column: number }[] = [];
  const all: number[] = [];
  const byArea = new Map<string, number[]>();
  const unscheduledColumn: number[] = [];
  const overs: { column: number; columns: number[]; quota: number }[] = [];
  const byAreaDay = new Map<string, number[]>();

  council.teams.forEach((team, t) => {
    const columns = candidateDays(council, capacity, t, options.banned).map((d) => {
      const column = model.addVar(dateCost(council, t, d));
      choices.push({ team: t, day: d, column });
      columnsOfDay[d]?.push(column);
      columnsOfWeek[council.weekOf[d] ?? 0]?.push(column);
      const key = `${team.serviceArea}:${d}`;
      byAreaDay.set(key, [...(byAreaDay.get(key) ?? []), column]);
      return column;
    });
    const skip = model.addVar(weights.unscheduled);
    unscheduledColumn.push(skip);
    model.addRow(1, 1, [...columns, skip]);
    all.push(...columns);
    byArea.set(team.serviceArea, [...(byArea.get(team.serviceArea) ?? []), ...columns]);
  });
  columnsOfDay.forEach((columns, d) => {
    if (columns.length > 0) model.addRow(-Infinity, capacity.dayLimit(d), columns);
  });
  columnsOfWeek.forEach((columns, w) => {
    if (columns.length === 0) return;
    const over = model.addVar(weights.overWeek, Infinity);
    model.addRow(-Infinity, quotas[w] ?? 0, [...columns, over], [...columns.map(() => 1), -1]);
    overs.push({ column: over, columns, quota: quotas[w] ?? 0 });
  });
  for (const [key, columns] of byAreaDay) {
    const cut = key.lastIndexOf(':');
    const [area, day] = [key.slice(0, cut), Number(key.slice(cut + 1))];
    const leads = council.leads.filter(
      (p) => council.personFree[p]?.[day] === 1 && council.people[p]?.serviceArea !== area,
    ).length;
    if (leads < Math.min(columns.length, council.rules.maxSpotlightsPerDay)) {
      model.addRow(-Infinity, leads, columns);
    }
  }
  addCapRows(council, model, all, byArea);
  for (const month of months(council)) {
    const columns = month.days.flatMap((d) => columnsOfDay[d] ?? []);
    if (columns.length === 0) continue;
    model.addRow(-Infinity, month.leadRoom, columns);
    for (const group of month.groups) {
      model.addRow(-Infinity, Math.floor(group.room / group.need), columns);
    }
  }

  let start: Float64Array | undefined;
  if (options.start) {
    start = new Float64Array(model.columns);
    const chosen = new Set<number>();
    for (const { team, day, column } of choices) {
      if (options.start.get(team) === day) {
        start[column] = 1;
        chosen.add(team);
      }
    }
    unscheduledColumn.forEach((column, team) => {
      if (!chosen.has(team)) (start as Float64Array)[column] = 1;
    });
    for (const over of overs) {
      const count = over.columns.reduce((n, c) => n + ((start as Float64Array)[c] ?? 0), 0);
      start[over.column] = Math.max(0, count - over.quota);
    }
  }
  const result = model.solve(highs, {
    timeLimitSeconds: options.timeLimitSeconds,
    ...(start ? { start } : {}),
  });
  const dayOfTeam = new Map<number, number>();
  if (result.status === 'optimal' || result.status === 'feasible') {
    for (const { team, day, column } of choices) {
      if ((result.values[column] ?? 0) > 0.5) dayOfTeam.set(team, day);
    }
  }
  return { dayOfTeam, result };
}
