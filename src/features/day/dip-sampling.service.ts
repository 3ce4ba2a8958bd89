// Dip sampling in line with the priorities agreed: the Lead agrees targets with each team member
// (how many, of what, with what focus), each member ticks off their own during the day, and the
// Lead (and the QA team) see everyone's progress. No case numbers here.
import type { Kysely } from 'kysely';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { toDbInstant } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { PersonRef, Spotlight, SpotlightService } from '../spotlight/spotlight.service.js';
import { characters, checkId, cleanLine, dayLimits } from './day-input.js';
import * as repo from './dip-sampling.repository.js';

export interface DipSampleTarget {
  id: string;
  memberPersonId: string;
  memberName: string;
  howMany: number;
  ofWhat: string;
  focus: string | null;
  done: number;
  version: number;
}

export interface MemberTargets {
  member: PersonRef;
  targets: DipSampleTarget[];
  /** Done and to do across the member's targets. */
  done: number;
  howMany: number;
}

export interface TargetInput {
  memberPersonId: string;
  howMany: number;
  ofWhat: string;
  focus: string | null;
}

export interface DipSamplingPage {
  spotlight: Spotlight;
  canLead: boolean;
  /** The signed-in member's own targets; null for anyone who is not a team member. */
  mine: DipSampleTarget[] | null;
  /** Everyone's targets, for the Lead and the QA team; null for a team member. */
  everyone: MemberTargets[] | null;
}

const objectType = 'spotlight';

function toTarget(row: repo.DipSampleTargetRow, members: readonly PersonRef[]): DipSampleTarget {
  return {
    id: row.id,
    memberPersonId: row.member_person_id,
    memberName: members.find((m) => m.id === row.member_person_id)?.name ?? 'A former team member',
    howMany: row.how_many,
    ofWhat: row.of_what,
    focus: row.focus,
    done: row.done,
    version: row.version,
  };
}

/** The Lead's input checked again, as the rules say (the form already told the user). */
function checkTarget(spotlight: Spotlight, input: TargetInput): TargetInput {
  if (!spotlight.members.some((m) => m.id === input.memberPersonId)) {
    throw new Invalid('member', 'Select a team member');
  }
  if (!Number.isInteger(input.howMany) || input.howMany < 1 || input.howMany > dayLimits.howMany) {
    throw new Invalid('howMany', `How many must be between 1 and ${dayLimits.howMany}`);
  }
  const ofWhat = cleanLine(input.ofWhat);
  const focus = cleanLine(input.focus ?? '');
  if (ofWhat === '' || characters(ofWhat) > dayLimits.ofWhat) {
    throw new Invalid('ofWhat', 'Enter what the team member should sample');
  }
  if (characters(focus) > dayLimits.focus) {
    throw new Invalid('focus', `The focus must be ${dayLimits.focus} characters or fewer`);
  }
  return {
    memberPersonId: input.memberPersonId,
    howMany: input.howMany,
    ofWhat,
    focus: focus || null,
  };
}

export type DipSamplingService = ReturnType<typeof createDipSamplingService>;

