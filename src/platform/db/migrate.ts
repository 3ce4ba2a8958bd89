// Brings the database schema up to date. Run at start and by `spotlight migrate`.
import { Migrator, type MigrationResult } from 'kysely';
import { migrations } from '../../../db/migrations/index.js';
import type { DatabaseHandle } from './database.js';

export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
  return results ?? [];
}
