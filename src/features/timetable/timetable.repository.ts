// SQL for year plans: the plan, its Spotlights with Lead and members, its history, publishing.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type {
  PlanChangeTable,
  SpotlightMemberTable,
  SpotlightTable,
  TimetablePlanTable,
} from './timetable.table.js';

type Db = Kysely<Database>;

export type PlanRow = TimetablePlanTable;
export type PlanChangeRow = PlanChangeTable;

export interface PlanListRow extends TimetablePlanTable {
  spotlights: string | number | bigint | null;
}

export interface SpotlightRow extends SpotlightTable {
  team_name: string;
  service_area_id: string;
  service_area_name: string;
  lead_name: string | null;
}

export interface MemberRow {
  spotlight_id: string;
  person_id: string;
  name: string;
}

// SQLite takes at most 32,766 values in one statement: insert big plans in slices.
const sliceSize = 200;

function slices<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += sliceSize) out.push(rows.slice(i, i + sliceSize));
  return out;
}

export async function insertPlan(db: Db, row: TimetablePlanTable): Promise<void> {
  await db.insertInto('timetable_plan').values(row).execute();
}

export async function insertSpotlights(db: Db, rows: readonly SpotlightTable[]): Promise<void> {
  for (const slice of slices(rows)) await db.insertInto('spotlight').values(slice).execute();
}

export async function insertSpotlightMembers(
  db: Db,
  rows: readonly SpotlightMemberTable[],
): Promise<void> {
  for (const slice of slices(rows)) await db.insertInto('spotlight_member').values(slice).execute();
}

export async function insertPlanChange(db: Db, row: PlanChangeTable): Promise<void> {
  await db.insertInto('plan_change').values(row).execute();
}

export async function findPlan(db: Db, id: string): Promise<PlanRow | undefined> {
  return db.selectFrom('timetable_plan').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every plan, newest first, with how many Spotlights each holds. */
export async function listPlans(db: Db): Promise<PlanListRow[]> {
  return db
    .selectFrom('timetable_plan')
    .selectAll('timetable_plan')
    .select((eb) =>
      eb
        .selectFrom('spotlight')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('spotlight.plan_id', '=', 'timetable_plan.id')
        .where('spotlight.status', '=', 'planned')
        .as('spotlights'),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** The plan now in force: the one published most recently. */
export async function findPublishedPlan(db: Db): Promise<PlanRow | undefined> {
  return db
    .selectFrom('timetable_plan')
    .selectAll()
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

function spotlights(db: Db) {
  return db
    .selectFrom('spotlight')
    .innerJoin('team', 'team.id', 'spotlight.team_id')
    .innerJoin('service_area', 'service_area.id', 'team.service_area_id')
    .leftJoin('person as lead', 'lead.id', 'spotlight.lead_person_id')
    .selectAll('spotlight')
    .select([
      'team.name as team_name',
      'team.service_area_id as service_area_id',
      'service_area.name as service_area_name',
      'lead.name as lead_name',
    ]);
}

/** A plan's planned Spotlights in date order. */
export async function listPlanSpotlights(db: Db, planId: string): Promise<SpotlightRow[]> {
  return spotlights(db)
    .where('spotlight.plan_id', '=', planId)
    .where('spotlight.status', '=', 'planned')
    .orderBy('spotlight.date')
    .orderBy(sql`lower(team.name)`)
    .orderBy('spotlight.id')
    .execute();
}

export async function findPlanSpotlight(
  db: Db,
  planId: string,
  spotlightId: string,
): Promise<SpotlightRow | undefined> {
  return spotlights(db)
    .where('spotlight.plan_id', '=', planId)
    .where('spotlight.id', '=', spotlightId)
    .where('spotlight.status', '=', 'planned')
    .executeTakeFirst();
}

/** The members of a plan's Spotlights, by name. */
export async function listPlanMembers(db: Db, planId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('spotlight_member')
    .innerJoin('spotlight', 'spotlight.id', 'spotlight_member.spotlight_id')
    .innerJoin('person', 'person.id', 'spotlight_member.person_id')
    .select(['spotlight_member.spotlight_id', 'spotlight_member.person_id', 'person.name'])
    .where('spotlight.plan_id', '=', planId)
    .orderBy(sql`lower(person.name)`)
    .orderBy('person.id')
    .execute();
}

/** Moves a Spotlight or changes its Lead; false when somebody else saved first. */
export async function updateSpotlight(
  db: Db,
  id: string,
  version: number,
  changes: { date: string; lead_person_id: string | null; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('spotlight')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceSpotlightMembers(
  db: Db,
  spotlightId: string,
  personIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('spotlight_member').where('spotlight_id', '=', spotlightId).execute();
  if (personIds.length === 0) return;
  await db
    .insertInto('spotlight_member')
    .values(personIds.map((person_id) => ({ spotlight_id: spotlightId, person_id })))
    .execute();
}

/** A plan's history, newest first. */
export async function listPlanChanges(db: Db, planId: string): Promise<PlanChangeRow[]> {
  return db
    .selectFrom('plan_change')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * Marks the published plans whose period overlaps the newly published one as superseded; returns
 * their ids. A plan for another period stays published: its Spotlights go on being prepared.
 */
export async function supersedePublishedPlans(db: Db, exceptId: string): Promise<string[]> {
  const plan = await db
    .selectFrom('timetable_plan')
    .select(['from_date', 'to_date'])
    .where('id', '=', exceptId)
    .executeTakeFirst();
  if (!plan) return [];
  const rows = await db
    .selectFrom('timetable_plan')
    .select('id')
    .where('status', '=', 'published')
    .where('id', '!=', exceptId)
    .where('from_date', '<=', plan.to_date)
    .where('to_date', '>=', plan.from_date)
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  await db
    .updateTable('timetable_plan')
    .set((eb) => ({ status: 'superseded', version: eb('version', '+', 1) }))
    .where('id', 'in', ids)
    .execute();
  return ids;
}

/** Publishes a draft; false when it is no longer that version or no longer a draft. */
export async function publishPlan(
  db: Db,
  id: string,
  version: number,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('timetable_plan')
    .set({ status: 'published', published_at: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
