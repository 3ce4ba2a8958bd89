// Sign-in accounts, single-use set-up and reset links, server-side sessions, failed sign-ins.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().unique().references('person.id'))
    .addColumn('role', 'varchar(40)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(200)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_signed_in_at', 'varchar(30)')
    .execute();

  await db.schema
    .createTable('account_token')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('account_id', 'varchar(36)', (c) =>
      c.notNull().references('account.id').onDelete('cascade'),
    )
    .addColumn('purpose', 'varchar(20)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(30)')
    .addColumn('created_by_account_id', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(36)')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_account_idx').on('session').column('account_id').execute();
  await db.schema.createIndex('session_expires_idx').on('session').column('expires_at').execute();

  await db.schema
    .createTable('sign_in_failure')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('subject', 'varchar(80)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_failure_subject_idx')
    .on('sign_in_failure')
    .columns(['subject', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['sign_in_failure', 'session', 'account_token', 'account']) {
    await db.schema.dropTable(table).execute();
  }
}
