// SQL for what a Team Member Information Record holds besides its notes: the children the member
// reviewed (answers, extra children) and evidence items. Every change also touches the record.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { RecordChildRow } from './records.repository.js';
import type { EvidenceItemTable, RecordChildTable } from './records.table.js';

type Db = Kysely<Database>;

export type EvidenceItemRow = Selectable<EvidenceItemTable>;

/**
 * Marks the record as changed now (its version stays: the notes' form keeps working) while it is a
 * draft. False when it has been submitted, so the change must not be made. In PostgreSQL the row
 * stays locked until the change commits, so a submission waits for it.
 */
export async function touchDraftRecord(
  db: Db,
  recordId: string,
  updatedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('member_record')
    .set({ updated_at: updatedAt })
    .where('id', '=', recordId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** One child, only when it is in this record. */
export async function findChild(
  db: Db,
  recordId: string,
  childId: string,
): Promise<RecordChildRow | undefined> {
  return db
    .selectFrom('record_child')
    .selectAll()
    .where('record_id', '=', recordId)
    .where('id', '=', childId)
    .executeTakeFirst();
}

export async function listChildren(db: Db, recordId: string): Promise<RecordChildRow[]> {
  return db
    .selectFrom('record_child')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('position')
    .orderBy('case_number')
    .execute();
}

export async function findChildByCaseNumber(
  db: Db,
  recordId: string,
  caseNumber: string,
): Promise<RecordChildRow | undefined> {
  return db
    .selectFrom('record_child')
    .selectAll()
    .where('record_id', '=', recordId)
    .where('case_number', '=', caseNumber)
    .executeTakeFirst();
}

/** Children the member added themselves (beyond those the Lead allocated). */
export async function countAddedChildren(db: Db, recordId: string): Promise<number> {
  const row = await db
    .selectFrom('record_child')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('record_id', '=', recordId)
    .where('kind', '=', 'other')
    .where('allocation_id', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertChild(db: Db, row: Insertable<RecordChildTable>): Promise<void> {
  await db.insertInto('record_child').values(row).execute();
}

/** Saves the answers about a child read at `version`; false when somebody saved first. */
export async function updateChild(
  db: Db,
  recordId: string,
  childId: string,
  values: Updateable<RecordChildTable>,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('record_child')
    .set({ ...values, version: version + 1 })
    .where('record_id', '=', recordId)
    .where('id', '=', childId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes a child; evidence items about it stay (the foreign key sets their child to null). */
export async function deleteChild(db: Db, recordId: string, childId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('record_child')
    .where('record_id', '=', recordId)
    .where('id', '=', childId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function countEvidenceAbout(db: Db, childId: string): Promise<number> {
  const row = await db
    .selectFrom('evidence_item')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('record_child_id', '=', childId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One evidence item, only when it is in this record. */
export async function findEvidence(
  db: Db,
  recordId: string,
  itemId: string,
): Promise<EvidenceItemRow | undefined> {
  return db
    .selectFrom('evidence_item')
    .selectAll()
    .where('record_id', '=', recordId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export async function insertEvidence(db: Db, row: Insertable<EvidenceItemTable>): Promise<void> {
  await db.insertInto('evidence_item').values(row).execute();
}

/** Saves an evidence item read at `version`; false when somebody saved first (or it has gone). */
export async function updateEvidence(
  db: Db,
  recordId: string,
  itemId: string,
  values: Updateable<EvidenceItemTable>,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('evidence_item')
    .set({ ...values, version: version + 1 })
    .where('record_id', '=', recordId)
    .where('id', '=', itemId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteEvidence(db: Db, recordId: string, itemId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('evidence_item')
    .where('record_id', '=', recordId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
