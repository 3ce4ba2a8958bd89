// `npm run bench`: how long Spotlight's pages take to serve, in process, on a large county's data
// (120 teams, 1,500 people) in SQLite. Every figure is also given as a ratio to a baseline measured
// in the same run (GET /health), so results compare across machines. Not a test: it asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/platform/clock.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { newId } from '../src/platform/ids.js';
import { createServices } from '../src/services.js';
import { generateDirectory } from './directory-data.js';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 300);
const out = (line: string) => process.stdout.write(`${line}\n`);

const folder = mkdtempSync(join(tmpdir(), 'spotlight-bench-'));
const database = openDatabase(`sqlite:${join(folder, 'bench.sqlite')}`);
await migrateToLatest(database);
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const services = createServices({ database, config, clock: systemClock });
const { teamIds, personIds } = await generateDirectory(database.db, {
  serviceAreas: 4,
  teams: 120,
  people: 1500,
});

// A QA coordinator to sign in as.
const person = personIds[0] as string;
await services.accounts.createActiveAccount(
  person,
  'qa-coordinator',
  'bench password that is long',
);
const email = (
  await database.db
    .selectFrom('person')
    .select('email')
    .where('id', '=', person)
    .executeTakeFirstOrThrow()
).email;

const app = await buildApp(services);
await app.ready();

let cookie = '';
const keep = (setCookie: string | string[] | undefined) => {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (first) cookie = first.split(';')[0] ?? cookie;
};
const signInPage = await app.inject({ url: '/sign-in' });
keep(signInPage.headers['set-cookie']);
const token = /name="_csrf" value="([^"]+)"/.exec(signInPage.body)?.[1] ?? '';
const signedIn = await app.inject({
  method: 'POST',
  url: '/sign-in',
  headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams({
    _csrf: token,
    email,
    password: 'bench password that is long',
  }).toString(),
});
keep(signedIn.headers['set-cookie']);
if (signedIn.statusCode !== 303)
  throw new Error(`Could not sign in for the benchmark (${signedIn.statusCode})`);

async function measure(
  url: string,
  signedInRequest: boolean,
): Promise<{ mean: number; p95: number; status: number }> {
  const headers = signedInRequest ? { cookie } : {};
  let status = 0;
  for (let i = 0; i < 20; i++) status = (await app.inject({ url, headers })).statusCode;
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await app.inject({ url, headers });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    p95: times[Math.floor(times.length * 0.95)] ?? 0,
    status,
  };
}

const scenarios: { name: string; url: string; signedIn: boolean }[] = [
  { name: 'health check (baseline)', url: '/health', signedIn: false },
  { name: 'sign-in page', url: '/sign-in', signedIn: false },
  { name: 'home page, signed in', url: '/', signedIn: true },
  { name: 'directory overview', url: '/directory', signedIn: true },
  { name: 'people, first page of 1,500', url: '/directory/people', signedIn: true },
  {
    name: 'people in one team',
    url: `/directory/people?team=${teamIds[3] ?? newId()}`,
    signedIn: true,
  },
  { name: 'teams, all 120', url: '/directory/teams', signedIn: true },
  { name: 'one person', url: `/directory/people/${personIds[10] ?? newId()}`, signedIn: true },
];

out(
  `Spotlight benchmark: ${iterations} requests each, in process (app.inject), SQLite, 120 teams, 1,500 people`,
);
out('');
out(
  `${'page'.padEnd(32)} ${'status'.padStart(6)} ${'mean ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'x baseline'.padStart(11)}`,
);
let baseline = 0;
for (const scenario of scenarios) {
  const result = await measure(scenario.url, scenario.signedIn);
  if (baseline === 0) baseline = result.mean;
  out(
    `${scenario.name.padEnd(32)} ${String(result.status).padStart(6)} ${result.mean.toFixed(2).padStart(9)} ${result.p95.toFixed(2).padStart(9)} ${(result.mean / baseline).toFixed(1).padStart(11)}`,
  );
}

await app.close();
await database.destroy();
rmSync(folder, { recursive: true, force: true });
