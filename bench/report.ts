// `npm run bench:report`: how long the report's pages and files take, on the demo council in
// SQLite: the Lead's draft with the quality checks beside every section, a section's page, the
// final report as a page, and its Word and PDF downloads. Each figure is also a ratio to GET
// /health in the same run. Not a test: it asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { demoEmail } from '../src/demo/demo-council.js';
import { demoPassword, seedDemoCouncil } from '../src/demo/seed.js';
import { systemClock } from '../src/platform/clock.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createServices } from '../src/services.js';
import { out, runScenarios, signIn, type Scenario } from './harness.js';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 100);

const folder = mkdtempSync(join(tmpdir(), 'spotlight-bench-report-'));
const database = openDatabase(`sqlite:${join(folder, 'bench.sqlite')}`);
await migrateToLatest(database);
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  FILES_DIR: join(folder, 'files'),
});
const services = createServices({ database, config, clock: systemClock });
await seedDemoCouncil(services);

/** The Spotlight whose report has reached a status, and the team it visited. */
async function reportAt(status: string): Promise<string> {
  const row = await database.db
    .selectFrom('report')
    .select('spotlight_id')
    .where('status', '=', status)
    .executeTakeFirstOrThrow();
  return row.spotlight_id;
}
const draft = await reportAt('draft');
const final = await reportAt('final');

const app = await buildApp(services);
await app.ready();
// The demo's Senior leader leads the draft; its Team Manager's team has the final report.
const lead = await signIn(app, demoEmail('David Whitfield'), demoPassword);
const manager = await signIn(app, demoEmail('Joanne Fletcher'), demoPassword);

const scenarios: Scenario[] = [
  { name: 'health check (baseline)', url: '/health' },
  { name: 'draft report with quality checks', url: `/spotlights/${draft}/report`, cookie: lead },
  {
    name: 'a theme section to edit',
    url: `/spotlights/${draft}/report/sections/practice`,
    cookie: lead,
  },
  { name: 'final report page', url: `/spotlights/${final}/report/final`, cookie: manager },
  {
    name: 'final report as Word',
    url: `/spotlights/${final}/report/download/word`,
    cookie: manager,
  },
  { name: 'final report as PDF', url: `/spotlights/${final}/report/download/pdf`, cookie: manager },
];

out(
  `Spotlight report benchmark: ${iterations} requests each, in process (app.inject), SQLite, the demo council`,
);
out('');
await runScenarios(app, scenarios, iterations);

await app.close();
await database.destroy();
rmSync(folder, { recursive: true, force: true });
