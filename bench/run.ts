// `npm run bench`: how long Spotlight's pages take to serve, in process, on a large county's data
// (120 teams, 1,500 people) in SQLite. Every figure is also given as a ratio to a baseline measured
// in the same run (GET /health), so results compare across machines. Not a test: it asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/platform/clock.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { newId } from '../src/platform/ids.js';
import { createServices } from '../src/services.js';
import { generateDirectory } from './directory-data.js';
import { out, runScenarios, signIn, type Scenario } from './harness.js';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 300);

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

const cookie = await signIn(app, email, 'bench password that is long');

const scenarios: Scenario[] = [
  { name: 'health check (baseline)', url: '/health' },
  { name: 'sign-in page', url: '/sign-in' },
  { name: 'home page, signed in', url: '/', cookie },
  { name: 'directory overview', url: '/directory', cookie },
  { name: 'people, first page of 1,500', url: '/directory/people', cookie },
  { name: 'people in one team', url: `/directory/people?team=${teamIds[3] ?? newId()}`, cookie },
  { name: 'teams, all 120', url: '/directory/teams', cookie },
  { name: 'one person', url: `/directory/people/${personIds[10] ?? newId()}`, cookie },
];

out(
  `Spotlight benchmark: ${iterations} requests each, in process (app.inject), SQLite, 120 teams, 1,500 people`,
);
out('');
await runScenarios(app, scenarios, iterations);

await app.close();
await database.destroy();
rmSync(folder, { recursive: true, force: true });
