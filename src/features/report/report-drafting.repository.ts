// SQL for drafting the report: the report row and its sections when the Lead starts, each section
// and recommendation saved at the version it was read at, and what the drafting pages read from
// the day (the key findings, the evidence on the board, the suggested actions from the feedback).
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { fromDbJson } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import type { RecommendationTable, ReportSectionTable, ReportTable } from './report.table.js';

type Db = Kysely<Database>;

export type SectionRow = Selectable<ReportSectionTable> & { updated_by_name: string | null };
export type RecommendationRow = Selectable<RecommendationTable>;

export interface EvidenceRow {
  id: string;
  source: string;
  theme: string;
  kind: string;
  seen: string;
}

export interface KeyFindingRow {
  theme: string;
  kind: string;
  text: string;
  evidence_ids: string;
}

export async function insertReport(db: Db, row: Insertable<ReportTable>): Promise<void> {
  await db.insertInto('report').values(row).execute();
}

export async function insertSections(
  db: Db,
  rows: Insertable<ReportSectionTable>[],
): Promise<void> {
  await db.insertInto('report_section').values(rows).execute();
}

/** One section, with the name of whoever saved it last. */
export async function findSection(
  db: Db,
  spotlightId: string,
  sectionKey: string,
): Promise<SectionRow | undefined> {
  return db
    .selectFrom('report_section as s')
    .leftJoin('person as p', 'p.id', 's.updated_by_person_id')
    .selectAll('s')
    .select('p.name as updated_by_name')
    .where('s.spotlight_id', '=', spotlightId)
    .where('s.section_key', '=', sectionKey)
    .executeTakeFirst();
}

/** Updates the section read at `version`; false when somebody saved it first. */
export async function updateSection(
  db: Db,
  spotlightId: string,
  sectionKey: string,
  values: Updateable<ReportSectionTable>,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('report_section')
    .set({ ...values, version: version + 1 })
    .where('spotlight_id', '=', spotlightId)
    .where('section_key', '=', sectionKey)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The Lead's key findings, in each theme's order. */
export async function listKeyFindings(db: Db, spotlightId: string): Promise<KeyFindingRow[]> {
  return db
    .selectFrom('key_finding')
    .select(['theme', 'kind', 'text', 'evidence_ids'])
    .where('spotlight_id', '=', spotlightId)
    .orderBy('theme')
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The Spotlight's evidence items (or one theme's), as recorded: no child, no case number. */
export async function listEvidence(
  db: Db,
  spotlightId: string,
  theme?: string,
): Promise<EvidenceRow[]> {
  let query = db
    .selectFrom('evidence_item')
    .select(['id', 'source', 'theme', 'kind', 'seen'])
    .where('spotlight_id', '=', spotlightId);
  if (theme !== undefined) query = query.where('theme', '=', theme);
  return query.orderBy('created_at').orderBy('id').execute();
}

/** The actions suggested when the feedback was given at the end of the day. */
export async function suggestedActions(db: Db, spotlightId: string): Promise<string[]> {
  const row = await db
    .selectFrom('day_feedback')
    .select('suggested_actions')
    .where('spotlight_id', '=', spotlightId)
    .executeTakeFirst();
  const actions = fromDbJson<unknown>(row?.suggested_actions, []);
  return Array.isArray(actions) ? actions.filter((a): a is string => typeof a === 'string') : [];
}

export async function findRecommendation(
  db: Db,
  spotlightId: string,
  recommendationId: string,
): Promise<RecommendationRow | undefined> {
  return db
    .selectFrom('recommendation')
    .selectAll()
    .where('spotlight_id', '=', spotlightId)
    .where('id', '=', recommendationId)
    .executeTakeFirst();
}

/** The last position used (0 when there are no recommendations yet). */
export async function maxRecommendationPosition(db: Db, spotlightId: string): Promise<number> {
  const row = await db
    .selectFrom('recommendation')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('spotlight_id', '=', spotlightId)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}

export async function insertRecommendation(
  db: Db,
  row: Insertable<RecommendationTable>,
): Promise<void> {
  await db.insertInto('recommendation').values(row).execute();
}

/** Updates the recommendation read at `version`; false when it was changed or removed first. */
export async function updateRecommendation(
  db: Db,
  spotlightId: string,
  recommendationId: string,
  values: Updateable<RecommendationTable>,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('recommendation')
    .set({ ...values, version: version + 1 })
    .where('spotlight_id', '=', spotlightId)
    .where('id', '=', recommendationId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes the recommendation; false when it had already gone. */
export async function deleteRecommendation(
  db: Db,
  spotlightId: string,
  recommendationId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('recommendation')
    .where('spotlight_id', '=', spotlightId)
    .where('id', '=', recommendationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
