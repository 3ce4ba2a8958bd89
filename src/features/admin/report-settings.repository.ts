// SQL for the report settings: the jargon list and grade scale on the council's one settings row.
// The row's version is shared with the council settings form, so a save on either page after the
// other's catches the conflict.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { councilSettingsId } from './council-settings.repository.js';
import type { CouncilSettingsTable } from './council-settings.table.js';

type Db = Kysely<Database>;

export interface ReportSettingsRow {
  /** JSON text; null: the default list. */
  report_jargon: string | null;
  /** JSON text; null: the default scale. */
  grade_scale: string | null;
  version: number;
}

export type ReportSettingsValues = Partial<
  Pick<ReportSettingsRow, 'report_jargon' | 'grade_scale'>
>;

export async function findReportSettings(db: Db): Promise<ReportSettingsRow | undefined> {
  const row = await db
    .selectFrom('council_settings')
    .select(['report_jargon', 'grade_scale', 'version'])
    .where('id', '=', councilSettingsId)
    .executeTakeFirst();
  return (
    row && {
      report_jargon: row.report_jargon ?? null,
      grade_scale: row.grade_scale ?? null,
      version: row.version,
    }
  );
}

/** The first save of any setting: the whole row, the other settings at their defaults. */
export async function insertSettingsRow(db: Db, row: CouncilSettingsTable): Promise<void> {
  await db.insertInto('council_settings').values(row).execute();
}

/** Saves the report settings if the row is still at `version`; false when someone saved first. */
export async function updateReportSettings(
  db: Db,
  values: ReportSettingsValues,
  updatedAt: string,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('council_settings')
    .set({ ...values, updated_at: updatedAt, version: version + 1 })
    .where('id', '=', councilSettingsId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
