// The Lead's changes to an allocation, one child at a time: another nominated child for a proud or
// challenging place, a new random draw (with a reason) for a random one, or filling an empty place.
// Also what every allocation page reads first, and the audit entry for a page showing case numbers.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  isAllocationKind,
  type AllocatedChild,
  type AllocationKind,
} from '../../core/allocation.js';
import { drawChild, eligibleChildren } from '../../core/random-draw.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { recordCaseNumberView } from '../../platform/audit/case-number-views.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { isUniqueViolation, toDbInstant, toDbJson } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import {
  allocationKindNames,
  drawExclusions,
  toAllocation,
  toDayNomination,
  unallocatedNominations,
  type AllocationFacts,
} from './allocation.model.js';
import * as repo from './allocation.repository.js';

/** Which child a change is about: an allocation, or a member's empty place for a kind of child. */
export type SlotTarget = { allocationId: string } | { memberPersonId: string; kind: string };

export interface SlotChange {
  /** The allocation's version the form was read at; null for an empty place. */
  version: number | null;
  nominationId?: string;
  reason?: string;
}

export type SlotChangeResult =
  | { status: 'changed'; memberName: string; kind: AllocationKind; redrawn: boolean }
  | { status: 'conflict' }
  | { status: 'invalid'; field: 'nominationId' | 'reason'; message: string }
  | { status: 'nothing-to-draw' };

export const redrawReasonRequired =
  'Enter why you are drawing again, for example the child’s case is closed';

/** Thrown inside a change's transaction to undo it when somebody else changed the child first. */
class StaleAllocation extends Error {}

/** A new seed for a random draw: 16 random bytes as hex. */
export const newSeed = () => randomBytes(16).toString('hex');

/** Everything an allocation page starts from, read in one go (inside a transaction if given). */
export async function readFacts(
  db: Kysely<Database>,
  spotlightId: string,
): Promise<AllocationFacts> {
  const [allocations, nominations, forwardedAt, caseList] = await Promise.all([
    repo.listAllocations(db, spotlightId),
    repo.listDayNominations(db, spotlightId),
    repo.findNominationsForwardedAt(db, spotlightId),
    repo.listCaseList(db, spotlightId),
  ]);
  return {
    allocations: allocations.map(toAllocation),
    nominations: nominations.map(toDayNomination),
    forwardedAt,
    caseList: caseList.map((c) => ({ system: c.case_system, caseNumber: c.case_number })),
  };
}

/** The audit entry for a page that shows children's case numbers. */
export const recordView = recordCaseNumberView;

