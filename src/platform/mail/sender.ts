// Sends what waits in the outbox (ADR 0012): each message is claimed first, so that two app
// instances never send it twice; a failure is tried again later, waiting longer each time; a
// message that still has not gone after `maxAttempts`, or is days old, is given up and kept.
// Nothing about a message (its address or words) is logged: only how many went and failed.
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { toDbInstant } from '../db/convert.js';
import type { Database } from '../db/schema.js';

/** What the sender needs of a mail transport: nodemailer's, or a test's. */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export interface SendResult {
  sent: number;
  failed: number;
  gaveUp: number;
}

/** Minutes to wait after the nth failed attempt (1-based); the last figure repeats. */
export const retryMinutes = [1, 5, 15, 60, 180, 360, 720] as const;
export const maxAttempts = 8;
/** A message not sent within this many hours is no longer news: it is given up. */
export const staleAfterHours = 72;
/** How long a claim lasts: a sender that stopped mid-send leaves the message to another. */
const claimMinutes = 5;

const addMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

/** The mail server's reason, without the address or message it was about. */
export function failureCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown';
  const { responseCode, code } = error as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number') return `SMTP ${responseCode}`;
  if (typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code)) return code;
  return 'unknown';
}

export function createMailSender(deps: {
  db: Kysely<Database>;
  clock: Clock;
  transport: MailTransport;
  from: string;
  batch?: number;
}) {
  const { db, clock, transport, from } = deps;
  const batch = deps.batch ?? 50;

  /** Takes the message for this sender; false when another sender has it or it has gone. */
  async function claim(id: string, now: Date): Promise<boolean> {
    const at = toDbInstant(now);
    const result = await db
      .updateTable('mail_outbox')
      .set({ claimed_until: toDbInstant(addMinutes(now, claimMinutes)) })
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .where('given_up_at', 'is', null)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  return {
    /** Sends every message that is due; safe to run from several instances at once. */
    async sendDue(): Promise<SendResult> {
      const now = clock.now();
      const at = toDbInstant(now);
      const stale = await db
        .updateTable('mail_outbox')
        .set({ given_up_at: at, last_error: 'too old' })
        .where('sent_at', 'is', null)
        .where('given_up_at', 'is', null)
        .where('created_at', '<', toDbInstant(addMinutes(now, -staleAfterHours * 60)))
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
        .executeTakeFirst();
      const result: SendResult = { sent: 0, failed: 0, gaveUp: Number(stale.numUpdatedRows) };
      const due = await db
        .selectFrom('mail_outbox')
        .select(['id', 'to_address', 'subject', 'body', 'attempts'])
        .where('sent_at', 'is', null)
        .where('given_up_at', 'is', null)
        .where('send_after', '<=', at)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
        .orderBy('created_at')
        .orderBy('id')
        .limit(batch)
        .execute();
      for (const message of due) {
        if (!(await claim(message.id, now))) continue;
        const attempts = message.attempts + 1;
        try {
          await transport.sendMail({
            from,
            to: message.to_address,
            subject: message.subject,
            text: message.body,
          });
        } catch (error) {
          const givingUp = attempts >= maxAttempts;
          const wait = retryMinutes[Math.min(attempts, retryMinutes.length) - 1] ?? 720;
          await db
            .updateTable('mail_outbox')
            .set({
              attempts,
              claimed_until: null,
              last_error: failureCode(error),
              send_after: toDbInstant(addMinutes(clock.now(), wait)),
              given_up_at: givingUp ? toDbInstant(clock.now()) : null,
            })
            .where('id', '=', message.id)
            .execute();
          if (givingUp) result.gaveUp++;
          else result.failed++;
          continue;
        }
        await db
          .updateTable('mail_outbox')
          .set({
            attempts,
            claimed_until: null,
            last_error: null,
            sent_at: toDbInstant(clock.now()),
          })
          .where('id', '=', message.id)
          .execute();
        result.sent++;
      }
      return result;
    },
  };
}

export type MailSender = ReturnType<typeof createMailSender>;
