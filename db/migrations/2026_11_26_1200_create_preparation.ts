// Preparation for a Spotlight: the council's settings (closure days, deadlines, case number
// formats), the preparation pack's documents, practitioners' nominations, the team's case list
// for the random choice, and each member's confirmation of access to the recording system.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('council_settings')
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('region', 'varchar(30)', (c) => c.notNull())
    .addColumn('deadline_offsets', 'text', (c) => c.notNull())
    .addColumn('case_number_formats', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('closure_day')
    .addColumn('date', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('reason', 'varchar(200)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('spotlight_document')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    .addColumn('document_type', 'varchar(30)', (c) => c.notNull())
    .addColumn('display_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('stored_name', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('media_type', 'varchar(120)', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('uploaded_by_person_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('uploaded_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('spotlight_document_spotlight_idx')
    .on('spotlight_document')
    .column('spotlight_id')
    .execute();

  await db.schema
    .createTable('spotlight_preparation')
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.primaryKey().references('spotlight.id').onDelete('cascade'),
    )
    .addColumn('nominations_forwarded_at', 'varchar(30)')
    .addColumn('nominations_forwarded_by_person_id', 'varchar(36)', (c) =>
      c.references('person.id'),
    )
    .addColumn('case_list_updated_at', 'varchar(30)')
    .addColumn('case_list_updated_by_person_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('nomination')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    .addColumn('practitioner_person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('case_system', 'varchar(10)', (c) => c.notNull())
    .addColumn('case_number', 'varchar(40)', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)')
    .addColumn('entered_by_person_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('entered_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('nomination_one_of_each_kind', [
      'spotlight_id',
      'practitioner_person_id',
      'kind',
    ])
    .execute();

  await db.schema
    .createTable('case_list_entry')
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('case_system', 'varchar(10)', (c) => c.notNull())
    .addColumn('case_number', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_list_entry_pk', ['spotlight_id', 'position'])
    .addUniqueConstraint('case_list_entry_unique_number', ['spotlight_id', 'case_number'])
    .execute();

  await db.schema
    .createTable('recording_access')
    .addColumn('spotlight_id', 'varchar(36)', (c) =>
      c.notNull().references('spotlight.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('confirmed_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('recording_access_pk', ['spotlight_id', 'person_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'recording_access',
    'case_list_entry',
    'nomination',
    'spotlight_preparation',
    'spotlight_document',
    'closure_day',
    'council_settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
