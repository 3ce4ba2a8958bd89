// SQL for the allocation of children on the day and the random draws behind it; and, read-only,
// what the allocation starts from: the forwarded nominations and the team's case list.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { AllocationTable, RandomDrawTable } from './day.table.js';

type Db = Kysely<Database>;

export type AllocationRow = Selectable<AllocationTable> & {
  member_name: string | null;
  practitioner_person_id: string | null;
  practitioner_name: string | null;
  nomination_reason: string | null;
};

export type RandomDrawRow = Selectable<RandomDrawTable> & {
  member_name: string | null;
  drawn_by_name: string | null;
};

export interface DayNominationRow {
  id: string;
  practitioner_person_id: string;
  practitioner_name: string | null;
  kind: string;
  case_system: string;
  case_number: string;
  reason: string | null;
}

function allocations(db: Db, spotlightId: string) {
  return db
    .selectFrom('allocation')
    .leftJoin('person as member', 'member.id', 'allocation.member_person_id')
    .leftJoin('nomination', 'nomination.id', 'allocation.nomination_id')
    .leftJoin('person as practitioner', 'practitioner.id', 'nomination.practitioner_person_id')
    .selectAll('allocation')
    .select([
      'member.name as member_name',
      'nomination.practitioner_person_id',
      'practitioner.name as practitioner_name',
      'nomination.reason as nomination_reason',
    ])
    .where('allocation.spotlight_id', '=', spotlightId);
}

export async function listAllocations(db: Db, spotlightId: string): Promise<AllocationRow[]> {
  return allocations(db, spotlightId).orderBy('allocation.id').execute();
}

export async function findAllocation(
  db: Db,
  spotlightId: string,
  allocationId: string,
): Promise<AllocationRow | undefined> {
  return allocations(db, spotlightId).where('allocation.id', '=', allocationId).executeTakeFirst();
}

export async function countAllocations(db: Db, spotlightId: string): Promise<number> {
  const row = await db
    .selectFrom('allocation')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('spotlight_id', '=', spotlightId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export async function insertAllocation(db: Db, row: Insertable<AllocationTable>): Promise<void> {
  await db.insertInto('allocation').values(row).execute();
}

/** Changes the child of an allocation read at `version`; false when it has changed since. */
export async function updateAllocation(
  db: Db,
  id: string,
  version: number,
  fields: Pick<
    AllocationTable,
    | 'case_system'
    | 'case_number'
    | 'nomination_id'
    | 'draw_id'
    | 'updated_by_person_id'
    | 'updated_at'
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('allocation')
    .set({ ...fields, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertDraw(db: Db, row: Insertable<RandomDrawTable>): Promise<void> {
  await db.insertInto('random_draw').values(row).execute();
}

export async function findDraw(
  db: Db,
  spotlightId: string,
  drawId: string,
): Promise<RandomDrawRow | undefined> {
  return db
    .selectFrom('random_draw')
    .leftJoin('person as member', 'member.id', 'random_draw.member_person_id')
    .leftJoin('person as drawer', 'drawer.id', 'random_draw.drawn_by_person_id')
    .selectAll('random_draw')
    .select(['member.name as member_name', 'drawer.name as drawn_by_name'])
    .where('random_draw.spotlight_id', '=', spotlightId)
    .where('random_draw.id', '=', drawId)
    .executeTakeFirst();
}

/** The later draw that replaced this one, if the Lead drew again. */
export async function findReplacingDraw(
  db: Db,
  spotlightId: string,
  drawId: string,
): Promise<{ id: string; drawn_at: string } | undefined> {
  return db
    .selectFrom('random_draw')
    .select(['id', 'drawn_at'])
    .where('spotlight_id', '=', spotlightId)
    .where('replaces_draw_id', '=', drawId)
    .orderBy('drawn_at')
    .executeTakeFirst();
}

/** Every nomination for the Spotlight, with the practitioner's name. */
export async function listDayNominations(db: Db, spotlightId: string): Promise<DayNominationRow[]> {
  return db
    .selectFrom('nomination')
    .leftJoin('person as practitioner', 'practitioner.id', 'nomination.practitioner_person_id')
    .select([
      'nomination.id',
      'nomination.practitioner_person_id',
      'practitioner.name as practitioner_name',
      'nomination.kind',
      'nomination.case_system',
      'nomination.case_number',
      'nomination.reason',
    ])
    .where('nomination.spotlight_id', '=', spotlightId)
    .orderBy('practitioner.name')
    .orderBy('nomination.kind', 'desc')
    .orderBy('nomination.id')
    .execute();
}

/** When the Team Manager forwarded the nominations; null if not yet. */
export async function findNominationsForwardedAt(
  db: Db,
  spotlightId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('spotlight_preparation')
    .select('nominations_forwarded_at')
    .where('spotlight_id', '=', spotlightId)
    .executeTakeFirst();
  return row?.nominations_forwarded_at ?? null;
}

/** The team's case list, in the order it came. */
export async function listCaseList(
  db: Db,
  spotlightId: string,
): Promise<{ case_system: string; case_number: string }[]> {
  return db
    .selectFrom('case_list_entry')
    .select(['case_system', 'case_number'])
    .where('spotlight_id', '=', spotlightId)
    .orderBy('position')
    .execute();
}
