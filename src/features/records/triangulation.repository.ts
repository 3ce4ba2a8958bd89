// SQL for the triangulation board: every member's evidence items, theme notes and children, read
// as the records pages wrote them (read-only here), and the Lead's key findings (written here).
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { KeyFindingTable, RecordChildTable } from './records.table.js';

type Db = Kysely<Database>;

export interface BoardEvidenceRow {
  id: string;
  source: string;
  theme: string;
  kind: string;
  seen: string;
  created_at: string;
  record_id: string;
  record_status: string;
  member_person_id: string;
  member_name: string | null;
  case_system: string | null;
  case_number: string | null;
}

export type BoardChildRow = Selectable<RecordChildTable> & {
  record_status: string;
  member_person_id: string;
  member_name: string | null;
};

export type KeyFindingRow = Selectable<KeyFindingTable>;

/** Every evidence item of the Spotlight (or of one theme), with who recorded it and the child. */
export async function listEvidence(
  db: Db,
  spotlightId: string,
  theme?: string,
): Promise<BoardEvidenceRow[]> {
  let query = db
    .selectFrom('evidence_item as e')
    .innerJoin('member_record as r', 'r.id', 'e.record_id')
    .leftJoin('person as m', 'm.id', 'r.member_person_id')
    .leftJoin('record_child as c', 'c.id', 'e.record_child_id')
    .select([
      'e.id',
      'e.source',
      'e.theme',
      'e.kind',
      'e.seen',
      'e.created_at',
      'r.id as record_id',
      'r.status as record_status',
      'r.member_person_id',
      'm.name as member_name',
      'c.case_system',
      'c.case_number',
    ])
    .where('e.spotlight_id', '=', spotlightId)
    .where('r.spotlight_id', '=', spotlightId);
  if (theme !== undefined) query = query.where('e.theme', '=', theme);
  return query.orderBy('m.name').orderBy('e.created_at').orderBy('e.id').execute();
}

/** Every child reviewed in the Spotlight, with who reviewed them. */
export async function listChildren(db: Db, spotlightId: string): Promise<BoardChildRow[]> {
  return db
    .selectFrom('record_child as c')
    .innerJoin('member_record as r', 'r.id', 'c.record_id')
    .leftJoin('person as m', 'm.id', 'r.member_person_id')
    .selectAll('c')
    .select(['r.status as record_status', 'r.member_person_id', 'm.name as member_name'])
    .where('c.spotlight_id', '=', spotlightId)
    .where('r.spotlight_id', '=', spotlightId)
    .orderBy('m.name')
    .orderBy('c.position')
    .orderBy('c.id')
    .execute();
}

/** The key findings of the Spotlight (or of one theme), in the Lead's order. */
export async function listKeyFindings(
  db: Db,
  spotlightId: string,
  theme?: string,
): Promise<KeyFindingRow[]> {
  let query = db.selectFrom('key_finding').selectAll().where('spotlight_id', '=', spotlightId);
  if (theme !== undefined) query = query.where('theme', '=', theme);
  return query.orderBy('theme').orderBy('position').orderBy('created_at').orderBy('id').execute();
}

/** One key finding, only when it belongs to this Spotlight and theme. */
export async function findKeyFinding(
  db: Db,
  spotlightId: string,
  theme: string,
  findingId: string,
): Promise<KeyFindingRow | undefined> {
  return db
    .selectFrom('key_finding')
    .selectAll()
    .where('spotlight_id', '=', spotlightId)
    .where('theme', '=', theme)
    .where('id', '=', findingId)
    .executeTakeFirst();
}

/** The last position used in a theme (0 when it has no findings yet). */
export async function maxKeyFindingPosition(
  db: Db,
  spotlightId: string,
  theme: string,
): Promise<number> {
  const row = await db
    .selectFrom('key_finding')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('spotlight_id', '=', spotlightId)
    .where('theme', '=', theme)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

/** Which of these ids are evidence items of this Spotlight and theme. */
export async function existingEvidenceIds(
  db: Db,
  spotlightId: string,
  theme: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('evidence_item')
    .select('id')
    .where('spotlight_id', '=', spotlightId)
    .where('theme', '=', theme)
    .where('id', 'in', ids)
    .execute();
  return rows.map((row) => row.id);
}

export async function insertKeyFinding(db: Db, row: Insertable<KeyFindingTable>): Promise<void> {
  await db.insertInto('key_finding').values(row).execute();
}

/** Updates the finding read at `version`; false when somebody changed or removed it first. */
export async function updateKeyFinding(
  db: Db,
  spotlightId: string,
  findingId: string,
  values: Updateable<KeyFindingTable>,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('key_finding')
    .set({ ...values, version: version + 1 })
    .where('spotlight_id', '=', spotlightId)
    .where('id', '=', findingId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes the finding; false when it had already gone. */
export async function deleteKeyFinding(
  db: Db,
  spotlightId: string,
  findingId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('key_finding')
    .where('spotlight_id', '=', spotlightId)
    .where('id', '=', findingId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