export function createSlotChanges(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
}) {
  const { db, clock, audit, spotlights } = deps;
  const factsOf = (spotlightId: string, trx: Kysely<Database> = db) => readFacts(trx, spotlightId);

  /** The child a change is about, the member and the kind; NotFound for anything else. */
  function slotOf(spotlight: Spotlight, facts: AllocationFacts, target: SlotTarget) {
    if ('allocationId' in target) {
      const current = facts.allocations.find((a) => a.id === target.allocationId);
      if (!current) throw new NotFound('Allocation');
      const member = { id: current.memberPersonId, name: current.memberName };
      return { member, kind: current.kind, current };
    }
    const member = spotlight.members.find((m) => m.id === target.memberPersonId);
    if (!member || !isAllocationKind(target.kind)) throw new NotFound('Team member');
    const current = facts.allocations.find(
      (a) => a.memberPersonId === member.id && a.kind === target.kind,
    );
    return { member: { id: member.id, name: member.name }, kind: target.kind, current };
  }

  async function write(
    trx: Kysely<Database>,
    ctx: RequestContext,
    spotlight: Spotlight,
    slot: ReturnType<typeof slotOf>,
    child: Omit<AllocatedChild, 'memberPersonId' | 'kind'> & { drawId: string | null },
  ) {
    const fields = {
      case_system: child.system,
      case_number: child.caseNumber,
      nomination_id: child.nominationId ?? null,
      draw_id: child.drawId,
      updated_by_person_id: ctx.actor?.personId ?? null,
      updated_at: toDbInstant(clock.now()),
    };
    if (slot.current) {
      if (!(await repo.updateAllocation(trx, slot.current.id, slot.current.version, fields)))
        throw new StaleAllocation();
      return slot.current.id;
    }
    const id = newId();
    await repo.insertAllocation(trx, {
      id,
      spotlight_id: spotlight.id,
      member_person_id: slot.member.id,
      kind: slot.kind,
      ...fields,
      version: 1,
    });
    return id;
  }

  /** The Lead's form to change one child, or to fill a member's empty place. */
  async function slotForm(ctx: RequestContext, spotlightId: string, target: SlotTarget) {
    const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:lead');
    const facts = await factsOf(spotlight.id);
    const slot = slotOf(spotlight, facts, target);
    const options = slot.kind === 'random' ? [] : unallocatedNominations(facts, slot.kind);
    const pool = facts.caseList.map((c) => c.caseNumber);
    const drawable = eligibleChildren(pool, drawExclusions(facts)).length;
    const shown = [
      ...(slot.current ? [slot.current.caseNumber] : []),
      ...options.map((o) => o.caseNumber),
    ];
    await recordView(audit, ctx, spotlight, {
      action: 'day.allocation-viewed',
      caseNumbers: shown,
      view: slot.current ? 'change' : 'add',
    });
    return {
      spotlight,
      ...slot,
      kindName: allocationKindNames[slot.kind],
      options,
      drawable: slot.kind === 'random' ? drawable : 0,
      forwarded: facts.forwardedAt !== null,
    };
  }

  /** Changes one child (a redraw for a random one) or fills an empty place: one transaction. */
  async function changeSlot(
    ctx: RequestContext,
    spotlightId: string,
    target: SlotTarget,
    change: SlotChange,
  ): Promise<SlotChangeResult> {
    const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:lead');
    const seed = newSeed();
    try {
      return await db.transaction().execute(async (trx): Promise<SlotChangeResult> => {
        const facts = await factsOf(spotlight.id, trx);
        const slot = slotOf(spotlight, facts, target);
        const { current, member, kind } = slot;
        if ((current?.version ?? null) !== change.version) return { status: 'conflict' };
        if (kind === 'random' && current && !change.reason)
          return { status: 'invalid', field: 'reason', message: redrawReasonRequired };
        if (kind !== 'random' && !change.nominationId)
          return { status: 'invalid', field: 'nominationId', message: 'Select a child' };
        const entry = { objectType: 'spotlight', objectId: spotlight.id };
        if (kind === 'random') {
          const pool = facts.caseList.map((c) => c.caseNumber);
          const draw = drawChild({ seed, pool, exclusions: drawExclusions(facts) });
          if (!draw) return { status: 'nothing-to-draw' };
          const drawId = newId();
          await repo.insertDraw(trx, {
            id: drawId,
            spotlight_id: spotlight.id,
            algorithm: draw.algorithm,
            seed: draw.seed,
            pool: toDbJson(draw.pool),
            exclusions: toDbJson(draw.exclusions),
            chosen_case_number: draw.chosen,
            member_person_id: member.id,
            replaces_draw_id: current?.drawId ?? null,
            reason: current ? (change.reason ?? null) : null,
            drawn_by_person_id: ctx.actor?.personId ?? null,
            drawn_at: toDbInstant(clock.now()),
          });
          const system = facts.caseList.find((c) => c.caseNumber === draw.chosen)?.system ?? '';
          const allocationId = await write(trx, ctx, spotlight, slot, {
            system,
            caseNumber: draw.chosen,
            drawId,
          });
          await audit.record(
            ctx,
            {
              ...entry,
              action: current ? 'day.child-redrawn' : 'day.allocation-changed',
              caseNumbers: [...(current ? [current.caseNumber] : []), draw.chosen],
              details: {
                allocationId,
                memberPersonId: member.id,
                kind,
                drawId,
                replacesDrawId: current?.drawId ?? null,
              },
            },
            trx,
          );
          return { status: 'changed', memberName: member.name, kind, redrawn: Boolean(current) };
        }
        const chosen = unallocatedNominations(facts, kind).find(
          (n) => n.nominationId === change.nominationId,
        );
        if (!chosen)
          return {
            status: 'invalid',
            field: 'nominationId',
            message: 'Select one of the children listed',
          };
        const allocationId = await write(trx, ctx, spotlight, slot, { ...chosen, drawId: null });
        await audit.record(
          ctx,
          {
            ...entry,
            action: 'day.allocation-changed',
            caseNumbers: [...(current ? [current.caseNumber] : []), chosen.caseNumber],
            details: {
              allocationId,
              memberPersonId: member.id,
              kind,
              fromNominationId: current?.nominationId ?? null,
              toNominationId: chosen.nominationId,
            },
          },
          trx,
        );
        return { status: 'changed', memberName: member.name, kind, redrawn: false };
      });
    } catch (error) {
      if (error instanceof StaleAllocation || isUniqueViolation(error))
        return { status: 'conflict' };
      throw error;
    }
  }

  return { slotForm, changeSlot };
}
