// Kysely table types for the day of a Spotlight: priorities, random draws, the allocation of
// children to team members, and dip-sampling targets.

export interface SpotlightDayTable {
  spotlight_id: string;
  /** string[] as JSON text, in the order agreed. */
  priorities: string;
  /** Who in the management group agreed them, in the Lead's words. */
  agreed_with: string | null;
  practicalities: string | null;
  updated_by_person_id: string | null;
  updated_at: string;
  version: number;
}

export interface RandomDrawTable {
  id: string;
  spotlight_id: string;
  /** The draw's method, so an old draw can always be re-run the same way: 'hmac-sha256-v1'. */
  algorithm: string;
  seed: string;
  /** string[] as JSON text: the case list drawn from, in the order the draw used. */
  pool: string;
  /** string[] as JSON text: case numbers left out (nominated, or already allocated). */
  exclusions: string;
  chosen_case_number: string;
  member_person_id: string | null;
  replaces_draw_id: string | null;
  /** Why the Lead redrew (required for a redraw). */
  reason: string | null;
  drawn_by_person_id: string | null;
  drawn_at: string;
}

export interface AllocationTable {
  id: string;
  spotlight_id: string;
  member_person_id: string;
  /** 'random', 'proud' or 'challenging'. */
  kind: string;
  case_system: string;
  case_number: string;
  nomination_id: string | null;
  draw_id: string | null;
  updated_by_person_id: string | null;
  updated_at: string;
  version: number;
}

export interface DipSampleTargetTable {
  id: string;
  spotlight_id: string;
  member_person_id: string;
  how_many: number;
  of_what: string;
  focus: string | null;
  done: number;
  updated_at: string;
  version: number;
}

export interface DayFeedbackTable {
  spotlight_id: string;
  /** YYYY-MM-DD. */
  given_on: string;
  /** string[] of person ids as JSON text: the managers and Head of Service it was given to. */
  given_to: string;
  others_present: string | null;
  notes: string;
  /** string[] as JSON text. */
  suggested_actions: string;
  updated_by_person_id: string | null;
  updated_at: string;
  version: number;
}
