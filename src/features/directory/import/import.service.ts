// Rules for importing people and teams from a file (upload, check, confirm in one transaction) and
// for downloading the directory. Only QA coordinators import; managers may download.
import type { Kysely } from 'kysely';
import { personHeadings, type DirectoryFile } from '../../../core/directory-import.js';
import type { AuditService } from '../../../platform/audit/audit.service.js';
import type { Clock } from '../../../platform/clock.js';
import type { RequestContext } from '../../../platform/context.js';
import {
  fromDbInstant,
  fromDbJson,
  isUniqueViolation,
  toDbJson,
} from '../../../platform/db/convert.js';
import type { Database } from '../../../platform/db/schema.js';
import { Conflict, NotFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { assertCan } from '../../../platform/policy.js';
import { directorySheets, peopleCsvSheet, templateSheets } from './export.sheets.js';
import { planImport, type ImportPlan } from './import.plan.js';
import * as repo from './import.repository.js';
import { DirectoryChanged, toSnapshot, writePlan } from './import.writer.js';
import { readDirectoryFile, writeCsv, writeXlsx } from './spreadsheet.js';

export type ImportStatus = 'pending' | 'done' | 'abandoned';

export type ImportPreview =
  | { id: string; status: 'pending'; uploadedAt: Date; plan: ImportPlan }
  | { id: string; status: 'done' | 'abandoned'; uploadedAt: Date };

export interface ImportedCounts {
  teamsAdded: number;
  teamsChanged: number;
  peopleAdded: number;
  peopleChanged: number;
  serviceAreasAdded: number;
}

export type ConfirmResult =
  | { status: 'imported'; counts: ImportedCounts }
  | { status: 'not-pending' }
  /** The directory changed since the upload and some rows are now wrong: nothing was written. */
  | { status: 'problems'; plan: ImportPlan };

export interface Download {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

const csvType = 'text/csv; charset=utf-8';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const noRows = toDbJson({ teams: [], people: [] } satisfies DirectoryFile);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

class ImportRejected extends Error {
  constructor(readonly plan: ImportPlan) {
    super('The import has rows with problems');
  }
}

export type DirectoryImportService = ReturnType<typeof createDirectoryImportService>;

export function createDirectoryImportService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
}) {
  const { db, clock, audit } = deps;
  const now = () => clock.now().toISOString();

  async function importOrThrow(trx: Kysely<Database>, ctx: RequestContext, id: string) {
    // Someone else's import is "not found": its rows are theirs to see.
    const row =
      uuid.test(id) && ctx.actor ? await repo.findImport(trx, id, ctx.actor.accountId) : undefined;
    if (!row) throw new NotFound('Import');
    return row;
  }

  async function plan(trx: Kysely<Database>, file: DirectoryFile) {
    const directory = toSnapshot(await repo.loadDirectory(trx));
    return { directory, plan: planImport(file, directory) };
  }

  async function download(ctx: RequestContext, format: 'csv' | 'xlsx'): Promise<Download> {
    assertCan(ctx.actor, 'directory:view');
    const rows = await repo.loadDirectory(db);
    const filename = `spotlight-directory-${londonDate.format(clock.now())}.${format}`;
    const people = peopleCsvSheet(rows);
    const body =
      format === 'csv'
        ? writeCsv(people.headings, people.rows)
        : await writeXlsx(directorySheets(rows), clock.now());
    const details = { format, teams: rows.teams.length, people: rows.people.length };
    await audit.record(ctx, { action: 'directory.exported', objectType: 'directory', details });
    return { filename, contentType: format === 'csv' ? csvType : xlsxType, body };
  }

  return {
    /** Reads and keeps an uploaded file; throws Invalid('file', ...) if it cannot be used at all. */
    async upload(ctx: RequestContext, bytes: Buffer): Promise<string> {
      assertCan(ctx.actor, 'directory:manage');
      const file = await readDirectoryFile(bytes);
      const id = newId();
      const at = now();
      const accountId = ctx.actor.accountId;
      await db.transaction().execute(async (trx) => {
        await repo.abandonPendingImports(trx, accountId, at, noRows);
        await repo.insertImport(trx, {
          ...{ id, created_by_account_id: accountId, created_at: at },
          ...{ status: 'pending', completed_at: null, rows: toDbJson(file) },
        });
      });
      return id;
    },

    /** What importing the file would do to the directory as it is now, and what is wrong with it. */
    async preview(ctx: RequestContext, id: string): Promise<ImportPreview> {
      assertCan(ctx.actor, 'directory:manage');
      const row = await importOrThrow(db, ctx, id);
      const uploadedAt = fromDbInstant(row.created_at);
      if (row.status === 'done' || row.status === 'abandoned')
        return { id, status: row.status, uploadedAt };
      const file = fromDbJson<DirectoryFile>(row.rows, { teams: [], people: [] });
      return { id, status: 'pending', uploadedAt, plan: (await plan(db, file)).plan };
    },

    /** Checks every row again and writes them all in one transaction, or nothing at all. */
    async confirm(ctx: RequestContext, id: string): Promise<ConfirmResult> {
      assertCan(ctx.actor, 'directory:manage');
      let file: DirectoryFile = { teams: [], people: [] };
      try {
        return await db.transaction().execute(async (trx): Promise<ConfirmResult> => {
          const row = await importOrThrow(trx, ctx, id);
          file = fromDbJson<DirectoryFile>(row.rows, file);
          // Claiming the import first makes a second confirm (or a double click) wait, then do nothing.
          const at = now();
          if (!(await repo.finishImport(trx, id, 'done', at, noRows)))
            return { status: 'not-pending' };
          const checked = await plan(trx, file);
          if (checked.plan.problems.length > 0) throw new ImportRejected(checked.plan);
          await writePlan(trx, checked.plan, checked.directory, at);
          const { teams, people } = checked.plan.counts;
          const counts: ImportedCounts = {
            ...{ teamsAdded: teams.add, teamsChanged: teams.change },
            ...{ peopleAdded: people.add, peopleChanged: people.change },
            serviceAreasAdded: checked.plan.counts.serviceAreas,
          };
          await audit.record(
            ctx,
            {
              action: 'directory.imported',
              objectType: 'directory-import',
              objectId: id,
              details: { ...counts },
            },
            trx,
          );
          return { status: 'imported', counts };
        });
      } catch (error) {
        if (error instanceof ImportRejected) return { status: 'problems', plan: error.plan };
        if (error instanceof DirectoryChanged || isUniqueViolation(error)) {
          // Somebody saved while the import was being written: check again, outside the lost race.
          const again = (await plan(db, file)).plan;
          if (again.problems.length > 0) return { status: 'problems', plan: again };
          throw new Conflict(
            'Somebody changed the directory while it was being imported. Try again',
          );
        }
        throw error;
      }
    },

    async template(ctx: RequestContext, format: 'csv' | 'xlsx'): Promise<Download> {
      assertCan(ctx.actor, 'directory:manage');
      if (format === 'csv') {
        const body = writeCsv(personHeadings, []);
        return { filename: 'spotlight-people-template.csv', contentType: csvType, body };
      }
      const body = await writeXlsx(templateSheets(), clock.now());
      return { filename: 'spotlight-directory-template.xlsx', contentType: xlsxType, body };
    },

    exportCsv: (ctx: RequestContext) => download(ctx, 'csv'),
    exportXlsx: (ctx: RequestContext) => download(ctx, 'xlsx'),

    /** Housekeeping: uploads left unconfirmed for a day are abandoned and their rows forgotten. */
    async abandonStale(): Promise<number> {
      const cutoff = new Date(clock.now().getTime() - 24 * 3_600_000).toISOString();
      return repo.abandonStaleImports(db, cutoff, now(), noRows);
    },
  };
}
