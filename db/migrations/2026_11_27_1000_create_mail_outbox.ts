// Emails Spotlight sends go through an outbox (ADR 0012): written in the same transaction as the
// change they tell people about, then sent by the sender, which retries until the mail server takes
// them. A message is sent once, even with several app instances, because each claims it first.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // What the message is about, such as 'report.submitted': for the sender's counts and tests.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Not sent before this instant: moved on after each failed attempt.
    .addColumn('send_after', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // A sender that claimed the message; another may take it once this has passed.
    .addColumn('claimed_until', 'text')
    .addColumn('sent_at', 'text')
    // Given up: too many failures, or the mail server refused the address for good.
    .addColumn('given_up_at', 'text')
    // Why the last attempt failed, as the mail server's code: never the address or the message.
    .addColumn('last_error', 'text')
    .execute();
  await db.schema
    .createIndex('mail_outbox_waiting')
    .on('mail_outbox')
    .columns(['sent_at', 'given_up_at', 'send_after'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mail_outbox').execute();
}
