// The append-only audit log. Triggers refuse updates and deletes in both dialects, so not even a
// bug in the app can rewrite history.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_account_id', 'varchar(36)')
    .addColumn('actor_name', 'varchar(200)')
    .addColumn('action', 'varchar(80)', (c) => c.notNull())
    .addColumn('object_type', 'varchar(40)')
    .addColumn('object_id', 'varchar(36)')
    .addColumn('request_id', 'varchar(64)')
    .addColumn('case_numbers', 'text')
    .addColumn('details', 'text')
    .execute();
  await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();
  await db.schema
    .createIndex('audit_event_object_idx')
    .on('audit_event')
    .columns(['object_type', 'object_id'])
    .execute();
  await db.schema
    .createIndex('audit_event_actor_idx')
    .on('audit_event')
    .column('actor_account_id')
    .execute();

  if (await isPostgres(db)) {
    await sql`create function audit_event_append_only() returns trigger language plpgsql as $$
      begin raise exception 'the audit log is append-only'; end; $$`.execute(db);
    await sql`create trigger audit_event_no_change before update or delete on audit_event
      for each row execute function audit_event_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_event_no_update before update on audit_event
      begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
    await sql`create trigger audit_event_no_delete before delete on audit_event
      begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (await isPostgres(db)) {
    await sql`drop trigger if exists audit_event_no_change on audit_event`.execute(db);
    await sql`drop function if exists audit_event_append_only()`.execute(db);
  }
  await db.schema.dropTable('audit_event').execute();
}

async function isPostgres(db: Kysely<unknown>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}
