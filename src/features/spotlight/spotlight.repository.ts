// SQL for one Spotlight as every stage sees it: its day, the team it visits, its Lead and team
// members, and who manages and works in the visited team (for the policy's contextual checks).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export interface SpotlightFactsRow {
  id: string;
  date: string;
  status: string;
  plan_status: string | null;
  /** YYYY-MM-DD: when the draft report first reached the QA team. */
  draft_submitted_on: string | null;
  team_id: string;
  team_name: string;
  recording_system: string;
  service_area_name: string;
  head_of_service_id: string | null;
  head_of_service_name: string | null;
  lead_person_id: string | null;
  lead_name: string | null;
  version: number;
}

export interface NamedPersonRow {
  id: string;
  name: string;
  job_role: string;
}

export async function findSpotlightFacts(
  db: Db,
  spotlightId: string,
): Promise<SpotlightFactsRow | undefined> {
  return db
    .selectFrom('spotlight')
    .innerJoin('team', 'team.id', 'spotlight.team_id')
    .innerJoin('service_area', 'service_area.id', 'team.service_area_id')
    .leftJoin('timetable_plan as plan', 'plan.id', 'spotlight.plan_id')
    .leftJoin('person as lead', 'lead.id', 'spotlight.lead_person_id')
    .leftJoin('person as hos', 'hos.id', 'team.head_of_service_id')
    .leftJoin('report', 'report.spotlight_id', 'spotlight.id')
    .select([
      'spotlight.id',
      'report.first_submitted_on as draft_submitted_on',
      'spotlight.date',
      'spotlight.status',
      'plan.status as plan_status',
      'spotlight.team_id',
      'team.name as team_name',
      'team.recording_system',
      'service_area.name as service_area_name',
      'team.head_of_service_id',
      'hos.name as head_of_service_name',
      'spotlight.lead_person_id',
      'lead.name as lead_name',
      'spotlight.version',
    ])
    .where('spotlight.id', '=', spotlightId)
    .executeTakeFirst();
}

export async function listSpotlightMembers(db: Db, spotlightId: string): Promise<NamedPersonRow[]> {
  return db
    .selectFrom('spotlight_member')
    .innerJoin('person', 'person.id', 'spotlight_member.person_id')
    .select(['person.id', 'person.name', 'person.job_role'])
    .where('spotlight_member.spotlight_id', '=', spotlightId)
    .orderBy(sql`lower(person.name)`)
    .execute();
}

export async function listTeamManagers(db: Db, teamId: string): Promise<NamedPersonRow[]> {
  return db
    .selectFrom('team_manager')
    .innerJoin('person', 'person.id', 'team_manager.person_id')
    .select(['person.id', 'person.name', 'person.job_role'])
    .where('team_manager.team_id', '=', teamId)
    .orderBy(sql`lower(person.name)`)
    .execute();
}

/** The team's active practitioners: everyone whose home team it is, managers included. */
export async function listTeamStaff(db: Db, teamId: string): Promise<NamedPersonRow[]> {
  return db
    .selectFrom('person')
    .select(['person.id', 'person.name', 'person.job_role'])
    .where('person.home_team_id', '=', teamId)
    .where('person.active', '=', 1)
    .orderBy(sql`lower(person.name)`)
    .orderBy('person.id')
    .execute();
}

/** The team's most recent Spotlight before this day that was not cancelled. */
export async function findPreviousSpotlightId(
  db: Db,
  teamId: string,
  beforeDate: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('spotlight')
    .leftJoin('timetable_plan as plan', 'plan.id', 'spotlight.plan_id')
    .select('spotlight.id')
    .where('spotlight.team_id', '=', teamId)
    .where('spotlight.date', '<', beforeDate)
    .where('spotlight.status', '!=', 'cancelled')
    .where((eb) => eb.or([eb('plan.status', 'is', null), eb('plan.status', '!=', 'draft')]))
    .orderBy('spotlight.date', 'desc')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Upcoming and recent Spotlights (in published plans, not cancelled) between two dates that the
 * person leads, is a member of, manages the visited team of, or works in: for "Your tasks".
 */
export async function listSpotlightIdsConcerning(
  db: Db,
  personId: string,
  from: string,
  to: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('spotlight')
    .innerJoin('team', 'team.id', 'spotlight.team_id')
    .innerJoin('timetable_plan as plan', 'plan.id', 'spotlight.plan_id')
    .select('spotlight.id')
    .where('plan.status', '=', 'published')
    .where('spotlight.status', '!=', 'cancelled')
    .where('spotlight.date', '>=', from)
    .where('spotlight.date', '<=', to)
    .where((eb) =>
      eb.or([
        eb('spotlight.lead_person_id', '=', personId),
        eb('team.head_of_service_id', '=', personId),
        eb.exists(
          eb
            .selectFrom('spotlight_member')
            .select('spotlight_member.person_id')
            .whereRef('spotlight_member.spotlight_id', '=', 'spotlight.id')
            .where('spotlight_member.person_id', '=', personId),
        ),
        eb.exists(
          eb
            .selectFrom('team_manager')
            .select('team_manager.person_id')
            .whereRef('team_manager.team_id', '=', 'spotlight.team_id')
            .where('team_manager.person_id', '=', personId),
        ),
        eb.exists(
          eb
            .selectFrom('person')
            .select('person.id')
            .whereRef('person.home_team_id', '=', 'spotlight.team_id')
            .where('person.id', '=', personId),
        ),
      ]),
    )
    .orderBy('spotlight.date')
    .orderBy('spotlight.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Every Spotlight in a published plan between two dates (for the QA team's overview). */
export async function listPublishedSpotlightIds(
  db: Db,
  from: string,
  to: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('spotlight')
    .innerJoin('timetable_plan as plan', 'plan.id', 'spotlight.plan_id')
    .select('spotlight.id')
    .where('plan.status', '=', 'published')
    .where('spotlight.status', '!=', 'cancelled')
    .where('spotlight.date', '>=', from)
    .where('spotlight.date', '<=', to)
    .orderBy('spotlight.date')
    .orderBy('spotlight.id')
    .execute();
  return rows.map((r) => r.id);
}
