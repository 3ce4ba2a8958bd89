// SQL for arranging cover: a plan and its Spotlights, the people and teams its rules are built
// from, replacing one team member, and the plan history and the QA team's notices that follow.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { PlanChangeTable, TimetableNoticeTable } from './timetable.table.js';

type Db = Kysely<Database>;

export interface CoverPlanRow {
  id: string;
  from_date: string;
  to_date: string;
  settings: string;
  status: string;
}

export interface CoverSpotlightRow {
  id: string;
  team_id: string;
  date: string;
  lead_person_id: string | null;
}

export interface CoverTeamRow {
  id: string;
  name: string;
  service_area_id: string;
  head_of_service_id: string | null;
}

export interface CoverPersonRow {
  id: string;
  name: string;
  job_role: string;
  home_team_id: string | null;
  slt_member: number;
  can_review: number;
  on_rota: number;
  active: number;
}

export interface NoticeRow extends TimetableNoticeTable {
  team_name: string | null;
  date: string | null;
}

/** The job roles of senior leaders who may lead a Spotlight (as the plan generator has them). */
export const leadJobRoles = ['senior-leader', 'head-of-service'] as const;

export async function findPlan(db: Db, planId: string): Promise<CoverPlanRow | undefined> {
  return db
    .selectFrom('timetable_plan')
    .select(['id', 'from_date', 'to_date', 'settings', 'status'])
    .where('id', '=', planId)
    .executeTakeFirst();
}

/**
 * Holds the plan's row until the transaction ends (a no-op update takes the row lock in
 * PostgreSQL; SQLite locks the whole file), so two people arranging cover on the same plan at
 * once cannot both pick the last free person.
 */
export async function lockPlan(db: Db, planId: string): Promise<void> {
  await db
    .updateTable('timetable_plan')
    .set({ version: sql`version` })
    .where('id', '=', planId)
    .execute();
}

export async function listPlanSpotlights(db: Db, planId: string): Promise<CoverSpotlightRow[]> {
  return db
    .selectFrom('spotlight')
    .select(['id', 'team_id', 'date', 'lead_person_id'])
    .where('plan_id', '=', planId)
    .where('status', '=', 'planned')
    .orderBy('date')
    .orderBy('id')
    .execute();
}

export async function listPlanMembers(
  db: Db,
  planId: string,
): Promise<{ spotlight_id: string; person_id: string }[]> {
  return db
    .selectFrom('spotlight_member')
    .innerJoin('spotlight', 'spotlight.id', 'spotlight_member.spotlight_id')
    .select(['spotlight_member.spotlight_id', 'spotlight_member.person_id'])
    .where('spotlight.plan_id', '=', planId)
    .where('spotlight.status', '=', 'planned')
    .execute();
}

export async function listTeams(db: Db): Promise<(CoverTeamRow & { active: number })[]> {
  return db
    .selectFrom('team')
    .select(['id', 'name', 'service_area_id', 'head_of_service_id', 'active'])
    .orderBy('id')
    .execute();
}

/** Active people on the rota who can review, senior leaders, and everyone named in the plan. */
export async function listPlanningPeople(
  db: Db,
  inPlan: readonly string[],
): Promise<CoverPersonRow[]> {
  const rows = await db
    .selectFrom('person')
    .select(['id', 'name', 'job_role', 'home_team_id', 'slt_member', 'can_review', 'active'])
    .select('person.on_rota as on_rota')
    .where((eb) => {
      const planning = eb.and([
        eb('active', '=', 1),
        eb.or([
          eb.and([eb('on_rota', '=', 1), eb('can_review', '=', 1)]),
          eb.and([eb('slt_member', '=', 1), eb('job_role', 'in', [...leadJobRoles])]),
        ]),
      ]);
      return inPlan.length > 0 ? eb.or([planning, eb('id', 'in', [...inPlan])]) : planning;
    })
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, on_rota: r.on_rota ?? 0 }));
}

export async function findPersonName(db: Db, personId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('person')
    .select('name')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.name;
}

/** Leave and other unavailability that overlaps the period. */
export async function listLeave(
  db: Db,
  from: string,
  to: string,
): Promise<{ person_id: string; from_date: string; to_date: string }[]> {
  return db
    .selectFrom('person_unavailability')
    .select(['person_id', 'from_date', 'to_date'])
    .where('to_date', '>=', from)
    .where('from_date', '<=', to)
    .execute();
}

/** Zero rows updated means somebody changed the Spotlight since it was read. */
export async function bumpSpotlightVersion(
  db: Db,
  spotlightId: string,
  version: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('spotlight')
    .set({ version: version + 1, updated_at: now })
    .where('id', '=', spotlightId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceMember(
  db: Db,
  spotlightId: string,
  leavingPersonId: string,
  coverPersonId: string,
): Promise<boolean> {
  const removed = await db
    .deleteFrom('spotlight_member')
    .where('spotlight_id', '=', spotlightId)
    .where('person_id', '=', leavingPersonId)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) !== 1) return false;
  await db
    .insertInto('spotlight_member')
    .values({ spotlight_id: spotlightId, person_id: coverPersonId })
    .execute();
  return true;
}

export async function insertPlanChange(db: Db, row: PlanChangeTable): Promise<void> {
  await db.insertInto('plan_change').values(row).execute();
}

export async function insertNotice(db: Db, row: TimetableNoticeTable): Promise<void> {
  await db.insertInto('timetable_notice').values(row).execute();
}

/** Unread notices first, then read ones; newest first within each. */
export async function listNotices(db: Db, limit: number): Promise<NoticeRow[]> {
  return db
    .selectFrom('timetable_notice')
    .leftJoin('spotlight', 'spotlight.id', 'timetable_notice.spotlight_id')
    .leftJoin('team', 'team.id', 'spotlight.team_id')
    .selectAll('timetable_notice')
    .select(['team.name as team_name', 'spotlight.date'])
    .orderBy(sql`case when timetable_notice.read_at is null then 0 else 1 end`)
    .orderBy('timetable_notice.at', 'desc')
    .orderBy('timetable_notice.id')
    .limit(limit)
    .execute();
}

export async function countUnreadNotices(db: Db): Promise<string | number | bigint> {
  const row = await db
    .selectFrom('timetable_notice')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findNotice(db: Db, noticeId: string) {
  return db
    .selectFrom('timetable_notice')
    .select(['id', 'read_at'])
    .where('id', '=', noticeId)
    .executeTakeFirst();
}

export async function markNoticeRead(
  db: Db,
  noticeId: string,
  accountId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('timetable_notice')
    .set({ read_at: at, read_by_account_id: accountId })
    .where('id', '=', noticeId)
    .where('read_at', 'is', null)
    .execute();
}
