// The outbox of emails waiting to be sent, and those sent (db/migrations/…_create_mail_outbox.ts).
export interface MailOutboxTable {
  id: string;
  kind: string;
  to_address: string;
  subject: string;
  body: string;
  created_at: string;
  send_after: string;
  attempts: number;
  claimed_until: string | null;
  sent_at: string | null;
  given_up_at: string | null;
  last_error: string | null;
}
