// Kysely table type for the periods when a team cannot have its Spotlight.

export interface TeamUnavailabilityTable {
  id: string;
  team_id: string;
  from_date: string;
  to_date: string;
  reason: string | null;
  created_at: string;
}
