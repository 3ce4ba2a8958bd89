// Rules for teams, their Team Managers and Head of Service: names unique regardless of case,
// leaders chosen from people in the right job roles. Only QA coordinators change them.
import type { Kysely } from 'kysely';
import type { JobRole } from '../../core/job-roles.js';
import type { RequestContext } from '../../platform/context.js';
import { fromDbBool, toDbBool } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assertCan } from '../../platform/policy.js';
import {
  toPerson,
  toServiceArea,
  type Candidate,
  type Ref,
  type Team,
  type TeamInput,
} from './directory.model.js';
import {
  changedFields,
  checkName,
  managerJobRoles,
  nameKey,
  teamNameMessages,
} from './directory.rules.js';
import {
  createDirectorySupport,
  mustHaveSaved,
  teamsWithManagers,
  unique,
  type DirectoryDeps,
} from './directory.support.js';
import { listActivePeopleInRoles, listPeopleByIds, listPeopleInTeam } from './people.repository.js';
import { findServiceArea, listServiceAreas } from './service-areas.repository.js';
import * as repo from './teams.repository.js';

const teamDuplicate = 'A team with this name already exists';

const teamColumns = (input: TeamInput, key: string) => ({
  ...{ name: input.name, name_key: key, service_area_id: input.serviceAreaId },
  ...{ head_of_service_id: input.headOfServiceId, recording_system: input.recordingSystem },
});

export function createTeamsService(deps: DirectoryDeps) {
  const { db } = deps;
  const { now, log } = createDirectorySupport(deps);

  async function teamOrThrow(trx: Kysely<Database>, id: string): Promise<Team> {
    const row = await repo.findTeam(trx, id);
    if (!row) throw new NotFound('Team');
    const [team] = await teamsWithManagers(trx, [row]);
    return team as Team;
  }

  async function checkTeamInput(trx: Kysely<Database>, input: TeamInput, current?: Team) {
    checkName('name', input.name, teamNameMessages);
    const key = nameKey(input.name, teamNameMessages);
    const sameName = await repo.findTeamIdByNameKey(trx, key);
    if (sameName && sameName !== current?.id)
      throw new Invalid('name', 'A team with this name already exists');
    const area = await findServiceArea(trx, input.serviceAreaId);
    if (!area || (!fromDbBool(area.active) && area.id !== current?.serviceArea.id)) {
      throw new Invalid('serviceAreaId', 'Select a service area');
    }
    const keepManagers = new Set(current?.managers.map((m) => m.id));
    const managers = await listPeopleByIds(trx, input.managerIds);
    const eligible = (p: (typeof managers)[number]) =>
      keepManagers.has(p.id) ||
      (fromDbBool(p.active) && managerJobRoles.includes(p.job_role as JobRole));
    if (managers.length !== new Set(input.managerIds).size || !managers.every(eligible)) {
      throw new Invalid('managerIds', 'Select Team Managers from the list');
    }
    if (input.headOfServiceId && input.headOfServiceId !== current?.headOfService?.id) {
      const [hos] = await listPeopleByIds(trx, [input.headOfServiceId]);
      if (!hos || !fromDbBool(hos.active) || hos.job_role !== 'head-of-service') {
        throw new Invalid('headOfServiceId', 'Select a Head of Service from the list');
      }
    }
    return key;
  }

  return {
    async listTeams(ctx: RequestContext, filter: { serviceAreaId?: string } = {}): Promise<Team[]> {
      assertCan(ctx.actor, 'directory:view');
      return teamsWithManagers(db, await repo.listTeams(db, filter));
    },

    async getTeam(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, 'directory:view');
      const team = await teamOrThrow(db, id);
      const people = (await listPeopleInTeam(db, id)).map(toPerson);
      return { team, people };
    },

    /** The choices on the team form: active ones, plus whatever the team has now. */
    async teamFormOptions(ctx: RequestContext, team?: Team) {
      assertCan(ctx.actor, 'directory:manage');
      const serviceAreas = (await listServiceAreas(db))
        .map(toServiceArea)
        .filter((area) => area.active || area.id === team?.serviceArea.id);
      const managers = (await listActivePeopleInRoles(db, managerJobRoles)).map(toPerson);
      const heads = (await listActivePeopleInRoles(db, ['head-of-service'])).map(toPerson);
      // Current leaders who no longer qualify stay on the list, so saving does not drop them.
      const withCurrent = (list: Candidate[], current: Ref[]) => [
        ...list,
        ...current.filter((c) => !list.some((p) => p.id === c.id)),
      ];
      const head = team?.headOfService ? [team.headOfService] : [];
      return {
        serviceAreas,
        managerCandidates: withCurrent(managers, team?.managers ?? []),
        headOfServiceCandidates: withCurrent(heads, head),
      };
    },

    async addTeam(ctx: RequestContext, input: TeamInput): Promise<string> {
      assertCan(ctx.actor, 'directory:manage');
      return unique('name', teamDuplicate, () =>
        db.transaction().execute(async (trx) => {
          const key = await checkTeamInput(trx, input);
          const id = newId();
          const at = now();
          await repo.insertTeam(trx, {
            ...{ id, ...teamColumns(input, key) },
            ...{ active: 1, version: 1, created_at: at, updated_at: at },
          });
          await repo.replaceTeamManagers(trx, id, [...new Set(input.managerIds)]);
          await log(ctx, trx, 'team', id, 'created', { fields: Object.keys(input) });
          return id;
        }),
      );
    },

    async changeTeam(ctx: RequestContext, id: string, version: number, input: TeamInput) {
      assertCan(ctx.actor, 'directory:manage');
      return unique('name', teamDuplicate, () =>
        db.transaction().execute(async (trx) => {
          const current = await teamOrThrow(trx, id);
          mustHaveSaved(current.version === version, 'team');
          const key = await checkTeamInput(trx, input, current);
          const before: TeamInput = {
            ...{ name: current.name, serviceAreaId: current.serviceArea.id },
            ...{ managerIds: current.managers.map((m) => m.id) },
            ...{ headOfServiceId: current.headOfService?.id ?? null },
            ...{ recordingSystem: current.recordingSystem },
          };
          const fields = changedFields({ ...before }, { ...input });
          if (fields.length === 0) return fields;
          const changes = { ...teamColumns(input, key), updated_at: now() };
          mustHaveSaved(await repo.updateTeam(trx, id, version, changes), 'team');
          if (fields.includes('managerIds')) {
            await repo.replaceTeamManagers(trx, id, [...new Set(input.managerIds)]);
          }
          await log(ctx, trx, 'team', id, 'changed', { fields });
          return fields;
        }),
      );
    },

    async setTeamActive(ctx: RequestContext, id: string, version: number, active: boolean) {
      assertCan(ctx.actor, 'directory:manage');
      await db.transaction().execute(async (trx) => {
        const current = await teamOrThrow(trx, id);
        if (current.active === active) return;
        if (active && !current.serviceArea.active) {
          throw new Invalid(
            'team',
            `Reactivate the service area ${current.serviceArea.name} first`,
          );
        }
        const changes = { active: toDbBool(active), updated_at: now() };
        mustHaveSaved(await repo.updateTeam(trx, id, version, changes), 'team');
        const action = active ? 'reactivated' : 'deactivated';
        await log(ctx, trx, 'team', id, action, { fields: ['active'] });
      });
    },
  };
}
