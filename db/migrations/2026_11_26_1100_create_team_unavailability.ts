// Periods when a team cannot have its Spotlight (an office move, an inspection): the year plan
// keeps each team's Spotlight out of them.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('team_unavailability')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('team_id', 'varchar(36)', (c) =>
      c.notNull().references('team.id').onDelete('cascade'),
    )
    .addColumn('from_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('team_unavailability_team_idx')
    .on('team_unavailability')
    .column('team_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('team_unavailability').execute();
}
