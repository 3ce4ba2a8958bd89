// All SQL for importing and exporting the directory: reading the whole directory at once, writing
// an import's rows, and keeping pending imports.
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';
import type { PersonTable, ServiceAreaTable, TeamTable } from '../directory.table.js';
import type { DirectoryImportTable } from './import.table.js';

type Db = Kysely<Database>;

export interface DirectoryRows {
  serviceAreas: Pick<ServiceAreaTable, 'id' | 'name' | 'name_key' | 'active'>[];
  teams: Pick<
    TeamTable,
    | 'id'
    | 'name'
    | 'name_key'
    | 'service_area_id'
    | 'head_of_service_id'
    | 'recording_system'
    | 'active'
    | 'version'
  >[];
  teamManagers: { team_id: string; person_id: string }[];
  people: Pick<
    PersonTable,
    | 'id'
    | 'name'
    | 'email'
    | 'job_role'
    | 'home_team_id'
    | 'slt_member'
    | 'can_review'
    | 'active'
    | 'version'
  >[];
}

/** The whole directory, as an import checks it and an export writes it. */
export async function loadDirectory(db: Db): Promise<DirectoryRows> {
  const serviceAreas = await db
    .selectFrom('service_area')
    .select(['id', 'name', 'name_key', 'active'])
    .orderBy('name_key')
    .execute();
  const teams = await db
    .selectFrom('team')
    .select([
      'id',
      'name',
      'name_key',
      'service_area_id',
      'head_of_service_id',
      'recording_system',
      'active',
      'version',
    ])
    .orderBy('name_key')
    .execute();
  const teamManagers = await db
    .selectFrom('team_manager')
    .select(['team_id', 'person_id'])
    .execute();
  const people = await db
    .selectFrom('person')
    .select([
      'id',
      'name',
      'email',
      'job_role',
      'home_team_id',
      'slt_member',
      'can_review',
      'active',
      'version',
    ])
    .orderBy('email')
    .execute();
  return { serviceAreas, teams, teamManagers, people };
}

// Pending imports

export async function insertImport(db: Db, row: DirectoryImportTable): Promise<void> {
  await db.insertInto('directory_import').values(row).execute();
}

/** An import, only for the account that uploaded it. */
export async function findImport(
  db: Db,
  id: string,
  accountId: string,
): Promise<DirectoryImportTable | undefined> {
  return db
    .selectFrom('directory_import')
    .selectAll()
    .where('id', '=', id)
    .where('created_by_account_id', '=', accountId)
    .executeTakeFirst();
}

/** Moves a pending import on (to done or abandoned) and forgets its rows; false if not pending. */
export async function finishImport(
  db: Db,
  id: string,
  status: 'done' | 'abandoned',
  at: string,
  emptyRows: string,
): Promise<boolean> {
  const result = await db
    .updateTable('directory_import')
    .set({ status, completed_at: at, rows: emptyRows })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A new upload replaces the same person's earlier pending ones. */
export async function abandonPendingImports(
  db: Db,
  accountId: string,
  at: string,
  emptyRows: string,
): Promise<void> {
  await db
    .updateTable('directory_import')
    .set({ status: 'abandoned', completed_at: at, rows: emptyRows })
    .where('created_by_account_id', '=', accountId)
    .where('status', '=', 'pending')
    .execute();
}

/** Uploads nobody confirmed hold names and emails: after a while they are abandoned and emptied. */
export async function abandonStaleImports(
  db: Db,
  before: string,
  at: string,
  emptyRows: string,
): Promise<number> {
  const result = await db
    .updateTable('directory_import')
    .set({ status: 'abandoned', completed_at: at, rows: emptyRows })
    .where('status', '=', 'pending')
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
