// All SQL for the demo council: it writes the directory's tables directly, in the caller's
// transaction, so the demo is added whole or not at all.
import type { Kysely } from 'kysely';
import type {
  PersonTable,
  PersonUnavailabilityTable,
  ServiceAreaTable,
  TeamManagerTable,
  TeamTable,
} from '../features/directory/directory.table.js';
import type { Database } from '../platform/db/schema.js';

type Db = Kysely<Database>;

export interface DemoRows {
  serviceAreas: ServiceAreaTable[];
  people: PersonTable[];
  teams: TeamTable[];
  teamManagers: TeamManagerTable[];
  leave: PersonUnavailabilityTable[];
}

export async function countPeople(db: Db): Promise<string | number | bigint> {
  const row = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll().as('people'))
    .executeTakeFirstOrThrow();
  return row.people;
}

export async function findPersonIdsByEmail(
  db: Db,
  emails: readonly string[],
): Promise<{ id: string; email: string }[]> {
  if (emails.length === 0) return [];
  return db.selectFrom('person').select(['id', 'email']).where('email', 'in', emails).execute();
}

/** Inserts in the order the foreign keys need: teams name their Head of Service, a person. */
export async function insertDemoRows(db: Db, rows: DemoRows): Promise<void> {
  await db.insertInto('service_area').values(rows.serviceAreas).execute();
  await db.insertInto('person').values(rows.people).execute();
  await db.insertInto('team').values(rows.teams).execute();
  await db.insertInto('team_manager').values(rows.teamManagers).execute();
  if (rows.leave.length > 0)
    await db.insertInto('person_unavailability').values(rows.leave).execute();
}
