// SQL for service areas, with how many active teams each has.
import { sql } from 'kysely';
import type { Count, Db } from './directory.repository.js';
import type { ServiceAreaTable } from './directory.table.js';

export interface ServiceAreaRow extends ServiceAreaTable {
  active_teams: Count;
}

export type ServiceAreaChanges = Partial<Pick<ServiceAreaTable, 'name' | 'name_key' | 'active'>>;

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
