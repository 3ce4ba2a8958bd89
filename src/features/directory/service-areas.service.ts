// Rules for service areas: names unique regardless of case, and no deactivating one that still
// has active teams. Only QA coordinators change them; managers may look.
import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/context.js';
import { fromDbBool, fromDbCount, toDbBool } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assertCan } from '../../platform/policy.js';
import { toServiceArea, type ServiceArea } from './directory.model.js';
import { changedFields, checkName, nameKey, serviceAreaNameMessages } from './directory.rules.js';
import {
  createDirectorySupport,
  mustHaveSaved,
  teamsWithManagers,
  unique,
  type DirectoryDeps,
} from './directory.support.js';
import * as repo from './service-areas.repository.js';
import { listTeams } from './teams.repository.js';

const serviceAreaDuplicate = 'A service area with this name already exists';

export function createServiceAreasService(deps: DirectoryDeps) {
  const { db } = deps;
  const { now, log } = createDirectorySupport(deps);

  async function serviceAreaOrThrow(trx: Kysely<Database>, id: string) {
    const row = await repo.findServiceArea(trx, id);
    if (!row) throw new NotFound('Service area');
    return row;
  }

  return {
    async listServiceAreas(ctx: RequestContext): Promise<ServiceArea[]> {
      assertCan(ctx.actor, 'directory:view');
      return (await repo.listServiceAreas(db)).map(toServiceArea);
    },

    async getServiceArea(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, 'directory:view');
      const serviceArea = toServiceArea(await serviceAreaOrThrow(db, id));
      const teams = await teamsWithManagers(db, await listTeams(db, { serviceAreaId: id }));
      return { serviceArea, teams };
    },

    async addServiceArea(ctx: RequestContext, input: { name: string }): Promise<string> {
      assertCan(ctx.actor, 'directory:manage');
      checkName('name', input.name, serviceAreaNameMessages);
      return unique('name', serviceAreaDuplicate, () =>
        db.transaction().execute(async (trx) => {
          const key = nameKey(input.name, serviceAreaNameMessages);
          if (await repo.findServiceAreaIdByNameKey(trx, key)) {
            throw new Invalid('name', serviceAreaDuplicate);
          }
          const id = newId();
          const at = now();
          await repo.insertServiceArea(trx, {
            ...{ id, name: input.name, name_key: key, active: 1, version: 1 },
            ...{ created_at: at, updated_at: at },
          });
          await log(ctx, trx, 'service-area', id, 'created', { fields: ['name'] });
          return id;
        }),
      );
    },

    async changeServiceArea(
      ctx: RequestContext,
      id: string,
      version: number,
      input: { name: string },
    ) {
      assertCan(ctx.actor, 'directory:manage');
      checkName('name', input.name, serviceAreaNameMessages);
      return unique('name', serviceAreaDuplicate, () =>
        db.transaction().execute(async (trx) => {
          const current = await serviceAreaOrThrow(trx, id);
          mustHaveSaved(current.version === version, 'service area');
          const key = nameKey(input.name, serviceAreaNameMessages);
          const sameName = await repo.findServiceAreaIdByNameKey(trx, key);
          if (sameName && sameName !== id) throw new Invalid('name', serviceAreaDuplicate);
          const fields = changedFields({ name: current.name }, { name: input.name });
          if (fields.length === 0) return fields;
          const changes = { name: input.name, name_key: key, updated_at: now() };
          mustHaveSaved(await repo.updateServiceArea(trx, id, version, changes), 'service area');
          await log(ctx, trx, 'service-area', id, 'changed', { fields });
          return fields;
        }),
      );
    },

    async setServiceAreaActive(ctx: RequestContext, id: string, version: number, active: boolean) {
      assertCan(ctx.actor, 'directory:manage');
      await db.transaction().execute(async (trx) => {
        const current = await serviceAreaOrThrow(trx, id);
        if (fromDbBool(current.active) === active) return;
        if (!active && fromDbCount(current.active_teams) > 0) {
          throw new Invalid(
            'serviceArea',
            'Move or deactivate the teams in this service area first',
          );
        }
        const changes = { active: toDbBool(active), updated_at: now() };
        mustHaveSaved(await repo.updateServiceArea(trx, id, version, changes), 'service area');
        const action = active ? 'reactivated' : 'deactivated';
        await log(ctx, trx, 'service-area', id, action, { fields: ['active'] });
      });
    },
  };
}
