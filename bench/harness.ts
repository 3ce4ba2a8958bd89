// What every benchmark shares: signing in through the real sign-in form, timing a page served in
// process (app.inject), and printing each figure beside its ratio to a baseline measured in the
// same run, so that results compare across machines. Benchmarks assert nothing.
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';

export const out = (line: string) => process.stdout.write(`${line}\n`);

/** Signs in with the sign-in form, as a browser would, and gives back the session cookie. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password: string,
): Promise<string> {
  let cookie = '';
  const keep = (setCookie: string | string[] | undefined) => {
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (first) cookie = first.split(';')[0] ?? cookie;
  };
  const page = await app.inject({ url: '/sign-in' });
  keep(page.headers['set-cookie']);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const signedIn = await app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: token, email, password }).toString(),
  });
  keep(signedIn.headers['set-cookie']);
  if (signedIn.statusCode !== 303)
    throw new Error(`Could not sign in for the benchmark (${signedIn.statusCode})`);
  return cookie;
}

export interface Scenario {
  name: string;
  url: string;
  /** The session cookie to send, or none. */
  cookie?: string;
}

interface Result {
  mean: number;
  p95: number;
  status: number;
}

async function measure(
  app: FastifyInstance,
  scenario: Scenario,
  iterations: number,
): Promise<Result> {
  const headers = scenario.cookie ? { cookie: scenario.cookie } : {};
  let status = 0;
  for (let i = 0; i < 20; i++)
    status = (await app.inject({ url: scenario.url, headers })).statusCode;
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await app.inject({ url: scenario.url, headers });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    p95: times[Math.floor(times.length * 0.95)] ?? 0,
    status,
  };
}

/** Times each scenario; the first is the baseline the others are given as a ratio of. */
export async function runScenarios(
  app: FastifyInstance,
  scenarios: readonly Scenario[],
  iterations: number,
): Promise<void> {
  const width = Math.max(32, ...scenarios.map((s) => s.name.length));
  out(
    `${'page'.padEnd(width)} ${'status'.padStart(6)} ${'mean ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'x baseline'.padStart(11)}`,
  );
  let baseline = 0;
  for (const scenario of scenarios) {
    const result = await measure(app, scenario, iterations);
    if (baseline === 0) baseline = result.mean;
    out(
      `${scenario.name.padEnd(width)} ${String(result.status).padStart(6)} ${result.mean.toFixed(2).padStart(9)} ${result.p95.toFixed(2).padStart(9)} ${(result.mean / baseline).toFixed(1).padStart(11)}`,
    );
  }
}
