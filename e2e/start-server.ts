// The server the browser tests run against: a fresh SQLite database and uploads folder in a
// temporary folder, one QA coordinator with a known password, the small council the timetable
// journey plans, the preparation, day, afternoon and report journeys' Spotlights (no other demo
// data), and the real app on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/platform/clock.js';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { newId } from '../src/platform/ids.js';
import type { Role } from '../src/platform/policy.js';
import { createServices, type Services } from '../src/services.js';
import { themeKeys } from '../src/core/record-themes.js';
import {
  reportCaseNumber,
  reportHeadOfServiceQa,
  reportKeyFindings,
  reportPassword,
  reportSpotlightDate,
} from './support/report-settings.js';
import {
  dayCouncil,
  e2ePort,
  preparationCouncil,
  preparationDates,
  qaCoordinator,
  timetableCouncil,
  type FixturePerson,
  type PreparationPerson,
} from './support/settings.js';

/** The account role that goes with a job role. */
function accountRole(person: Pick<FixturePerson, 'jobRole'> | PreparationPerson): Role {
  if (person.jobRole === 'senior-leader') return 'senior-leader';
  if (person.jobRole === 'team-manager') return 'team-manager';
  return 'staff';
}

/**
 * The timetable journey's council: its service areas and teams, each team's reviewers on the rota,
 * and the senior leaders who lead Spotlights; everyone with an account and the same password.
 */
async function addTimetableCouncil(database: DatabaseHandle, services: Services, now: string) {
  const { db } = database;
  const stamps = { active: 1, version: 1, created_at: now, updated_at: now };
  const areaIds = new Map<string, string>();
  for (const team of timetableCouncil.teams) {
    if (areaIds.has(team.serviceArea)) continue;
    const id = newId();
    areaIds.set(team.serviceArea, id);
    const name = team.serviceArea;
    await db
      .insertInto('service_area')
      .values({ id, name, name_key: name.toLowerCase(), ...stamps })
      .execute();
  }
  const people: { person: FixturePerson; teamId: string | null }[] = [];
  for (const team of timetableCouncil.teams) {
    const id = newId();
    await db
      .insertInto('team')
      .values({
        id,
        name: team.name,
        name_key: team.name.toLowerCase(),
        service_area_id: areaIds.get(team.serviceArea) ?? '',
        head_of_service_id: null,
        recording_system: team.recordingSystem,
        ...stamps,
      })
      .execute();
    for (const person of team.reviewers) people.push({ person, teamId: id });
  }
  for (const person of timetableCouncil.seniorLeaders) people.push({ person, teamId: null });
  for (const { person, teamId } of people) {
    const id = newId();
    const leader = person.jobRole === 'senior-leader';
    await db
      .insertInto('person')
      .values({
        id,
        name: person.name,
        email: person.email,
        job_role: person.jobRole,
        home_team_id: teamId,
        slt_member: leader ? 1 : 0,
        can_review: leader ? 0 : 1,
        on_rota: leader ? 0 : 1,
        ...stamps,
      })
      .execute();
    await services.accounts.createActiveAccount(id, accountRole(person), timetableCouncil.password);
  }
}

/**
 * The preparation journey's council: a published plan (ending before the timetable journey's
 * years, so publishing those never replaces it) with, for each browser project, a Spotlight of its
 * own team (a Team Manager, two practitioners, a Lead and three team members), and one Spotlight
 * of another team whose members are the projects' outside reviewers. Nobody here is on the rota
 * or in the Senior Leadership Team, so the timetable journey never plans them into its years.
 */
