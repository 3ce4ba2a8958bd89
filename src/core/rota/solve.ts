// Plans a year with the HiGHS MIP solver in a worker thread, so the caller's event loop (a web
// server's, say) is never blocked. The time limit is honoured: past it (plus a margin for loading
// the solver), the worker is stopped and the best plan found so far is returned as 'feasible'.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PlanResult, PlanRules } from './plan.types.js';
import type { SolverMessage, SolverRequest } from './solver.worker.js';

export const defaultTimeLimitSeconds = 10;

/**
 * The worker's entry. Built, it is solver.worker.js. From the TypeScript sources (tests, `tsx`), a
 * small bootstrap registers tsx in the worker first: Node 20 does not pass `--import` loaders on
 * to a worker's entry module.
 */
function workerEntry(): { entry: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) {
    return { entry: new URL('./solver.worker.js', import.meta.url), eval: false };
  }
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const tsx = JSON.stringify(pathToFileURL(tsxApi).href);
  const worker = JSON.stringify(new URL('./solver.worker.ts', import.meta.url).href);
  const code = `import(${tsx}).then((api) => { api.register(); return import(${worker}); });`;
  return { entry: code, eval: true };
}

function isSolverMessage(value: unknown): value is SolverMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    (value.kind === 'interim' || value.kind === 'final') &&
    'result' in value
  );
}

export function solvePlan(
  rules: PlanRules,
  options: { timeLimitSeconds?: number } = {},
): Promise<PlanResult> {
  const timeLimitSeconds = Math.max(0.5, options.timeLimitSeconds ?? defaultTimeLimitSeconds);
  const started = performance.now();
  const seconds = () => Number(((performance.now() - started) / 1000).toFixed(3));
  const { entry, eval: isCode } = workerEntry();
  const request: SolverRequest = { rules, timeLimitSeconds };
  return new Promise<PlanResult>((resolve, reject) => {
    const worker = new Worker(entry, { workerData: request, eval: isCode });
    let interim: PlanResult | undefined;
    let settled = false;
    const settle = (outcome: PlanResult | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve({ ...outcome, seconds: seconds() });
    };
    const margin = Math.max(5, timeLimitSeconds * 0.5);
    const timer = setTimeout(
      () => {
        settle(
          interim
            ? { ...interim, status: interim.status === 'infeasible' ? 'infeasible' : 'feasible' }
            : new Error(`The rota solver found no plan within ${timeLimitSeconds} seconds`),
        );
      },
      (timeLimitSeconds + margin) * 1000,
    );
    worker.on('message', (message: unknown) => {
      if (!isSolverMessage(message)) return;
      if (message.kind === 'interim') interim = message.result;
      else settle(message.result);
    });
    worker.on('error', (error) => settle(new Error('The rota solver failed', { cause: error })));
    worker.on('exit', (code) => {
      if (!settled) settle(new Error(`The rota solver stopped unexpectedly (exit code ${code})`));
    });
  });
}
