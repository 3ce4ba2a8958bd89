// Managers' nominations for the Spotlight rota: "Managers should nominate enough team members, on
// a rota basis, to ensure that all teams are fully staffed." Only staff who can review may be on it.
import type { Kysely } from 'kysely';
import { isJobRole, jobRoleNames } from '../../core/job-roles.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { fromDbBool, fromDbCount } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Forbidden, Invalid, NotFound } from '../../platform/errors.js';
import { assertCan, canForTeam, type Actor } from '../../platform/policy.js';
import {
  countRotaByTeam,
  findActiveTeam,
  listActiveStaff,
  listActiveTeams,
  listActiveTeamsManagedBy,
  listTeamManagerIds,
  setTeamRota,
  type RotaStaffRow,
  type RotaTeamRow,
} from './rota.repository.js';

export interface RotaPerson {
  id: string;
  name: string;
  jobRoleName: string;
  canReview: boolean;
  onRota: boolean;
}

export interface RotaCounts {
  staff: number;
  canReview: number;
  onRota: number;
}

export interface RotaTeam {
  id: string;
  name: string;
  serviceAreaName: string;
  staff: RotaPerson[];
  counts: RotaCounts;
}

export interface RotaSummaryRow {
  id: string;
  name: string;
  serviceAreaName: string;
  staff: number;
  onRota: number;
}

export interface RotaOverview {
  /** The teams this manager nominates for, with their staff (empty for the QA coordinator). */
  teams: RotaTeam[];
  /** Every active team with its counts: for the QA coordinator only. */
  summary: RotaSummaryRow[] | null;
}

export type RotaService = ReturnType<typeof createRotaService>;

function toPerson(row: RotaStaffRow): RotaPerson {
  const canReview = fromDbBool(row.can_review);
  return {
    id: row.id,
    name: row.name,
    jobRoleName: isJobRole(row.job_role) ? jobRoleNames[row.job_role] : row.job_role,
    canReview,
    onRota: canReview && fromDbBool(row.on_rota),
  };
}

function countsOf(staff: readonly RotaPerson[]): RotaCounts {
  return {
    staff: staff.length,
    canReview: staff.filter((p) => p.canReview).length,
    onRota: staff.filter((p) => p.onRota).length,
  };
}

function toTeam(row: RotaTeamRow, staffRows: readonly RotaStaffRow[]): RotaTeam {
  const staff = staffRows.filter((s) => s.home_team_id === row.id).map(toPerson);
  return {
    id: row.id,
    name: row.name,
    serviceAreaName: row.service_area_name,
    staff,
    counts: countsOf(staff),
  };
}

export function createRotaService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
}) {
  const { db, audit } = deps;

  /** The team, if the actor may nominate its staff: 404 for no such team, 403 for someone else's. */
  async function teamFor(trx: Kysely<Database>, actor: Actor, teamId: string) {
    const team = await findActiveTeam(trx, teamId);
    if (!team) throw new NotFound('Team');
    const managerPersonIds = await listTeamManagerIds(trx, teamId);
    const context = { managerPersonIds, headOfServicePersonId: team.head_of_service_id };
    if (!canForTeam(actor, 'team:manage-rota', context)) {
      throw new Forbidden('You can only nominate staff in the teams you manage');
    }
    return team;
  }

  return {
    async overview(ctx: RequestContext): Promise<RotaOverview> {
      assertCan(ctx.actor, 'rota:nominate');
      if (ctx.actor.role === 'qa-coordinator') {
        const [teams, counts] = await Promise.all([listActiveTeams(db), countRotaByTeam(db)]);
        const byTeam = new Map(counts.map((c) => [c.team_id, c]));
        const summary = teams.map((t) => ({
          id: t.id,
          name: t.name,
          serviceAreaName: t.service_area_name,
          staff: fromDbCount(byTeam.get(t.id)?.staff ?? 0),
          onRota: fromDbCount(byTeam.get(t.id)?.on_rota ?? 0),
        }));
        return { teams: [], summary };
      }
      const teams = await listActiveTeamsManagedBy(db, ctx.actor.personId);
      const staff = await listActiveStaff(
        db,
        teams.map((t) => t.id),
      );
      return { teams: teams.map((t) => toTeam(t, staff)), summary: null };
    },

    async team(ctx: RequestContext, teamId: string): Promise<RotaTeam> {
      assertCan(ctx.actor, 'rota:nominate');
      const team = await teamFor(db, ctx.actor, teamId);
      return toTeam(team, await listActiveStaff(db, [team.id]));
    },

    /** Saves who in the team is on the rota: exactly the people given, all able to review. */
    async saveNominations(
      ctx: RequestContext,
      teamId: string,
      onRotaPersonIds: readonly string[],
    ): Promise<RotaTeam> {
      assertCan(ctx.actor, 'rota:nominate');
      const actor = ctx.actor;
      return db.transaction().execute(async (trx) => {
        const team = await teamFor(trx, actor, teamId);
        const before = toTeam(team, await listActiveStaff(trx, [team.id]));
        const chosen = new Set(onRotaPersonIds);
        const staffById = new Map(before.staff.map((p) => [p.id, p]));
        for (const id of chosen) {
          const person = staffById.get(id);
          if (!person) {
            throw new Invalid('onRota', 'Select only people who are in this team');
          }
          if (!person.canReview) {
            throw new Invalid(
              'onRota',
              `${person.name} cannot be on the rota because they are not set up to review cases`,
            );
          }
        }
        await setTeamRota(trx, team.id, [...chosen]);
        const after = toTeam(team, await listActiveStaff(trx, [team.id]));
        const added = after.staff.filter((p) => p.onRota && !staffById.get(p.id)?.onRota);
        const removed = before.staff.filter((p) => p.onRota && !chosen.has(p.id));
        await audit.record(
          ctx,
          {
            action: 'rota.nominations-changed',
            objectType: 'team',
            objectId: team.id,
            details: {
              team: team.name,
              staff: after.counts.staff,
              onRotaBefore: before.counts.onRota,
              onRota: after.counts.onRota,
              added: added.map((p) => p.id),
              removed: removed.map((p) => p.id),
            },
          },
          trx,
        );
        return after;
      });
    },
  };
}
