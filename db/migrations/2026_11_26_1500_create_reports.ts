// After the exercise: the Lead's report (a summary, the team's context, one section per theme with
// its grade judgement and the evidence it rests on), its recommendations (the action plan), the
// team members' comments, every version kept, and to whom the final report was circulated.
// The council's jargon list and grade scale join its settings.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report')
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.primaryKey().references('spotlight.id').onDelete('cascade'),
    )
    // core/report/report-model.ts reportStatuses: 'draft', 'submitted', 'returned', 'final'.
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    // When the Lead sent the draft to the team members for comment (the latest time).
    .addColumn('circulated_at', 'varchar(30)')
    // The Lead's record that the Heads of Service agree the actions are realistic.
    .addColumn('actions_agreed_on', 'varchar(10)')
    .addColumn('actions_agreed_note', 'text')
    .addColumn('submitted_at', 'varchar(30)')
    // The date it first reached the QA team (the final report's deadline counts from it).
    .addColumn('first_submitted_on', 'varchar(10)')
    .addColumn('returned_at', 'varchar(30)')
    .addColumn('return_comments', 'text')
    .addColumn('finalised_at', 'varchar(30)')
    .addColumn('finalised_by_person_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('created_by_person_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_section')
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    // core/report/report-model.ts sectionKeys: 'summary', 'context' or a theme key.
    .addColumn('section_key', 'varchar(40)', (c) => c.notNull())
    // The summary's and the context's words (unused for a theme).
    .addColumn('body', 'text')
    // A theme's: what is working well, what needs to improve, what it means for children.
    .addColumn('working_well', 'text')
    .addColumn('to_improve', 'text')
    .addColumn('for_children', 'text')
    // The grade judgement's name on the council's scale, as chosen (null: not yet graded).
    .addColumn('grade', 'varchar(100)')
    // The evidence items the grade rests on, JSON text (string[] of evidence_item ids).
    .addColumn('evidence_ids', 'text', (c) => c.notNull())
    .addColumn('updated_by_person_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_section_pk', ['spotlight_id', 'section_key'])
    .execute();

  await db.schema
    .createTable('recommendation')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    .addColumn('theme', 'varchar(40)', (c) => c.notNull())
    // What will change.
    .addColumn('action', 'text', (c) => c.notNull())
    // Who owns it, in the Lead's words ("Team Manager", or a name).
    .addColumn('owner', 'varchar(200)')
    .addColumn('due_on', 'varchar(10)')
    // How it will be measured, with a baseline and target where there is one.
    .addColumn('measure', 'text')
    .addColumn('baseline', 'varchar(500)')
    .addColumn('target', 'varchar(500)')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recommendation_spotlight_idx')
    .on('recommendation')
    .column('spotlight_id')
    .execute();

  await db.schema
    .createTable('report_comment')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    // A section key, or 'recommendations'.
    .addColumn('section_key', 'varchar(40)', (c) => c.notNull())
    .addColumn('author_person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('resolved_at', 'varchar(30)')
    .addColumn('resolved_by_person_id', 'varchar(36)', (c) => c.references('person.id'))
    // The Lead's answer when resolving it.
    .addColumn('resolution', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_comment_spotlight_idx')
    .on('report_comment')
    .column('spotlight_id')
    .execute();

  await db.schema
    .createTable('report_version')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    // 1, 2, 3 … per report.
    .addColumn('number', 'integer', (c) => c.notNull())
    // What made it: 'circulated', 'submitted', 'returned' or 'finalised'.
    .addColumn('event', 'varchar(20)', (c) => c.notNull())
    // The report's content then (ReportContent), JSON text.
    .addColumn('content', 'text', (c) => c.notNull())
    // What changed since the version before (ContentChange[]), JSON text.
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by_person_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('report_version_number', ['spotlight_id', 'number'])
    .execute();

  await db.schema
    .createTable('report_circulation')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    .addColumn('recipient_person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    // The date it was sent, YYYY-MM-DD.
    .addColumn('circulated_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('recorded_by_person_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('recorded_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('report_circulation_once', ['spotlight_id', 'recipient_person_id'])
    .execute();

  await db.schema
    .alterTable('council_settings')
    // The council's jargon list (JargonEntry[]), JSON text; null: the default list.
    .addColumn('report_jargon', 'text')
    .execute();
  await db.schema
    .alterTable('council_settings')
    // The council's grade scale (string[], best first), JSON text; null: the default scale.
    .addColumn('grade_scale', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('council_settings').dropColumn('grade_scale').execute();
  await db.schema.alterTable('council_settings').dropColumn('report_jargon').execute();
  for (const table of [
    'report_circulation',
    'report_version',
    'report_comment',
    'recommendation',
    'report_section',
    'report',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
