// Adds the demo council (Brackenshire) to the directory, with a sign-in for each role, in one
// transaction; then its closure days, its timetable for 2027 (demo-timetable.ts), preparation
// under way (demo-preparation.ts), the morning of the senior leader's Spotlight (demo-day.ts) and its
// afternoon (demo-afternoon.ts). Running it again changes nothing: the demo is recognised by its QA
// coordinator, the timetable is added only while there is no plan, each Spotlight's preparation only
// while it has none, and the morning and the afternoon each only while nothing of them is recorded.
import { systemContext } from '../platform/context.js';
import { fromDbCount, isUniqueViolation, toDbBool } from '../platform/db/convert.js';
import { newId } from '../platform/ids.js';
import { roleNames } from '../platform/policy.js';
import type { Services } from '../services.js';
import {
  demoEmail,
  demoEmailDomain,
  demoMarkerEmail,
  demoPeople,
  demoPersonSigningInAs,
  demoServiceAreas,
  demoSignInRoles,
  demoTeams,
  reviewingJobRoles,
  type DemoServiceAreaKey,
  type DemoTeamKey,
} from './demo-council.js';
import {
  countPeople,
  findPersonIdsByEmail,
  insertDemoRows,
  type DemoRows,
} from './demo.repository.js';
import { seedDemoAfternoon } from './demo-afternoon.js';
import { seedDemoDay } from './demo-day.js';
import { seedDemoLastYear } from './demo-last-year.js';
import { seedDemoReport } from './demo-report.js';
import { seedDemoClosureDays, seedDemoPreparation } from './demo-preparation.js';
import { seedDemoTimetable } from './demo-timetable.js';

export interface DemoSignIn {
  role: string;
  email: string;
}

export const demoPassword = 'spotlight-demo-password';

/** The key that keeps names unique whatever their case or spacing (as the directory stores it). */
function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The demo's sign-ins, in the order they are offered; the same whether just added or not. */
export function demoSignIns(): DemoSignIn[] {
  return demoSignInRoles.map((role) => ({
    role: roleNames[role],
    email: demoEmail(demoPersonSigningInAs(role).name),
  }));
}

function demoRows(now: string): { rows: DemoRows; personIdByEmail: Map<string, string> } {
  const stamps = { active: 1, version: 1, created_at: now, updated_at: now };
  const serviceAreaIds = new Map<DemoServiceAreaKey, string>();
  const serviceAreas = demoServiceAreas.map((area) => {
    const id = newId();
    serviceAreaIds.set(area.key, id);
    return { id, name: area.name, name_key: nameKey(area.name), ...stamps };
  });
  const teamIds = new Map<DemoTeamKey, string>(demoTeams.map((team) => [team.key, newId()]));
  const headOfServiceIds = new Map<DemoServiceAreaKey, string>();
  const personIdByEmail = new Map<string, string>();
  const rows: DemoRows = { serviceAreas, people: [], teams: [], teamManagers: [], leave: [] };

  for (const person of demoPeople) {
    const id = newId();
    const email = demoEmail(person.name);
    personIdByEmail.set(email, id);
    if (person.headOf) headOfServiceIds.set(person.headOf, id);
    const homeTeamId = person.team ? (teamIds.get(person.team) ?? null) : null;
    rows.people.push({
      id,
      name: person.name,
      email,
      job_role: person.jobRole,
      home_team_id: homeTeamId,
      slt_member: toDbBool(person.slt === true),
      can_review: toDbBool(reviewingJobRoles.includes(person.jobRole)),
      ...stamps,
    });
    if (person.managesTeam && homeTeamId)
      rows.teamManagers.push({ team_id: homeTeamId, person_id: id });
    for (const leave of person.leave ?? []) {
      rows.leave.push({
        id: newId(),
        person_id: id,
        from_date: leave.from,
        to_date: leave.to,
        reason: leave.reason,
        created_at: now,
      });
    }
  }

  rows.teams = demoTeams.map((team) => ({
    id: teamIds.get(team.key) ?? newId(),
    name: team.name,
    name_key: nameKey(team.name),
    service_area_id: serviceAreaIds.get(team.serviceArea) ?? '',
    head_of_service_id: headOfServiceIds.get(team.serviceArea) ?? null,
    recording_system: team.recordingSystem,
    ...stamps,
  }));
  return { rows, personIdByEmail };
}

async function demoIsThere(services: Services): Promise<boolean> {
  const found = await findPersonIdsByEmail(services.database.db, [demoMarkerEmail]);
  return found.length > 0;
}

/**
 * The demo's story sends emails (the draft to its team members, a report submitted and
 * finalised); they are kept in the outbox, marked as never to be sent, so that setting SMTP_URL
 * later does not post them to the demo's made-up addresses.
 */
async function keepDemoMailUnsent(services: Services): Promise<void> {
  await services.database.db
    .updateTable('mail_outbox')
    .set({ given_up_at: services.clock.now().toISOString(), last_error: 'demo' })
    .where('to_address', 'like', `%@${demoEmailDomain}`)
    .where('sent_at', 'is', null)
    .where('given_up_at', 'is', null)
    .execute();
}

export async function seedDemoCouncil(
  services: Services,
): Promise<{ created: boolean; signIns: DemoSignIn[] }> {
  const { database, clock, accounts, audit } = services;
  const signIns = demoSignIns();
  try {
    const created = await database.db.transaction().execute(async (trx) => {
      if ((await findPersonIdsByEmail(trx, [demoMarkerEmail])).length > 0) return false;
      const { rows, personIdByEmail } = demoRows(clock.now().toISOString());
      await insertDemoRows(trx, rows);
      for (const role of demoSignInRoles) {
        const personId = personIdByEmail.get(demoEmail(demoPersonSigningInAs(role).name));
        if (!personId) throw new Error(`The demo council has nobody to sign in as ${role}`);
        await accounts.createActiveAccount(personId, role, demoPassword, trx);
      }
      await audit.record(
        systemContext(),
        {
          action: 'demo.seeded',
          details: {
            serviceAreas: rows.serviceAreas.length,
            teams: rows.teams.length,
            people: rows.people.length,
            accounts: demoSignInRoles.length,
          },
        },
        trx,
      );
      return true;
    });
    await seedDemoClosureDays(services);
    await seedDemoTimetable(services);
    await seedDemoPreparation(services);
    await seedDemoDay(services);
    await seedDemoAfternoon(services);
    await seedDemoReport(services);
    await seedDemoLastYear(services);
    await keepDemoMailUnsent(services);
    return { created, signIns };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another process added the demo at the same moment: it is there, which is what was asked,
    // and that process adds its timetable.
    if (await demoIsThere(services)) return { created: false, signIns };
    throw new Error(
      'The demo council cannot be added: a service area, team or person in it has the same name or email address as one already in the directory.',
      { cause: error },
    );
  }
}

export async function isDatabaseEmpty(services: Services): Promise<boolean> {
  return fromDbCount(await countPeople(services.database.db)) === 0;
}
