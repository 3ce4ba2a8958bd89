// All SQL for the directory: service areas, teams and their managers, people and their leave.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type {
  PersonTable,
  PersonUnavailabilityTable,
  ServiceAreaTable,
  TeamTable,
} from './directory.table.js';

type Count = string | number | bigint;
type Db = Kysely<Database>;

export interface ServiceAreaRow extends ServiceAreaTable {
  active_teams: Count;
}

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

export interface PersonRow extends PersonTable {
  home_team_name: string | null;
  home_team_active: number | null;
}

export interface PeopleFilter {
  /** A team's id, or 'none' for people without a home team. */
  teamId?: string;
  jobRole?: string;
  active?: boolean;
}

export type ServiceAreaChanges = Partial<Pick<ServiceAreaTable, 'name' | 'name_key' | 'active'>>;
export type TeamChanges = Partial<Omit<TeamTable, 'id' | 'version' | 'created_at'>>;
export type PersonChanges = Partial<Omit<PersonTable, 'id' | 'version' | 'created_at'>>;

export async function countActive(
  db: Db,
): Promise<Record<'serviceAreas' | 'teams' | 'people', Count>> {
  const serviceAreas = await db
    .selectFrom('service_area')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  const teams = await db
    .selectFrom('team')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  const people = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return { serviceAreas: serviceAreas.n, teams: teams.n, people: people.n };
}

// Service areas

function serviceAreas(db: Db) {
  return db
    .selectFrom('service_area')
    .selectAll('service_area')
    .select((eb) =>
      eb
        .selectFrom('team')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('team.service_area_id', '=', 'service_area.id')
        .where('team.active', '=', 1)
        .as('active_teams'),
    );
}

export async function listServiceAreas(db: Db): Promise<ServiceAreaRow[]> {
  const rows = await serviceAreas(db)
    .orderBy(sql`lower(service_area.name)`)
    .execute();
  return rows.map((r) => ({ ...r, active_teams: r.active_teams ?? 0 }));
}

export async function findServiceArea(db: Db, id: string): Promise<ServiceAreaRow | undefined> {
  const row = await serviceAreas(db).where('service_area.id', '=', id).executeTakeFirst();
  return row && { ...row, active_teams: row.active_teams ?? 0 };
}

export async function findServiceAreaIdByNameKey(db: Db, nameKey: string) {
  const row = await db
    .selectFrom('service_area')
    .select('id')
    .where('name_key', '=', nameKey)
    .executeTakeFirst();
  return row?.id;
}

export async function insertServiceArea(db: Db, row: ServiceAreaTable): Promise<void> {
  await db.insertInto('service_area').values(row).execute();
}

/** Saves changes only if nobody saved first: false when the version has moved on. */
export async function updateServiceArea(
  db: Db,
  id: string,
  version: number,
  changes: ServiceAreaChanges & { updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('service_area')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// Teams

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

// People

function people(db: Db) {
  return db
    .selectFrom('person')
    .leftJoin('team as home', 'home.id', 'person.home_team_id')
    .selectAll('person')
    .select(['home.name as home_team_name', 'home.active as home_team_active']);
}

export async function listPeople(
  db: Db,
  filter: PeopleFilter,
  limit: number,
  offset: number,
): Promise<{ rows: PersonRow[]; total: Count }> {
  let query = people(db);
  if (filter.teamId === 'none') query = query.where('person.home_team_id', 'is', null);
  else if (filter.teamId) query = query.where('person.home_team_id', '=', filter.teamId);
  if (filter.jobRole) query = query.where('person.job_role', '=', filter.jobRole);
  if (filter.active !== undefined) query = query.where('person.active', '=', filter.active ? 1 : 0);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy(sql`lower(person.name)`)
    .orderBy('person.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total: total.n };
}

/** People whose name or email contains the text (case-insensitive for plain letters in SQLite). */
export async function searchPeople(db: Db, text: string, limit: number): Promise<PersonRow[]> {
  const pattern = `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
  return people(db)
    .where(
      sql<boolean>`(lower(person.name) like ${pattern} escape '!' or person.email like ${pattern} escape '!')`,
    )
    .orderBy(sql`lower(person.name)`)
    .orderBy('person.id')
    .limit(limit)
    .execute();
}

export async function findPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  return people(db).where('person.id', '=', id).executeTakeFirst();
}

export async function findPersonIdByEmail(db: Db, email: string) {
  const row = await db
    .selectFrom('person')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  return row?.id;
}

export async function listPeopleByIds(db: Db, ids: readonly string[]): Promise<PersonTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('person').selectAll().where('id', 'in', ids).execute();
}

/** Active people in the given job roles: the choices for Team Manager and Head of Service. */
export async function listActivePeopleInRoles(
  db: Db,
  jobRoles: readonly string[],
): Promise<PersonRow[]> {
  return people(db)
    .where('person.active', '=', 1)
    .where('person.job_role', 'in', jobRoles)
    .orderBy(sql`lower(person.name)`)
    .orderBy('person.id')
    .execute();
}

export async function listPeopleInTeam(db: Db, teamId: string): Promise<PersonRow[]> {
  return people(db)
    .where('person.home_team_id', '=', teamId)
    .orderBy('person.active', 'desc')
    .orderBy(sql`lower(person.name)`)
    .execute();
}

export async function insertPerson(db: Db, row: PersonTable): Promise<void> {
  await db.insertInto('person').values(row).execute();
}

export async function updatePerson(
  db: Db,
  id: string,
  version: number,
  changes: PersonChanges & { updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('person')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// Leave and other unavailability

export async function listLeave(db: Db, personId: string): Promise<PersonUnavailabilityTable[]> {
  return db
    .selectFrom('person_unavailability')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('from_date')
    .orderBy('to_date')
    .execute();
}

export async function findLeave(db: Db, personId: string, leaveId: string) {
  return db
    .selectFrom('person_unavailability')
    .selectAll()
    .where('person_id', '=', personId)
    .where('id', '=', leaveId)
    .executeTakeFirst();
}

export async function insertLeave(db: Db, row: PersonUnavailabilityTable): Promise<void> {
  await db.insertInto('person_unavailability').values(row).execute();
}

export async function deleteLeave(db: Db, personId: string, leaveId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('person_unavailability')
    .where('person_id', '=', personId)
    .where('id', '=', leaveId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
