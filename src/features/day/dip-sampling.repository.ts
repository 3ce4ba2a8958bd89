// SQL for dip-sampling targets: how many of what each team member samples on the day, with what
// focus, and how many they have done.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { DipSampleTargetTable } from './day.table.js';

type Db = Kysely<Database>;

export type DipSampleTargetRow = Selectable<DipSampleTargetTable>;

/** Every target of the Spotlight, grouped by member, then in the order of what is sampled. */
export async function listTargets(db: Db, spotlightId: string): Promise<DipSampleTargetRow[]> {
  return db
    .selectFrom('dip_sample_target')
    .selectAll()
    .where('spotlight_id', '=', spotlightId)
    .orderBy('member_person_id')
    .orderBy('of_what')
    .orderBy('id')
    .execute();
}

/** One target, only when it belongs to this Spotlight. */
export async function findTarget(
  db: Db,
  spotlightId: string,
  targetId: string,
): Promise<DipSampleTargetRow | undefined> {
  return db
    .selectFrom('dip_sample_target')
    .selectAll()
    .where('spotlight_id', '=', spotlightId)
    .where('id', '=', targetId)
    .executeTakeFirst();
}

export async function insertTarget(db: Db, row: Insertable<DipSampleTargetTable>): Promise<void> {
  await db.insertInto('dip_sample_target').values(row).execute();
}

/** Deletes the target; false when it had already gone. */
export async function deleteTarget(
  db: Db,
  spotlightId: string,
  targetId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('dip_sample_target')
    .where('spotlight_id', '=', spotlightId)
    .where('id', '=', targetId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Records how many are done, over the target read at `version`; false when it changed first. */
export async function updateProgress(
  db: Db,
  spotlightId: string,
  targetId: string,
  change: { done: number; updatedAt: string },
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('dip_sample_target')
    .set({ done: change.done, updated_at: change.updatedAt, version: version + 1 })
    .where('spotlight_id', '=', spotlightId)
    .where('id', '=', targetId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
