// Opens the database named by DATABASE_URL: embedded SQLite by default, PostgreSQL for production.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** A description safe for logs: never a password. */
  readonly description: string;
  ping(): Promise<boolean>;
  destroy(): Promise<void>;
}

export function dialectOf(url: string): Dialect {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

export function openDatabase(url: string): DatabaseHandle {
  return dialectOf(url) === 'sqlite' ? openSqlite(url) : openPostgres(url);
}

function openSqlite(url: string): DatabaseHandle {
  const path = url.slice('sqlite:'.length);
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SQLite(inMemory ? ':memory:' : path);
  // WAL for concurrent readers, FULL so a commit survives power loss, foreign keys enforced.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    description: `SQLite (${inMemory ? 'in memory' : path})`,
    ping: () => pingWith(db),
    destroy: () => db.destroy(),
  };
}

function openPostgres(url: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const safe = new URL(url);
  return {
    db,
    dialect: 'postgres',
    description: `PostgreSQL (${safe.hostname}:${safe.port || '5432'}${safe.pathname})`,
    ping: () => pingWith(db),
    destroy: () => db.destroy(),
  };
}

async function pingWith(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
