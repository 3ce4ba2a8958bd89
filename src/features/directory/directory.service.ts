// Rules for the directory: service areas, teams (with their Team Managers and Head of Service),
// people and their leave. Only QA coordinators change it; managers may look.
import type { Kysely } from 'kysely';
import {
  isJobRole,
  isRecordingSystem,
  type JobRole,
  type RecordingSystem,
} from '../../core/job-roles.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { normaliseEmail } from '../../platform/auth/accounts.service.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { fromDbBool, fromDbCount, isUniqueViolation, toDbBool } from '../../platform/db/convert.js';
import type { Database } from '../../platform/db/schema.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assertCan } from '../../platform/policy.js';
import * as repo from './directory.repository.js';
import type { PersonRow, ServiceAreaRow, TeamManagerRow, TeamRow } from './directory.repository.js';
import type { PersonUnavailabilityTable } from './directory.table.js';

/** Something the directory links to, shown by name, possibly no longer active. */
export interface Ref {
  id: string;
  name: string;
  active: boolean;
}
export interface ServiceArea extends Ref {
  version: number;
  activeTeams: number;
}
export interface Team extends Ref {
  version: number;
  serviceArea: Ref;
  managers: Ref[];
  headOfService: Ref | null;
  recordingSystem: RecordingSystem;
  people: number;
}
export interface Person extends Ref {
  version: number;
  email: string;
  jobRole: JobRole;
  homeTeam: Ref | null;
  sltMember: boolean;
  canReview: boolean;
}
/** Someone who may be chosen as a Team Manager or Head of Service. */
export type Candidate = Ref & Partial<Pick<Person, 'jobRole' | 'homeTeam'>>;
export interface Leave {
  id: string;
  from: string;
  to: string;
  reason: string | null;
}

export interface TeamInput {
  name: string;
  serviceAreaId: string;
  managerIds: string[];
  headOfServiceId: string | null;
  recordingSystem: RecordingSystem;
}
export interface PersonInput {
  name: string;
  email: string;
  jobRole: JobRole;
  homeTeamId: string | null;
  sltMember: boolean;
  canReview: boolean;
}
export interface LeaveInput {
  from: string;
  to: string;
  reason: string | null;
}

export const peoplePageSize = 50;
export const searchLimit = 100;
export const nameMaxLength = 200;
export const managerJobRoles: readonly JobRole[] = ['team-manager', 'team-leader'];

export interface NameMessages {
  empty: string;
  tooLong: string;
  control: string;
}
const nameMessages = (label: string, empty: string): NameMessages => ({
  empty,
  tooLong: `${label} must be ${nameMaxLength} characters or fewer`,
  control: `${label} must not include tabs, line breaks or other hidden control characters`,
});
export const personNameMessages = nameMessages('Full name', 'Enter the person’s full name');
export const teamNameMessages = nameMessages('Team name', 'Enter the team’s name');
export const serviceAreaNameMessages = nameMessages(
  'Service area name',
  'Enter the service area’s name',
);
export const reasonMessages = nameMessages('Reason', '');

export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code <= 0x1f || code === 0x7f) return true;
  }
  return false;
}

/** Names are stored exactly as typed; these are the only things refused. */
export function nameProblem(name: string, messages: NameMessages): string | undefined {
  if (name.trim() === '') return messages.empty;
  if ([...name].length > nameMaxLength) return messages.tooLong;
  if (hasControlCharacter(name)) return messages.control;
  return undefined;
}

// The HTML form's own rule for email addresses, plain ASCII as council addresses are.
const emailPattern =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export function emailProblem(email: string): string | undefined {
  const normalised = normaliseEmail(email);
  if (normalised === '') return 'Enter an email address';
  if (normalised.length > 320 || !emailPattern.test(normalised)) {
    return 'Enter an email address in the correct format, like name@example.com';
  }
  return undefined;
}

/** The unique key of a team or service area name (lower case can be longer: "İ" becomes "i̇"). */
function nameKey(name: string, messages: NameMessages): string {
  const key = name.trim().toLowerCase();
  if ([...key].length > nameMaxLength) throw new Invalid('name', messages.tooLong);
  return key;
}

function checkName(field: string, name: string, messages: NameMessages): void {
  const problem = nameProblem(name, messages);
  if (problem) throw new Invalid(field, problem);
}

/** The names of the fields whose values differ (lists compared as sets). */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const key = (value: unknown) =>
    Array.isArray(value) ? JSON.stringify((value as unknown[]).map(String).sort()) : value;
  const same = (a: unknown, b: unknown) => key(a) === key(b);
  return Object.keys(after).filter((key) => !same(before[key], after[key]));
}

