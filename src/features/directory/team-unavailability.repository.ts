// SQL for the periods when a team cannot have its Spotlight.
import type { Db } from './directory.repository.js';
import type { TeamUnavailabilityTable } from './team-unavailability.table.js';

export type TeamUnavailabilityRow = TeamUnavailabilityTable;

export async function listTeamUnavailability(
  db: Db,
  teamId: string,
): Promise<TeamUnavailabilityRow[]> {
  return db
    .selectFrom('team_unavailability')
    .selectAll()
    .where('team_id', '=', teamId)
    .orderBy('from_date')
    .orderBy('to_date')
    .orderBy('id')
    .execute();
}

export async function findTeamUnavailability(
  db: Db,
  teamId: string,
  periodId: string,
): Promise<TeamUnavailabilityRow | undefined> {
  return db
    .selectFrom('team_unavailability')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('id', '=', periodId)
    .executeTakeFirst();
}

export async function insertTeamUnavailability(db: Db, row: TeamUnavailabilityRow): Promise<void> {
  await db.insertInto('team_unavailability').values(row).execute();
}

export async function deleteTeamUnavailability(
  db: Db,
  teamId: string,
  periodId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('team_unavailability')
    .where('team_id', '=', teamId)
    .where('id', '=', periodId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
