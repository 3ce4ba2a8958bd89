// SQL for the council's settings row and its closure days.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { ClosureDayTable, CouncilSettingsTable } from './council-settings.table.js';

type Db = Kysely<Database>;
export type CouncilSettingsRow = CouncilSettingsTable;
export type ClosureDayRow = ClosureDayTable;

export const councilSettingsId = 'council';

export async function findCouncilSettings(db: Db): Promise<CouncilSettingsRow | undefined> {
  return db
    .selectFrom('council_settings')
    .selectAll()
    .where('id', '=', councilSettingsId)
    .executeTakeFirst();
}

export async function insertCouncilSettings(db: Db, row: CouncilSettingsRow): Promise<void> {
  await db.insertInto('council_settings').values(row).execute();
}

/** Saves the settings if they are still at `version`; false when someone saved first. */
export async function updateCouncilSettings(
  db: Db,
  row: Omit<CouncilSettingsRow, 'id' | 'version'>,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('council_settings')
    .set({ ...row, version: version + 1 })
    .where('id', '=', councilSettingsId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listClosureDays(db: Db): Promise<ClosureDayRow[]> {
  return db.selectFrom('closure_day').selectAll().orderBy('date').execute();
}

export async function findClosureDay(db: Db, date: string): Promise<ClosureDayRow | undefined> {
  return db.selectFrom('closure_day').selectAll().where('date', '=', date).executeTakeFirst();
}

export async function insertClosureDay(db: Db, row: ClosureDayRow): Promise<void> {
  await db.insertInto('closure_day').values(row).execute();
}

export async function deleteClosureDay(db: Db, date: string): Promise<boolean> {
  const result = await db.deleteFrom('closure_day').where('date', '=', date).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
