// Kysely table type for the append-only audit log.

export interface AuditEventTable {
  id: string;
  at: string;
  actor_account_id: string | null;
  actor_name: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  request_id: string | null;
  case_numbers: string | null;
  details: string | null;
}
