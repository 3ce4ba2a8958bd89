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
