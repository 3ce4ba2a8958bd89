// SQL for the visited team's open case list (for the random choice on the day): its numbers in the
// order they came, and when and by whom it was last saved.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export interface CaseListEntryRow {
  case_system: string;
  case_number: string;
}

export interface CaseListUpdateRow {
  case_list_updated_at: string | null;
  case_list_updated_by_name: string | null;
}

/** Rows per insert: well under both databases' limits on bound values. */
const chunkSize = 500;

export async function listEntries(db: Db, spotlightId: string): Promise<CaseListEntryRow[]> {
  return db
    .selectFrom('case_list_entry')
    .select(['case_system', 'case_number'])
    .where('spotlight_id', '=', spotlightId)
    .orderBy('position')
    .execute();
}

export async function countEntries(db: Db, spotlightId: string): Promise<number> {
  const row = await db
    .selectFrom('case_list_entry')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('spotlight_id', '=', spotlightId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export async function findUpdate(db: Db, spotlightId: string): Promise<CaseListUpdateRow> {
  const row = await db
    .selectFrom('spotlight_preparation')
    .leftJoin(
      'person as updater',
      'updater.id',
      'spotlight_preparation.case_list_updated_by_person_id',
    )
    .select([
      'spotlight_preparation.case_list_updated_at',
      'updater.name as case_list_updated_by_name',
    ])
    .where('spotlight_preparation.spotlight_id', '=', spotlightId)
    .executeTakeFirst();
  return row ?? { case_list_updated_at: null, case_list_updated_by_name: null };
}

/** Replaces the whole list with these numbers, in this order. */
export async function replaceEntries(
  db: Db,
  spotlightId: string,
  entries: readonly { system: string; caseNumber: string }[],
): Promise<void> {
  await db.deleteFrom('case_list_entry').where('spotlight_id', '=', spotlightId).execute();
  for (let start = 0; start < entries.length; start += chunkSize) {
    const rows = entries.slice(start, start + chunkSize).map((entry, index) => ({
      spotlight_id: spotlightId,
      position: start + index + 1,
      case_system: entry.system,
      case_number: entry.caseNumber,
    }));
    await db.insertInto('case_list_entry').values(rows).execute();
  }
}

/** Records who saved the list and when, adding the Spotlight's preparation row if it has none. */
export async function markUpdated(
  db: Db,
  spotlightId: string,
  at: string,
  byPersonId: string | null,
): Promise<void> {
  await db
    .insertInto('spotlight_preparation')
    .values({
      spotlight_id: spotlightId,
      nominations_forwarded_at: null,
      nominations_forwarded_by_person_id: null,
      case_list_updated_at: at,
      case_list_updated_by_person_id: byPersonId,
      version: 1,
    })
    .onConflict((oc) =>
      oc.column('spotlight_id').doUpdateSet({
        case_list_updated_at: at,
        case_list_updated_by_person_id: byPersonId,
        version: sql<number>`spotlight_preparation.version + 1`,
      }),
    )
    .execute();
}
