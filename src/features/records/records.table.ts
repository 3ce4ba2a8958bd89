// Kysely table types for the Team Member Information Records, their children and evidence items,
// and the Lead's key findings from triangulation.

export interface MemberRecordTable {
  id: string;
  spotlight_id: string;
  member_person_id: string;
  culture: string | null;
  practice: string | null;
  quality_assurance: string | null;
  oversight: string | null;
  systemic: string | null;
  learning: string | null;
  conversations: string | null;
  observations: string | null;
  /** 'draft' or 'submitted'. */
  status: string;
  submitted_at: string | null;
  reopened_at: string | null;
  reopened_by_person_id: string | null;
  reopen_reason: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface RecordChildTable {
  id: string;
  record_id: string;
  spotlight_id: string;
  allocation_id: string | null;
  /** 'random', 'proud', 'challenging' or 'other'. */
  kind: string;
  case_system: string;
  case_number: string;
  documents_read: string | null;
  life_for_child: string | null;
  /** 'too-much', 'about-right' or 'too-little'. */
  proportionate: string | null;
  proportionate_why: string | null;
  /** 'yes' or 'no'. */
  good_enough: string | null;
  good_enough_why: string | null;
  strengths: string | null;
  areas_to_develop: string | null;
  position: number;
  updated_at: string;
  version: number;
}

export interface EvidenceItemTable {
  id: string;
  record_id: string;
  spotlight_id: string;
  source: string;
  theme: string;
  /** 'strength' or 'area'. */
  kind: string;
  seen: string;
  record_child_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface KeyFindingTable {
  id: string;
  spotlight_id: string;
  theme: string;
  /** 'strength' or 'area'. */
  kind: string;
  text: string;
  /** string[] of evidence_item ids, as JSON text. */
  evidence_ids: string;
  position: number;
  created_by_person_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}
