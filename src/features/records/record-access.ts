// Who may open which Team Member Information Record, shared by every records page: anyone who may
// see the day reads any record of that Spotlight; only its author changes it, and only while it is
// a draft (after submission the Lead reopens it). A member's record is made the first time they
// open it, with the children the Lead allocated them; it follows later changes to the allocation.
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { isUniqueViolation, toDbInstant } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict, Forbidden, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { checkId } from '../day/day-input.js';
import type { Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import {
  childOrder,
  isUntouched,
  toMemberRecord,
  toRecordChild,
  type MemberRecord,
} from './records.model.js';
import * as repo from './records.repository.js';
import { isAllocationKind } from '../../core/allocation.js';

/** The record has been submitted: its author cannot change it unless the Lead reopens it. */
export class RecordSubmitted extends Conflict {
  constructor() {
    super(
      'This record has been submitted, so it cannot be changed. Ask the Lead to reopen it if you need to change it.',
    );
  }
}

export interface OpenRecord {
  spotlight: Spotlight;
  record: MemberRecord;
  /** The signed-in person wrote it. */
  isAuthor: boolean;
  /** The signed-in person leads the Spotlight. */
  isLead: boolean;
  /** The author may change it now (theirs and a draft). */
  editable: boolean;
}

export type RecordAccess = ReturnType<typeof createRecordAccess>;

export function createRecordAccess(deps: {
  db: Kysely<Database>;
  clock: Clock;
  spotlights: SpotlightService;
}) {
  const { db, clock, spotlights } = deps;

  async function load(
    ctx: RequestContext,
    spotlight: Spotlight,
    recordId: string,
    trx: Kysely<Database> = db,
  ): Promise<OpenRecord> {
    const row = await repo.findRecord(trx, checkId(recordId, 'Record'));
    if (!row || row.spotlight_id !== spotlight.id) throw new NotFound('Record');
    const record = toMemberRecord(row);
    const isAuthor = ctx.actor?.personId === record.member.id;
    return {
      spotlight,
      record,
      isAuthor,
      isLead: spotlights.can(ctx, spotlight, 'spotlight:lead'),
      editable: isAuthor && record.status === 'draft',
    };
  }

  /** Keeps the record's children in step with the allocation: new ones added, untouched gone. */
  async function followAllocation(
    trx: Kysely<Database>,
    spotlightId: string,
    record: { id: string; member: { id: string } },
  ): Promise<void> {
    const [allocated, children] = await Promise.all([
      repo.listAllocatedChildren(trx, spotlightId, record.member.id),
      repo.listRecordChildren(trx, record.id),
    ]);
    const now = toDbInstant(clock.now());
    const have = new Set(children.map((c) => c.case_number));
    for (const child of allocated) {
      if (have.has(child.case_number)) continue;
      const kind = isAllocationKind(child.kind) ? child.kind : 'other';
      await repo.insertRecordChild(trx, {
        id: newId(),
        record_id: record.id,
        spotlight_id: spotlightId,
        allocation_id: child.id,
        kind,
        case_system: child.case_system,
        case_number: child.case_number,
        documents_read: null,
        life_for_child: null,
        proportionate: null,
        proportionate_why: null,
        good_enough: null,
        good_enough_why: null,
        strengths: null,
        areas_to_develop: null,
        position: childOrder[kind],
        updated_at: now,
        version: 1,
      });
    }
    const stillAllocated = new Set(allocated.map((c) => c.case_number));
    for (const row of children) {
      const child = toRecordChild(row);
      if (child.kind === 'other' || stillAllocated.has(child.caseNumber)) continue;
      if (!isUntouched(child)) continue;
      if ((await repo.countEvidenceAboutChild(trx, child.id)) > 0) continue;
      await repo.deleteRecordChild(trx, child.id);
    }
  }

  return {
    /** Any record of the Spotlight, for anyone who may see the day (Lead, members, QA team). */
    async readable(ctx: RequestContext, spotlightId: string, recordId: string) {
      const spotlight = await spotlights.authorise(
        ctx,
        checkId(spotlightId, 'Spotlight'),
        'spotlight:view-day',
      );
      return load(ctx, spotlight, recordId);
    },

    /**
     * The signed-in member's own record, to change: Forbidden for anyone else's (audited as a
     * refusal), RecordSubmitted when it has been submitted. Call it before the write's transaction
     * (it reads through the main handle, and SQLite's one connection is held by an open
     * transaction); inside the transaction, update only `where status = 'draft'` to catch a
     * submission that lands in between.
     */
    async forAuthor(
      ctx: RequestContext,
      spotlightId: string,
      recordId: string,
      trx: Kysely<Database> = db,
    ): Promise<OpenRecord> {
      const spotlight = await spotlights.authorise(
        ctx,
        checkId(spotlightId, 'Spotlight'),
        'spotlight:write-record',
      );
      const open = await load(ctx, spotlight, recordId, trx);
      if (!open.isAuthor) throw new Forbidden();
      if (!open.editable) throw new RecordSubmitted();
      return open;
    },

    /**
     * The signed-in member's record for this Spotlight, made on first use with their allocated
     * children, and kept in step with the allocation while it is a draft. Returns its id.
     */
    async ensureOwn(ctx: RequestContext, spotlightId: string): Promise<string> {
      const spotlight = await spotlights.authorise(
        ctx,
        checkId(spotlightId, 'Spotlight'),
        'spotlight:write-record',
      );
      const memberId = ctx.actor?.personId ?? '';
      const existing = await repo.findRecordOfMember(db, spotlight.id, memberId);
      if (existing) {
        if (existing.status === 'draft') {
          await db.transaction().execute(async (trx) => {
            await followAllocation(trx, spotlight.id, toMemberRecord(existing));
          });
        }
        return existing.id;
      }
      const id = newId();
      const now = toDbInstant(clock.now());
      try {
        await db.transaction().execute(async (trx) => {
          await repo.insertRecord(trx, {
            id,
            spotlight_id: spotlight.id,
            member_person_id: memberId,
            culture: null,
            practice: null,
            quality_assurance: null,
            oversight: null,
            systemic: null,
            learning: null,
            conversations: null,
            observations: null,
            status: 'draft',
            submitted_at: null,
            reopened_at: null,
            reopened_by_person_id: null,
            reopen_reason: null,
            created_at: now,
            updated_at: now,
            version: 1,
          });
          await followAllocation(trx, spotlight.id, { id, member: { id: memberId } });
        });
      } catch (error) {
        // Two tabs opened it at once: the other one made it.
        if (!isUniqueViolation(error)) throw error;
        const made = await repo.findRecordOfMember(db, spotlight.id, memberId);
        if (!made) throw error;
        return made.id;
      }
      return id;
    },
  };
}
