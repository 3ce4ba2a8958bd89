// The visited team's open case list, from which the Lead makes the random choice on the day: pasted
// or uploaded by the team's managers, checked line by line, de-duplicated, and replaced as a whole.
// Seeing the list is a view of children's case numbers, so it is audited.
import type { Kysely } from 'kysely';
import {
  maxCaseListLines,
  parseCaseList,
  type CaseListEntry,
  type CaseSystem,
} from '../../core/case-numbers.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { toDbInstant } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import type { Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import * as repo from './case-list.repository.js';

/**
 * What the form sent: the pasted text, and a reader for the first column of an uploaded file if
 * one came (read only once the person may change the list; it throws Invalid('file') when the
 * file cannot be read).
 */
export interface CaseListSources {
  pasted: string;
  readFile?: (() => Promise<readonly string[]>) | undefined;
}

export interface CaseListFieldProblem {
  field: 'caseNumbers' | 'file';
  message: string;
  /** The line (or the file's row) that is wrong. */
  line?: number;
}

export type SaveCaseListResult =
  | { status: 'saved'; count: number; duplicates: number }
  | { status: 'invalid'; problems: CaseListFieldProblem[]; wrongLines: number };

const thousands = new Intl.NumberFormat('en-GB');

const invalid = (field: CaseListFieldProblem['field'], message: string): SaveCaseListResult => ({
  status: 'invalid',
  problems: [{ field, message }],
  wrongLines: 0,
});

export type CaseListService = ReturnType<typeof createCaseListService>;

export function createCaseListService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
}) {
  const { db, clock, audit, spotlights } = deps;

  function check(
    spotlight: Spotlight,
    pastedText: string,
    uploaded: readonly string[] | undefined,
  ): SaveCaseListResult | { entries: CaseListEntry[]; duplicates: number } {
    const formats = spotlight.settings.caseNumberFormats;
    const pastedLines = pastedText.trim() === '' ? [] : pastedText.split(/\r\n|\r|\n/);
    const fileLines = uploaded ?? [];
    const most = thousands.format(maxCaseListLines);
    if (pastedLines.length === 0 && uploaded === undefined)
      return invalid('caseNumbers', 'Paste the case numbers, or choose a file');
    if (pastedLines.length > maxCaseListLines)
      return invalid('caseNumbers', `Paste ${most} lines or fewer`);
    if (fileLines.length > maxCaseListLines)
      return invalid('file', `The file must have ${most} rows or fewer`);
    const pasted = parseCaseList(pastedLines, formats);
    const file = parseCaseList(fileLines, formats);
    const problems: CaseListFieldProblem[] = [
      ...pasted.problems.map((p) => ({
        field: 'caseNumbers' as const,
        message: p.message,
        line: p.line,
      })),
      ...file.problems.map((p) => ({
        field: 'file' as const,
        message: `Row ${p.line} of the file is not an LCS or EHM number`,
        line: p.line,
      })),
    ];
    if (problems.length > 0) return { status: 'invalid', problems, wrongLines: problems.length };
    if (uploaded !== undefined && file.entries.length === 0)
      return invalid('file', 'The first column of the file has no LCS or EHM numbers');
    if (pastedLines.length > 0 && pasted.entries.length === 0)
      return invalid('caseNumbers', 'The pasted text has no LCS or EHM numbers');
    // A number both pasted and in the file is one more repeat.
    const seen = new Set<string>();
    const entries = [...pasted.entries, ...file.entries].filter((entry) => {
      if (seen.has(entry.caseNumber)) return false;
      seen.add(entry.caseNumber);
      return true;
    });
    if (entries.length > maxCaseListLines)
      return invalid('caseNumbers', `The list must have ${most} numbers or fewer`);
    const repeatsAcross = pasted.entries.length + file.entries.length - entries.length;
    return { entries, duplicates: pasted.duplicates + file.duplicates + repeatsAcross };
  }

  return {
    /** The list as its page shows it, to the Spotlight Team and the team's managers. */
    async view(ctx: RequestContext, spotlightId: string) {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:view-case-numbers');
      const [rows, update] = await Promise.all([
        repo.listEntries(db, spotlight.id),
        repo.findUpdate(db, spotlight.id),
      ]);
      const entries = rows.map((row) => ({
        system: row.case_system as CaseSystem,
        caseNumber: row.case_number,
      }));
      if (entries.length > 0) {
        await audit.record(ctx, {
          action: 'preparation.case-list-viewed',
          objectType: 'spotlight',
          objectId: spotlight.id,
          caseNumbers: entries.map((entry) => entry.caseNumber),
        });
      }
      return {
        spotlight,
        entries,
        updatedAt: update.case_list_updated_at,
        updatedByName: update.case_list_updated_by_name,
        canChange: spotlights.can(ctx, spotlight, 'spotlight:prepare'),
      };
    },

    /** Checks the pasted and uploaded numbers; saves them in place of the list only if all are good. */
    async save(
      ctx: RequestContext,
      spotlightId: string,
      sources: CaseListSources,
    ): Promise<SaveCaseListResult> {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:prepare');
      const uploaded = sources.readFile ? await sources.readFile() : undefined;
      const checked = check(spotlight, sources.pasted, uploaded);
      if ('status' in checked) return checked;
      const { entries, duplicates } = checked;
      await db.transaction().execute(async (trx) => {
        await repo.replaceEntries(trx, spotlight.id, entries);
        await repo.markUpdated(
          trx,
          spotlight.id,
          toDbInstant(clock.now()),
          ctx.actor?.personId ?? null,
        );
        await audit.record(
          ctx,
          {
            action: 'preparation.case-list-saved',
            objectType: 'spotlight',
            objectId: spotlight.id,
            details: { count: entries.length, duplicates },
          },
          trx,
        );
      });
      return { status: 'saved', count: entries.length, duplicates };
    },

    /** How many numbers the list holds and when it was saved (no numbers shown). */
    async progress(spotlight: Spotlight) {
      const [count, update] = await Promise.all([
        repo.countEntries(db, spotlight.id),
        repo.findUpdate(db, spotlight.id),
      ]);
      return { count, updatedAt: update.case_list_updated_at };
    },
  };
}
