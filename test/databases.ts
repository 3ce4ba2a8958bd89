// Fresh databases for tests: SQLite in memory, and a new PostgreSQL database per test file.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle, type Dialect } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

/** The dialects every integration test runs on. */
export function testDialects(): Dialect[] {
  return inject('postgresAdminUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  handle: DatabaseHandle;
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const url = 'sqlite::memory:';
    const handle = openDatabase(url);
    await migrateToLatest(handle);
    return { handle, url, drop: () => handle.destroy() };
  }
  const adminUrl = inject('postgresAdminUrl');
  const name = `spotlight_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase(url.toString());
  await migrateToLatest(handle);
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.destroy();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
