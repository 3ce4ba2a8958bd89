// A small council for the rota, My Spotlights and cover tests, inserted through SQL: nine teams in
// two service areas, their staff, two senior leaders, and a published plan for 2027 with two
// Spotlights on Thursday 1 July 2027 and one in February (plus a draft plan nobody should see).
import type { Agent, TestApp } from '../../../test/app.js';
import { agent, testPassword } from '../../../test/app.js';
import type { Role } from '../../platform/policy.js';
import { newId } from '../../platform/ids.js';

const teamKeys = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'] as const;
type TeamKey = (typeof teamKeys)[number];

const teamNames: Record<TeamKey, [string, 'sa1' | 'sa2']> = {
  t1: ['Family Support East', 'sa1'],
  t2: ['Family Support West', 'sa1'],
  t3: ['Children in Care North', 'sa2'],
  t4: ['Children in Care South', 'sa2'],
  t5: ['Assessment Team', 'sa1'],
  t6: ['Disabled Children', 'sa2'],
  t7: ['Front Door', 'sa1'],
  t8: ['Care Leavers', 'sa2'],
  t9: ['Fostering', 'sa2'],
};

interface PersonSpec {
  name: string;
  team: TeamKey | null;
  role: string;
  canReview: boolean;
  onRota: boolean;
  slt?: boolean;
}

const peopleSpecs = {
  tina: { name: 'Tina Morgan', team: 't1', role: 'team-manager', canReview: true, onRota: false },
  sam: {
    name: 'Sam Senior',
    team: 't1',
    role: 'senior-social-worker',
    canReview: true,
    onRota: true,
  },
  pat: {
    name: 'Pat Practitioner',
    team: 't1',
    role: 'social-worker',
    canReview: false,
    onRota: false,
  },
  iris: { name: 'Iris Isro', team: 't1', role: 'isro', canReview: true, onRota: false },
  amina: { name: 'Amina Khan', team: 't2', role: 'team-manager', canReview: true, onRota: true },
  will: {
    name: 'Will West',
    team: 't2',
    role: 'senior-social-worker',
    canReview: true,
    onRota: true,
  },
  kay: { name: 'Kay Lee', team: 't2', role: 'team-leader', canReview: true, onRota: true },
  bea: {
    name: 'Bea Brown',
    team: 't3',
    role: 'senior-social-worker',
    canReview: true,
    onRota: true,
  },
  carl: { name: 'Carl Care', team: 't3', role: 'team-leader', canReview: true, onRota: true },
  cat: { name: 'Cat Isro', team: 't4', role: 'isro', canReview: true, onRota: true },
  dan: { name: 'Dan Dunn', team: 't4', role: 'team-manager', canReview: true, onRota: true },
  eve: { name: 'Eve Evans', team: 't5', role: 'team-manager', canReview: true, onRota: true },
  joe: { name: 'Joe Bloggs', team: 't6', role: 'team-manager', canReview: true, onRota: true },
  nina: { name: 'Nina Offrota', team: 't6', role: 'team-leader', canReview: true, onRota: false },
  greg: { name: 'Greg Gate', team: 't7', role: 'team-manager', canReview: true, onRota: true },
  hana: {
    name: 'Hana Hill',
    team: 't8',
    role: 'senior-social-worker',
    canReview: true,
    onRota: true,
  },
  ian: { name: 'Ian Irwin', team: 't9', role: 'isro', canReview: true, onRota: true },
  ruth: {
    name: 'Ruth Okafor',
    team: null,
    role: 'senior-leader',
    canReview: false,
    onRota: false,
    slt: true,
  },
  liam: {
    name: 'Liam Lead',
    team: null,
    role: 'head-of-service',
    canReview: false,
    onRota: false,
    slt: true,
  },
} satisfies Record<string, PersonSpec>;
type PersonKey = keyof typeof peopleSpecs;

export interface CouncilPerson {
  id: string;
  name: string;
  email: string;
}

export interface Council {
  teams: Record<TeamKey, { id: string; name: string }>;
  people: Record<PersonKey, CouncilPerson>;
  planId: string;
  /** S1: Family Support East on 1 July 2027, led by Liam; Amina, Bea and Cat are its members. */
  s1: string;
  /** S2: Assessment Team on 1 July 2027, led by Ruth; Greg, Hana and Ian are its members. */
  s2: string;
  /** Children in Care North on 10 February 2027, led by Ruth; Amina, Sam and Ian were its members. */
  past: string;
  /** In a draft plan: Children in Care South on 5 August 2027, with Amina. */
  draft: string;
}

let councils = 0;

