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
  /** Active people with an active account in one of `roles`, such as the QA team. */
  inRoles(trx: Kysely<Database>, roles: readonly string[]): Promise<MailRecipient[]>;
  /** The full address of a page, for a link in a message. */
  link(path: string): string;
  /** A message to one person: "Hello", what happened, the page to act on, and who sent it. */
  compose(
    kind: string,
    to: MailRecipient,
    subject: string,
    lines: readonly string[],
    path: string,
  ): MailMessage;
}

export function createOutbox(deps: {
  clock: Clock;
  /** Where people reach Spotlight, such as https://spotlight.example.gov.uk. */
  baseUrl: string;
  councilName: string;
}): Outbox {
  const { clock, councilName } = deps;
  const baseUrl = deps.baseUrl.replace(/\/+$/, '');

  const link = (path: string) => `${baseUrl}${path.startsWith('/') ? path : `/${path}`}`;
  const signature = [
    `Spotlight, ${councilName}`,
    'This email was sent by Spotlight. It holds no children’s details: sign in to read more.',
  ];

  async function recipients(
    trx: Kysely<Database>,
    personIds: readonly string[],
  ): Promise<MailRecipient[]> {
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
  }

  return {
    async queue(trx, messages) {
      if (messages.length === 0) return;
      const now = toDbInstant(clock.now());
      // In batches: a published timetable writes to hundreds of people at once.
      for (let start = 0; start < messages.length; start += 200) {
        await trx
          .insertInto('mail_outbox')
          .values(
            messages.slice(start, start + 200).map((m) => ({
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
      }
    },

    recipients,

    async inRoles(trx, roles) {
      const rows = await trx
        .selectFrom('account')
        .select('person_id')
        .where('role', 'in', [...roles])
        .where('status', '=', 'active')
        .execute();
      return recipients(
        trx,
        rows.map((row) => row.person_id),
      );
    },

    link,

    compose(kind, to, subject, lines, path) {
      const body = [`Hello ${to.name},`, '', ...lines, '', link(path), '', ...signature];
      return { kind, to: to.email, subject, body: body.join('\n') };
    },
  };
}