async function addPreparationCouncil(database: DatabaseHandle, services: Services, now: string) {
  const { db } = database;
  const stamps = { version: 1, created_at: now, updated_at: now };
  const { date, from, to } = preparationDates();

  const areaId = newId();
  const area = preparationCouncil.serviceArea;
  await db
    .insertInto('service_area')
    .values({ id: areaId, name: area, name_key: area.toLowerCase(), active: 1, ...stamps })
    .execute();
  const addTeam = async (name: string) => {
    const id = newId();
    await db
      .insertInto('team')
      .values({
        id,
        name,
        name_key: name.toLowerCase(),
        service_area_id: areaId,
        head_of_service_id: null,
        recording_system: 'LCS',
        active: 1,
        ...stamps,
      })
      .execute();
    return id;
  };
  const addPerson = async (person: PreparationPerson, homeTeamId: string | null) => {
    const id = newId();
    await db
      .insertInto('person')
      .values({
        id,
        name: person.name,
        email: person.email,
        job_role: person.jobRole,
        home_team_id: homeTeamId,
        slt_member: 0,
        can_review: person.jobRole === 'senior-leader' ? 0 : 1,
        on_rota: 0,
        active: 1,
        ...stamps,
      })
      .execute();
    await services.accounts.createActiveAccount(
      id,
      accountRole(person),
      preparationCouncil.password,
    );
    return id;
  };

  const planId = newId();
  await db
    .insertInto('timetable_plan')
    .values({
      id: planId,
      from_date: from,
      to_date: to,
      settings: '{}',
      status: 'published',
      solver_status: 'optimal',
      gap: 0,
      objective: 0,
      seconds: 0,
      explanation: null,
      created_by_account_id: null,
      created_at: now,
      published_at: now,
      version: 1,
    })
    .execute();
  const addSpotlight = async (teamId: string, leadId: string | null, memberIds: string[]) => {
    const id = newId();
    await db
      .insertInto('spotlight')
      .values({
        id,
        plan_id: planId,
        team_id: teamId,
        date,
        lead_person_id: leadId,
        status: 'planned',
        ...stamps,
      })
      .execute();
    await db
      .insertInto('spotlight_member')
      .values(memberIds.map((personId) => ({ spotlight_id: id, person_id: personId })))
      .execute();
  };

  const otherReviewerIds: string[] = [];
  for (const spotlight of Object.values(preparationCouncil.spotlights)) {
    const teamId = await addTeam(spotlight.team);
    const managerId = await addPerson(spotlight.teamManager, teamId);
    await db.insertInto('team_manager').values({ team_id: teamId, person_id: managerId }).execute();
    for (const practitioner of spotlight.practitioners) await addPerson(practitioner, teamId);
    // The Spotlight Team and the outside reviewer come from teams outside this fixture.
    const leadId = await addPerson(spotlight.lead, null);
    const memberIds: string[] = [];
    for (const member of spotlight.members) memberIds.push(await addPerson(member, null));
    otherReviewerIds.push(await addPerson(spotlight.otherReviewer, null));
    await addSpotlight(teamId, leadId, memberIds);
  }
  await addSpotlight(await addTeam(preparationCouncil.otherTeam), null, otherReviewerIds);
}

/**
 * The day's journey's council: like the preparation journey's, its own published plan (the same
 * period) with, for each browser project, a Spotlight of its own team ready for the morning: four
 * practitioners whose proud and challenging children are forwarded, and the team's case list; and
 * one Spotlight of another team whose members are the projects' outside reviewers. Nobody here is
 * on the rota or in the Senior Leadership Team.
 */
