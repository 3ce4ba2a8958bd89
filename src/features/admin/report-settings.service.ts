// The council's words for reports: the jargon list the plain-language check uses (each term with a
// plain alternative) and the grade scale for grade judgements. The QA coordinator keeps both on
// the Settings pages; a council that has not changed them has the defaults.
import type { Kysely } from 'kysely';
import { defaultGradeScale } from '../../core/report/report-model.js';
import { defaultJargon, type JargonEntry } from '../../core/text-checks/index.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { fromDbJson } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';

export type ReportSettingsService = ReturnType<typeof createReportSettingsService>;

export function createReportSettingsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
}) {
  const { db } = deps;

  async function row(trx: Kysely<Database>) {
    return trx
      .selectFrom('council_settings')
      .select(['report_jargon', 'grade_scale', 'version'])
      .executeTakeFirst();
  }

  return {
    /** The council's jargon list, or the default list. */
    async jargon(trx: Kysely<Database> = db): Promise<JargonEntry[]> {
      return (
        fromDbJson<JargonEntry[] | null>((await row(trx))?.report_jargon, null) ?? [
          ...defaultJargon,
        ]
      );
    },

    /** The council's grade scale, best first, or the default scale. */
    async gradeScale(trx: Kysely<Database> = db): Promise<string[]> {
      return (
        fromDbJson<string[] | null>((await row(trx))?.grade_scale, null) ?? [...defaultGradeScale]
      );
    },
  };
}
