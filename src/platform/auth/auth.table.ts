// Kysely table types for sign-in: accounts, single-use set-up links, sessions, failed attempts.

export interface AccountTable {
  id: string;
  person_id: string;
  role: string;
  password_hash: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  last_signed_in_at: string | null;
}

export interface AccountTokenTable {
  id: string;
  token_hash: string;
  account_id: string;
  purpose: string;
  expires_at: string;
  used_at: string | null;
  created_by_account_id: string | null;
  created_at: string;
}

export interface SessionTable {
  id: string;
  account_id: string | null;
  data: string;
  expires_at: string;
  updated_at: string;
}

export interface SignInFailureTable {
  id: string;
  subject: string;
  at: string;
}
