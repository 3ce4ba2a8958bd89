// Kysely table types for the council's own settings: one row of settings, and its closure days.

export interface CouncilSettingsTable {
  /** Always 'council': there is one row. */
  id: string;
  /** 'england-and-wales', 'scotland' or 'northern-ireland'. */
  region: string;
  /** DeadlineOffsets, JSON text. */
  deadline_offsets: string;
  /** CaseNumberFormats, JSON text. */
  case_number_formats: string;
  /** The report's jargon list (JargonEntry[]), JSON text; null: the default list. */
  report_jargon?: string | null;
  /** The grade scale (string[], best first), JSON text; null: the default scale. */
  grade_scale?: string | null;
  version: number;
  updated_at: string;
}

export interface ClosureDayTable {
  date: string;
  reason: string | null;
  created_at: string;
}