const ref = (id: string, name: string, active: unknown): Ref => ({
  id,
  name,
  active: fromDbBool(active),
});

function toServiceArea(row: ServiceAreaRow): ServiceArea {
  return {
    ...ref(row.id, row.name, row.active),
    version: row.version,
    activeTeams: fromDbCount(row.active_teams),
  };
}

function toTeam(row: TeamRow, managers: TeamManagerRow[]): Team {
  return {
    ...ref(row.id, row.name, row.active),
    version: row.version,
    serviceArea: ref(row.service_area_id, row.service_area_name, row.service_area_active),
    managers: managers
      .filter((m) => m.team_id === row.id)
      .map((m) => ref(m.person_id, m.name, m.active)),
    headOfService: row.head_of_service_id
      ? ref(row.head_of_service_id, row.head_of_service_name ?? '', row.head_of_service_active)
      : null,
    recordingSystem: isRecordingSystem(row.recording_system) ? row.recording_system : 'LCS',
    people: fromDbCount(row.people),
  };
}

export function toPerson(row: PersonRow): Person {
  return {
    ...ref(row.id, row.name, row.active),
    version: row.version,
    email: row.email,
    jobRole: isJobRole(row.job_role) ? row.job_role : 'practitioner',
    homeTeam: row.home_team_id
      ? ref(row.home_team_id, row.home_team_name ?? '', row.home_team_active)
      : null,
    sltMember: fromDbBool(row.slt_member),
    canReview: fromDbBool(row.can_review),
  };
}

