// Decides once per run whether the PostgreSQL suite runs. With REQUIRE_POSTGRES=1 (as in CI) an
// unreachable server fails the run instead of skipping it.
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export const defaultPostgresUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

export async function setup(project: TestProject): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? defaultPostgresUrl;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    project.provide('postgresAdminUrl', url);
  } catch (error) {
    if (process.env.REQUIRE_POSTGRES === '1') {
      throw new Error(
        `REQUIRE_POSTGRES=1 but PostgreSQL at ${new URL(url).host} cannot be reached: ${String(error)}`,
      );
    }
    process.stderr.write(
      `\nWARNING: PostgreSQL is not reachable, so only SQLite is tested in this run.\n\n`,
    );
    project.provide('postgresAdminUrl', '');
  } finally {
    await client.end().catch(() => undefined);
  }
}
