// The demo council's preparation stage: its closure days, then preparation under way for the
// Spotlights the demo sign-ins look at, all through the services as if each person had used the
// pages. A Spotlight whose preparation has begun is left as it is, so seeding twice adds nothing.
import type { CaseSystem } from '../core/case-numbers.js';
import { practitionersOf } from '../features/preparation/nominations.model.js';
import type { PersonRef, Spotlight } from '../features/spotlight/spotlight.service.js';
import { Invalid } from '../platform/errors.js';
import type { Actor, Role } from '../platform/policy.js';
import type { Services } from '../services.js';
import {
  between,
  challengingReasons,
  demoRandom,
  fictionalCaseNumbers,
  proudReasons,
} from './demo-children.js';
import { demoPeople } from './demo-council.js';
import { demoPackDocuments } from './demo-documents.js';
import { demoActors, demoClosures, demoContext, demoPlanSettings } from './demo-timetable.js';

/** Why the council is closed on each of the demo's closure days. */
export function demoClosureReason(date: string): string {
  return date.endsWith('-12-24')
    ? 'Christmas Eve: council offices closed'
    : 'Council offices closed between Christmas and New Year';
}

/** The demo's sign-ins by person: they act with their own accounts. */
export type SignIns = ReadonlyMap<string, Actor>;

/** The role an account would give the person, from their job in the demo's directory. */
function accountRoleOf(name: string): Role {
  const jobRole = demoPeople.find((person) => person.name === name)?.jobRole;
  if (jobRole === 'senior-leader' || jobRole === 'head-of-service' || jobRole === 'team-manager')
    return jobRole;
  return 'staff';
}

/**
 * Who does a thing: the person's demo sign-in when they have one. The demo gives one sign-in per
 * role, so most of its staff have no account; they act under their own name with an empty account
 * id. The services check only the person and the role, and the audit log then shows the right name
 * (with no account to filter by, as nobody can sign in as them) rather than a made-up one.
 */
export function actorFor(person: PersonRef, signIns: SignIns): Actor {
  return (
    signIns.get(person.id) ?? {
      accountId: '',
      personId: person.id,
      name: person.name,
      role: accountRoleOf(person.name),
    }
  );
}

/** The QA coordinator adds the council's closure days, when it has none yet. */
export async function seedDemoClosureDays(services: Services): Promise<void> {
  const coordinator = (await demoActors(services)).get('qa-coordinator');
  if (!coordinator || (await services.councilSettings.closureDays()).length > 0) return;
  const ctx = demoContext(coordinator);
  for (const date of demoClosures) {
    try {
      await services.councilSettings.addClosureDay(ctx, { date, reason: demoClosureReason(date) });
    } catch (error) {
      // A bank holiday in the council's nation (if it is not England and Wales) is closed anyway.
      if (!(error instanceof Invalid)) throw error;
    }
  }
}