async function addDayCouncil(database: DatabaseHandle, services: Services, now: string) {
  const { db } = database;
  const stamps = { version: 1, created_at: now, updated_at: now };
  const { date, from, to } = preparationDates();

  const areaId = newId();
  const area = dayCouncil.serviceArea;
  await db
    .insertInto('service_area')
    .values({ id: areaId, name: area, name_key: area.toLowerCase(), active: 1, ...stamps })
    .execute();
  const addTeam = async (name: string) => {
    const id = newId();
    await db
      .insertInto('team')
      .values({
        id,
        name,
        name_key: name.toLowerCase(),
        service_area_id: areaId,
        head_of_service_id: null,
        recording_system: 'LCS',
        active: 1,
        ...stamps,
      })
      .execute();
    return id;
  };
  const addPerson = async (person: PreparationPerson, homeTeamId: string | null) => {
    const id = newId();
    await db
      .insertInto('person')
      .values({
        id,
        name: person.name,
        email: person.email,
        job_role: person.jobRole,
        home_team_id: homeTeamId,
        slt_member: 0,
        can_review: person.jobRole === 'senior-leader' ? 0 : 1,
        on_rota: 0,
        active: 1,
        ...stamps,
      })
      .execute();
    await services.accounts.createActiveAccount(id, accountRole(person), dayCouncil.password);
    return id;
  };

  const planId = newId();
  await db
    .insertInto('timetable_plan')
    .values({
      id: planId,
      from_date: from,
      to_date: to,
      settings: '{}',
      status: 'published',
      solver_status: 'optimal',
      gap: 0,
      objective: 0,
      seconds: 0,
      explanation: null,
      created_by_account_id: null,
      created_at: now,
      published_at: now,
      version: 1,
    })
    .execute();
  const addSpotlight = async (teamId: string, leadId: string | null, memberIds: string[]) => {
    const id = newId();
    await db
      .insertInto('spotlight')
      .values({
        id,
        plan_id: planId,
        team_id: teamId,
        date,
        lead_person_id: leadId,
        status: 'planned',
        ...stamps,
      })
      .execute();
    await db
      .insertInto('spotlight_member')
      .values(memberIds.map((personId) => ({ spotlight_id: id, person_id: personId })))
      .execute();
    return id;
  };

  const otherReviewerIds: string[] = [];
  for (const spotlight of Object.values(dayCouncil.spotlights)) {
    const teamId = await addTeam(spotlight.team);
    const managerId = await addPerson(spotlight.teamManager, teamId);
    await db.insertInto('team_manager').values({ team_id: teamId, person_id: managerId }).execute();
    const practitionerIds: string[] = [];
    for (const practitioner of spotlight.practitioners) {
      practitionerIds.push(await addPerson(practitioner, teamId));
    }
    const leadId = await addPerson(spotlight.lead, null);
    const memberIds: string[] = [];
    for (const member of spotlight.members) memberIds.push(await addPerson(member, null));
    otherReviewerIds.push(await addPerson(spotlight.otherReviewer, null));
    const spotlightId = await addSpotlight(teamId, leadId, memberIds);

    // The Team Manager's preparation, done: the nominations forwarded and the case list sent.
    await db
      .insertInto('nomination')
      .values(
        spotlight.nominations.flatMap((named, i) =>
          (['proud', 'challenging'] as const).map((kind) => ({
            id: newId(),
            spotlight_id: spotlightId,
            practitioner_person_id: practitionerIds[i] ?? '',
            kind,
            case_system: 'LCS',
            case_number: named[kind],
            reason: kind === 'proud' ? 'Steady direct work' : 'Drift before the review',
            entered_by_person_id: managerId,
            entered_at: now,
            late: 0,
            version: 1,
          })),
        ),
      )
      .execute();
    await db
      .insertInto('case_list_entry')
      .values(
        spotlight.caseList.map((caseNumber, i) => ({
          spotlight_id: spotlightId,
          position: i + 1,
          case_system: 'LCS',
          case_number: caseNumber,
        })),
      )
      .execute();
    await db
      .insertInto('spotlight_preparation')
      .values({
        spotlight_id: spotlightId,
        nominations_forwarded_at: now,
        nominations_forwarded_by_person_id: managerId,
        case_list_updated_at: now,
        case_list_updated_by_person_id: managerId,
        version: 1,
      })
      .execute();
  }
  await addSpotlight(await addTeam(dayCouncil.otherTeam), null, otherReviewerIds);
}

/**
 * The afternoon journey's Spotlights: for each browser project, a second Spotlight of its day
 * council team (no new teams: the timetable journey plans every active team), dated today on the
 * server's clock in the day council's plan, with the same Lead, team members, nominations and case
 * list, and Spotlight's allocation already proposed by the Lead, so the journey starts at the
 * Team Member Information Records.
 */
