// SQL for practitioners' nominations (one child they are proud of, one they found challenging) and
// for when the Team Manager forwarded them to the Spotlight Team.
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { NominationTable } from './preparation.table.js';

type Db = Kysely<Database>;

export type NominationRow = Selectable<NominationTable> & { entered_by_name: string | null };

export interface ForwardingRow {
  nominations_forwarded_at: string | null;
  nominations_forwarded_by_name: string | null;
}

function nominations(db: Db, spotlightId: string) {
  return db
    .selectFrom('nomination')
    .leftJoin('person as enterer', 'enterer.id', 'nomination.entered_by_person_id')
    .selectAll('nomination')
    .select('enterer.name as entered_by_name')
    .where('nomination.spotlight_id', '=', spotlightId);
}

export async function listNominations(db: Db, spotlightId: string): Promise<NominationRow[]> {
  return nominations(db, spotlightId)
    .orderBy('nomination.practitioner_person_id')
    .orderBy('nomination.kind', 'desc')
    .execute();
}

export async function listNominationsOf(
  db: Db,
  spotlightId: string,
  practitionerPersonId: string,
): Promise<NominationRow[]> {
  return nominations(db, spotlightId)
    .where('nomination.practitioner_person_id', '=', practitionerPersonId)
    .execute();
}

export async function insertNomination(db: Db, row: Insertable<NominationTable>): Promise<void> {
  await db.insertInto('nomination').values(row).execute();
}

/** Changes a nomination read at `version`; false when it has changed since. */
export async function updateNomination(
  db: Db,
  id: string,
  version: number,
  fields: Pick<
    NominationTable,
    'case_system' | 'case_number' | 'reason' | 'entered_by_person_id' | 'entered_at' | 'late'
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('nomination')
    .set({ ...fields, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes a nomination read at `version`; false when it has changed since. */
export async function deleteNomination(db: Db, id: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('nomination')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function findForwarding(db: Db, spotlightId: string): Promise<ForwardingRow> {
  const row = await db
    .selectFrom('spotlight_preparation')
    .leftJoin(
      'person as forwarder',
      'forwarder.id',
      'spotlight_preparation.nominations_forwarded_by_person_id',
    )
    .select([
      'spotlight_preparation.nominations_forwarded_at',
      'forwarder.name as nominations_forwarded_by_name',
    ])
    .where('spotlight_preparation.spotlight_id', '=', spotlightId)
    .executeTakeFirst();
  return row ?? { nominations_forwarded_at: null, nominations_forwarded_by_name: null };
}

/** Records the forwarding, adding the Spotlight's preparation row when it has none yet. */
export async function markNominationsForwarded(
  db: Db,
  spotlightId: string,
  at: string,
  byPersonId: string | null,
): Promise<void> {
  await db
    .insertInto('spotlight_preparation')
    .values({
      spotlight_id: spotlightId,
      nominations_forwarded_at: at,
      nominations_forwarded_by_person_id: byPersonId,
      case_list_updated_at: null,
      case_list_updated_by_person_id: null,
      version: 1,
    })
    .onConflict((oc) =>
      oc.column('spotlight_id').doUpdateSet({
        nominations_forwarded_at: at,
        nominations_forwarded_by_person_id: byPersonId,
        version: sql<number>`spotlight_preparation.version + 1`,
      }),
    )
    .execute();
}
