// Kysely table type for pending directory imports.

export interface DirectoryImportTable {
  id: string;
  created_by_account_id: string;
  created_at: string;
  /** 'pending', 'done' or 'abandoned'. */
  status: string;
  completed_at: string | null;
  /** The file's rows as read, JSON text. */
  rows: string;
}
