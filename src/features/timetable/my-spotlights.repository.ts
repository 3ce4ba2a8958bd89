// SQL for Spotlights as the people in them see them: the Spotlights a person leads or is a member
// of in published plans, one Spotlight with its team, and the Spotlight Team's names.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export interface SpotlightRow {
  id: string;
  plan_id: string | null;
  plan_status: string | null;
  team_id: string;
  team_name: string;
  service_area_id: string;
  service_area_name: string;
  date: string;
  lead_person_id: string | null;
  lead_name: string | null;
  status: string;
  version: number;
}

export interface SpotlightMemberRow {
  spotlight_id: string;
  person_id: string;
  name: string;
  job_role: string;
}

function spotlights(db: Db) {
  return db
    .selectFrom('spotlight')
    .innerJoin('team', 'team.id', 'spotlight.team_id')
    .innerJoin('service_area', 'service_area.id', 'team.service_area_id')
    .leftJoin('timetable_plan as plan', 'plan.id', 'spotlight.plan_id')
    .leftJoin('person as lead', 'lead.id', 'spotlight.lead_person_id')
    .select([
      'spotlight.id',
      'spotlight.plan_id',
      'plan.status as plan_status',
      'spotlight.team_id',
      'team.name as team_name',
      'team.service_area_id',
      'service_area.name as service_area_name',
      'spotlight.date',
      'spotlight.lead_person_id',
      'lead.name as lead_name',
      'spotlight.status',
      'spotlight.version',
    ]);
}

/** Planned Spotlights in published plans that the person leads or is a team member of. */
export async function listPublishedSpotlightsOf(db: Db, personId: string): Promise<SpotlightRow[]> {
  return spotlights(db)
    .where('plan.status', '=', 'published')
    .where('spotlight.status', '=', 'planned')
    .where((eb) =>
      eb.or([
        eb('spotlight.lead_person_id', '=', personId),
        eb.exists(
          eb
            .selectFrom('spotlight_member')
            .select('spotlight_member.person_id')
            .whereRef('spotlight_member.spotlight_id', '=', 'spotlight.id')
            .where('spotlight_member.person_id', '=', personId),
        ),
      ]),
    )
    .orderBy('spotlight.date')
    .orderBy(sql`lower(team.name)`)
    .execute();
}

export async function findSpotlight(
  db: Db,
  spotlightId: string,
): Promise<SpotlightRow | undefined> {
  return spotlights(db).where('spotlight.id', '=', spotlightId).executeTakeFirst();
}

/** The team members of these Spotlights, by name. */
export async function listSpotlightMembers(
  db: Db,
  spotlightIds: readonly string[],
): Promise<SpotlightMemberRow[]> {
  if (spotlightIds.length === 0) return [];
  return db
    .selectFrom('spotlight_member')
    .innerJoin('person', 'person.id', 'spotlight_member.person_id')
    .select([
      'spotlight_member.spotlight_id',
      'spotlight_member.person_id',
      'person.name',
      'person.job_role',
    ])
    .where('spotlight_member.spotlight_id', 'in', spotlightIds)
    .orderBy(sql`lower(person.name)`)
    .orderBy('person.id')
    .execute();
}
