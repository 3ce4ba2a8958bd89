// Plans a year in two stages, each a HiGHS MIP: (1) the day of each team's Spotlight, (2) its Lead
// and members on those days. Spotlights stage 2 cannot staff are banned from their day and both
// stages run again (at most a few rounds) before a team is left unscheduled. The greedy plan is
// the fallback and the benchmark's baseline; every plan returned has passed checkPlan.
// Synchronous and blocking: run it in the solver worker (solve.ts), never on a server's thread.
import type { Highs } from 'highs';
import { Capacity } from './capacity.js';
import { checkPlan } from './check-plan.js';
import { buildCouncil, type Council } from './council.js';
import { solveDating } from './dating-model.js';
import { capShortfalls, explainUnscheduled, wholeInputProblems } from './explain.js';
import { greedyPlan, greedyStaffing } from './greedy.js';
import { planCost } from './objective.js';
import type { PlanResult, PlanRules, PlannedSpotlight } from './plan.types.js';
import { solveStaffing } from './staffing-model.js';

const maxRounds = 4;

interface Candidate {
  spotlights: PlannedSpotlight[];
  cost: number;
  optimal: boolean;
  /** The two stages' proven bounds, when the plan came from the solver. */
  bound?: number;
}

function unscheduledTeams(council: Council, spotlights: readonly PlannedSpotlight[]): number[] {
  const planned = new Set(spotlights.map((s) => s.team));
  return council.teams.flatMap((t, i) => (planned.has(t.id) ? [] : [i]));
}

function better(a: Candidate, b: Candidate | undefined): boolean {
  if (!b) return true;
  if (a.spotlights.length !== b.spotlights.length) return a.spotlights.length > b.spotlights.length;
  return a.cost < b.cost - 1e-9 || (a.optimal && a.cost <= b.cost + 1e-9);
}

/** Drops any Spotlight that breaks a rule (a safety net: the models should never produce one). */
function sound(rules: PlanRules, spotlights: PlannedSpotlight[]): PlannedSpotlight[] {
  const breaches = checkPlan(rules, spotlights);
  if (breaches.length === 0) return spotlights;
  const teams = new Set(breaches.flatMap((b) => (b.team ? [b.team] : [])));
  const dates = new Set(breaches.flatMap((b) => (b.date && !b.team ? [b.date] : [])));
  const people = new Set(breaches.flatMap((b) => (b.person && !b.team ? [b.person] : [])));
  return spotlights.filter(
    (s) =>
      !teams.has(s.team) &&
      !dates.has(s.date) &&
      !people.has(s.lead) &&
      !s.members.some((m) => people.has(m)),
  );
}

function toPlanResult(
  council: Council,
  capacity: Capacity,
  best: Candidate,
  seconds: number,
): PlanResult {
  const left = unscheduledTeams(council, best.spotlights);
  const why = explainUnscheduled(council, capacity, best.spotlights, left);
  const unscheduled = left.map((t, i) => ({
    team: council.teams[t]?.id as string,
    reason: why.reasons[i] as string,
  }));
  const explanation = why.explanation;
  const gap =
    best.optimal || best.cost <= 0
      ? 0
      : best.bound === undefined
        ? 1
        : Math.max(0, (best.cost - best.bound) / Math.abs(best.cost));
  return {
    status: best.spotlights.length === 0 ? 'infeasible' : best.optimal ? 'optimal' : 'feasible',
    spotlights: [...best.spotlights].sort(
      (a, b) => a.date.localeCompare(b.date) || a.team.localeCompare(b.team),
    ),
    unscheduled,
    gap: Number(gap.toFixed(6)),
    objective: Number(best.cost.toFixed(4)),
    seconds: Number(seconds.toFixed(3)),
    ...(explanation.length > 0 ? { explanation } : {}),
  };
}

export interface PlannerOptions {
  timeLimitSeconds: number;
  /** Called with the greedy plan as soon as it exists: the answer if the solver runs out of time. */
  onInterim?: (interim: PlanResult) => void;
  now?: () => number;
}

export function planYear(highs: Highs, rules: PlanRules, options: PlannerOptions): PlanResult {
  const now = options.now ?? (() => performance.now() / 1000);
  const started = now();
  const remaining = () => options.timeLimitSeconds - (now() - started);
  const council = buildCouncil(rules);
  const capacity = new Capacity(council);
  const impossible = wholeInputProblems(council);
  if (impossible.length > 0) {
    return {
      status: 'infeasible',
      spotlights: [],
      unscheduled: council.teams.map((t) => ({ team: t.id, reason: impossible[0] as string })),
      gap: 0,
      objective: planCost(council, []),
      seconds: Number((now() - started).toFixed(3)),
      explanation: [...new Set([...impossible, ...capShortfalls(council)])],
    };
  }

  const greedy = sound(council.rules, greedyPlan(council).spotlights);
  let best: Candidate = { spotlights: greedy, cost: planCost(council, greedy), optimal: false };
  options.onInterim?.(toPlanResult(council, capacity, best, now() - started));

  const greedyDays = new Map<number, number>();
  for (const s of greedy) {
    greedyDays.set(council.teamOf.get(s.team) ?? -1, council.dayOf.get(s.date) ?? -1);
  }
  const banned = new Set<string>();
  for (let round = 0; round < maxRounds && remaining() > 0.2; round++) {
    const dating = solveDating(highs, council, capacity, {
      banned,
      timeLimitSeconds: Math.max(0.1, Math.min(remaining() * 0.3, 5)),
      ...(round === 0 ? { start: greedyDays } : {}),
    });
    if (dating.result.status !== 'optimal' && dating.result.status !== 'feasible') break;
    const start = greedyStaffing(council, dating.dayOfTeam);
    const staffing = solveStaffing(highs, council, dating.dayOfTeam, {
      timeLimitSeconds: Math.max(0.1, remaining() - 0.1),
      start,
    });
    const found = staffing.result.status === 'none' ? start.spotlights : staffing.spotlights;
    const spotlights = sound(council.rules, found);
    const complete = spotlights.length === dating.dayOfTeam.size;
    const candidate: Candidate = {
      spotlights,
      cost: planCost(council, spotlights),
      optimal:
        complete && dating.result.status === 'optimal' && staffing.result.status === 'optimal',
      bound: dating.result.bound + staffing.result.bound,
    };
    if (better(candidate, best)) best = candidate;
    else if (best.bound === undefined) best = { ...best, bound: candidate.bound };
    const unstaffed = dating.dayOfTeam.size - spotlights.length;
    if (unstaffed === 0) break;
    const staffed = new Set(spotlights.map((s) => s.team));
    for (const [team, day] of dating.dayOfTeam) {
      if (!staffed.has(council.teams[team]?.id as string)) banned.add(`${team}:${day}`);
    }
  }
  return toPlanResult(council, capacity, best, now() - started);
}
