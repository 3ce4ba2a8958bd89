// `npm run bench:rota`: the year planner on generated councils from 10 teams / 60 people up to
// 120 teams / 1,500 people, each with realistic leave. For each: the solver's time, status, gap and
// objective, against the greedy baseline's objective and time measured in the same run (and their
// ratio), and the longest the main thread's event loop was held up while the solver worked in its
// worker (target: under 50 ms). Not a test: it asserts nothing, but says when a plan breaks a rule.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { checkPlan } from '../src/core/rota/check-plan.js';
import { buildCouncil } from '../src/core/rota/council.js';
import { greedyPlan } from '../src/core/rota/greedy.js';
import { planCost } from '../src/core/rota/objective.js';
import { parsePlanInput } from '../src/core/rota/plan-input.js';
import type { PlanInput } from '../src/core/rota/plan.types.js';
import { solvePlan } from '../src/core/rota/solve.js';
import { generateCouncil } from './rota-data.js';

const timeLimitSeconds = Number(process.env.BENCH_TIME_LIMIT ?? 10);
const out = (line: string) => process.stdout.write(`${line}\n`);

const sizes: { name: string; input: PlanInput }[] = [
  [10, 60],
  [30, 250],
  [60, 600],
  [90, 1000],
  [120, 1500],
].map(([teams, people]) => ({
  name: `${teams} teams / ${people} people`,
  input: generateCouncil({ teams: teams as number, people: people as number }),
}));
// A tighter county: everyone a member at most once, so the caps bind.
const tight = generateCouncil({ teams: 120, people: 1500 });
sizes.push({ name: '120 / 1500, max 1 each', input: { ...tight, maxPerPersonPerYear: 1 } });

const columns = [
  'council'.padEnd(26),
  'status'.padEnd(9),
  'solve s'.padStart(8),
  'gap'.padStart(8),
  'objective'.padStart(10),
  'greedy obj'.padStart(11),
  'greedy s'.padStart(9),
  'ratio'.padStart(6),
  'left out'.padStart(9),
  'loop max ms'.padStart(12),
];
out(
  `Rota planner benchmark (time limit ${timeLimitSeconds} s; ratio = objective / greedy objective, lower is better)`,
);
out(columns.join(' '));

for (const { name, input } of sizes) {
  const parsed = parsePlanInput(input);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.problems.join('; ')}`);
  const rules = parsed.rules;

  const greedyStarted = performance.now();
  const council = buildCouncil(rules);
  const greedy = greedyPlan(council);
  const greedySeconds = (performance.now() - greedyStarted) / 1000;
  const greedyCost = planCost(council, greedy.spotlights);

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const result = await solvePlan(rules, { timeLimitSeconds });
  loop.disable();

  const breaches =
    checkPlan(rules, result.spotlights).length + checkPlan(rules, greedy.spotlights).length;
  out(
    [
      name.padEnd(26),
      result.status.padEnd(9),
      result.seconds.toFixed(2).padStart(8),
      `${(result.gap * 100).toFixed(2)}%`.padStart(8),
      result.objective.toFixed(1).padStart(10),
      greedyCost.toFixed(1).padStart(11),
      greedySeconds.toFixed(2).padStart(9),
      (result.objective / greedyCost).toFixed(3).padStart(6),
      `${result.unscheduled.length}/${greedy.unscheduled.length}`.padStart(9),
      (loop.max / 1e6).toFixed(1).padStart(12),
    ].join(' '),
  );
  if (breaches > 0) out(`  ${name}: ${breaches} rule breaches (this is a bug)`);
}
out('left out = teams unscheduled by the solver / by the greedy baseline');
