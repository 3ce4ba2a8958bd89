// A small council for the year plan tests, inserted through SQL: four teams in two service areas,
// five people in each (four of them on the rota and able to review), and three senior leaders.
// Also a hand-made plan for the first quarter of 2027 that breaks no rule, inserted as a draft.
import type { TestApp } from '../../../../../test/app.js';
import { newId } from '../../../../platform/ids.js';
import type { PlanSettings } from '../../plan-settings.js';

export type TeamKey = 'a' | 'b' | 'c' | 'd';

interface Named {
  id: string;
  name: string;
}

const teamSpecs: Record<TeamKey, { name: string; area: 'north' | 'south' }> = {
  a: { name: 'Family Support East', area: 'north' },
  b: { name: 'Family Support West', area: 'north' },
  c: { name: 'Children in Care North', area: 'south' },
  d: { name: 'Children in Care South', area: 'south' },
};

/** Each team's staff: the job role, and whether they are on the rota and can review. */
const staff = [
  { key: 'tm', role: 'team-manager', first: 'Manager', reviews: true },
  { key: 'tl', role: 'team-leader', first: 'Leader', reviews: true },
  { key: 'ssw', role: 'senior-social-worker', first: 'Senior', reviews: true },
  { key: 'isro', role: 'isro', first: 'Isro', reviews: true },
  { key: 'sw', role: 'social-worker', first: 'Worker', reviews: false },
] as const;

export interface Council {
  areas: Record<'north' | 'south', Named>;
  teams: Record<TeamKey, Named>;
  /** Staff by team and role key: people['a-tm'], people['c-ssw']. */
  people: Record<string, Named>;
  /** Ruth, a senior leader outside any team; Liam heads the north, Sara the south. */
  leaders: Record<'ruth' | 'liam' | 'sara', Named>;
}

let run = 0;

export async function buildCouncil(t: TestApp): Promise<Council> {
  const db = t.services.database.db;
  const now = t.clock.now().toISOString();
  run += 1;
  const tag = `${run}${newId().slice(0, 6)}`;
  const stamp = { version: 1, created_at: now, updated_at: now };
  const areas = {
    north: { id: newId(), name: `North ${tag}` },
    south: { id: newId(), name: `South ${tag}` },
  };
  for (const area of Object.values(areas)) {
    await db
      .insertInto('service_area')
      .values({ ...area, name_key: area.name.toLowerCase(), active: 1, ...stamp })
      .execute();
  }
  const person = async (name: string, role: string, fields: Record<string, unknown> = {}) => {
    const row = { id: newId(), name };
    await db
      .insertInto('person')
      .values({
        ...row,
        email: `${name.toLowerCase().replace(/\W+/g, '.')}.${tag}@example.test`,
        job_role: role,
        home_team_id: null,
        slt_member: 0,
        can_review: 0,
        on_rota: 0,
        active: 1,
        ...stamp,
        ...fields,
      })
      .execute();
    return row;
  };
  const leaders = {
    ruth: await person('Ruth Okafor', 'senior-leader', { slt_member: 1 }),
    liam: await person('Liam Lewis', 'head-of-service', { slt_member: 1 }),
    sara: await person('Sara Shah', 'head-of-service', { slt_member: 1 }),
  };
  const teams = {} as Record<TeamKey, Named>;
  const people: Record<string, Named> = {};
  for (const key of Object.keys(teamSpecs) as TeamKey[]) {
    const spec = teamSpecs[key];
    const team = { id: newId(), name: `${spec.name} ${tag}` };
    await db
      .insertInto('team')
      .values({
        ...team,
        name_key: team.name.toLowerCase(),
        service_area_id: areas[spec.area].id,
        head_of_service_id: spec.area === 'north' ? leaders.liam.id : leaders.sara.id,
        recording_system: 'LCS',
        active: 1,
        ...stamp,
      })
      .execute();
    teams[key] = team;
    for (const member of staff) {
      people[`${key}-${member.key}`] = await person(
        `${member.first} ${key.toUpperCase()}${tag}`,
        member.role,
        {
          home_team_id: team.id,
          can_review: member.reviews ? 1 : 0,
          on_rota: 1,
        },
      );
    }
  }
  return { areas, teams, people, leaders };
}

