// Kysely table types for the report: its sections, recommendations (the action plan), the team
// members' comments, its versions and its circulation once final.

export interface ReportTable {
  spotlight_id: string;
  /** core/report/report-model.ts ReportStatus: 'draft', 'submitted', 'returned' or 'final'. */
  status: string;
  circulated_at: string | null;
  /** YYYY-MM-DD: when the Heads of Service agreed the actions are realistic. */
  actions_agreed_on: string | null;
  actions_agreed_note: string | null;
  submitted_at: string | null;
  /** YYYY-MM-DD: the first submission to the QA team (the final report's deadline counts from it). */
  first_submitted_on: string | null;
  returned_at: string | null;
  return_comments: string | null;
  finalised_at: string | null;
  finalised_by_person_id: string | null;
  created_by_person_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  /**
   * The council's grade scale when the draft was started (string[], best first), JSON text; the
   * report keeps it. Null for a report started before scales were kept: the council's scale now.
   */
  grade_scale: string | null;
}

export interface ReportSectionTable {
  spotlight_id: string;
  /** core/report/report-model.ts SectionKey: 'summary', 'context' or a theme key. */
  section_key: string;
  body: string | null;
  working_well: string | null;
  to_improve: string | null;
  for_children: string | null;
  grade: string | null;
  /** string[] of evidence_item ids, as JSON text. */
  evidence_ids: string;
  updated_by_person_id: string | null;
  updated_at: string;
  version: number;
}

export interface RecommendationTable {
  id: string;
  spotlight_id: string;
  theme: string;
  action: string;
  owner: string | null;
  /** YYYY-MM-DD */
  due_on: string | null;
  measure: string | null;
  baseline: string | null;
  target: string | null;
  position: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ReportCommentTable {
  id: string;
  spotlight_id: string;
  /** A section key, or 'recommendations'. */
  section_key: string;
  author_person_id: string;
  text: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by_person_id: string | null;
  resolution: string | null;
  version: number;
}

export interface ReportVersionTable {
  id: string;
  spotlight_id: string;
  number: number;
  /** 'circulated', 'submitted', 'returned' or 'finalised'. */
  event: string;
  /** ReportContent, JSON text. */
  content: string;
  /** ContentChange[], JSON text. */
  changes: string;
  note: string | null;
  created_by_person_id: string | null;
  created_at: string;
}

export interface ReportCirculationTable {
  id: string;
  spotlight_id: string;
  recipient_person_id: string;
  /** YYYY-MM-DD */
  circulated_on: string;
  recorded_by_person_id: string | null;
  recorded_at: string;
}
