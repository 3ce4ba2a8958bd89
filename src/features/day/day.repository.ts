// SQL for the day of a Spotlight as the Lead's day page needs it: the priorities agreed with the
// management group (one row per Spotlight), how many children each member has been allocated, and
// for the afternoon: each member's record status, how much triangulation has found, and whether the
// feedback is recorded (read only; no case numbers).
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { SpotlightDayTable } from './day.table.js';

type Db = Kysely<Database>;

export type SpotlightDayRow = Selectable<SpotlightDayTable>;

export interface RecordedDayRow extends SpotlightDayRow {
  updated_by_name: string | null;
}

/** The priorities as recorded, with who recorded them; undefined until the Lead first saves. */
export async function findSpotlightDay(
  db: Db,
  spotlightId: string,
): Promise<RecordedDayRow | undefined> {
  return db
    .selectFrom('spotlight_day')
    .leftJoin('person', 'person.id', 'spotlight_day.updated_by_person_id')
    .selectAll('spotlight_day')
    .select('person.name as updated_by_name')
    .where('spotlight_day.spotlight_id', '=', spotlightId)
    .executeTakeFirst();
}

export async function insertSpotlightDay(
  db: Db,
  row: Insertable<SpotlightDayTable>,
): Promise<void> {
  await db.insertInto('spotlight_day').values(row).execute();
}

/** Saves over the row read at `version`; false when somebody saved first. */
export async function updateSpotlightDay(
  db: Db,
  spotlightId: string,
  values: Pick<
    SpotlightDayTable,
    'priorities' | 'agreed_with' | 'practicalities' | 'updated_by_person_id' | 'updated_at'
  >,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('spotlight_day')
    .set({ ...values, version: version + 1 })
    .where('spotlight_id', '=', spotlightId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface AllocationCountRow {
  member_person_id: string;
  children: number | string | bigint;
}

/** How many children each member has been allocated (read only: the allocation is its own page). */
export async function countAllocationsByMember(
  db: Db,
  spotlightId: string,
): Promise<AllocationCountRow[]> {
  return db
    .selectFrom('allocation')
    .select(['member_person_id', (eb) => eb.fn.countAll().as('children')])
    .where('spotlight_id', '=', spotlightId)
    .groupBy('member_person_id')
    .execute();
}

export interface MemberRecordStatusRow {
  member_person_id: string;
  /** 'draft' or 'submitted'. */
  status: string;
  submitted_at: string | null;
}

/** Each member's Team Member Information Record as it stands (members with none have no row). */
export async function listRecordStatuses(
  db: Db,
  spotlightId: string,
): Promise<MemberRecordStatusRow[]> {
  return db
    .selectFrom('member_record')
    .select(['member_person_id', 'status', 'submitted_at'])
    .where('spotlight_id', '=', spotlightId)
    .execute();
}

/** How many evidence items the Spotlight Team's records hold. */
export async function countEvidenceItems(
  db: Db,
  spotlightId: string,
): Promise<number | string | bigint> {
  const row = await db
    .selectFrom('evidence_item')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('spotlight_id', '=', spotlightId)
    .executeTakeFirst();
  return row?.n ?? 0;
}

/** How many key findings the Lead has marked in triangulation. */
export async function countKeyFindings(
  db: Db,
  spotlightId: string,
): Promise<number | string | bigint> {
  const row = await db
    .selectFrom('key_finding')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('spotlight_id', '=', spotlightId)
    .executeTakeFirst();
  return row?.n ?? 0;
}

/** True once the Lead has recorded the feedback to the team's managers and Head of Service. */
export async function hasFeedback(db: Db, spotlightId: string): Promise<boolean> {
  const row = await db
    .selectFrom('day_feedback')
    .select('spotlight_id')
    .where('spotlight_id', '=', spotlightId)
    .executeTakeFirst();
  return row !== undefined;
}
