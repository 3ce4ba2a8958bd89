// The server the browser tests run against: a fresh SQLite database in a temporary folder, one QA
// coordinator with a known password (no demo data), and the real app on 127.0.0.1.
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
import { e2ePort, qaCoordinator } from './support/settings.js';

async function start(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'spotlight-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: `sqlite:${join(folder, 'e2e.sqlite')}`,
    HOST: '127.0.0.1',
    PORT: String(e2ePort),
  });
  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database);
  const services = createServices({ database, config, clock: systemClock });

  const now = systemClock.now().toISOString();
  const personId = newId();
  await database.db
    .insertInto('person')
    .values({
      id: personId,
      name: qaCoordinator.name,
      email: qaCoordinator.email,
      job_role: 'qa-coordinator',
      home_team_id: null,
      slt_member: 0,
      can_review: 0,
      active: 1,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await services.accounts.createActiveAccount(personId, 'qa-coordinator', qaCoordinator.password);

  const app = await buildApp(services);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await database.destroy();
    rmSync(folder, { recursive: true, force: true });
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop());

  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`Spotlight for the browser tests: http://${config.host}:${config.port}\n`);
}

start().catch((error: unknown) => {
  process.stderr.write(`The browser tests' server did not start: ${String(error)}\n`);
  process.exit(1);
});
