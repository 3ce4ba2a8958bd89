// SQL for teams, their Team Managers and Head of Service, and the teams a person leads.
import { sql } from 'kysely';
import type { Count, Db } from './directory.repository.js';
import type { TeamTable } from './directory.table.js';

export interface TeamRow extends TeamTable {
  service_area_name: string;
  service_area_active: number;
  head_of_service_name: string | null;
  head_of_service_active: number | null;
  people: Count;
}

export interface TeamManagerRow {
  team_id: string;
  person_id: string;
  name: string;
  active: number;
}

export type TeamChanges = Partial<Omit<TeamTable, 'id' | 'version' | 'created_at'>>;

function teams(db: Db) {
  return db
    .selectFrom('team')
    .innerJoin('service_area', 'service_area.id', 'team.service_area_id')
    .leftJoin('person as hos', 'hos.id', 'team.head_of_service_id')
    .selectAll('team')
    .select([
      'service_area.name as service_area_name',
      'service_area.active as service_area_active',
      'hos.name as head_of_service_name',
      'hos.active as head_of_service_active',
    ])
    .select((eb) =>
      eb
        .selectFrom('person')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('person.home_team_id', '=', 'team.id')
        .where('person.active', '=', 1)
        .as('people'),
    );
}

export async function listTeams(
  db: Db,
  filter: { serviceAreaId?: string; active?: boolean } = {},
): Promise<TeamRow[]> {
  let query = teams(db);
  if (filter.serviceAreaId) query = query.where('team.service_area_id', '=', filter.serviceAreaId);
  if (filter.active !== undefined) query = query.where('team.active', '=', filter.active ? 1 : 0);
  const rows = await query
    .orderBy(sql`lower(team.name)`)
    .orderBy('team.id')
    .execute();
  return rows.map((r) => ({ ...r, people: r.people ?? 0 }));
}

export async function findTeam(db: Db, id: string): Promise<TeamRow | undefined> {
  const row = await teams(db).where('team.id', '=', id).executeTakeFirst();
  return row && { ...row, people: row.people ?? 0 };
}

export async function findTeamIdByNameKey(db: Db, nameKey: string) {
  const row = await db
    .selectFrom('team')
    .select('id')
    .where('name_key', '=', nameKey)
    .executeTakeFirst();
  return row?.id;
}

export async function insertTeam(db: Db, row: TeamTable): Promise<void> {
  await db.insertInto('team').values(row).execute();
}

export async function updateTeam(
  db: Db,
  id: string,
  version: number,
  changes: TeamChanges & { updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('team')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listTeamManagers(
  db: Db,
  teamIds: readonly string[],
): Promise<TeamManagerRow[]> {
  if (teamIds.length === 0) return [];
  return db
    .selectFrom('team_manager')
    .innerJoin('person', 'person.id', 'team_manager.person_id')
    .select(['team_manager.team_id', 'team_manager.person_id', 'person.name', 'person.active'])
    .where('team_manager.team_id', 'in', teamIds)
    .orderBy(sql`lower(person.name)`)
    .execute();
}

export async function replaceTeamManagers(
  db: Db,
  teamId: string,
  personIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('team_manager').where('team_id', '=', teamId).execute();
  if (personIds.length === 0) return;
  await db
    .insertInto('team_manager')
    .values(personIds.map((personId) => ({ team_id: teamId, person_id: personId })))
    .execute();
}

/** Teams a person manages or is Head of Service for, for their page. */
export async function listTeamsLedBy(db: Db, personId: string) {
  const managed = await db
    .selectFrom('team')
    .innerJoin('team_manager', 'team_manager.team_id', 'team.id')
    .select(['team.id', 'team.name', 'team.active'])
    .where('team_manager.person_id', '=', personId)
    .orderBy(sql`lower(team.name)`)
    .execute();
  const headed = await db
    .selectFrom('team')
    .select(['id', 'name', 'active'])
    .where('head_of_service_id', '=', personId)
    .orderBy(sql`lower(name)`)
    .execute();
  return { managed, headed };
}
