// SQL for the Team Member Information Records: the record itself, its children, and (read-only)
// the allocation it starts from. The record's children and evidence items are written by
// record-items.repository.ts; the triangulation board reads through triangulation.repository.ts.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { EvidenceItemTable, MemberRecordTable, RecordChildTable } from './records.table.js';

type Db = Kysely<Database>;

export type MemberRecordRow = Selectable<MemberRecordTable> & {
  member_name: string | null;
  reopened_by_name: string | null;
};
export type RecordChildRow = Selectable<RecordChildTable>;
export type EvidenceItemRow = Selectable<EvidenceItemTable>;

export interface AllocatedChildRow {
  id: string;
  kind: string;
  case_system: string;
  case_number: string;
}

function recordQuery(db: Db) {
  return db
    .selectFrom('member_record as r')
    .leftJoin('person as m', 'm.id', 'r.member_person_id')
    .leftJoin('person as o', 'o.id', 'r.reopened_by_person_id')
    .selectAll('r')
    .select(['m.name as member_name', 'o.name as reopened_by_name']);
}

export async function findRecord(db: Db, recordId: string): Promise<MemberRecordRow | undefined> {
  return recordQuery(db).where('r.id', '=', recordId).executeTakeFirst();
}

export async function findRecordOfMember(
  db: Db,
  spotlightId: string,
  memberPersonId: string,
): Promise<MemberRecordRow | undefined> {
  return recordQuery(db)
    .where('r.spotlight_id', '=', spotlightId)
    .where('r.member_person_id', '=', memberPersonId)
    .executeTakeFirst();
}

export async function listRecords(db: Db, spotlightId: string): Promise<MemberRecordRow[]> {
  return recordQuery(db).where('r.spotlight_id', '=', spotlightId).orderBy('m.name').execute();
}

export async function insertRecord(db: Db, row: Insertable<MemberRecordTable>): Promise<void> {
  await db.insertInto('member_record').values(row).execute();
}

/** Updates the record read at `version`; false when somebody saved first. */
export async function updateRecord(
  db: Db,
  recordId: string,
  values: Updateable<MemberRecordTable>,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('member_record')
    .set({ ...values, version: version + 1 })
    .where('id', '=', recordId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listRecordChildren(db: Db, recordId: string): Promise<RecordChildRow[]> {
  return db
    .selectFrom('record_child')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function insertRecordChild(db: Db, row: Insertable<RecordChildTable>): Promise<void> {
  await db.insertInto('record_child').values(row).execute();
}

export async function deleteRecordChild(db: Db, childId: string): Promise<void> {
  await db.deleteFrom('record_child').where('id', '=', childId).execute();
}

/** The children the Lead allocated to a member (read-only: the allocation is the day's). */
export async function listAllocatedChildren(
  db: Db,
  spotlightId: string,
  memberPersonId: string,
): Promise<AllocatedChildRow[]> {
  return db
    .selectFrom('allocation')
    .select(['id', 'kind', 'case_system', 'case_number'])
    .where('spotlight_id', '=', spotlightId)
    .where('member_person_id', '=', memberPersonId)
    .execute();
}

/** How many evidence items a record has, for a child (to know whether it can go). */
export async function countEvidenceAboutChild(db: Db, childId: string): Promise<number> {
  const row = await db
    .selectFrom('evidence_item')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('record_child_id', '=', childId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A record's evidence items, oldest first (read-only here: record-items writes them). */
export async function listRecordEvidence(db: Db, recordId: string): Promise<EvidenceItemRow[]> {
  return db
    .selectFrom('evidence_item')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
