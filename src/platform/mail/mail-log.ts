// What the QA coordinator sees of the outbox: how many emails wait, went and did not, and the
// newest of them with where each stands, in plain words.
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { RequestContext } from '../context.js';
import { fromDbCount, toDbInstant } from '../db/convert.js';
import type { Database } from '../db/schema.js';
import { assertCan } from '../policy.js';
import { maxAttempts, staleAfterHours } from './sender.js';

export type MailState = 'sent' | 'waiting' | 'retrying' | 'not-sent';

export interface MailLogEntry {
  createdAt: string;
  to: string;
  subject: string;
  state: MailState;
  /** When it went, or when the next try is, or why it did not go. */
  detail: string;
  at: string | null;
}

export interface MailLog {
  waiting: number;
  sentRecently: number;
  notSent: number;
  total: number;
  entries: MailLogEntry[];
}

/** Why a message was not sent, or why the last try failed, in words for the page. */
export function reasonOf(code: string | null, attempts: number): string {
  if (code === 'demo') return 'A demo council email: its address is made up, so it is never sent.';
  if (code === 'too old')
    return `Not sent within ${staleAfterHours / 24} days, so it was no longer news.`;
  const tries = `${attempts} ${attempts === 1 ? 'try' : 'tries'}`;
  const smtp = /^SMTP (\d{3})$/.exec(code ?? '');
  if (smtp) return `The mail server refused it (code ${smtp[1] ?? ''}) after ${tries}.`;
  return `Spotlight could not reach the mail server after ${tries}.`;
}

export const recentDays = 30;

export async function readMailLog(
  db: Kysely<Database>,
  clock: Clock,
  limit: number,
): Promise<MailLog> {
  const since = toDbInstant(new Date(clock.now().getTime() - recentDays * 24 * 3_600_000));
  const [counts, rows] = await Promise.all([
    db
      .selectFrom('mail_outbox')
      .select((eb) => [
        eb.fn.countAll().as('total'),
        eb.fn
          .count('id')
          .filterWhere((w) => w.and([w('sent_at', 'is', null), w('given_up_at', 'is', null)]))
          .as('waiting'),
        eb.fn.count('id').filterWhere('sent_at', '>=', since).as('sent'),
        eb.fn.count('id').filterWhere('given_up_at', 'is not', null).as('notSent'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('mail_outbox')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
  ]);
  return {
    total: fromDbCount(counts.total),
    waiting: fromDbCount(counts.waiting),
    sentRecently: fromDbCount(counts.sent),
    notSent: fromDbCount(counts.notSent),
    entries: rows.map((row): MailLogEntry => {
      const base = { createdAt: row.created_at, to: row.to_address, subject: row.subject };
      if (row.sent_at) return { ...base, state: 'sent', detail: 'Sent', at: row.sent_at };
      if (row.given_up_at)
        return {
          ...base,
          state: 'not-sent',
          detail: reasonOf(row.last_error, row.attempts),
          at: row.given_up_at,
        };
      if (row.attempts > 0)
        return {
          ...base,
          state: 'retrying',
          detail: `${reasonOf(row.last_error, row.attempts)} It will be tried again, up to ${maxAttempts} times.`,
          at: row.send_after,
        };
      return { ...base, state: 'waiting', detail: 'Waiting to be sent', at: null };
    }),
  };
}

/** The QA coordinator's view of the outbox (they keep the council's settings, mail among them). */
export function createMailLogService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  /** Whether a mail server is set: without one, emails only wait. */
  sending: boolean;
}) {
  return {
    sending: deps.sending,
    async read(ctx: RequestContext, limit = 50): Promise<MailLog> {
      assertCan(ctx.actor, 'settings:manage');
      return readMailLog(deps.db, deps.clock, limit);
    },
  };
}

export type MailLogService = ReturnType<typeof createMailLogService>;
