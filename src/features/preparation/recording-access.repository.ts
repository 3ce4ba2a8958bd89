// SQL for members' confirmations that they can use the visited team's recording system.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export interface RecordingAccessRow {
  person_id: string;
  confirmed_at: string;
}

export async function listConfirmations(
  db: Db,
  spotlightId: string,
): Promise<RecordingAccessRow[]> {
  return db
    .selectFrom('recording_access')
    .select(['person_id', 'confirmed_at'])
    .where('spotlight_id', '=', spotlightId)
    .execute();
}

/** Records a confirmation; false when the person had already confirmed. */
export async function insertConfirmation(
  db: Db,
  spotlightId: string,
  personId: string,
  at: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('recording_access')
    .values({ spotlight_id: spotlightId, person_id: personId, confirmed_at: at })
    .onConflict((oc) => oc.columns(['spotlight_id', 'person_id']).doNothing())
    .returning('person_id')
    .execute();
  return inserted.length > 0;
}
