// SQL for building a plan's rules from the directory: the active teams, the people on the rota and
// the senior leaders, their leave, and what earlier published plans say about each team.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

/** The job roles of senior leaders who may lead a Spotlight. */
export const leadJobRoles = ['senior-leader', 'head-of-service'] as const;

export interface PlanningTeamRow {
  id: string;
  name: string;
  service_area_id: string;
  service_area_name: string;
  head_of_service_id: string | null;
}

export interface PlanningPersonRow {
  id: string;
  name: string;
  job_role: string;
  home_team_id: string | null;
  slt_member: number;
  can_review: number;
  on_rota: number;
}

export interface UnavailabilityRow {
  person_id: string;
  from_date: string;
  to_date: string;
}

export interface PastSpotlightRow {
  team_id: string;
  date: string;
  published_at: string | null;
}

export async function listActiveTeams(db: Db): Promise<PlanningTeamRow[]> {
  return db
    .selectFrom('team')
    .innerJoin('service_area', 'service_area.id', 'team.service_area_id')
    .select([
      'team.id',
      'team.name',
      'team.service_area_id',
      'service_area.name as service_area_name',
      'team.head_of_service_id',
    ])
    .where('team.active', '=', 1)
    .orderBy('team.name')
    .orderBy('team.id')
    .execute();
}

/** Active people on the rota who can review, and the senior leaders who can lead. */
export async function listPlanningPeople(db: Db): Promise<PlanningPersonRow[]> {
  return db
    .selectFrom('person')
    .select([
      'id',
      'name',
      'job_role',
      'home_team_id',
      'slt_member',
      'can_review',
      'person.on_rota as on_rota',
    ])
    .where('active', '=', 1)
    .where((eb) =>
      eb.or([
        eb.and([eb('on_rota', '=', 1), eb('can_review', '=', 1)]),
        eb.and([eb('slt_member', '=', 1), eb('job_role', 'in', [...leadJobRoles])]),
      ]),
    )
    .orderBy('name')
    .orderBy('id')
    .execute() as Promise<PlanningPersonRow[]>;
}

/** Leave and other unavailability that overlaps the period. */
export async function listUnavailability(
  db: Db,
  from: string,
  to: string,
): Promise<UnavailabilityRow[]> {
  return db
    .selectFrom('person_unavailability')
    .select(['person_id', 'from_date', 'to_date'])
    .where('to_date', '>=', from)
    .where('from_date', '<=', to)
    .orderBy('from_date')
    .execute();
}

/** Periods when a team cannot have its Spotlight that overlap the period. */
export async function listTeamUnavailability(
  db: Db,
  from: string,
  to: string,
): Promise<{ team_id: string; from_date: string; to_date: string }[]> {
  return db
    .selectFrom('team_unavailability')
    .select(['team_id', 'from_date', 'to_date'])
    .where('to_date', '>=', from)
    .where('from_date', '<=', to)
    .orderBy('from_date')
    .execute();
}

/** Spotlights before a date in every plan that has been published (now or earlier). */
export async function listPublishedSpotlightsBefore(
  db: Db,
  before: string,
): Promise<PastSpotlightRow[]> {
  return db
    .selectFrom('spotlight')
    .innerJoin('timetable_plan', 'timetable_plan.id', 'spotlight.plan_id')
    .select(['spotlight.team_id', 'spotlight.date', 'timetable_plan.published_at'])
    .where('timetable_plan.published_at', 'is not', null)
    .where('spotlight.status', '=', 'planned')
    .where('spotlight.date', '<', before)
    .execute();
}

/** The most recently published plan that starts before a date. */
export async function findLatestPublishedPlanBefore(
  db: Db,
  before: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('timetable_plan')
    .select('id')
    .where('published_at', 'is not', null)
    .where('from_date', '<', before)
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** Who was a member of which team's Spotlight in a plan. */
export async function listPlanMemberships(
  db: Db,
  planId: string,
): Promise<{ team_id: string; person_id: string }[]> {
  return db
    .selectFrom('spotlight_member')
    .innerJoin('spotlight', 'spotlight.id', 'spotlight_member.spotlight_id')
    .select(['spotlight.team_id', 'spotlight_member.person_id'])
    .where('spotlight.plan_id', '=', planId)
    .where('spotlight.status', '=', 'planned')
    .execute();
}

/** Names of teams and people by id, whatever their state: for putting names in messages. */
export async function findNames(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  const teams = await db
    .selectFrom('team')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  const people = await db
    .selectFrom('person')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  const areas = await db
    .selectFrom('service_area')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return [...teams, ...people, ...areas];
}
