// SQL shared across the directory: the types every directory repository uses, and the counts
// for the directory's overview. Service areas, teams and people each have their own repository.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/** A count as the database driver returns it; convert with fromDbCount. */
export type Count = string | number | bigint;
export type Db = Kysely<Database>;

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