export const quarter: PlanSettings = {
  from: '2027-01-04',
  to: '2027-03-31',
  closures: [],
  region: 'england-and-wales',
  maxSpotlightsPerDay: 2,
  membersPerSpotlight: { min: 3, max: 4 },
  maxPerPersonPerYear: 2,
  maxLeadsPerPersonPerYear: 12,
  roleMix: { managers: 1, seniorPractitioners: 1 },
};

export interface HandSpotlight {
  team: TeamKey;
  date: string;
  lead: 'ruth' | 'liam' | 'sara';
  members: string[];
}

/** One Spotlight a team on four Tuesdays, each Lead from another service area: breaks no rule. */
export const soundQuarter: HandSpotlight[] = [
  { team: 'a', date: '2027-01-12', lead: 'sara', members: ['c-tm', 'd-ssw', 'b-isro'] },
  { team: 'b', date: '2027-01-19', lead: 'sara', members: ['c-tl', 'd-isro', 'a-ssw'] },
  { team: 'c', date: '2027-02-09', lead: 'liam', members: ['a-tm', 'b-ssw', 'd-tl'] },
  { team: 'd', date: '2027-02-16', lead: 'ruth', members: ['a-tl', 'b-tm', 'c-ssw'] },
];

/** Inserts a plan as the solver's answer would be stored; returns its id and its Spotlights' ids. */
export async function insertPlan(
  t: TestApp,
  council: Council,
  spotlights: readonly HandSpotlight[],
  options: { status?: 'draft' | 'published'; settings?: PlanSettings } = {},
): Promise<{ planId: string; spotlightIds: Record<TeamKey, string> }> {
  const db = t.services.database.db;
  const now = t.clock.now().toISOString();
  const settings = options.settings ?? quarter;
  const planId = newId();
  const status = options.status ?? 'draft';
  await db
    .insertInto('timetable_plan')
    .values({
      id: planId,
      from_date: settings.from,
      to_date: settings.to,
      settings: JSON.stringify(settings),
      status,
      solver_status: 'optimal',
      gap: 0,
      objective: 10,
      seconds: 0.5,
      explanation: null,
      created_by_account_id: null,
      created_at: now,
      published_at: status === 'published' ? now : null,
      version: 1,
    })
    .execute();
  const spotlightIds = {} as Record<TeamKey, string>;
  for (const s of spotlights) {
    const id = newId();
    spotlightIds[s.team] = id;
    await db
      .insertInto('spotlight')
      .values({
        id,
        plan_id: planId,
        team_id: council.teams[s.team].id,
        date: s.date,
        lead_person_id: council.leaders[s.lead].id,
        status: 'planned',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const key of s.members) {
      const member = council.people[key];
      if (!member) throw new Error(`No one called ${key} in the test council`);
      await db
        .insertInto('spotlight_member')
        .values({ spotlight_id: id, person_id: member.id })
        .execute();
    }
  }
  return { planId, spotlightIds };
}

/** The form fields of the Spotlight edit page for a change. */
export function editForm(
  council: Council,
  change: { date: string; lead: 'ruth' | 'liam' | 'sara'; members: string[]; version?: number },
): Record<string, string> {
  const [year = '', month = '', day = ''] = change.date.split('-');
  const form: Record<string, string> = {
    'date-day': String(Number(day)),
    'date-month': String(Number(month)),
    'date-year': year,
    lead: council.leaders[change.lead].id,
    version: String(change.version ?? 1),
  };
  change.members.forEach((key, i) => {
    form[`member${i + 1}`] = council.people[key]?.id ?? key;
  });
  return form;
}
