// Service areas, teams, team managers, people and their periods of leave.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_area')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_key', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('person')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('email', 'varchar(320)', (c) => c.notNull().unique())
    .addColumn('job_role', 'varchar(40)', (c) => c.notNull())
    .addColumn('home_team_id', 'varchar(36)')
    .addColumn('slt_member', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('can_review', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('team')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_key', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('service_area_id', 'varchar(36)', (c) => c.notNull().references('service_area.id'))
    .addColumn('head_of_service_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('recording_system', 'varchar(10)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  // person.home_team_id refers to team, which is created after person: indexed here, checked in code
  // (SQLite cannot add a foreign key to an existing table).
  await db.schema.createIndex('person_home_team_idx').on('person').column('home_team_id').execute();
  await db.schema
    .createIndex('team_service_area_idx')
    .on('team')
    .column('service_area_id')
    .execute();

  await db.schema
    .createTable('team_manager')
    .addColumn('team_id', 'varchar(36)', (c) =>
      c.notNull().references('team.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addPrimaryKeyConstraint('team_manager_pk', ['team_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('person_unavailability')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) =>
      c.notNull().references('person.id').onDelete('cascade'),
    )
    .addColumn('from_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('person_unavailability_person_idx')
    .on('person_unavailability')
    .column('person_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['person_unavailability', 'team_manager', 'team', 'person', 'service_area']) {
    await db.schema.dropTable(table).execute();
  }
}
