// One published Spotlight with everyone around it, for the tests of the stages after the
// timetable: the visited team (its Team Manager, Head of Service and practitioners), the Spotlight
// Team (a Lead and three members), the QA team, and outsiders who must be refused (a reviewer of
// another Spotlight, a manager of another team). Each person has an account; `as(key)` signs in.
import type { Role } from '../src/platform/policy.js';
import { newId } from '../src/platform/ids.js';
import { agent, testPassword, type Agent, type TestApp } from './app.js';

export const spotlightPeople = {
  qa: { name: 'Priya QA', role: 'qa-coordinator', jobRole: 'qa-officer', team: null },
  hosQa: { name: 'Helen Safeguarding', role: 'hos-qa', jobRole: 'head-of-service', team: null },
  teamManager: {
    name: 'Tina Morgan',
    role: 'team-manager',
    jobRole: 'team-manager',
    team: 'visited',
  },
  headOfService: {
    name: 'Hugh Service',
    role: 'head-of-service',
    jobRole: 'head-of-service',
    team: null,
  },
  practitioner1: {
    name: 'Pat Practitioner',
    role: 'staff',
    jobRole: 'social-worker',
    team: 'visited',
  },
  practitioner2: { name: 'Sol Worker', role: 'staff', jobRole: 'social-worker', team: 'visited' },
  practitioner3: {
    name: 'Sam Senior',
    role: 'staff',
    jobRole: 'senior-social-worker',
    team: 'visited',
  },
  lead: { name: 'Lena Lead', role: 'senior-leader', jobRole: 'senior-leader', team: null },
  member1: { name: 'Mo Member', role: 'staff', jobRole: 'team-manager', team: 'other' },
  member2: {
    name: 'Maya Member',
    role: 'staff',
    jobRole: 'senior-social-worker',
    team: 'other',
  },
  member3: { name: 'Milo Member', role: 'staff', jobRole: 'isro', team: 'third' },
  /** A team member of another Spotlight: must see nothing of this one. */
  otherReviewer: { name: 'Olly Other', role: 'staff', jobRole: 'team-leader', team: 'third' },
  /** The manager of another team. */
  otherManager: {
    name: 'Omar Manager',
    role: 'team-manager',
    jobRole: 'team-manager',
    team: 'other',
  },
} as const satisfies Record<
  string,
  { name: string; role: Role; jobRole: string; team: 'visited' | 'other' | 'third' | null }
>;

export type SpotlightPersonKey = keyof typeof spotlightPeople;

export interface SpotlightFixture {
  spotlightId: string;
  /** The other Spotlight, which otherReviewer is a member of. */
  otherSpotlightId: string;
  date: string;
  teamId: string;
  otherTeamId: string;
  personId: Record<SpotlightPersonKey, string>;
  email: Record<SpotlightPersonKey, string>;
  /** A browser signed in as that person (signed in once, then reused). */
  as(key: SpotlightPersonKey): Promise<Agent>;
}

let counter = 0;

/**
 * Inserts the fixture. `date` is the Spotlight's day (default Thursday 14 January 2027, well after
 * the test clock's 26 November 2026); `recordingSystem` the visited team's (default LCS).
 */
export async function addSpotlightFixture(
  t: TestApp,
  options: { date?: string; recordingSystem?: 'LCS' | 'EHM' } = {},
): Promise<SpotlightFixture> {
  counter += 1;
  const db = t.services.database.db;
  const now = t.clock.now().toISOString();
  const date = options.date ?? '2027-01-14';
  const suffix = `${counter}.${Date.now()}`;
  const stamp = { version: 1, created_at: now, updated_at: now };

  const serviceAreaId = newId();
  await db
    .insertInto('service_area')
    .values({
      id: serviceAreaId,
      name: `Area ${suffix}`,
      name_key: `area ${suffix}`,
      active: 1,
      ...stamp,
    })
    .execute();

  const personId = {} as Record<SpotlightPersonKey, string>;
  const email = {} as Record<SpotlightPersonKey, string>;
  for (const key of Object.keys(spotlightPeople) as SpotlightPersonKey[]) {
    personId[key] = newId();
    email[key] = `${key.toLowerCase()}.${suffix}@example.test`;
  }

  const teamIds = { visited: newId(), other: newId(), third: newId() };
  const teamNames = {
    visited: `Family Support East ${suffix}`,
    other: `Children in Care ${suffix}`,
    third: `Front Door ${suffix}`,
  };
  for (const key of ['visited', 'other', 'third'] as const) {
    await db
      .insertInto('team')
      .values({
        id: teamIds[key],
        name: teamNames[key],
        name_key: teamNames[key].toLowerCase(),
        service_area_id: serviceAreaId,
        head_of_service_id: null,
        recording_system: key === 'visited' ? (options.recordingSystem ?? 'LCS') : 'LCS',
        active: 1,
        ...stamp,
      })
      .execute();
  }

  for (const key of Object.keys(spotlightPeople) as SpotlightPersonKey[]) {
    const spec = spotlightPeople[key];
    await db
      .insertInto('person')
      .values({
        id: personId[key],
        name: spec.name,
        email: email[key],
        job_role: spec.jobRole,
        home_team_id: spec.team ? teamIds[spec.team] : null,
        slt_member: spec.role === 'senior-leader' ? 1 : 0,
        can_review: 1,
        active: 1,
        ...stamp,
      })
      .execute();
    await t.services.accounts.createActiveAccount(personId[key], spec.role, testPassword);
  }

  await db
    .updateTable('team')
    .set({ head_of_service_id: personId.headOfService })
    .where('id', '=', teamIds.visited)
    .execute();
  await db
    .insertInto('team_manager')
    .values([
      { team_id: teamIds.visited, person_id: personId.teamManager },
      { team_id: teamIds.other, person_id: personId.otherManager },
    ])
    .execute();

  const planId = newId();
  await db
    .insertInto('timetable_plan')
    .values({
      id: planId,
      from_date: '2027-01-01',
      to_date: '2027-12-31',
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

  const spotlightId = newId();
  const otherSpotlightId = newId();
  await db
    .insertInto('spotlight')
    .values([
      {
        id: spotlightId,
        plan_id: planId,
        team_id: teamIds.visited,
        date,
        lead_person_id: personId.lead,
        status: 'planned',
        ...stamp,
      },
      {
        id: otherSpotlightId,
        plan_id: planId,
        team_id: teamIds.other,
        date,
        lead_person_id: null,
        status: 'planned',
        ...stamp,
      },
    ])
    .execute();
  await db
    .insertInto('spotlight_member')
    .values([
      { spotlight_id: spotlightId, person_id: personId.member1 },
      { spotlight_id: spotlightId, person_id: personId.member2 },
      { spotlight_id: spotlightId, person_id: personId.member3 },
      { spotlight_id: otherSpotlightId, person_id: personId.otherReviewer },
    ])
    .execute();

  const agents = new Map<SpotlightPersonKey, Agent>();
  return {
    spotlightId,
    otherSpotlightId,
    date,
    teamId: teamIds.visited,
    otherTeamId: teamIds.other,
    personId,
    email,
    async as(key) {
      const existing = agents.get(key);
      if (existing) return existing;
      const browser = agent(t.app);
      await browser.get('/sign-in');
      const response = await browser.post('/sign-in', {
        email: email[key],
        password: testPassword,
      });
      if (response.statusCode !== 303) throw new Error(`Sign-in failed for ${key}`);
      agents.set(key, browser);
      return browser;
    },
  };
}
