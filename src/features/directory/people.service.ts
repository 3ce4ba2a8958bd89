// Rules for people and their leave: one person per email address, home teams chosen from active
// teams, nobody deactivating themselves. Only QA coordinators change them; managers may look.
import type { Kysely } from 'kysely';
import { normaliseEmail } from '../../platform/auth/accounts.service.js';
import type { RequestContext } from '../../platform/context.js';
import { fromDbBool, fromDbCount, toDbBool } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assertCan } from '../../platform/policy.js';
import {
  ref,
  toLeave,
  toPerson,
  type Leave,
  type LeaveInput,
  type Person,
  type PersonInput,
  type Ref,
} from './directory.model.js';
import {
  changedFields,
  checkName,
  emailProblem,
  personNameMessages,
  reasonMessages,
} from './directory.rules.js';
import {
  createDirectorySupport,
  mustHaveSaved,
  unique,
  type DirectoryDeps,
} from './directory.support.js';
import * as repo from './people.repository.js';
import { findTeam, listTeams, listTeamsLedBy } from './teams.repository.js';

export const peoplePageSize = 50;
export const searchLimit = 100;

const duplicateEmail = 'A person with this email address is already in the directory';

const personColumns = (input: PersonInput, email: string) => ({
  ...{ name: input.name, email, job_role: input.jobRole, home_team_id: input.homeTeamId },
  ...{ slt_member: toDbBool(input.sltMember), can_review: toDbBool(input.canReview) },
});

