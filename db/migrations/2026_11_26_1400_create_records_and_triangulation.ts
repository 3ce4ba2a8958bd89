// The rest of the day: each team member's Team Member Information Record (the five themes, each
// child reviewed, evidence items), the Lead's key findings from triangulation, and the feedback
// given to the Team Managers and Head of Service before the Spotlight Team leaves.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('member_record')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    .addColumn('member_person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    // The five themes, in the member's words.
    .addColumn('culture', 'text')
    .addColumn('practice', 'text')
    .addColumn('quality_assurance', 'text')
    .addColumn('oversight', 'text')
    .addColumn('systemic', 'text')
    // Complaints, compliments, practice reviews and audits reviewed, and what the team learnt.
    .addColumn('learning', 'text')
    // Conversations with team members and other Team Managers.
    .addColumn('conversations', 'text')
    // Observations of the team's culture, display boards and environment.
    .addColumn('observations', 'text')
    // 'draft' or 'submitted'.
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(30)')
    .addColumn('reopened_at', 'varchar(30)')
    .addColumn('reopened_by_person_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('reopen_reason', 'varchar(500)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('member_record_one_each', ['spotlight_id', 'member_person_id'])
    .execute();

  await db.schema
    .createTable('record_child')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('record_id', 'varchar(36)', (c) =>
      c.notNull().references('member_record.id').onDelete('cascade'),
    )
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    // The allocation it came from (null for a child the member added, e.g. from dip sampling).
    .addColumn('allocation_id', 'varchar(36)', (c) =>
      c.references('allocation.id').onDelete('set null'),
    )
    // 'random', 'proud', 'challenging' or 'other'.
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('case_system', 'varchar(10)', (c) => c.notNull())
    .addColumn('case_number', 'varchar(40)', (c) => c.notNull())
    .addColumn('documents_read', 'text')
    .addColumn('life_for_child', 'text')
    // 'too-much', 'about-right' or 'too-little'.
    .addColumn('proportionate', 'varchar(20)')
    .addColumn('proportionate_why', 'text')
    // 'yes' or 'no'.
    .addColumn('good_enough', 'varchar(10)')
    .addColumn('good_enough_why', 'text')
    .addColumn('strengths', 'text')
    .addColumn('areas_to_develop', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('record_child_once', ['record_id', 'case_number'])
    .execute();

  await db.schema
    .createTable('evidence_item')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('record_id', 'varchar(36)', (c) =>
      c.notNull().references('member_record.id').onDelete('cascade'),
    )
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    // core/record-themes.ts: evidenceSources, themes, evidenceKinds.
    .addColumn('source', 'varchar(40)', (c) => c.notNull())
    .addColumn('theme', 'varchar(40)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('seen', 'text', (c) => c.notNull())
    // The child it is about, when it is about one.
    .addColumn('record_child_id', 'varchar(36)', (c) =>
      c.references('record_child.id').onDelete('set null'),
    )
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evidence_item_spotlight_idx')
    .on('evidence_item')
    .columns(['spotlight_id', 'theme'])
    .execute();

  await db.schema
    .createTable('key_finding')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    .addColumn('theme', 'varchar(40)', (c) => c.notNull())
    // 'strength' or 'area'.
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // The evidence items it rests on, JSON text (string[] of evidence_item ids).
    .addColumn('evidence_ids', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_by_person_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('key_finding_spotlight_idx')
    .on('key_finding')
    .columns(['spotlight_id', 'theme'])
    .execute();

  await db.schema
    .createTable('day_feedback')
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.primaryKey().references('spotlight.id').onDelete('cascade'),
    )
    // The date it was given, YYYY-MM-DD.
    .addColumn('given_on', 'varchar(10)', (c) => c.notNull())
    // Who it was given to: person ids (the team's managers and Head of Service), JSON text.
    .addColumn('given_to', 'text', (c) => c.notNull())
    // Anyone else there, in the Lead's words.
    .addColumn('others_present', 'varchar(500)')
    .addColumn('notes', 'text', (c) => c.notNull())
    // Suggested actions, JSON text (string[]), to be covered in the final report.
    .addColumn('suggested_actions', 'text', (c) => c.notNull())
    .addColumn('updated_by_person_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'day_feedback',
    'key_finding',
    'evidence_item',
    'record_child',
    'member_record',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
