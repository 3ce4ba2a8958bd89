// SQL for the rota: which teams a manager looks after, each team's active staff with their
// nomination, the counts per team, and saving a team's nominations.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;
/** A count as the driver returns it; convert with fromDbCount. */
type Count = string | number | bigint;

export interface RotaTeamRow {
  id: string;
  name: string;
  service_area_name: string;
  head_of_service_id: string | null;
}

export interface RotaStaffRow {
  id: string;
  name: string;
  job_role: string;
  home_team_id: string | null;
  can_review: number;
  on_rota: number;
}

export interface RotaCountRow {
  team_id: string | null;
  staff: Count;
  on_rota: Count | null;
}

function activeTeams(db: Db) {
  return db
    .selectFrom('team')
    .innerJoin('service_area', 'service_area.id', 'team.service_area_id')
    .select(['team.id', 'team.name', 'service_area.name as service_area_name'])
    .select('team.head_of_service_id')
    .where('team.active', '=', 1);
}

export async function listActiveTeams(db: Db): Promise<RotaTeamRow[]> {
  return activeTeams(db)
    .orderBy(sql`lower(team.name)`)
    .orderBy('team.id')
    .execute();
}

/** Active teams the person manages (a Team Manager) or oversees (their Head of Service). */
export async function listActiveTeamsManagedBy(db: Db, personId: string): Promise<RotaTeamRow[]> {
  return activeTeams(db)
    .where((eb) =>
      eb.or([
        eb('team.head_of_service_id', '=', personId),
        eb.exists(
          eb
            .selectFrom('team_manager')
            .select('team_manager.team_id')
            .whereRef('team_manager.team_id', '=', 'team.id')
            .where('team_manager.person_id', '=', personId),
        ),
      ]),
    )
    .orderBy(sql`lower(team.name)`)
    .orderBy('team.id')
    .execute();
}

export async function findActiveTeam(db: Db, teamId: string): Promise<RotaTeamRow | undefined> {
  return activeTeams(db).where('team.id', '=', teamId).executeTakeFirst();
}

export async function listTeamManagerIds(db: Db, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_manager')
    .select('person_id')
    .where('team_id', '=', teamId)
    .execute();
  return rows.map((r) => r.person_id);
}

/** The active people whose home team is one of these teams. */
export async function listActiveStaff(db: Db, teamIds: readonly string[]): Promise<RotaStaffRow[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectFrom('person')
    .select(['id', 'name', 'job_role', 'home_team_id', 'can_review', 'on_rota'])
    .where('home_team_id', 'in', teamIds)
    .where('active', '=', 1)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, on_rota: r.on_rota ?? 0 }));
}

/** Per home team: active staff, and how many of them are on the rota and can review. */
export async function countRotaByTeam(db: Db): Promise<RotaCountRow[]> {
  return db
    .selectFrom('person')
    .select('home_team_id as team_id')
    .select((eb) => eb.fn.countAll().as('staff'))
    .select(
      sql<Count | null>`sum(case when person.on_rota = 1 and person.can_review = 1 then 1 else 0 end)`.as(
        'on_rota',
      ),
    )
    .where('active', '=', 1)
    .where('home_team_id', 'is not', null)
    .groupBy('home_team_id')
    .execute();
}

/** Puts exactly these people of the team on the rota, and takes its other staff off it. */
export async function setTeamRota(
  db: Db,
  teamId: string,
  onRotaPersonIds: readonly string[],
): Promise<void> {
  let off = db.updateTable('person').set({ on_rota: 0 }).where('home_team_id', '=', teamId);
  if (onRotaPersonIds.length > 0) off = off.where('id', 'not in', onRotaPersonIds);
  await off.execute();
  if (onRotaPersonIds.length === 0) return;
  await db
    .updateTable('person')
    .set({ on_rota: 1 })
    .where('home_team_id', '=', teamId)
    .where('id', 'in', onRotaPersonIds)
    .execute();
}
