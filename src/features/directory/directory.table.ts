// Kysely table types for the directory: service areas, teams, people and their leave.

export interface ServiceAreaTable {
  id: string;
  name: string;
  name_key: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TeamTable {
  id: string;
  name: string;
  name_key: string;
  service_area_id: string;
  head_of_service_id: string | null;
  recording_system: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TeamManagerTable {
  team_id: string;
  person_id: string;
}

export interface PersonTable {
  id: string;
  name: string;
  email: string;
  job_role: string;
  home_team_id: string | null;
  slt_member: number;
  can_review: number;
  /** Nominated by their manager for the Spotlight rota (0/1; the database makes it 0 unless set). */
  on_rota?: number;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PersonUnavailabilityTable {
  id: string;
  person_id: string;
  from_date: string;
  to_date: string;
  reason: string | null;
  created_at: string;
}