export function createDipSamplingService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  spotlights: SpotlightService;
}) {
  const { db, clock, audit, spotlights } = deps;

  const authorise = (
    ctx: RequestContext,
    spotlightId: string,
    ...anyOf: ('spotlight:view-day' | 'spotlight:lead')[]
  ) => spotlights.authorise(ctx, checkId(spotlightId, 'Spotlight'), ...anyOf);

  async function targetOf(spotlight: Spotlight, targetId: string): Promise<DipSampleTarget> {
    const row = await repo.findTarget(db, spotlight.id, checkId(targetId, 'Target'));
    if (!row) throw new NotFound('Dip-sampling target');
    return toTarget(row, spotlight.members);
  }

  /** The target, when it is the signed-in member's own; otherwise refused (and audited). */
  async function ownTarget(ctx: RequestContext, spotlightId: string, targetId: string) {
    const spotlight = await authorise(ctx, spotlightId, 'spotlight:view-day');
    const target = await targetOf(spotlight, targetId);
    if (!ctx.actor || ctx.actor.personId !== target.memberPersonId) {
      await audit.record(ctx, {
        action: 'spotlight.access-refused',
        objectType,
        objectId: spotlight.id,
        details: { needed: ['own dip-sampling target'], targetId: target.id },
      });
      throw new Forbidden();
    }
    return { spotlight, target };
  }

  return {
    /** The page: the member's own targets, or everyone's for the Lead and the QA team. */
    async page(ctx: RequestContext, spotlightId: string): Promise<DipSamplingPage> {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:view-day');
      const targets = (await repo.listTargets(db, spotlight.id)).map((row) =>
        toTarget(row, spotlight.members),
      );
      const personId = ctx.actor?.personId;
      const isMember = spotlight.members.some((m) => m.id === personId);
      const canLead = spotlights.can(ctx, spotlight, 'spotlight:lead');
      const everyone = spotlight.members.map((member): MemberTargets => {
        const own = targets.filter((target) => target.memberPersonId === member.id);
        return {
          member,
          targets: own,
          done: own.reduce((sum, target) => sum + target.done, 0),
          howMany: own.reduce((sum, target) => sum + target.howMany, 0),
        };
      });
      return {
        spotlight,
        canLead,
        mine: isMember ? targets.filter((target) => target.memberPersonId === personId) : null,
        everyone: isMember && !canLead ? null : everyone,
      };
    },

    /** Checks the signed-in person may add targets (the Lead only; a refusal is audited). */
    async toAdd(ctx: RequestContext, spotlightId: string): Promise<Spotlight> {
      return authorise(ctx, spotlightId, 'spotlight:lead');
    },

    ownTarget,

    /** Adds a target for a team member (the Lead only). */
    async addTarget(ctx: RequestContext, spotlightId: string, input: TargetInput) {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:lead');
      const target = checkTarget(spotlight, input);
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await repo.insertTarget(trx, {
          id,
          spotlight_id: spotlight.id,
          member_person_id: target.memberPersonId,
          how_many: target.howMany,
          of_what: target.ofWhat,
          focus: target.focus,
          done: 0,
          updated_at: toDbInstant(clock.now()),
          version: 1,
        });
        await audit.record(
          ctx,
          {
            action: 'day.dip-sampling-target-added',
            objectType,
            objectId: spotlight.id,
            details: {
              targetId: id,
              memberPersonId: target.memberPersonId,
              howMany: target.howMany,
            },
          },
          trx,
        );
      });
      const member = spotlight.members.find((m) => m.id === target.memberPersonId);
      return { spotlight, memberName: member?.name ?? '' };
    },

    /** What the removal page asks about (the Lead only). */
    async toRemove(ctx: RequestContext, spotlightId: string, targetId: string) {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:lead');
      return { spotlight, target: await targetOf(spotlight, targetId) };
    },

    /** Removes a target (the Lead only); NotFound when it had already gone. */
    async removeTarget(ctx: RequestContext, spotlightId: string, targetId: string) {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:lead');
      const target = await targetOf(spotlight, targetId);
      const removed = await db.transaction().execute(async (trx) => {
        if (!(await repo.deleteTarget(trx, spotlight.id, target.id))) return false;
        await audit.record(
          ctx,
          {
            action: 'day.dip-sampling-target-removed',
            objectType,
            objectId: spotlight.id,
            details: { targetId: target.id, memberPersonId: target.memberPersonId },
          },
          trx,
        );
        return true;
      });
      if (!removed) throw new NotFound('Dip-sampling target');
      return target;
    },

    /**
     * Records how many of a target the member has done, over the target read at `version`. Only the
     * member it belongs to may (a refusal is audited); Conflict when it changed in the meantime.
     */
    async recordProgress(
      ctx: RequestContext,
      spotlightId: string,
      targetId: string,
      done: number,
      version: number,
    ): Promise<DipSampleTarget> {
      const { spotlight, target } = await ownTarget(ctx, spotlightId, targetId);
      if (!Number.isInteger(done) || done < 0 || done > target.howMany) {
        throw new Invalid('done', `Enter a number from 0 to ${target.howMany}`);
      }
      await db.transaction().execute(async (trx) => {
        const change = { done, updatedAt: toDbInstant(clock.now()) };
        if (!(await repo.updateProgress(trx, spotlight.id, target.id, change, version))) {
          throw new Conflict(
            'You or somebody else recorded progress on this target since you opened the page',
          );
        }
        await audit.record(
          ctx,
          {
            action: 'day.dip-sampling-progress',
            objectType,
            objectId: spotlight.id,
            details: { targetId: target.id, done, howMany: target.howMany },
          },
          trx,
        );
      });
      return { ...target, done, version: version + 1 };
    },

    /** One target as saved now, for the conflict page (anyone who may see the day). */
    async target(ctx: RequestContext, spotlightId: string, targetId: string) {
      const spotlight = await authorise(ctx, spotlightId, 'spotlight:view-day');
      return { spotlight, target: await targetOf(spotlight, targetId) };
    },
  };
}
