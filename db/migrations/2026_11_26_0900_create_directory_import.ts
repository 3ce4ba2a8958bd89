// Pending directory imports: an uploaded file's rows, kept between the preview and the confirm.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('directory_import')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('created_by_account_id', 'varchar(36)', (c) =>
      c.notNull().references('account.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    // pending, then done (imported) or abandoned (replaced by a later upload).
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('completed_at', 'varchar(30)')
    // The file's rows as read (JSON); emptied once the import is done or abandoned.
    .addColumn('rows', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_import_account_idx')
    .on('directory_import')
    .columns(['created_by_account_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('directory_import').execute();
}
