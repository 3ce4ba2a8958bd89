// The allocation of children on the day: Spotlight proposes three children for each team member
// (one random, one a worker is proud of, one a worker found challenging), the Lead changes any of
// them, and every random draw is kept so anyone can see how a child was chosen and re-run it.
import type { Kysely } from 'kysely';
import { allocationKinds, proposeAllocation } from '../../core/allocation.js';
import { detectCaseSystem } from '../../core/case-numbers.js';
import { drawAlgorithm, drawChild } from '../../core/random-draw.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { isUniqueViolation, toDbInstant, toDbJson } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import {
  allocationKindNames,
  explainDraw,
  keptChildren,
  offeredNominations,
  type AllocationFacts,
} from './allocation.model.js';
import * as repo from './allocation.repository.js';
import { createSlotChanges, newSeed, readFacts, recordView } from './allocation.slots.js';

export type AllocationService = ReturnType<typeof createAllocationService>;

export function createAllocationService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
}) {
  const { db, clock, audit, spotlights } = deps;

  const slots = createSlotChanges(deps);
  const viewed = (
    ctx: RequestContext,
    spotlight: Spotlight,
    caseNumbers: string[],
    view: string,
    action = 'day.allocation-viewed',
  ) => recordView(audit, ctx, spotlight, { action, caseNumbers, view });

  function plan(spotlight: Spotlight, facts: AllocationFacts, seed: string) {
    return proposeAllocation({
      members: spotlight.members.map((m) => ({ personId: m.id, name: m.name })),
      nominations: offeredNominations(facts),
      caseList: facts.caseList,
      seed,
      keep: keptChildren(facts.allocations),
      alsoExclude: facts.nominations.map((n) => n.caseNumber),
    });
  }

  return {
    /** The allocation page: each team member's three children, or what a proposal needs. */
    async overview(ctx: RequestContext, spotlightId: string) {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:view-day');
      const facts = await readFacts(db, spotlight.id);
      const isLead = spotlights.can(ctx, spotlight, 'spotlight:lead');
      const offered = offeredNominations(facts);
      const hasAllocation = facts.allocations.length > 0;
      // Which places could still be filled, and why the others cannot (the seed does not matter).
      const proposal = hasAllocation ? plan(spotlight, facts, 'places') : undefined;
      // Before the nominations are forwarded, that is the reason for any missing nominated child.
      const gaps = (proposal?.gaps ?? []).map((g) =>
        g.kind !== 'random' && !facts.forwardedAt
          ? {
              ...g,
              reason: 'The Team Manager has not forwarded the practitioners’ nominations yet',
            }
          : g,
      );
      const people = [
        ...spotlight.members.map((m) => ({ id: m.id, name: m.name, inTeam: true })),
        ...[...new Map(facts.allocations.map((a) => [a.memberPersonId, a.memberName]))]
          .filter(([id]) => !spotlight.members.some((m) => m.id === id))
          .map(([id, name]) => ({ id, name, inTeam: false })),
      ];
      const groups = people.map((person) => ({
        person,
        isYou: person.id === ctx.actor?.personId,
        rows: allocationKinds.map((kind) => {
          const allocation = facts.allocations.find(
            (a) => a.memberPersonId === person.id && a.kind === kind,
          );
          const gap = gaps.find((g) => g.memberPersonId === person.id && g.kind === kind);
          return {
            kind,
            kindName: allocationKindNames[kind],
            allocation,
            gap: gap?.reason,
            canFill: isLead && person.inTeam && !allocation && !gap,
          };
        }),
      }));
      await viewed(
        ctx,
        spotlight,
        facts.allocations.map((a) => a.caseNumber),
        'allocation',
      );
      return {
        spotlight,
        isLead,
        hasAllocation,
        groups: hasAllocation ? groups : [],
        gaps: gaps.map((g) => ({
          memberName: people.find((p) => p.id === g.memberPersonId)?.name ?? '',
          kindName: allocationKindNames[g.kind],
          reason: g.reason,
        })),
        caseListSize: new Set(facts.caseList.map((c) => c.caseNumber)).size,
        nominations: {
          forwardedAt: facts.forwardedAt,
          children: new Set(offered.map((n) => n.caseNumber)).size,
          practitioners: new Set(offered.map((n) => n.practitionerPersonId)).size,
        },
      };
    },

    /** Spotlight's proposal, saved with its draws, when nothing is allocated yet. */
    async propose(ctx: RequestContext, spotlightId: string) {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:lead');
      const seed = newSeed();
      try {
        return await db.transaction().execute(async (trx) => {
          if ((await repo.countAllocations(trx, spotlight.id)) > 0)
            throw new Conflict('An allocation already exists');
          const facts = await readFacts(trx, spotlight.id);
          const proposal = plan(spotlight, facts, seed);
          if (proposal.allocations.length === 0)
            return { allocated: 0, gaps: proposal.gaps.length };
          const now = toDbInstant(clock.now());
          const by = ctx.actor?.personId ?? null;
          for (const child of proposal.allocations) {
            let drawId: string | null = null;
            if (child.draw) {
              drawId = newId();
              await repo.insertDraw(trx, {
                id: drawId,
                spotlight_id: spotlight.id,
                algorithm: child.draw.algorithm,
                seed: child.draw.seed,
                pool: toDbJson(child.draw.pool),
                exclusions: toDbJson(child.draw.exclusions),
                chosen_case_number: child.draw.chosen,
                member_person_id: child.memberPersonId,
                replaces_draw_id: null,
                reason: null,
                drawn_by_person_id: by,
                drawn_at: now,
              });
            }
            await repo.insertAllocation(trx, {
              id: newId(),
              spotlight_id: spotlight.id,
              member_person_id: child.memberPersonId,
              kind: child.kind,
              case_system: child.system,
              case_number: child.caseNumber,
              nomination_id: child.nominationId ?? null,
              draw_id: drawId,
              updated_by_person_id: by,
              updated_at: now,
              version: 1,
            });
          }
          await audit.record(
            ctx,
            {
              action: 'day.allocation-proposed',
              objectType: 'spotlight',
              objectId: spotlight.id,
              caseNumbers: proposal.allocations.map((a) => a.caseNumber),
              details: { seed, allocated: proposal.allocations.length, gaps: proposal.gaps.length },
            },
            trx,
          );
          return { allocated: proposal.allocations.length, gaps: proposal.gaps.length };
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new Conflict('An allocation already exists');
        throw error;
      }
    },

    ...slots,

    /** How a child was chosen at random, and (when asked) the draw re-run from what is recorded. */
    async draw(ctx: RequestContext, spotlightId: string, drawId: string, check = false) {
      const spotlight = await spotlights.authorise(ctx, spotlightId, 'spotlight:view-day');
      const row = await repo.findDraw(db, spotlight.id, drawId);
      if (!row) throw new NotFound('Draw');
      const draw = explainDraw(row);
      const [replaces, replacedBy, caseList] = await Promise.all([
        draw.replacesDrawId ? repo.findDraw(db, spotlight.id, draw.replacesDrawId) : undefined,
        repo.findReplacingDraw(db, spotlight.id, draw.id),
        repo.listCaseList(db, spotlight.id),
      ]);
      const systemOf = (n: string) =>
        caseList.find((c) => c.case_number === n)?.case_system ??
        detectCaseSystem(n, spotlight.settings.caseNumberFormats) ??
        '';
      let rerun: { known: boolean; same: boolean; chosen: string | null } | undefined;
      if (check) {
        const again =
          draw.algorithm === drawAlgorithm
            ? drawChild({ seed: draw.seed, pool: draw.pool, exclusions: draw.exclusions })
            : undefined;
        rerun = {
          known: draw.algorithm === drawAlgorithm,
          same: again?.chosen === draw.chosen,
          chosen: again?.chosen ?? null,
        };
      }
      const shown = [
        draw.chosen,
        ...draw.leftOut,
        ...(replaces ? [replaces.chosen_case_number] : []),
      ];
      await viewed(
        ctx,
        spotlight,
        [...shown, ...(rerun?.chosen ? [rerun.chosen] : [])],
        check ? 'check' : 'draw',
        'day.draw-viewed',
      );
      return {
        spotlight,
        draw,
        system: systemOf(draw.chosen),
        replaces: replaces
          ? {
              id: replaces.id,
              chosen: replaces.chosen_case_number,
              system: systemOf(replaces.chosen_case_number),
            }
          : null,
        replacedBy: replacedBy ?? null,
        rerun: rerun ? { ...rerun, system: rerun.chosen ? systemOf(rerun.chosen) : '' } : undefined,
      };
    },
  };
}

export type AllocationOverview = Awaited<ReturnType<AllocationService['overview']>>;
export type AllocationSlotForm = Awaited<ReturnType<AllocationService['slotForm']>>;
export type DrawPage = Awaited<ReturnType<AllocationService['draw']>>;
