// SQL for the preparation pack's documents: one row per file a Team Manager added to a Spotlight.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { SpotlightDocumentTable } from './preparation.table.js';

type Db = Kysely<Database>;

export type SpotlightDocumentRow = Selectable<SpotlightDocumentTable>;

export interface ListedDocumentRow extends SpotlightDocumentRow {
  uploaded_by_name: string | null;
}

export async function insertDocument(
  db: Db,
  row: Insertable<SpotlightDocumentTable>,
): Promise<void> {
  await db.insertInto('spotlight_document').values(row).execute();
}

/** The Spotlight's documents with who added each, oldest first. */
export async function listDocuments(db: Db, spotlightId: string): Promise<ListedDocumentRow[]> {
  return db
    .selectFrom('spotlight_document')
    .leftJoin('person', 'person.id', 'spotlight_document.uploaded_by_person_id')
    .selectAll('spotlight_document')
    .select('person.name as uploaded_by_name')
    .where('spotlight_document.spotlight_id', '=', spotlightId)
    .orderBy('spotlight_document.uploaded_at')
    .orderBy('spotlight_document.id')
    .execute();
}

/** One document, only when it belongs to this Spotlight. */
export async function findDocument(
  db: Db,
  spotlightId: string,
  documentId: string,
): Promise<SpotlightDocumentRow | undefined> {
  return db
    .selectFrom('spotlight_document')
    .selectAll()
    .where('spotlight_id', '=', spotlightId)
    .where('id', '=', documentId)
    .executeTakeFirst();
}

/** Deletes the document; the number of rows deleted (0 when somebody removed it first). */
export async function deleteDocument(
  db: Db,
  spotlightId: string,
  documentId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('spotlight_document')
    .where('spotlight_id', '=', spotlightId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** True when the Spotlight's report is final (the pack then offers the team's last report). */
export async function isReportFinal(db: Db, spotlightId: string): Promise<boolean> {
  const row = await db
    .selectFrom('report')
    .select('status')
    .where('spotlight_id', '=', spotlightId)
    .executeTakeFirst();
  return row?.status === 'final';
}
