// What the services for a record's children and evidence items share: their dependencies, the
// audit of case numbers shown, and an author's change run in one transaction on a draft record.
import type { Kysely } from 'kysely';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { recordCaseNumberView } from '../../platform/audit/case-number-views.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { toDbInstant } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import type { Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import { RecordSubmitted, type OpenRecord, type RecordAccess } from './record-access.js';
import * as repo from './record-items.repository.js';

export interface RecordItemsDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
  recordAccess: RecordAccess;
}

export function createRecordItemsSupport(deps: RecordItemsDeps) {
  const { db, clock, audit, recordAccess } = deps;

  /** Writes who saw which children's case numbers, and on which page, to the audit log. */
  const viewed = (
    ctx: RequestContext,
    spotlight: Spotlight,
    caseNumbers: readonly string[],
    view: string,
  ) =>
    recordCaseNumberView(audit, ctx, spotlight, {
      action: 'records.case-numbers-viewed',
      caseNumbers,
      view,
    });

  /**
   * A change by the record's author: who may make it is checked first (refusals audited), then the
   * work runs in one transaction that also marks the record changed, and is refused when the record
   * has been submitted in the meantime. (The access check reads outside the transaction: SQLite has
   * one connection, which the transaction holds.)
   */
  async function change<T>(
    ctx: RequestContext,
    spotlightId: string,
    recordId: string,
    work: (trx: Kysely<Database>, open: OpenRecord, now: Date) => Promise<T>,
  ): Promise<T> {
    const open = await recordAccess.forAuthor(ctx, spotlightId, recordId);
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      if (!(await repo.touchDraftRecord(trx, open.record.id, toDbInstant(now)))) {
        throw new RecordSubmitted();
      }
      return work(trx, open, now);
    });
  }

  /** The audit entry's object: the Spotlight the record belongs to. */
  const entry = (open: OpenRecord) => ({ objectType: 'spotlight', objectId: open.spotlight.id });

  return { viewed, change, entry };
}
