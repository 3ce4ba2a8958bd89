// Periods when a team cannot have its Spotlight ("moving office 1 to 31 August: no Spotlight
// then"). QA coordinators record them; managers may see them; the year plan honours them.
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assertCan } from '../../platform/policy.js';
import { checkName, reasonMessages } from './directory.rules.js';
import { createDirectorySupport, type DirectoryDeps } from './directory.support.js';
import * as repo from './team-unavailability.repository.js';
import { findTeam } from './teams.repository.js';

/** A period, both dates included, when the team's Spotlight must not be planned. */
export interface TeamUnavailability {
  id: string;
  from: string;
  to: string;
  reason: string | null;
}

export interface TeamUnavailabilityInput {
  from: string;
  to: string;
  reason: string | null;
}

function toTeamUnavailability(row: repo.TeamUnavailabilityRow): TeamUnavailability {
  return { id: row.id, from: row.from_date, to: row.to_date, reason: row.reason };
}

export function createTeamUnavailabilityService(deps: DirectoryDeps) {
  const { db } = deps;
  const { now, log } = createDirectorySupport(deps);

  async function teamMustExist(trx: Kysely<Database>, teamId: string): Promise<void> {
    if (!(await findTeam(trx, teamId))) throw new NotFound('Team');
  }

  return {
    async listTeamUnavailability(
      ctx: RequestContext,
      teamId: string,
    ): Promise<TeamUnavailability[]> {
      assertCan(ctx.actor, 'directory:view');
      return (await repo.listTeamUnavailability(db, teamId)).map(toTeamUnavailability);
    },

    async getTeamUnavailability(
      ctx: RequestContext,
      teamId: string,
      periodId: string,
    ): Promise<TeamUnavailability> {
      assertCan(ctx.actor, 'directory:view');
      const row = await repo.findTeamUnavailability(db, teamId, periodId);
      if (!row) throw new NotFound('Period');
      return toTeamUnavailability(row);
    },

    async addTeamUnavailability(
      ctx: RequestContext,
      teamId: string,
      input: TeamUnavailabilityInput,
    ): Promise<string> {
      assertCan(ctx.actor, 'directory:manage');
      if (input.to < input.from) {
        throw new Invalid('to', 'End date must be the same as or after the start date');
      }
      if (input.reason) checkName('reason', input.reason, reasonMessages);
      return db.transaction().execute(async (trx) => {
        await teamMustExist(trx, teamId);
        const id = newId();
        await repo.insertTeamUnavailability(trx, {
          ...{ id, team_id: teamId, from_date: input.from, to_date: input.to },
          ...{ reason: input.reason || null, created_at: now() },
        });
        const fields = input.reason ? ['from', 'to', 'reason'] : ['from', 'to'];
        await log(ctx, trx, 'team', teamId, 'unavailability-added', { periodId: id, fields });
        return id;
      });
    },

    async removeTeamUnavailability(
      ctx: RequestContext,
      teamId: string,
      periodId: string,
    ): Promise<void> {
      assertCan(ctx.actor, 'directory:manage');
      await db.transaction().execute(async (trx) => {
        if (!(await repo.deleteTeamUnavailability(trx, teamId, periodId))) {
          throw new NotFound('Period');
        }
        await log(ctx, trx, 'team', teamId, 'unavailability-removed', { periodId });
      });
    },
  };
}
