// SQL for people (with their home team) and their leave and other unavailability.
import { sql } from 'kysely';
import type { Count, Db } from './directory.repository.js';
import type { PersonTable, PersonUnavailabilityTable } from './directory.table.js';

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

export type PersonChanges = Partial<Omit<PersonTable, 'id' | 'version' | 'created_at'>>;

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
