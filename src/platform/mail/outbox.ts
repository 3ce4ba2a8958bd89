// Emails wait in the outbox (ADR 0012). A service queues them inside the transaction that makes
// the change they tell people about, so that a message goes if and only if the change is kept.
// The sender (sender.ts) sends them later and tries again until the mail server takes them.
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { toDbInstant } from '../db/convert.js';
import type { Database } from '../db/schema.js';
import { newId } from '../ids.js';

export interface MailMessage {
  /** What it is about, such as 'report.submitted'. */
  kind: string;
  to: string;
  subject: string;
  /** Plain text. Never a child's case number: email leaves the council's systems. */
  body: string;
}

export interface MailRecipient {
  id: string;
  name: string;
  email: string;
}

export interface Outbox {
  /** Queues the messages in the caller's transaction: they are sent only if it commits. */
  queue(trx: Kysely<Database>, messages: readonly MailMessage[]): Promise<void>;
  /** The people among `personIds` who can be written to: in the directory, and active. */
  recipients(trx: Kysely<Database>, personIds: readonly string[]): Promise<MailRecipient[]>;
  /** The full address of a page, for a link in a message. */
  link(path: string): string;
  /** The closing line of every message. */
  signature: string;
}

export function createOutbox(deps: {
  clock: Clock;
  /** Where people reach Spotlight, such as https://spotlight.example.gov.uk. */
  baseUrl: string;
  councilName: string;
}): Outbox {
  const { clock, councilName } = deps;
  const baseUrl = deps.baseUrl.replace(/\/+$/, '');
  return {
    async queue(trx, messages) {
      if (messages.length === 0) return;
      const now = toDbInstant(clock.now());
      await trx
        .insertInto('mail_outbox')
        .values(
          messages.map((m) => ({
            id: newId(),
            kind: m.kind,
            to_address: m.to,
            subject: m.subject,
            body: m.body,
            created_at: now,
            send_after: now,
            attempts: 0,
            claimed_until: null,
            sent_at: null,
            given_up_at: null,
            last_error: null,
          })),
        )
        .execute();
    },

    async recipients(trx, personIds) {
      const ids = [...new Set(personIds)];
      if (ids.length === 0) return [];
      const rows = await trx
        .selectFrom('person')
        .select(['id', 'name', 'email'])
        .where('id', 'in', ids)
        .where('active', '=', 1)
        .orderBy('name')
        .execute();
      return rows.filter((row) => row.email.includes('@'));
    },

    link: (path) => `${baseUrl}${path.startsWith('/') ? path : `/${path}`}`,

    signature: `Spotlight, ${councilName}\nThis email was sent by Spotlight. It holds no children’s details: sign in to read more.`,
  };
}