/** Adds the council. `label` keeps its names apart from other councils in the same database. */
export async function addCouncil(t: TestApp): Promise<Council> {
  councils += 1;
  const label = `${String(councils)}-${newId().slice(0, 6)}`;
  const db = t.services.database.db;
  const now = t.clock.now().toISOString();
  const stamp = { version: 1, created_at: now, updated_at: now };

  const areas = { sa1: newId(), sa2: newId() };
  for (const [key, id] of Object.entries(areas)) {
    const name = `${key === 'sa1' ? 'Children in Need' : 'Children in Care'} ${label}`;
    await db
      .insertInto('service_area')
      .values({ id, name, name_key: name.toLowerCase(), active: 1, ...stamp })
      .execute();
  }

  const people = {} as Record<PersonKey, CouncilPerson>;
  for (const key of Object.keys(peopleSpecs) as PersonKey[]) {
    const spec: PersonSpec = peopleSpecs[key];
    people[key] = { id: newId(), name: spec.name, email: `${key}.${label}@example.test` };
  }

  // People outside any team first (a Head of Service is named by teams), then the teams' staff.
  const addPeople = async (inTeam: boolean) => {
    for (const key of Object.keys(peopleSpecs) as PersonKey[]) {
      const spec: PersonSpec = peopleSpecs[key];
      if ((spec.team !== null) !== inTeam) continue;
      await db
        .insertInto('person')
        .values({
          ...{ ...people[key], job_role: spec.role },
          home_team_id: spec.team ? teams[spec.team].id : null,
          slt_member: spec.slt ? 1 : 0,
          can_review: spec.canReview ? 1 : 0,
          on_rota: spec.onRota ? 1 : 0,
          active: 1,
          ...stamp,
        })
        .execute();
    }
  };

  const teams = {} as Council['teams'];
  await addPeople(false);
  for (const key of teamKeys) {
    const [base, area] = teamNames[key];
    const name = `${base} ${label}`;
    const id = newId();
    teams[key] = { id, name };
    const headOfService = area === 'sa2' ? people.liam.id : null;
    await db
      .insertInto('team')
      .values({
        ...{ id, name, name_key: name.toLowerCase(), service_area_id: areas[area] },
        ...{ head_of_service_id: headOfService, recording_system: 'LCS', active: 1, ...stamp },
      })
      .execute();
  }

  await addPeople(true);
  await db
    .insertInto('team_manager')
    .values({ team_id: teams.t1.id, person_id: people.tina.id })
    .execute();

  const plan = async (status: string) => {
    const id = newId();
    await db
      .insertInto('timetable_plan')
      .values({
        ...{ id, from_date: '2027-01-04', to_date: '2027-12-17', status },
        settings: JSON.stringify({
          ...{ closures: ['2027-12-24'], maxSpotlightsPerDay: 2 },
          ...{ membersPerSpotlight: { min: 3, max: 4 }, maxPerPersonPerYear: 2 },
          roleMix: { managers: 1, seniorPractitioners: 1 },
        }),
        ...{ solver_status: 'optimal', gap: 0, objective: 10, seconds: 1 },
        ...{ explanation: null, created_by_account_id: null, created_at: now },
        ...{ published_at: status === 'published' ? now : null, version: 1 },
      })
      .execute();
    return id;
  };
  const spotlight = async (
    planId: string,
    team: TeamKey,
    date: string,
    lead: PersonKey,
    members: PersonKey[],
  ) => {
    const id = newId();
    await db
      .insertInto('spotlight')
      .values({
        ...{ id, plan_id: planId, team_id: teams[team].id, date },
        ...{ lead_person_id: people[lead].id, status: 'planned', ...stamp },
      })
      .execute();
    await db
      .insertInto('spotlight_member')
      .values(members.map((m) => ({ spotlight_id: id, person_id: people[m].id })))
      .execute();
    return id;
  };

  const planId = await plan('published');
  const draftPlanId = await plan('draft');
  return {
    teams,
    people,
    planId,
    s1: await spotlight(planId, 't1', '2027-07-01', 'liam', ['amina', 'bea', 'cat']),
    s2: await spotlight(planId, 't5', '2027-07-01', 'ruth', ['greg', 'hana', 'ian']),
    past: await spotlight(planId, 't3', '2027-02-10', 'ruth', ['amina', 'sam', 'ian']),
    draft: await spotlight(draftPlanId, 't4', '2027-08-05', 'ruth', ['amina', 'joe', 'hana']),
  };
}

/** Gives a person in the council an account in the role, and signs them in. */
export async function signInAs(t: TestApp, person: CouncilPerson, role: Role): Promise<Agent> {
  await t.services.accounts.createActiveAccount(person.id, role, testPassword);
  const browser = agent(t.app);
  await browser.get('/sign-in');
  const response = await browser.post('/sign-in', { email: person.email, password: testPassword });
  if (response.statusCode !== 303)
    throw new Error(`Sign-in failed with ${String(response.statusCode)}`);
  await browser.get('/');
  return browser;
}
