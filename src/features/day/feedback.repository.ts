// SQL for the feedback given to the visited team's managers and Head of Service at the end of the
// day (one row per Spotlight), and the names of the people it was given to.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { DayFeedbackTable } from './day.table.js';

type Db = Kysely<Database>;

export interface DayFeedbackRow extends Selectable<DayFeedbackTable> {
  updated_by_name: string | null;
}

export interface NamedPersonRow {
  id: string;
  name: string;
  job_role: string;
}

/** The feedback as recorded, with who recorded it; undefined until the Lead first saves it. */
export async function findFeedback(
  db: Db,
  spotlightId: string,
): Promise<DayFeedbackRow | undefined> {
  return db
    .selectFrom('day_feedback')
    .leftJoin('person', 'person.id', 'day_feedback.updated_by_person_id')
    .selectAll('day_feedback')
    .select('person.name as updated_by_name')
    .where('day_feedback.spotlight_id', '=', spotlightId)
    .executeTakeFirst();
}

export async function insertFeedback(db: Db, row: Insertable<DayFeedbackTable>): Promise<void> {
  await db.insertInto('day_feedback').values(row).execute();
}

/** Saves over the row read at `version`; false when somebody saved first. */
export async function updateFeedback(
  db: Db,
  spotlightId: string,
  values: Omit<DayFeedbackTable, 'spotlight_id' | 'version'>,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('day_feedback')
    .set({ ...values, version: version + 1 })
    .where('spotlight_id', '=', spotlightId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The people the feedback was given to, by id (someone since removed is simply missing). */
export async function listPeopleByIds(
  db: Db,
  personIds: readonly string[],
): Promise<NamedPersonRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('person')
    .select(['id', 'name', 'job_role'])
    .where('id', 'in', personIds)
    .execute();
}
