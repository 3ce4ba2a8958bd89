// SQL for what "Your tasks" needs to know about the day of many Spotlights at once: the recorded
// priorities, children allocated per member, dip-sampling targets, the records submitted and the
// feedback recorded (read only; no case numbers).
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export interface DayPrioritiesRow {
  spotlight_id: string;
  /** string[] as JSON text. */
  priorities: string;
}

export interface MemberChildrenRow {
  spotlight_id: string;
  member_person_id: string;
  children: unknown;
}

export interface DayTargetRow {
  spotlight_id: string;
  member_person_id: string;
  how_many: number;
  of_what: string;
  done: number;
}

/** The priorities of each Spotlight that has them recorded. */
export async function listDayPriorities(
  db: Db,
  spotlightIds: readonly string[],
): Promise<DayPrioritiesRow[]> {
  if (spotlightIds.length === 0) return [];
  return db
    .selectFrom('spotlight_day')
    .select(['spotlight_id', 'priorities'])
    .where('spotlight_id', 'in', spotlightIds)
    .execute();
}

/** How many children each member of each Spotlight has been allocated. */
export async function countChildrenByMember(
  db: Db,
  spotlightIds: readonly string[],
): Promise<MemberChildrenRow[]> {
  if (spotlightIds.length === 0) return [];
  return db
    .selectFrom('allocation')
    .select(['spotlight_id', 'member_person_id', (eb) => eb.fn.countAll().as('children')])
    .where('spotlight_id', 'in', spotlightIds)
    .groupBy(['spotlight_id', 'member_person_id'])
    .execute();
}

/** Every dip-sampling target of these Spotlights, in a stable order. */
export async function listDayTargets(
  db: Db,
  spotlightIds: readonly string[],
): Promise<DayTargetRow[]> {
  if (spotlightIds.length === 0) return [];
  return db
    .selectFrom('dip_sample_target')
    .select(['spotlight_id', 'member_person_id', 'how_many', 'of_what', 'done'])
    .where('spotlight_id', 'in', spotlightIds)
    .orderBy('spotlight_id')
    .orderBy('of_what')
    .orderBy('id')
    .execute();
}

export interface SubmittedRecordRow {
  spotlight_id: string;
  member_person_id: string;
}

/** The members of these Spotlights whose Team Member Information Record is submitted. */
export async function listSubmittedRecords(
  db: Db,
  spotlightIds: readonly string[],
): Promise<SubmittedRecordRow[]> {
  if (spotlightIds.length === 0) return [];
  return db
    .selectFrom('member_record')
    .select(['spotlight_id', 'member_person_id'])
    .where('spotlight_id', 'in', spotlightIds)
    .where('status', '=', 'submitted')
    .execute();
}

/** Which of these Spotlights have the feedback recorded. */
export async function listRecordedFeedback(
  db: Db,
  spotlightIds: readonly string[],
): Promise<string[]> {
  if (spotlightIds.length === 0) return [];
  const rows = await db
    .selectFrom('day_feedback')
    .select('spotlight_id')
    .where('spotlight_id', 'in', spotlightIds)
    .execute();
  return rows.map((row) => row.spotlight_id);
}

export interface ReportFactsRow {
  spotlight_id: string;
  status: string;
  circulated_at: string | null;
  grade_scale: string | null;
}

/** The reports of these Spotlights: how far each has gone. */
export async function listReports(
  db: Db,
  spotlightIds: readonly string[],
): Promise<ReportFactsRow[]> {
  if (spotlightIds.length === 0) return [];
  return db
    .selectFrom('report')
    .select(['spotlight_id', 'status', 'circulated_at', 'grade_scale'])
    .where('spotlight_id', 'in', spotlightIds)
    .execute();
}

/** The grades given in these Spotlights' reports. */
export async function listReportGrades(
  db: Db,
  spotlightIds: readonly string[],
): Promise<{ spotlight_id: string; grade: string }[]> {
  if (spotlightIds.length === 0) return [];
  const rows = await db
    .selectFrom('report_section')
    .select(['spotlight_id', 'grade'])
    .where('spotlight_id', 'in', spotlightIds)
    .where('grade', 'is not', null)
    .execute();
  return rows.map((row) => ({ spotlight_id: row.spotlight_id, grade: row.grade ?? '' }));
}

/** Who has commented on these Spotlights' draft reports. */
export async function listReportCommenters(
  db: Db,
  spotlightIds: readonly string[],
): Promise<{ spotlight_id: string; author_person_id: string }[]> {
  if (spotlightIds.length === 0) return [];
  return db
    .selectFrom('report_comment')
    .select(['spotlight_id', 'author_person_id'])
    .distinct()
    .where('spotlight_id', 'in', spotlightIds)
    .execute();
}

/** Which of these Spotlights' final reports have been circulated to the team. */
export async function listCirculatedReports(
  db: Db,
  spotlightIds: readonly string[],
): Promise<string[]> {
  if (spotlightIds.length === 0) return [];
  const rows = await db
    .selectFrom('report_circulation')
    .select('spotlight_id')
    .distinct()
    .where('spotlight_id', 'in', spotlightIds)
    .execute();
  return rows.map((row) => row.spotlight_id);
}

/** Spotlights whose report is with the QA team, whatever their date. */
export async function listSpotlightsWithReportSubmitted(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('report')
    .select('spotlight_id')
    .where('status', '=', 'submitted')
    .execute();
  return rows.map((row) => row.spotlight_id);
}
