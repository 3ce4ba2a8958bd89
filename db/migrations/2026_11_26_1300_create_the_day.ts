// The day of a Spotlight: the priorities agreed with the management group and the practicalities
// of the day; the allocation of three children to each team member, with every random draw kept
// so it can be re-run; and each member's dip-sampling targets.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('spotlight_day')
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.primaryKey().references('spotlight.id').onDelete('cascade'),
    )
    // The priorities, JSON text: string[] in the order agreed.
    .addColumn('priorities', 'text', (c) => c.notNull())
    .addColumn('agreed_with', 'varchar(500)')
    .addColumn('practicalities', 'text')
    .addColumn('updated_by_person_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('random_draw')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    .addColumn('algorithm', 'varchar(40)', (c) => c.notNull())
    .addColumn('seed', 'varchar(100)', (c) => c.notNull())
    // The case numbers drawn from, JSON text (string[]), in the order the draw used.
    .addColumn('pool', 'text', (c) => c.notNull())
    // Case numbers left out (nominated or already allocated), JSON text (string[]).
    .addColumn('exclusions', 'text', (c) => c.notNull())
    .addColumn('chosen_case_number', 'varchar(40)', (c) => c.notNull())
    .addColumn('member_person_id', 'varchar(36)', (c) => c.references('person.id'))
    // The draw this one replaced, and why (a redraw needs a reason).
    .addColumn('replaces_draw_id', 'varchar(36)')
    .addColumn('reason', 'varchar(500)')
    .addColumn('drawn_by_person_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('drawn_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('random_draw_spotlight_idx')
    .on('random_draw')
    .column('spotlight_id')
    .execute();

  await db.schema
    .createTable('allocation')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    .addColumn('member_person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    // random, proud or challenging.
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('case_system', 'varchar(10)', (c) => c.notNull())
    .addColumn('case_number', 'varchar(40)', (c) => c.notNull())
    .addColumn('nomination_id', 'varchar(36)', (c) =>
      c.references('nomination.id').onDelete('set null'),
    )
    .addColumn('draw_id', 'varchar(36)', (c) => c.references('random_draw.id'))
    .addColumn('updated_by_person_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('allocation_one_of_each_kind', [
      'spotlight_id',
      'member_person_id',
      'kind',
    ])
    .addUniqueConstraint('allocation_child_once', ['spotlight_id', 'case_number'])
    .execute();

  await db.schema
    .createTable('dip_sample_target')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    .addColumn('member_person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('how_many', 'integer', (c) => c.notNull())
    // What to sample, in the Lead's words: "supervision records", "visits to children in care".
    .addColumn('of_what', 'varchar(200)', (c) => c.notNull())
    .addColumn('focus', 'varchar(500)')
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dip_sample_target_spotlight_idx')
    .on('dip_sample_target')
    .column('spotlight_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['dip_sample_target', 'allocation', 'random_draw', 'spotlight_day']) {
    await db.schema.dropTable(table).execute();
  }
}
