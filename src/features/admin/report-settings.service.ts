// The council's words for reports: the jargon list the plain-language check uses (each term with a
// plain alternative) and the grade scale for grade judgements. The QA coordinator keeps both on
// the Settings pages; a council that has not changed them has the defaults.
import type { Kysely } from 'kysely';
import { defaultGradeScale } from '../../core/report/report-model.js';
import { defaultJargon, type JargonEntry } from '../../core/text-checks/index.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { fromDbJson, isUniqueViolation, toDbInstant, toDbJson } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict } from '../../platform/errors.js';
import { assertCan } from '../../platform/policy.js';
import { councilSettingsId } from './council-settings.repository.js';
import { defaultCouncilSettings } from './council-settings.service.js';
import * as repo from './report-settings.repository.js';
import { checkGradeScale, checkJargon, jargonLines } from './report-settings.rules.js';

/** The report settings as the QA coordinator edits them. */
export interface ReportSettings {
  jargon: JargonEntry[];
  /** True while the council uses the default list (it has never saved one, or restored it). */
  jargonIsDefault: boolean;
  gradeScale: string[];
  gradeScaleIsDefault: boolean;
  /** The council settings row's version (0: never saved), shared with the settings form. */
  version: number;
}

export type ReportSettingsService = ReturnType<typeof createReportSettingsService>;

const settingsConflict = () =>
  new Conflict('Somebody else changed the council’s settings while you were working on them');

function toSettings(row: repo.ReportSettingsRow | undefined): ReportSettings {
  const jargon = fromDbJson<JargonEntry[] | null>(row?.report_jargon, null);
  const gradeScale = fromDbJson<string[] | null>(row?.grade_scale, null);
  return {
    jargon: jargon ?? [...defaultJargon],
    jargonIsDefault: jargon === null,
    gradeScale: gradeScale ?? [...defaultGradeScale],
    gradeScaleIsDefault: gradeScale === null,
    version: row?.version ?? 0,
  };
}

/** How many lines were added and removed: counts only, for the audit log. */
function lineChanges(before: readonly string[], after: readonly string[]) {
  return {
    added: after.filter((line) => !before.includes(line)).length,
    removed: before.filter((line) => !after.includes(line)).length,
  };
}

export function createReportSettingsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
}) {
  const { db } = deps;

  /**
   * Saves what `change` makes of the settings read at `version`, in one transaction with its audit
   * entry. `change` returns undefined when nothing would change: nothing is written. Conflict when
   * somebody saved either settings page first.
   */
  async function save(
    ctx: RequestContext,
    version: number,
    change: (
      now: ReportSettings,
    ) =>
      | { values: repo.ReportSettingsValues; action: string; details: Record<string, unknown> }
      | undefined,
  ): Promise<boolean> {
    try {
      return await db.transaction().execute(async (trx) => {
        const row = await repo.findReportSettings(trx);
        if ((row?.version ?? 0) !== version) throw settingsConflict();
        const wanted = change(toSettings(row));
        if (!wanted) return false;
        const updatedAt = toDbInstant(deps.clock.now());
        if (!row) {
          await repo.insertSettingsRow(trx, {
            id: councilSettingsId,
            region: defaultCouncilSettings.region,
            deadline_offsets: toDbJson(defaultCouncilSettings.deadlineOffsets),
            case_number_formats: toDbJson(defaultCouncilSettings.caseNumberFormats),
            report_jargon: null,
            grade_scale: null,
            ...wanted.values,
            updated_at: updatedAt,
            version: 1,
          });
        } else if (!(await repo.updateReportSettings(trx, wanted.values, updatedAt, version))) {
          throw settingsConflict();
        }
        await deps.audit.record(
          ctx,
          {
            action: wanted.action,
            objectType: 'council-settings',
            objectId: councilSettingsId,
            details: wanted.details,
          },
          trx,
        );
        return true;
      });
    } catch (error) {
      // Two first saves at once: the second finds the row the first inserted.
      if (isUniqueViolation(error)) throw settingsConflict();
      throw error;
    }
  }

  /** The jargon change from the list now to `entries` (null: back to the default list). */
  function jargonChange(now: ReportSettings, entries: JargonEntry[] | null) {
    const before = jargonLines(now.jargon).split('\n');
    const after = jargonLines(entries ?? defaultJargon).split('\n');
    const same = before.join('\n') === after.join('\n');
    // The same words saved from the form change nothing; the default list restored over a copy of
    // it does, so that later changes to the default reach the council.
    if (same && (entries !== null || now.jargonIsDefault)) return undefined;
    return {
      values: { report_jargon: entries === null ? null : toDbJson(entries) },
      action: 'settings.jargon-changed',
      details: {
        entriesBefore: before.length,
        entriesAfter: after.length,
        ...lineChanges(before, after),
        ...(entries === null ? { restoredDefault: true } : {}),
      },
    };
  }

  return {
    /** The council's jargon list, or the default list. */
    async jargon(trx: Kysely<Database> = db): Promise<JargonEntry[]> {
      return toSettings(await repo.findReportSettings(trx)).jargon;
    },

    /** The council's grade scale, best first, or the default scale. */
    async gradeScale(trx: Kysely<Database> = db): Promise<string[]> {
      return toSettings(await repo.findReportSettings(trx)).gradeScale;
    },

    /** Both settings and the version they were read at, for the QA coordinator to change. */
    async forEditing(ctx: RequestContext): Promise<ReportSettings> {
      assertCan(ctx.actor, 'settings:manage');
      return toSettings(await repo.findReportSettings(db));
    },

    /**
     * Saves the council's jargon list as read at `version`. False when nothing changed (nothing
     * is written); Invalid for a list that breaks the rules; Conflict when somebody saved first.
     */
    async saveJargon(
      ctx: RequestContext,
      entries: readonly JargonEntry[],
      version: number,
    ): Promise<boolean> {
      assertCan(ctx.actor, 'settings:manage');
      const wanted = checkJargon(entries);
      return save(ctx, version, (now) => jargonChange(now, wanted));
    },

    /** Goes back to the default jargon list; false when it was already in use. */
    async restoreDefaultJargon(ctx: RequestContext, version: number): Promise<boolean> {
      assertCan(ctx.actor, 'settings:manage');
      return save(ctx, version, (now) => jargonChange(now, null));
    },

    /** Saves the grade scale, best first, as read at `version`; false when nothing changed. */
    async saveGradeScale(
      ctx: RequestContext,
      grades: readonly string[],
      version: number,
    ): Promise<boolean> {
      assertCan(ctx.actor, 'settings:manage');
      const wanted = checkGradeScale(grades);
      return save(ctx, version, (now) => {
        if (now.gradeScale.join('\n') === wanted.join('\n')) return undefined;
        return {
          values: { grade_scale: toDbJson(wanted) },
          action: 'settings.grades-changed',
          details: {
            gradesBefore: now.gradeScale.length,
            gradesAfter: wanted.length,
            ...lineChanges(now.gradeScale, wanted),
          },
        };
      });
    },
  };
}