function toLeave(row: PersonUnavailabilityTable): Leave {
  return { id: row.id, from: row.from_date, to: row.to_date, reason: row.reason };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;

export function createDirectoryService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
}) {
  const { db, clock, audit } = deps;
  const now = () => clock.now().toISOString();

  /** One audit entry per change, naming the fields that changed (never their values). */
  async function log(
    ctx: RequestContext,
    trx: Kysely<Database>,
    objectType: 'service-area' | 'team' | 'person',
    objectId: string,
    action: string,
    details: Record<string, unknown>,
  ) {
    await audit.record(
      ctx,
      { action: `${objectType}.${action}`, objectType, objectId, details },
      trx,
    );
  }

  /** Zero rows updated means somebody else saved first. */
  function mustHaveSaved(saved: boolean, thing: string): void {
    if (!saved)
      throw new Conflict(`Somebody else changed this ${thing} while you were working on it`);
  }

  /** Runs a write; a unique-key race that slipped past the check becomes the same field error. */
  async function unique<T>(field: string, message: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw new Invalid(field, message);
      throw error;
    }
  }

  async function teamsWithManagers(rows: TeamRow[], trx: Kysely<Database> = db): Promise<Team[]> {
    const managers = await repo.listTeamManagers(
      trx,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toTeam(row, managers));
  }

  async function serviceAreaOrThrow(trx: Kysely<Database>, id: string) {
    const row = await repo.findServiceArea(trx, id);
    if (!row) throw new NotFound('Service area');
    return row;
  }
  async function teamOrThrow(trx: Kysely<Database>, id: string): Promise<Team> {
    const row = await repo.findTeam(trx, id);
    if (!row) throw new NotFound('Team');
    const [team] = await teamsWithManagers([row], trx);
    return team as Team;
  }
  async function personOrThrow(trx: Kysely<Database>, id: string) {
    const row = await repo.findPerson(trx, id);
    if (!row) throw new NotFound('Person');
    return row;
  }

  async function checkTeamInput(trx: Kysely<Database>, input: TeamInput, current?: Team) {
    checkName('name', input.name, teamNameMessages);
    const key = nameKey(input.name, teamNameMessages);
    const sameName = await repo.findTeamIdByNameKey(trx, key);
    if (sameName && sameName !== current?.id)
      throw new Invalid('name', 'A team with this name already exists');
    const area = await repo.findServiceArea(trx, input.serviceAreaId);
    if (!area || (!fromDbBool(area.active) && area.id !== current?.serviceArea.id)) {
      throw new Invalid('serviceAreaId', 'Select a service area');
    }
    const keepManagers = new Set(current?.managers.map((m) => m.id));
    const managers = await repo.listPeopleByIds(trx, input.managerIds);
    const eligible = (p: (typeof managers)[number]) =>
      keepManagers.has(p.id) ||
      (fromDbBool(p.active) && managerJobRoles.includes(p.job_role as JobRole));
    if (managers.length !== new Set(input.managerIds).size || !managers.every(eligible)) {
      throw new Invalid('managerIds', 'Select Team Managers from the list');
    }
    if (input.headOfServiceId && input.headOfServiceId !== current?.headOfService?.id) {
      const [hos] = await repo.listPeopleByIds(trx, [input.headOfServiceId]);
      if (!hos || !fromDbBool(hos.active) || hos.job_role !== 'head-of-service') {
        throw new Invalid('headOfServiceId', 'Select a Head of Service from the list');
      }
    }
    return key;
  }

  async function checkPersonInput(trx: Kysely<Database>, input: PersonInput, current?: PersonRow) {
    checkName('name', input.name, personNameMessages);
    const problem = emailProblem(input.email);
    if (problem) throw new Invalid('email', problem);
    const email = normaliseEmail(input.email);
    const sameEmail = await repo.findPersonIdByEmail(trx, email);
    if (sameEmail && sameEmail !== current?.id) throw new Invalid('email', duplicateEmail);
    if (input.homeTeamId && input.homeTeamId !== current?.home_team_id) {
      const team = await repo.findTeam(trx, input.homeTeamId);
      if (!team || !fromDbBool(team.active))
        throw new Invalid('homeTeamId', 'Select a home team from the list');
    }
    return email;
  }
  const duplicateEmail = 'A person with this email address is already in the directory';

  const teamColumns = (input: TeamInput, key: string) => ({
    ...{ name: input.name, name_key: key, service_area_id: input.serviceAreaId },
    ...{ head_of_service_id: input.headOfServiceId, recording_system: input.recordingSystem },
  });
  const personColumns = (input: PersonInput, email: string) => ({
    ...{ name: input.name, email, job_role: input.jobRole, home_team_id: input.homeTeamId },
    ...{ slt_member: toDbBool(input.sltMember), can_review: toDbBool(input.canReview) },
  });
  const serviceAreaDuplicate = 'A service area with this name already exists';
  const teamDuplicate = 'A team with this name already exists';

  return {
    async overview(ctx: RequestContext) {
      assertCan(ctx.actor, 'directory:view');
      const counts = await repo.countActive(db);
      return {
        serviceAreas: fromDbCount(counts.serviceAreas),
        teams: fromDbCount(counts.teams),
        people: fromDbCount(counts.people),
      };
    },

    // Service areas

    async listServiceAreas(ctx: RequestContext): Promise<ServiceArea[]> {
      assertCan(ctx.actor, 'directory:view');
      return (await repo.listServiceAreas(db)).map(toServiceArea);
    },

    async getServiceArea(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, 'directory:view');
      const serviceArea = toServiceArea(await serviceAreaOrThrow(db, id));
      const teams = await teamsWithManagers(await repo.listTeams(db, { serviceAreaId: id }));
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

    // Teams

    async listTeams(ctx: RequestContext, filter: { serviceAreaId?: string } = {}): Promise<Team[]> {
      assertCan(ctx.actor, 'directory:view');
      return teamsWithManagers(await repo.listTeams(db, filter));
    },

    async getTeam(ctx: RequestContext, id: string) {
      assertCan(ctx.actor, 'directory:view');
      const team = await teamOrThrow(db, id);
      const people = (await repo.listPeopleInTeam(db, id)).map(toPerson);
      return { team, people };
    },

    /** The choices on the team form: active ones, plus whatever the team has now. */
    async teamFormOptions(ctx: RequestContext, team?: Team) {
      assertCan(ctx.actor, 'directory:manage');
      const serviceAreas = (await repo.listServiceAreas(db))
        .map(toServiceArea)
        .filter((area) => area.active || area.id === team?.serviceArea.id);
      const managers = (await repo.listActivePeopleInRoles(db, managerJobRoles)).map(toPerson);
      const heads = (await repo.listActivePeopleInRoles(db, ['head-of-service'])).map(toPerson);
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

    // People

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
      const led = await repo.listTeamsLedBy(db, id);
      const refs = (rows: typeof led.managed) => rows.map((r) => ref(r.id, r.name, r.active));
      return { person, leave, manages: refs(led.managed), headOf: refs(led.headed) };
    },

    /** Home teams to choose from: active ones, plus the person's current one. */
    async personFormOptions(ctx: RequestContext, person?: Person): Promise<Ref[]> {
      assertCan(ctx.actor, 'directory:manage');
      const teams = (await repo.listTeams(db)).map((t) => ref(t.id, t.name, t.active));
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
