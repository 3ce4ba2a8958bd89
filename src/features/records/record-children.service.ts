// The children a team member reviewed, in their Team Member Information Record: each one read by
// anyone who may see the day (its case number's view audited), answered, added or removed by the
// author while the record is a draft, each change in one transaction with its audit entry.
import type { Kysely } from 'kysely';
import { checkCaseNumber, isCaseSystem } from '../../core/case-numbers.js';
import type { RequestContext } from '../../platform/context.js';
import { isUniqueViolation, toDbInstant } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { checkId } from '../day/day-input.js';
import type { OpenRecord } from './record-access.js';
import * as repo from './record-items.repository.js';
import {
  addChildMessages,
  checkChildAnswers,
  childConflict,
  isAddedChild,
  type ChildAnswers,
} from './record-items.rules.js';
import { createRecordItemsSupport, type RecordItemsDeps } from './record-items.support.js';
import { recordLimits } from './record-limits.js';
import { childOrder, toRecordChild, type RecordChild } from './records.model.js';

export function createRecordChildren(deps: RecordItemsDeps) {
  const { db, audit, recordAccess } = deps;
  const { viewed, change, entry } = createRecordItemsSupport(deps);

  async function childIn(
    open: OpenRecord,
    childId: string,
    trx: Kysely<Database> = db,
  ): Promise<RecordChild> {
    const row = await repo.findChild(trx, open.record.id, checkId(childId, 'Child'));
    if (!row) throw new NotFound('Child');
    return toRecordChild(row);
  }

  return {
    /** One child reviewed, for anyone who may see the day; its case number's view is audited. */
    async child(ctx: RequestContext, spotlightId: string, recordId: string, childId: string) {
      const open = await recordAccess.readable(ctx, spotlightId, recordId);
      const child = await childIn(open, childId);
      await viewed(ctx, open.spotlight, [child.caseNumber], 'child');
      return { ...open, child, removable: open.editable && isAddedChild(child) };
    },

    /** The author's child, before anything they typed is looked at. */
    async childForEditing(
      ctx: RequestContext,
      spotlightId: string,
      recordId: string,
      childId: string,
    ) {
      const open = await recordAccess.forAuthor(ctx, spotlightId, recordId);
      return { ...open, child: await childIn(open, childId) };
    },

    /** Saves the answers read at `version`; Conflict when they were saved somewhere else first. */
    async saveChild(
      ctx: RequestContext,
      spotlightId: string,
      recordId: string,
      childId: string,
      answers: ChildAnswers,
      version: number,
    ): Promise<{ version: number; savedAt: Date }> {
      const checked = checkChildAnswers(answers);
      return change(ctx, spotlightId, recordId, async (trx, open, now) => {
        const child = await childIn(open, childId, trx);
        const saved = await repo.updateChild(
          trx,
          open.record.id,
          child.id,
          {
            documents_read: checked.documentsRead || null,
            life_for_child: checked.lifeForChild || null,
            proportionate: checked.proportionate,
            proportionate_why: checked.proportionateWhy || null,
            good_enough: checked.goodEnough,
            good_enough_why: checked.goodEnoughWhy || null,
            strengths: checked.strengths || null,
            areas_to_develop: checked.areasToDevelop || null,
            updated_at: toDbInstant(now),
          },
          version,
        );
        if (!saved) throw childConflict();
        await audit.record(
          ctx,
          {
            ...entry(open),
            action: 'records.child-saved',
            caseNumbers: [child.caseNumber],
            details: { version: version + 1 },
          },
          trx,
        );
        return { version: version + 1, savedAt: now };
      });
    },

    /** The form to add another child: how many the author has added, and the council's formats. */
    async addChildForm(ctx: RequestContext, spotlightId: string, recordId: string) {
      const open = await recordAccess.forAuthor(ctx, spotlightId, recordId);
      const added = await repo.countAddedChildren(db, open.record.id);
      return {
        ...open,
        added,
        canAdd: added < recordLimits.extraChildren,
        formats: open.spotlight.settings.caseNumberFormats,
      };
    },

    /** Adds a child the author also reviewed (from dip sampling, say); returns its id. */
    async addChild(
      ctx: RequestContext,
      spotlightId: string,
      recordId: string,
      input: { caseSystem: string; caseNumber: string },
    ): Promise<string> {
      const id = newId();
      try {
        await change(ctx, spotlightId, recordId, async (trx, open, now) => {
          const system = input.caseSystem;
          if (!isCaseSystem(system)) throw new Invalid('caseSystem', addChildMessages.caseSystem);
          const formats = open.spotlight.settings.caseNumberFormats;
          const checked = checkCaseNumber(system, input.caseNumber, formats);
          if (!checked.ok) throw new Invalid('caseNumber', checked.message);
          if (await repo.findChildByCaseNumber(trx, open.record.id, checked.caseNumber)) {
            throw new Invalid('caseNumber', addChildMessages.duplicate);
          }
          if ((await repo.countAddedChildren(trx, open.record.id)) >= recordLimits.extraChildren) {
            throw new Invalid('caseNumber', addChildMessages.tooMany);
          }
          await repo.insertChild(trx, {
            id,
            record_id: open.record.id,
            spotlight_id: open.spotlight.id,
            allocation_id: null,
            kind: 'other',
            case_system: system,
            case_number: checked.caseNumber,
            documents_read: null,
            life_for_child: null,
            proportionate: null,
            proportionate_why: null,
            good_enough: null,
            good_enough_why: null,
            strengths: null,
            areas_to_develop: null,
            position: childOrder.other,
            updated_at: toDbInstant(now),
            version: 1,
          });
          await audit.record(
            ctx,
            {
              ...entry(open),
              action: 'records.child-added',
              caseNumbers: [checked.caseNumber],
              details: { recordId: open.record.id, childId: id, caseSystem: system },
            },
            trx,
          );
        });
      } catch (error) {
        // The same child added at the same moment in another tab.
        if (isUniqueViolation(error)) throw new Invalid('caseNumber', addChildMessages.duplicate);
        throw error;
      }
      return id;
    },

    /** A child the author added, to confirm its removal (its case number's view audited). */
    async childToRemove(
      ctx: RequestContext,
      spotlightId: string,
      recordId: string,
      childId: string,
    ) {
      const open = await recordAccess.forAuthor(ctx, spotlightId, recordId);
      const child = await childIn(open, childId);
      if (!isAddedChild(child)) throw new NotFound('Child');
      await viewed(ctx, open.spotlight, [child.caseNumber], 'remove-child');
      return { ...open, child, evidence: await repo.countEvidenceAbout(db, child.id) };
    },

    /** Removes a child the author added; evidence about them stays, about no child. */
    async removeChild(ctx: RequestContext, spotlightId: string, recordId: string, childId: string) {
      await change(ctx, spotlightId, recordId, async (trx, open) => {
        const child = await childIn(open, childId, trx);
        if (!isAddedChild(child)) throw new NotFound('Child');
        const evidenceKept = await repo.countEvidenceAbout(trx, child.id);
        if (!(await repo.deleteChild(trx, open.record.id, child.id))) throw new NotFound('Child');
        await audit.record(
          ctx,
          {
            ...entry(open),
            action: 'records.child-removed',
            caseNumbers: [child.caseNumber],
            details: { recordId: open.record.id, childId: child.id, evidenceKept },
          },
          trx,
        );
      });
    },
  };
}