export function createPeopleService(deps: DirectoryDeps) {
  const { db } = deps;
  const { now, log } = createDirectorySupport(deps);

  async function personOrThrow(trx: Kysely<Database>, id: string) {
    const row = await repo.findPerson(trx, id);
    if (!row) throw new NotFound('Person');
    return row;
  }

  async function checkPersonInput(
    trx: Kysely<Database>,
    input: PersonInput,
    current?: repo.PersonRow,
  ) {
    checkName('name', input.name, personNameMessages);
    const problem = emailProblem(input.email);
    if (problem) throw new Invalid('email', problem);
    const email = normaliseEmail(input.email);
    const sameEmail = await repo.findPersonIdByEmail(trx, email);
    if (sameEmail && sameEmail !== current?.id) throw new Invalid('email', duplicateEmail);
    if (input.homeTeamId && input.homeTeamId !== current?.home_team_id) {
      const team = await findTeam(trx, input.homeTeamId);
      if (!team || !fromDbBool(team.active))
        throw new Invalid('homeTeamId', 'Select a home team from the list');
    }
    return email;
  }

  return {
    async listPeople(ctx: RequestContext, filter: repo.PeopleFilter, page: number) {
      assertCan(ctx.actor, 'directory:view');
      const offset = (page - 1) * peoplePageSize;
      const { rows, total } = await repo.listPeople(db, filter, peoplePageSize, offset);
      const count = fromDbCount(total);
      const pages = Math.max(1, Math.ceil(count / peoplePageSize));
      return { people: rows.map(toPerson), total: count, page, pages };
    },

    async searchPeople(ctx: RequestContext, text: string) {
      assertCan(ctx.actor, 'directory:view');
      const rows = await repo.searchPeople(db, text.trim(), searchLimit + 1);
      return { people: rows.slice(0, searchLimit).map(toPerson), more: rows.length > searchLimit };
    },

    async getPerson(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, 'directory:view');
      const person = toPerson(await personOrThrow(db, id));
      const leave = (await repo.listLeave(db, id)).map(toLeave);
      const led = await listTeamsLedBy(db, id);
      const refs = (rows: typeof led.managed) => rows.map((r) => ref(r.id, r.name, r.active));
      return { person, leave, manages: refs(led.managed), headOf: refs(led.headed) };
    },

    /** Home teams to choose from: active ones, plus the person's current one. */
    async personFormOptions(ctx: RequestContext, person?: Person): Promise<Ref[]> {
      assertCan(ctx.actor, 'directory:manage');
      const teams = (await listTeams(db)).map((t) => ref(t.id, t.name, t.active));
      return teams.filter((t) => t.active || t.id === person?.homeTeam?.id);
    },

    async addPerson(ctx: RequestContext, input: PersonInput): Promise<string> {
      assertCan(ctx.actor, 'directory:manage');
      return unique('email', duplicateEmail, () =>
        db.transaction().execute(async (trx) => {
          const email = await checkPersonInput(trx, input);
          const id = newId();
          const at = now();
          await repo.insertPerson(trx, {
            ...{ id, ...personColumns(input, email) },
            ...{ active: 1, version: 1, created_at: at, updated_at: at },
          });
          await log(ctx, trx, 'person', id, 'created', { fields: Object.keys(input) });
          return id;
        }),
      );
    },

    async changePerson(ctx: RequestContext, id: string, version: number, input: PersonInput) {
      assertCan(ctx.actor, 'directory:manage');
      return unique('email', duplicateEmail, () =>
        db.transaction().execute(async (trx) => {
          const current = await personOrThrow(trx, id);
          mustHaveSaved(current.version === version, 'person');
          const email = await checkPersonInput(trx, input, current);
          const before = toPerson(current);
          const fields = changedFields(
            { ...before, homeTeamId: before.homeTeam?.id ?? null },
            { ...input, email },
          );
          if (fields.length === 0) return fields;
          const changes = { ...personColumns(input, email), updated_at: now() };
          mustHaveSaved(await repo.updatePerson(trx, id, version, changes), 'person');
          await log(ctx, trx, 'person', id, 'changed', { fields });
          return fields;
        }),
      );
    },

    /** A deactivated person drops out of planning and can no longer sign in. */
    async setPersonActive(ctx: RequestContext, id: string, version: number, active: boolean) {
      assertCan(ctx.actor, 'directory:manage');
      if (!active && ctx.actor.personId === id) {
        throw new Invalid(
          'person',
          'You cannot deactivate yourself. Ask another QA coordinator to do it',
        );
      }
      await db.transaction().execute(async (trx) => {
        const current = await personOrThrow(trx, id);
        if (fromDbBool(current.active) === active) return;
        const changes = { active: toDbBool(active), updated_at: now() };
        mustHaveSaved(await repo.updatePerson(trx, id, version, changes), 'person');
        const action = active ? 'reactivated' : 'deactivated';
        await log(ctx, trx, 'person', id, action, { fields: ['active'] });
      });
    },

    // Leave and other unavailability

    async addLeave(ctx: RequestContext, personId: string, input: LeaveInput): Promise<string> {
      assertCan(ctx.actor, 'directory:manage');
      if (input.to < input.from) {
        throw new Invalid('to', 'End date must be the same as or after the start date');
      }
      if (input.reason) checkName('reason', input.reason, reasonMessages);
      return db.transaction().execute(async (trx) => {
        await personOrThrow(trx, personId);
        const id = newId();
        await repo.insertLeave(trx, {
          ...{ id, person_id: personId, from_date: input.from, to_date: input.to },
          ...{ reason: input.reason || null, created_at: now() },
        });
        const fields = input.reason ? ['from', 'to', 'reason'] : ['from', 'to'];
        await log(ctx, trx, 'person', personId, 'leave-added', { leaveId: id, fields });
        return id;
      });
    },

    async getLeave(ctx: RequestContext, personId: string, leaveId: string): Promise<Leave> {
      assertCan(ctx.actor, 'directory:view');
      const row = await repo.findLeave(db, personId, leaveId);
      if (!row) throw new NotFound('Leave');
      return toLeave(row);
    },

    async removeLeave(ctx: RequestContext, personId: string, leaveId: string): Promise<void> {
      assertCan(ctx.actor, 'directory:manage');
      await db.transaction().execute(async (trx) => {
        if (!(await repo.deleteLeave(trx, personId, leaveId))) throw new NotFound('Leave');
        await log(ctx, trx, 'person', personId, 'leave-removed', { leaveId });
      });
    },
  };
}
