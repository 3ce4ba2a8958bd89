// Turns the directory's rows into the snapshot an import is checked against, and writes a checked
// import plan into the directory (inside the caller's transaction).
import type { Kysely } from 'kysely';
import { emailKey } from '../../../core/directory-import.js';
import { fromDbBool, toDbBool } from '../../../platform/db/convert.js';
import type { Database } from '../../../platform/db/schema.js';
import { newId } from '../../../platform/ids.js';
import type { DirectoryRows } from './import.repository.js';
import { insertPerson, updatePerson } from '../people.repository.js';
import { insertServiceArea } from '../service-areas.repository.js';
import { insertTeam, replaceTeamManagers, updateTeam } from '../teams.repository.js';
import type { DirectorySnapshot, ImportPlan } from './import.plan.js';

/** Somebody changed a person or team between reading the directory and writing the import. */
export class DirectoryChanged extends Error {
  override readonly name = 'DirectoryChanged';
}

export function toSnapshot(rows: DirectoryRows): DirectorySnapshot {
  const managers = new Map<string, string[]>();
  for (const m of rows.teamManagers)
    managers.set(m.team_id, [...(managers.get(m.team_id) ?? []), m.person_id]);
  return {
    serviceAreas: rows.serviceAreas.map((a) => ({
      ...{ id: a.id, name: a.name, key: a.name_key, active: fromDbBool(a.active) },
    })),
    teams: rows.teams.map((t) => ({
      ...{ id: t.id, name: t.name, key: t.name_key, serviceAreaId: t.service_area_id },
      ...{ headOfServiceId: t.head_of_service_id, recordingSystem: t.recording_system },
      ...{ managerIds: managers.get(t.id) ?? [], active: fromDbBool(t.active), version: t.version },
    })),
    people: rows.people.map((p) => ({
      ...{ id: p.id, name: p.name, email: p.email, jobRole: p.job_role },
      ...{ homeTeamId: p.home_team_id, slt: fromDbBool(p.slt_member) },
      ...{ canReview: fromDbBool(p.can_review), active: fromDbBool(p.active), version: p.version },
    })),
  };
}

function must<T>(map: Map<string, T>, key: string): T {
  const value = map.get(key);
  // The plan was checked against the same snapshot, so every reference resolves.
  if (value === undefined) throw new Error(`Import plan refers to an unknown key`);
  return value;
}

/** Writes every add and change in the plan. Throws DirectoryChanged if a row moved on meanwhile. */
export async function writePlan(
  trx: Kysely<Database>,
  plan: ImportPlan,
  directory: DirectorySnapshot,
  at: string,
): Promise<void> {
  const stamps = { created_at: at, updated_at: at };
  const areaIds = new Map(directory.serviceAreas.map((a) => [a.key, a.id]));
  for (const area of plan.newServiceAreas) {
    const id = newId();
    await insertServiceArea(trx, {
      ...{ id, name: area.name, name_key: area.key, active: 1, version: 1 },
      ...stamps,
    });
    areaIds.set(area.key, id);
  }
  const teams = new Map(directory.teams.map((t) => [t.key, t]));
  const teamIds = new Map(directory.teams.map((t) => [t.key, t.id]));
  for (const team of plan.teams) if (team.action === 'add') teamIds.set(team.key, newId());
  const people = new Map(directory.people.map((p) => [emailKey(p.email), p]));
  const personIds = new Map(directory.people.map((p) => [emailKey(p.email), p.id]));
  for (const person of plan.people)
    if (person.action === 'add') personIds.set(person.email, newId());

  // People first: a new team's Head of Service and managers may be new people.
  for (const person of plan.people) {
    if (person.action === 'same') continue;
    const homeTeam =
      person.teamKey === undefined
        ? {}
        : { home_team_id: person.teamKey === null ? null : must(teamIds, person.teamKey) };
    const flags = {
      ...(person.slt === undefined ? {} : { slt_member: toDbBool(person.slt) }),
      ...(person.canReview === undefined ? {} : { can_review: toDbBool(person.canReview) }),
    };
    const fields = { name: person.name, job_role: person.jobRole, ...homeTeam, ...flags };
    if (person.action === 'add') {
      await insertPerson(trx, {
        ...{ id: must(personIds, person.email), email: person.email, home_team_id: null },
        ...{ slt_member: 0, can_review: 0, active: 1, version: 1 },
        ...fields,
        ...stamps,
      });
    } else {
      const current = must(people, person.email);
      if (!(await updatePerson(trx, current.id, current.version, { ...fields, updated_at: at })))
        throw new DirectoryChanged();
    }
  }

  for (const team of plan.teams) {
    if (team.action === 'same') continue;
    const id = must(teamIds, team.key);
    const head =
      team.headOfServiceEmail === undefined
        ? {}
        : {
            head_of_service_id:
              team.headOfServiceEmail === null ? null : must(personIds, team.headOfServiceEmail),
          };
    const fields = {
      ...{ name: team.name, name_key: team.key, recording_system: team.recordingSystem },
      ...{ service_area_id: must(areaIds, team.serviceAreaKey), ...head },
    };
    if (team.action === 'add') {
      await insertTeam(trx, {
        ...{ id, head_of_service_id: null, active: 1, version: 1 },
        ...fields,
        ...stamps,
      });
    } else {
      const current = must(teams, team.key);
      if (!(await updateTeam(trx, id, current.version, { ...fields, updated_at: at })))
        throw new DirectoryChanged();
    }
    if (team.managerEmails && (team.action === 'add' || team.changes.includes('Team managers'))) {
      const managerIds = team.managerEmails.map((email) => must(personIds, email));
      await replaceTeamManagers(trx, id, managerIds);
    }
  }
}
