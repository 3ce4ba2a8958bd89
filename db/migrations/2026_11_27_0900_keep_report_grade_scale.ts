// A report keeps the grade scale it began with (DESIGN: "a Spotlight keeps the framework version it
// began with"), so that the QA coordinator changing the council's scale later neither changes the
// choices of a draft under way nor flags its grades as "not on the scale". Reports started before
// this keep null, which reads as the council's scale now, as it did before.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('report')
    // The grade scale when the draft was started (string[], best first), JSON text.
    .addColumn('grade_scale', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('report').dropColumn('grade_scale').execute();
}
