// SQL for review and sign-off: the report row's state changes at the version they were read at,
// the team members' comments, the versions kept at each step, to whom the final report went, and
// the QA team's list of reports.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { fromDbCount } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import type {
  ReportCirculationTable,
  ReportCommentTable,
  ReportTable,
  ReportVersionTable,
} from './report.table.js';

type Db = Kysely<Database>;

export type CommentRow = Selectable<ReportCommentTable> & {
  author_name: string | null;
  resolved_by_name: string | null;
};
export type VersionRow = Selectable<ReportVersionTable> & { created_by_name: string | null };
export type CirculationRow = Selectable<ReportCirculationTable> & {
  recipient_name: string | null;
  recorded_by_name: string | null;
};

/** Updates the report read at `version` (and moves the version on); false when it moved first. */
export async function updateReport(
  db: Db,
  spotlightId: string,
  values: Updateable<ReportTable>,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('report')
    .set({ ...values, version: version + 1 })
    .where('spotlight_id', '=', spotlightId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The name of whoever finalised the report. */
export async function personName(db: Db, personId: string | null): Promise<string | null> {
  if (!personId) return null;
  const row = await db
    .selectFrom('person')
    .select('name')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.name ?? null;
}

const comments = (db: Db) =>
  db
    .selectFrom('report_comment as c')
    .leftJoin('person as a', 'a.id', 'c.author_person_id')
    .leftJoin('person as r', 'r.id', 'c.resolved_by_person_id')
    .selectAll('c')
    .select(['a.name as author_name', 'r.name as resolved_by_name']);

export async function listComments(db: Db, spotlightId: string): Promise<CommentRow[]> {
  return comments(db)
    .where('c.spotlight_id', '=', spotlightId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

export async function findComment(
  db: Db,
  spotlightId: string,
  commentId: string,
): Promise<CommentRow | undefined> {
  return comments(db)
    .where('c.spotlight_id', '=', spotlightId)
    .where('c.id', '=', commentId)
    .executeTakeFirst();
}

export async function insertComment(db: Db, row: Insertable<ReportCommentTable>): Promise<void> {
  await db.insertInto('report_comment').values(row).execute();
}

/** Resolves the comment read at `version` while it is open; false when somebody got there first. */
export async function resolveComment(
  db: Db,
  commentId: string,
  values: Pick<ReportCommentTable, 'resolved_at' | 'resolved_by_person_id' | 'resolution'>,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('report_comment')
    .set({ ...values, version: version + 1 })
    .where('id', '=', commentId)
    .where('version', '=', version)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const versions = (db: Db) =>
  db
    .selectFrom('report_version as v')
    .leftJoin('person as p', 'p.id', 'v.created_by_person_id')
    .selectAll('v')
    .select('p.name as created_by_name');

/** Every version, newest first. */
export async function listVersions(db: Db, spotlightId: string): Promise<VersionRow[]> {
  return versions(db)
    .where('v.spotlight_id', '=', spotlightId)
    .orderBy('v.number', 'desc')
    .execute();
}

export async function findVersion(
  db: Db,
  spotlightId: string,
  number: number,
): Promise<VersionRow | undefined> {
  return versions(db)
    .where('v.spotlight_id', '=', spotlightId)
    .where('v.number', '=', number)
    .executeTakeFirst();
}

export async function latestVersion(db: Db, spotlightId: string): Promise<VersionRow | undefined> {
  return versions(db)
    .where('v.spotlight_id', '=', spotlightId)
    .orderBy('v.number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertVersion(db: Db, row: Insertable<ReportVersionTable>): Promise<void> {
  await db.insertInto('report_version').values(row).execute();
}

export async function listCirculation(db: Db, spotlightId: string): Promise<CirculationRow[]> {
  return db
    .selectFrom('report_circulation as c')
    .leftJoin('person as p', 'p.id', 'c.recipient_person_id')
    .leftJoin('person as r', 'r.id', 'c.recorded_by_person_id')
    .selectAll('c')
    .select(['p.name as recipient_name', 'r.name as recorded_by_name'])
    .where('c.spotlight_id', '=', spotlightId)
    .orderBy('c.circulated_on')
    .orderBy('p.name')
    .execute();
}

/** Records that the final report went to a person on a date (a later record replaces the date). */
export async function upsertCirculation(
  db: Db,
  row: Insertable<ReportCirculationTable>,
): Promise<void> {
  const updated = await db
    .updateTable('report_circulation')
    .set({
      circulated_on: row.circulated_on,
      recorded_by_person_id: row.recorded_by_person_id,
      recorded_at: row.recorded_at,
    })
    .where('spotlight_id', '=', row.spotlight_id)
    .where('recipient_person_id', '=', row.recipient_person_id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await db.insertInto('report_circulation').values(row).execute();
  }
}

/** Team members' records submitted, for the overview's deadline. */
export async function countSubmittedRecords(
  db: Db,
  spotlightId: string,
  memberIds: readonly string[],
): Promise<number> {
  if (memberIds.length === 0) return 0;
  const row = await db
    .selectFrom('member_record')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('spotlight_id', '=', spotlightId)
    .where('status', '=', 'submitted')
    .where('member_person_id', 'in', memberIds)
    .executeTakeFirst();
  return fromDbCount(row?.n ?? 0);
}

/** Spotlights with a report, for the QA team's list. */
export async function listReportSpotlightIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('report').select('spotlight_id').execute();
  return rows.map((r) => r.spotlight_id);
}

/** The reports of these Spotlights, with each one's grades. */
export async function listReports(db: Db, spotlightIds: readonly string[]) {
  if (spotlightIds.length === 0) return { reports: [], grades: [] };
  const [reports, grades] = await Promise.all([
    db.selectFrom('report').selectAll().where('spotlight_id', 'in', spotlightIds).execute(),
    db
      .selectFrom('report_section')
      .select(['spotlight_id', 'grade'])
      .where('spotlight_id', 'in', spotlightIds)
      .where('grade', 'is not', null)
      .execute(),
  ]);
  return { reports, grades };
}
