// SQL for the readiness checklist: what is in for each Spotlight's preparation, read as counts
// grouped by Spotlight so one query serves many Spotlights (never the case numbers themselves).
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

export interface DocumentTypeCountRow {
  spotlight_id: string;
  document_type: string;
  documents: unknown;
}

export interface NominationCountRow {
  spotlight_id: string;
  practitioner_person_id: string;
  /** How many of the two kinds (proud, challenging) the practitioner has named. */
  kinds: unknown;
}

export interface PreparationRow {
  spotlight_id: string;
  nominations_forwarded_at: string | null;
}

export interface CaseListCountRow {
  spotlight_id: string;
  entries: unknown;
}

export interface RecordingAccessRow {
  spotlight_id: string;
  person_id: string;
}

export interface SpotlightDateRow {
  id: string;
  date: string;
}

export async function countDocumentsByType(
  db: Db,
  spotlightIds: readonly string[],
): Promise<DocumentTypeCountRow[]> {
  if (spotlightIds.length === 0) return [];
  return db
    .selectFrom('spotlight_document')
    .select(['spotlight_id', 'document_type', (eb) => eb.fn.countAll().as('documents')])
    .where('spotlight_id', 'in', spotlightIds)
    .groupBy(['spotlight_id', 'document_type'])
    .execute();
}

export async function countNominationsByPractitioner(
  db: Db,
  spotlightIds: readonly string[],
): Promise<NominationCountRow[]> {
  if (spotlightIds.length === 0) return [];
  return db
    .selectFrom('nomination')
    .select(['spotlight_id', 'practitioner_person_id', (eb) => eb.fn.countAll().as('kinds')])
    .where('spotlight_id', 'in', spotlightIds)
    .where('kind', 'in', ['proud', 'challenging'])
    .groupBy(['spotlight_id', 'practitioner_person_id'])
    .execute();
}

export async function listPreparations(
  db: Db,
  spotlightIds: readonly string[],
): Promise<PreparationRow[]> {
  if (spotlightIds.length === 0) return [];
  return db
    .selectFrom('spotlight_preparation')
    .select(['spotlight_id', 'nominations_forwarded_at'])
    .where('spotlight_id', 'in', spotlightIds)
    .execute();
}

export async function countCaseListEntries(
  db: Db,
  spotlightIds: readonly string[],
): Promise<CaseListCountRow[]> {
  if (spotlightIds.length === 0) return [];
  return db
    .selectFrom('case_list_entry')
    .select(['spotlight_id', (eb) => eb.fn.countAll().as('entries')])
    .where('spotlight_id', 'in', spotlightIds)
    .groupBy('spotlight_id')
    .execute();
}

export async function listRecordingAccess(
  db: Db,
  spotlightIds: readonly string[],
): Promise<RecordingAccessRow[]> {
  if (spotlightIds.length === 0) return [];
  return db
    .selectFrom('recording_access')
    .select(['spotlight_id', 'person_id'])
    .where('spotlight_id', 'in', spotlightIds)
    .execute();
}

/** The day of a Spotlight (for "the team's last Spotlight" in the pack). */
export async function findSpotlightDate(
  db: Db,
  spotlightId: string,
): Promise<SpotlightDateRow | undefined> {
  return db
    .selectFrom('spotlight')
    .select(['id', 'date'])
    .where('id', '=', spotlightId)
    .executeTakeFirst();
}
