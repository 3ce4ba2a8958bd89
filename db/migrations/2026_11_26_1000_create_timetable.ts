// The timetable: managers' rota nominations, year plans, the Spotlights they hold (with Lead and
// members), the history of every change to a plan, and notices to the QA team.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Managers nominate their staff for the rota "so that all teams are fully staffed".
  await db.schema
    .alterTable('person')
    .addColumn('on_rota', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('timetable_plan')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('from_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('solver_status', 'varchar(20)', (c) => c.notNull())
    .addColumn('gap', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('objective', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('seconds', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('explanation', 'text')
    .addColumn('created_by_account_id', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(30)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('spotlight')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('plan_id', 'varchar(36)', (c) =>
      c.references('timetable_plan.id').onDelete('cascade'),
    )
    .addColumn('team_id', 'varchar(36)', (c) => c.notNull().references('team.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('lead_person_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('spotlight_plan_idx').on('spotlight').column('plan_id').execute();
  await db.schema
    .createIndex('spotlight_team_date_idx')
    .on('spotlight')
    .columns(['team_id', 'date'])
    .execute();
  await db.schema.createIndex('spotlight_date_idx').on('spotlight').column('date').execute();

  await db.schema
    .createTable('spotlight_member')
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addPrimaryKeyConstraint('spotlight_member_pk', ['spotlight_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('spotlight_member_person_idx')
    .on('spotlight_member')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('plan_change')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('plan_id', 'varchar(36)', (c) =>
      c.notNull().references('timetable_plan.id').onDelete('cascade'),
    )
    .addColumn('spotlight_id', 'varchar(36)')
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_account_id', 'varchar(36)')
    .addColumn('actor_name', 'varchar(200)')
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('warnings', 'text')
    .execute();
  await db.schema
    .createIndex('plan_change_plan_idx')
    .on('plan_change')
    .columns(['plan_id', 'at'])
    .execute();

  await db.schema
    .createTable('timetable_notice')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.references('spotlight.id').onDelete('cascade'),
    )
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('read_at', 'varchar(30)')
    .addColumn('read_by_account_id', 'varchar(36)')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'timetable_notice',
    'plan_change',
    'spotlight_member',
    'spotlight',
    'timetable_plan',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('person').dropColumn('on_rota').execute();
}