async function addAfternoonSpotlights(database: DatabaseHandle, services: Services, now: string) {
  const { db } = database;
  const today = preparationDates().from;
  const personId = async (person: PreparationPerson) =>
    (
      await db
        .selectFrom('person')
        .select('id')
        .where('email', '=', person.email)
        .executeTakeFirstOrThrow()
    ).id;
  for (const spotlight of Object.values(dayCouncil.spotlights)) {
    const team = await db
      .selectFrom('team')
      .select('id')
      .where('name_key', '=', spotlight.team.toLowerCase())
      .executeTakeFirstOrThrow();
    const morning = await db
      .selectFrom('spotlight')
      .select('plan_id')
      .where('team_id', '=', team.id)
      .executeTakeFirstOrThrow();
    const leadId = await personId(spotlight.lead);
    const managerId = await personId(spotlight.teamManager);
    const id = newId();
    await db
      .insertInto('spotlight')
      .values({
        id,
        plan_id: morning.plan_id,
        team_id: team.id,
        date: today,
        lead_person_id: leadId,
        status: 'planned',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const memberIds: string[] = [];
    for (const member of spotlight.members) memberIds.push(await personId(member));
    await db
      .insertInto('spotlight_member')
      .values(memberIds.map((memberId) => ({ spotlight_id: id, person_id: memberId })))
      .execute();
    const practitionerIds: string[] = [];
    for (const practitioner of spotlight.practitioners) {
      practitionerIds.push(await personId(practitioner));
    }
    await db
      .insertInto('nomination')
      .values(
        spotlight.nominations.flatMap((named, i) =>
          (['proud', 'challenging'] as const).map((kind) => ({
            id: newId(),
            spotlight_id: id,
            practitioner_person_id: practitionerIds[i] ?? '',
            kind,
            case_system: 'LCS',
            case_number: named[kind],
            reason: kind === 'proud' ? 'Steady direct work' : 'Drift before the review',
            entered_by_person_id: managerId,
            entered_at: now,
            late: 0,
            version: 1,
          })),
        ),
      )
      .execute();
    await db
      .insertInto('case_list_entry')
      .values(
        spotlight.caseList.map((caseNumber, i) => ({
          spotlight_id: id,
          position: i + 1,
          case_system: 'LCS',
          case_number: caseNumber,
        })),
      )
      .execute();
    await db
      .insertInto('spotlight_preparation')
      .values({
        spotlight_id: id,
        nominations_forwarded_at: now,
        nominations_forwarded_by_person_id: managerId,
        case_list_updated_at: now,
        case_list_updated_by_person_id: managerId,
        version: 1,
      })
      .execute();
    // The Lead proposes the allocation, as on the allocation page: three children for each member.
    const accountId = await services.accounts.createActiveAccount(
      leadId,
      'senior-leader',
      dayCouncil.password,
    );
    const lead = {
      accountId,
      personId: leadId,
      name: spotlight.lead.name,
      role: 'senior-leader' as const,
    };
    const proposed = await services.allocation.propose({ actor: lead, requestId: 'e2e-setup' }, id);
    if (proposed.gaps > 0) throw new Error(`The afternoon Spotlight of ${spotlight.team} has gaps`);
  }
}

/**
 * The report journey's Spotlights: for each browser project, one more Spotlight of its day council
 * team (no new teams) dated a week ago with the same Lead and team members, its day done: each
 * member's record submitted with a child read, evidence on every theme from a case record and a
 * conversation, a strength and an area as key findings per theme, and the feedback given. And the
 * Head of Service QA and Safeguarding who reviews the reports.
 */
async function addReportSpotlights(database: DatabaseHandle, services: Services, now: string) {
  const { db } = database;
  const stamp = { created_at: now, updated_at: now, version: 1 };
  const date = reportSpotlightDate();
  const personId = async (email: string) =>
    (
      await db
        .selectFrom('person')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;
  const hosQaId = newId();
  await db
    .insertInto('person')
    .values({
      id: hosQaId,
      name: reportHeadOfServiceQa.name,
      email: reportHeadOfServiceQa.email,
      job_role: reportHeadOfServiceQa.jobRole,
      home_team_id: null,
      slt_member: 0,
      can_review: 0,
      on_rota: 0,
      active: 1,
      ...stamp,
    })
    .execute();
  await services.accounts.createActiveAccount(hosQaId, 'hos-qa', reportPassword);

  for (const spotlight of Object.values(dayCouncil.spotlights)) {
    const team = await db
      .selectFrom('team')
      .select('id')
      .where('name_key', '=', spotlight.team.toLowerCase())
      .executeTakeFirstOrThrow();
    const morning = await db
      .selectFrom('spotlight')
      .select('plan_id')
      .where('team_id', '=', team.id)
      .executeTakeFirstOrThrow();
    const leadId = await personId(spotlight.lead.email);
    const managerId = await personId(spotlight.teamManager.email);
    const id = newId();
    await db
      .insertInto('spotlight')
      .values({
        id,
        plan_id: morning.plan_id,
        team_id: team.id,
        date,
        lead_person_id: leadId,
        status: 'planned',
        ...stamp,
      })
      .execute();
    const memberIds: string[] = [];
    for (const member of spotlight.members) memberIds.push(await personId(member.email));
    await db
      .insertInto('spotlight_member')
      .values(memberIds.map((memberId) => ({ spotlight_id: id, person_id: memberId })))
      .execute();
    const evidence = new Map<string, string[]>();
    for (const [index, memberId] of memberIds.entries()) {
      const recordId = newId();
      await db
        .insertInto('member_record')
        .values({
          id: recordId,
          spotlight_id: id,
          member_person_id: memberId,
          culture: 'A calm, friendly team that asks each other for help.',
          practice: 'Plans are clear and written with families.',
          quality_assurance: null,
          oversight: null,
          systemic: null,
          learning: null,
          conversations: null,
          observations: null,
          status: 'submitted',
          submitted_at: now,
          reopened_at: null,
          reopened_by_person_id: null,
          reopen_reason: null,
          ...stamp,
        })
        .execute();
      const childId = newId();
      await db
        .insertInto('record_child')
        .values({
          id: childId,
          record_id: recordId,
          spotlight_id: id,
          allocation_id: null,
          kind: 'random',
          case_system: 'LCS',
          case_number: reportCaseNumber(index),
          documents_read: 'The assessment and the plan',
          life_for_child: 'Settled at school and sees their grandparents each week.',
          proportionate: 'about-right',
          proportionate_why: null,
          good_enough: 'yes',
          good_enough_why: null,
          strengths: null,
          areas_to_develop: null,
          position: 1,
          updated_at: now,
          version: 1,
        })
        .execute();
      // The first member read case records, the second talked to staff: two sources per theme.
      if (index > 1) continue;
      const source = index === 0 ? 'case-record' : 'conversation';
      for (const theme of themeKeys) {
        const itemId = newId();
        await db
          .insertInto('evidence_item')
          .values({
            id: itemId,
            record_id: recordId,
            spotlight_id: id,
            source,
            theme,
            kind: index === 0 ? 'strength' : 'area',
            seen:
              index === 0
                ? `${reportKeyFindings[theme]?.strength ?? ''} Seen on a child’s record.`
                : `${reportKeyFindings[theme]?.area ?? ''} Workers told us so.`,
            record_child_id: index === 0 ? childId : null,
            ...stamp,
          })
          .execute();
        evidence.set(theme, [...(evidence.get(theme) ?? []), itemId]);
      }
    }
    for (const theme of themeKeys) {
      for (const [position, kind] of (['strength', 'area'] as const).entries()) {
        await db
          .insertInto('key_finding')
          .values({
            id: newId(),
            spotlight_id: id,
            theme,
            kind,
            text: reportKeyFindings[theme]?.[kind] ?? '',
            evidence_ids: JSON.stringify((evidence.get(theme) ?? []).slice(position, position + 1)),
            position: position + 1,
            created_by_person_id: leadId,
            ...stamp,
          })
          .execute();
      }
    }
    await db
      .insertInto('day_feedback')
      .values({
        spotlight_id: id,
        given_on: date,
        given_to: JSON.stringify([managerId]),
        others_present: null,
        notes: 'We told the Team Manager what we found.',
        suggested_actions: JSON.stringify(['Record the reasons for decisions in supervision']),
        updated_by_person_id: leadId,
        updated_at: now,
        version: 1,
      })
      .execute();
  }
}

async function start(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'spotlight-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: `sqlite:${join(folder, 'e2e.sqlite')}`,
    FILES_DIR: join(folder, 'files'),
    HOST: '127.0.0.1',
    PORT: String(e2ePort),
  });
  const database = openDatabase(config.databaseUrl);
  await migrateToLatest(database);
  const services = createServices({ database, config, clock: systemClock });

  const now = systemClock.now().toISOString();
  const personId = newId();
  await database.db
    .insertInto('person')
    .values({
      id: personId,
      name: qaCoordinator.name,
      email: qaCoordinator.email,
      job_role: 'qa-coordinator',
      home_team_id: null,
      slt_member: 0,
      can_review: 0,
      active: 1,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await services.accounts.createActiveAccount(personId, 'qa-coordinator', qaCoordinator.password);
  await addTimetableCouncil(database, services, now);
  await addPreparationCouncil(database, services, now);
  await addDayCouncil(database, services, now);
  await addAfternoonSpotlights(database, services, now);
  await addReportSpotlights(database, services, now);

  const app = await buildApp(services);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await database.destroy();
    rmSync(folder, { recursive: true, force: true });
    process.exit(0);
  };
  // The signal can come twice (to the process group, and passed on by tsx): the first one stops.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop());

  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`Spotlight for the browser tests: http://${config.host}:${config.port}\n`);
}

start().catch((error: unknown) => {
  process.stderr.write(`The browser tests' server did not start: ${String(error)}\n`);
  process.exit(1);
});