/** The demo year's Spotlights that concern the person, soonest first. */
export async function spotlightsOf(services: Services, personId: string): Promise<Spotlight[]> {
  const from = demoPlanSettings.from;
  const to = demoPlanSettings.to;
  const ids = await services.spotlights.idsConcerning(personId, from, to);
  const found = await Promise.all(ids.map((id) => services.spotlights.find(id)));
  return found
    .filter((s): s is Spotlight => s !== undefined)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

async function hasPreparation(services: Services, spotlight: Spotlight): Promise<boolean> {
  const facts = (await services.readiness.facts([spotlight])).get(spotlight.id);
  const { namedAny } = await services.nominations.progress(spotlight);
  if (namedAny > 0) return true;
  if (!facts) return false;
  return (
    facts.documentCount > 0 ||
    facts.forwardedAt !== null ||
    facts.caseListCount > 0 ||
    facts.confirmedAccess.size > 0
  );
}

const caseSystemOf = (spotlight: Spotlight): CaseSystem =>
  spotlight.team.recordingSystem === 'EHM' ? 'EHM' : 'LCS';

/** The team's open cases: 40 to 80 fictional numbers, the same for the team every time. */
function openCases(spotlight: Spotlight): string[] {
  const random = demoRandom(`${spotlight.team.name} open cases`);
  const count = Math.max(between(random, 40, 80), 2 * spotlight.team.staff.length);
  const format = spotlight.settings.caseNumberFormats[caseSystemOf(spotlight)];
  return fictionalCaseNumbers(format, count, random);
}

async function sendDocuments(
  services: Services,
  spotlight: Spotlight,
  manager: Actor,
  withAudits: boolean,
): Promise<void> {
  const documents = await demoPackDocuments(
    {
      teamName: spotlight.team.name,
      managerName: manager.name,
      recordingSystem: spotlight.team.recordingSystem,
      today: services.spotlights.today(),
      now: services.clock.now(),
      random: demoRandom(`${spotlight.team.name} documents`),
    },
    withAudits,
  );
  for (const document of documents) {
    const result = await services.packDocuments.add(demoContext(manager), spotlight.id, {
      documentType: document.documentType,
      file: { filename: document.filename, data: document.data, truncated: false },
    });
    if (!result.ok)
      throw new Error(`The demo’s ${document.filename} was refused: ${result.message}`);
  }
}

/** Each practitioner names two of the team's open cases, with a short reason for each. */
async function nominate(
  services: Services,
  spotlight: Spotlight,
  practitioners: readonly PersonRef[],
  signIns: SignIns,
): Promise<void> {
  const cases = openCases(spotlight);
  const system = caseSystemOf(spotlight);
  const all = practitionersOf(spotlight).map((p) => p.id);
  const offset = between(demoRandom(spotlight.team.name), 0, proudReasons.length - 1);
  for (const practitioner of practitioners) {
    // Each practitioner keeps the same children whoever else nominates.
    const index = all.indexOf(practitioner.id);
    const reason = (list: readonly string[]) => list[(offset + index) % list.length] ?? '';
    const result = await services.nominations.saveMine(
      demoContext(actorFor(practitioner, signIns)),
      spotlight.id,
      {
        proud: { system, number: cases[2 * index] ?? '', reason: reason(proudReasons) },
        challenging: {
          system,
          number: cases[2 * index + 1] ?? '',
          reason: reason(challengingReasons),
        },
        versions: { proud: 0, challenging: 0 },
      },
    );
    if (result.status !== 'saved')
      throw new Error(`${practitioner.name}’s demo nominations were not saved (${result.status})`);
  }
}

/**
 * The demo Team Manager's own team, weeks before its Spotlight: they have sent three documents and
 * about half the practitioners have named their children (never a demo sign-in, who has the task
 * still to do); nothing is forwarded and the case list is still to come.
 */
async function prepareUnderWay(
  services: Services,
  spotlight: Spotlight,
  manager: Actor,
  signIns: SignIns,
): Promise<void> {
  await sendDocuments(services, spotlight, manager, false);
  const practitioners = practitionersOf(spotlight);
  const half = Math.ceil(practitioners.length / 2);
  const named = practitioners.filter((p) => !signIns.has(p.id)).slice(0, half);
  await nominate(services, spotlight, named, signIns);
}

/**
 * A Spotlight ready but for its team: the Team Manager has sent every kind of document, collected
 * and forwarded every practitioner's nominations and added the case list; everyone in the Spotlight
 * Team but the demo sign-ins (who still have it to do) has confirmed access to the recording system.
 */
export async function prepareReady(
  services: Services,
  spotlight: Spotlight,
  signIns: SignIns,
): Promise<void> {
  const preparer = spotlight.team.managers[0] ?? spotlight.team.headOfService;
  if (!preparer) return;
  const manager = actorFor(preparer, signIns);
  const ctx = demoContext(manager);
  await sendDocuments(services, spotlight, manager, true);
  await nominate(services, spotlight, practitionersOf(spotlight), signIns);
  await services.nominations.forward(ctx, spotlight.id);
  const heading = `${caseSystemOf(spotlight)} number`;
  const saved = await services.caseList.save(ctx, spotlight.id, {
    pasted: [heading, ...openCases(spotlight)].join('\n'),
  });
  if (saved.status !== 'saved') throw new Error('The demo’s case list was not saved');
  const team = [...(spotlight.lead ? [spotlight.lead] : []), ...spotlight.members];
  for (const person of team.filter((p) => !signIns.has(p.id))) {
    await services.recordingAccess.confirm(demoContext(actorFor(person, signIns)), spotlight.id);
  }
}

/** The first Spotlight from today that the demo senior leader leads. */
export async function demoLedSpotlight(
  services: Services,
  leader: Actor,
): Promise<Spotlight | undefined> {
  const today = services.spotlights.today();
  return (await spotlightsOf(services, leader.personId)).find(
    (s) => s.lead?.id === leader.personId && s.date >= today,
  );
}

/**
 * Preparation for the demo Team Manager's own team (under way), the first Spotlight the demo senior
 * leader leads and every one the demo Staff sign-in is a team member of (ready).
 */
export async function seedDemoPreparation(services: Services): Promise<void> {
  const actors = await demoActors(services);
  const signIns: SignIns = new Map([...actors.values()].map((a) => [a.personId, a]));
  const manager = actors.get('team-manager');
  const leader = actors.get('senior-leader');
  const staff = actors.get('staff');

  const own = manager
    ? (await spotlightsOf(services, manager.personId)).find((s) =>
        s.team.managers.some((m) => m.id === manager.personId),
      )
    : undefined;
  const ready = new Map<string, Spotlight>();
  if (leader) {
    const led = await demoLedSpotlight(services, leader);
    if (led) ready.set(led.id, led);
  }
  if (staff) {
    for (const s of await spotlightsOf(services, staff.personId)) {
      if (s.members.some((m) => m.id === staff.personId)) ready.set(s.id, s);
    }
  }

  if (own && manager && !(await hasPreparation(services, own))) {
    await prepareUnderWay(services, own, manager, signIns);
  }
  for (const spotlight of ready.values()) {
    if (spotlight.id === own?.id || (await hasPreparation(services, spotlight))) continue;
    await prepareReady(services, spotlight, signIns);
  }
}
