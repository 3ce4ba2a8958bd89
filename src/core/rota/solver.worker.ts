// The solver's thread: loads HiGHS, plans the year and posts the result (and, first, the greedy
// plan, which the caller keeps in case the solver overruns its time limit).
import { parentPort, workerData } from 'node:worker_threads';
import { loadHighs } from './mip.js';
import type { PlanResult, PlanRules } from './plan.types.js';
import { planYear } from './planner.js';

export interface SolverRequest {
  rules: PlanRules;
  timeLimitSeconds: number;
}

export type SolverMessage = { kind: 'interim' | 'final'; result: PlanResult };

const request = workerData as SolverRequest;
const post = (message: SolverMessage) => parentPort?.postMessage(message);
const highs = await loadHighs();
const result = planYear(highs, request.rules, {
  timeLimitSeconds: request.timeLimitSeconds,
  onInterim: (interim) => post({ kind: 'interim', result: interim }),
});
post({ kind: 'final', result });
