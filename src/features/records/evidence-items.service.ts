// The evidence items in a team member's Team Member Information Record: each one read by anyone who
// may see the day (the case numbers shown audited), added, changed or removed by the author while
// the record is a draft, each change in one transaction with its audit entry.
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/context.js';
import { toDbInstant } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { checkId } from '../day/day-input.js';
import type { OpenRecord } from './record-access.js';
import * as repo from './record-items.repository.js';
import {
  checkEvidence,
  evidenceConflict,
  evidenceDetails,
  evidenceMessages,
  toEvidenceItem,
  type EvidenceInput,
  type EvidenceItem,
} from './record-items.rules.js';
import { createRecordItemsSupport, type RecordItemsDeps } from './record-items.support.js';
import { toRecordChild } from './records.model.js';

export function createEvidenceItems(deps: RecordItemsDeps) {
  const { db, audit, recordAccess } = deps;
  const { viewed, change, entry } = createRecordItemsSupport(deps);

  async function itemIn(
    open: OpenRecord,
    itemId: string,
    trx: Kysely<Database> = db,
  ): Promise<EvidenceItem> {
    const row = await repo.findEvidence(trx, open.record.id, checkId(itemId, 'Evidence'));
    if (!row) throw new NotFound('Evidence');
    return toEvidenceItem(row);
  }

  const childrenOf = async (open: OpenRecord) =>
    (await repo.listChildren(db, open.record.id)).map(toRecordChild);

  /** The record's child an evidence item is about; Invalid when it is not in the record (now). */
  async function aboutChild(trx: Kysely<Database>, open: OpenRecord, childId: string) {
    const row = /^[0-9A-Za-z_-]{1,64}$/.test(childId)
      ? await repo.findChild(trx, open.record.id, childId)
      : undefined;
    if (!row) throw new Invalid('child', evidenceMessages.child);
    return toRecordChild(row);
  }

  return {
    /** The form for a new evidence item: the record's children are offered (their view audited). */
    async newEvidence(ctx: RequestContext, spotlightId: string, recordId: string) {
      const open = await recordAccess.forAuthor(ctx, spotlightId, recordId);
      const children = await childrenOf(open);
      await viewed(
        ctx,
        open.spotlight,
        children.map((c) => c.caseNumber),
        'evidence',
      );
      return { ...open, children };
    },

    /**
     * One evidence item, for anyone who may see the day. The author's form offers every child in
     * the record; readers see the one it is about. The case numbers shown are audited.
     */
    async evidence(ctx: RequestContext, spotlightId: string, recordId: string, itemId: string) {
      const open = await recordAccess.readable(ctx, spotlightId, recordId);
      const item = await itemIn(open, itemId);
      const children = await childrenOf(open);
      const shown = open.editable ? children : children.filter((c) => c.id === item.childId);
      await viewed(
        ctx,
        open.spotlight,
        shown.map((c) => c.caseNumber),
        'evidence',
      );
      return { ...open, item, children };
    },

    /** The author's evidence item, before anything they typed is looked at. */
    async evidenceForEditing(
      ctx: RequestContext,
      spotlightId: string,
      recordId: string,
      itemId: string,
    ) {
      const open = await recordAccess.forAuthor(ctx, spotlightId, recordId);
      return { ...open, item: await itemIn(open, itemId) };
    },

    /** Adds an evidence item; returns its id. */
    async addEvidence(
      ctx: RequestContext,
      spotlightId: string,
      recordId: string,
      input: EvidenceInput,
    ): Promise<string> {
      const checked = checkEvidence(input);
      const id = newId();
      await change(ctx, spotlightId, recordId, async (trx, open, now) => {
        const child = checked.childId ? await aboutChild(trx, open, checked.childId) : null;
        await repo.insertEvidence(trx, {
          id,
          record_id: open.record.id,
          spotlight_id: open.spotlight.id,
          theme: checked.theme,
          source: checked.source,
          kind: checked.kind,
          seen: checked.seen,
          record_child_id: child?.id ?? null,
          created_at: toDbInstant(now),
          updated_at: toDbInstant(now),
          version: 1,
        });
        await audit.record(
          ctx,
          {
            ...entry(open),
            action: 'records.evidence-added',
            caseNumbers: child ? [child.caseNumber] : [],
            details: evidenceDetails(open, id, checked),
          },
          trx,
        );
      });
      return id;
    },

    /** Saves an evidence item read at `version`; Conflict when it was saved somewhere else first. */
    async saveEvidence(
      ctx: RequestContext,
      spotlightId: string,
      recordId: string,
      itemId: string,
      input: EvidenceInput,
      version: number,
    ): Promise<{ version: number; savedAt: Date }> {
      const checked = checkEvidence(input);
      return change(ctx, spotlightId, recordId, async (trx, open, now) => {
        const item = await itemIn(open, itemId, trx);
        const child = checked.childId ? await aboutChild(trx, open, checked.childId) : null;
        const values = {
          theme: checked.theme,
          source: checked.source,
          kind: checked.kind,
          seen: checked.seen,
          record_child_id: child?.id ?? null,
          updated_at: toDbInstant(now),
        };
        if (!(await repo.updateEvidence(trx, open.record.id, item.id, values, version))) {
          throw evidenceConflict();
        }
        await audit.record(
          ctx,
          {
            ...entry(open),
            action: 'records.evidence-changed',
            caseNumbers: child ? [child.caseNumber] : [],
            details: { ...evidenceDetails(open, item.id, checked), version: version + 1 },
          },
          trx,
        );
        return { version: version + 1, savedAt: now };
      });
    },

    /** An evidence item, to confirm its removal (the case number of its child's view audited). */
    async evidenceToRemove(
      ctx: RequestContext,
      spotlightId: string,
      recordId: string,
      itemId: string,
    ) {
      const open = await recordAccess.forAuthor(ctx, spotlightId, recordId);
      const item = await itemIn(open, itemId);
      const child = item.childId ? await repo.findChild(db, open.record.id, item.childId) : null;
      const about = child ? toRecordChild(child) : null;
      await viewed(ctx, open.spotlight, about ? [about.caseNumber] : [], 'remove-evidence');
      return { ...open, item, child: about };
    },

    async removeEvidence(
      ctx: RequestContext,
      spotlightId: string,
      recordId: string,
      itemId: string,
    ) {
      await change(ctx, spotlightId, recordId, async (trx, open) => {
        const item = await itemIn(open, itemId, trx);
        const child = item.childId ? await repo.findChild(trx, open.record.id, item.childId) : null;
        if (!(await repo.deleteEvidence(trx, open.record.id, item.id))) {
          throw new NotFound('Evidence');
        }
        await audit.record(
          ctx,
          {
            ...entry(open),
            action: 'records.evidence-removed',
            caseNumbers: child ? [child.case_number] : [],
            details: {
              recordId: open.record.id,
              itemId: item.id,
              theme: item.theme,
              source: item.source,
              kind: item.kind,
            },
          },
          trx,
        );
      });
    },
  };
}
