// Kysely table types for preparing a Spotlight: the pack's documents, practitioners' nominations,
// the team's case list, and members' access to the recording system.

export interface SpotlightDocumentTable {
  id: string;
  spotlight_id: string;
  /** A PackDocumentType. */
  document_type: string;
  /** The file's name as the uploader had it, made safe to show. */
  display_name: string;
  /** The name Spotlight stored the file under (never derived from the upload). */
  stored_name: string;
  /** The type found from the file's content. */
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by_person_id: string | null;
  uploaded_at: string;
}

/** One row per Spotlight once anything is collated: when nominations went, when the case list came. */
export interface SpotlightPreparationTable {
  spotlight_id: string;
  nominations_forwarded_at: string | null;
  nominations_forwarded_by_person_id: string | null;
  case_list_updated_at: string | null;
  case_list_updated_by_person_id: string | null;
  version: number;
}

export interface NominationTable {
  id: string;
  spotlight_id: string;
  practitioner_person_id: string;
  /** 'proud' or 'challenging'. */
  kind: string;
  /** 'LCS' or 'EHM'. */
  case_system: string;
  case_number: string;
  reason: string | null;
  entered_by_person_id: string | null;
  entered_at: string;
  /** 1 when entered after the nominations deadline. */
  late: number;
  version: number;
}

export interface CaseListEntryTable {
  spotlight_id: string;
  position: number;
  case_system: string;
  case_number: string;
}

export interface RecordingAccessTable {
  spotlight_id: string;
  person_id: string;
  confirmed_at: string;
}
