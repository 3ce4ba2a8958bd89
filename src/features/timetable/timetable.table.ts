// Kysely table types for the timetable: year plans, Spotlights, their members, plan history, notices.

export interface TimetablePlanTable {
  id: string;
  from_date: string;
  to_date: string;
  /** The plan's settings (PlanInput without teams and people), JSON text. */
  settings: string;
  /** 'draft', 'published' or 'superseded'. */
  status: string;
  /** The solver's answer: 'optimal', 'feasible' or 'infeasible'. */
  solver_status: string;
  gap: number;
  objective: number;
  seconds: number;
  /** Why teams could not be planned, JSON text (string[]). */
  explanation: string | null;
  created_by_account_id: string | null;
  created_at: string;
  published_at: string | null;
  version: number;
}

export interface SpotlightTable {
  id: string;
  plan_id: string | null;
  team_id: string;
  date: string;
  lead_person_id: string | null;
  /** 'planned' (in a draft or published plan) or 'cancelled'; later stages add their own. */
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SpotlightMemberTable {
  spotlight_id: string;
  person_id: string;
}

export interface PlanChangeTable {
  id: string;
  plan_id: string;
  spotlight_id: string | null;
  at: string;
  actor_account_id: string | null;
  actor_name: string | null;
  /** 'generated', 'moved', 'lead-changed', 'member-replaced', 'published', 'cover-arranged'. */
  kind: string;
  summary: string;
  /** Rules the change broke, JSON text (RuleBreach[]), when the QA coordinator saved it anyway. */
  warnings: string | null;
}

export interface TimetableNoticeTable {
  id: string;
  spotlight_id: string | null;
  at: string;
  message: string;
  read_at: string | null;
  read_by_account_id: string | null;
}
