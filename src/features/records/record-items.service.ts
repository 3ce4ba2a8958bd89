// The children a team member reviewed and their evidence items, in their Team Member Information
// Record. Anyone who may see the day reads them; only the author changes them, while the record is
// a draft, each change in one transaction with its audit entry, protected against lost updates.
// Pages that show children's case numbers write who saw them to the audit log.
import type { Kysely } from 'kysely';
import { checkCaseNumber, isCaseSystem } from '../../core/case-numbers.js';
import {
  isEvidenceKind,
  isEvidenceSource,
  isThemeKey,
  type EvidenceKind,
  type EvidenceSource,
  type GoodEnoughAnswer,
  type ProportionateAnswer,
  type ThemeKey,
} from '../../core/record-themes.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { recordCaseNumberView } from '../../platform/audit/case-number-views.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { isUniqueViolation, toDbInstant } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { characters, checkId, cleanText } from '../day/day-input.js';
import type { Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import { RecordSubmitted, type OpenRecord, type RecordAccess } from './record-access.js';
import { recordLimits } from './record-limits.js';
import { childOrder, toRecordChild, type RecordChild } from './records.model.js';
import * as repo from './record-items.repository.js';

/** The answers about one child; blank ('' or null) while the member has not answered. */
export interface ChildAnswers {
  documentsRead: string;
  lifeForChild: string;
  proportionate: ProportionateAnswer | null;
  proportionateWhy: string;
  goodEnough: GoodEnoughAnswer | null;
  goodEnoughWhy: string;
  strengths: string;
  areasToDevelop: string;
}

export const childTextFields = [
  'documentsRead',
  'lifeForChild',
  'proportionateWhy',
  'goodEnoughWhy',
  'strengths',
  'areasToDevelop',
] as const;
export type ChildTextField = (typeof childTextFields)[number];

const most = recordLimits.childAnswer.toLocaleString('en-GB');

/** The messages of the child's form, the same whether the form or the rules find the problem. */
export const childMessages = {
  documentsRead: `Which documents you read must be ${most} characters or fewer`,
  lifeForChild: `What life is like for the child must be ${most} characters or fewer`,
  proportionate: 'Select whether the help is too much, about right or too little',
  proportionateWhy: `Why the help is or is not proportionate must be ${most} characters or fewer`,
  goodEnough: 'Select yes or no',
  goodEnoughWhy: `Why it would or would not be good enough must be ${most} characters or fewer`,
  strengths: `Strengths must be ${most} characters or fewer`,
  areasToDevelop: `Areas to develop must be ${most} characters or fewer`,
} as const;

export interface EvidenceInput {
  theme: ThemeKey;
  source: EvidenceSource;
  kind: EvidenceKind;
  seen: string;
  /** The record's child it is about; null when it is not about one child. */
  childId: string | null;
}

export const evidenceMessages = {
  theme: 'Select the theme this evidence is about',
  source: 'Select where the evidence came from',
  kind: 'Select whether this is a strength or an area for development',
  seen: 'Enter what you saw, heard or read',
  seenLength: `What you saw, heard or read must be ${recordLimits.seen.toLocaleString('en-GB')} characters or fewer`,
  child: 'Select one of the children in your record, or “Not about one child”',
} as const;

export const addChildMessages = {
  caseSystem: 'Select whether the child’s record is in LCS or EHM',
  duplicate: 'This child is already in your record. Find them in the list of children you reviewed',
  tooMany: `You can add up to ${recordLimits.extraChildren} children besides the children allocated to you`,
} as const;

export interface EvidenceItem {
  id: string;
  recordId: string;
  theme: ThemeKey | null;
  source: EvidenceSource | null;
  kind: EvidenceKind | null;
  seen: string;
  childId: string | null;
  updatedAt: string;
  version: number;
}

function toEvidenceItem(row: repo.EvidenceItemRow): EvidenceItem {
  return {
    id: row.id,
    recordId: row.record_id,
    theme: isThemeKey(row.theme) ? row.theme : null,
    source: isEvidenceSource(row.source) ? row.source : null,
    kind: isEvidenceKind(row.kind) ? row.kind : null,
    seen: row.seen,
    childId: row.record_child_id,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** A child the member added themselves (not allocated): only these can be removed. */
export const isAddedChild = (child: RecordChild) =>
  child.kind === 'other' && child.allocationId === null;

/** The form's answers checked again, as the rules say (the form already told the user). */
function checkChildAnswers(input: ChildAnswers): ChildAnswers {
  const checked = { ...input };
  for (const field of childTextFields) {
    checked[field] = cleanText(input[field]);
    if (characters(checked[field]) > recordLimits.childAnswer) {
      throw new Invalid(field, childMessages[field]);
    }
  }
  return checked;
}

function checkEvidence(input: EvidenceInput): EvidenceInput {
  if (!isThemeKey(input.theme)) throw new Invalid('theme', evidenceMessages.theme);
  if (!isEvidenceSource(input.source)) throw new Invalid('source', evidenceMessages.source);
  if (!isEvidenceKind(input.kind)) throw new Invalid('kind', evidenceMessages.kind);
  const seen = cleanText(input.seen);
  if (seen === '') throw new Invalid('seen', evidenceMessages.seen);
  if (characters(seen) > recordLimits.seen) throw new Invalid('seen', evidenceMessages.seenLength);
  return { ...input, seen };
}

const childConflict = () =>
  new Conflict('Your answers about this child were saved somewhere else while you were working');
const evidenceConflict = () =>
  new Conflict('This evidence was saved somewhere else while you were working on it');

export type RecordItemsService = ReturnType<typeof createRecordItemsService>;

export function createRecordItemsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
  recordAccess: RecordAccess;
}) {
  const { db, clock, audit, recordAccess } = deps;

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

  async function childIn(
    open: OpenRecord,
    childId: string,
    trx: Kysely<Database> = db,
  ): Promise<RecordChild> {
    const row = await repo.findChild(trx, open.record.id, checkId(childId, 'Child'));
    if (!row) throw new NotFound('Child');
    return toRecordChild(row);
  }

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

  const entry = (open: OpenRecord) => ({ objectType: 'spotlight', objectId: open.spotlight.id });

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

  /** The record's child an evidence item is about; Invalid when it is not in the record (now). */
  async function aboutChild(trx: Kysely<Database>, open: OpenRecord, childId: string) {
    const row = /^[0-9A-Za-z_-]{1,64}$/.test(childId)
      ? await repo.findChild(trx, open.record.id, childId)
      : undefined;
    if (!row) throw new Invalid('child', evidenceMessages.child);
    return toRecordChild(row);
  }

  function evidenceDetails(open: OpenRecord, itemId: string, input: EvidenceInput) {
    // What kind of evidence, never what was seen.
    return {
      recordId: open.record.id,
      itemId,
      theme: input.theme,
      source: input.source,
      kind: input.kind,
    };
  }
}
