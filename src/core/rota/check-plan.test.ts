import { describe, expect, it } from 'vitest';
import { checkPlan } from './check-plan.js';
import type { PlanInput, PlannedSpotlight } from './plan.types.js';
import { rulesOf, smallCouncil } from './test-support.js';

const sound: PlannedSpotlight[] = [
  { team: 'T1', date: '2027-01-12', lead: 'L2', members: ['T3-TM', 'T4-SSW', 'T5-TM'] },
  { team: 'T3', date: '2027-01-13', lead: 'L1', members: ['T1-TM', 'T2-SSW', 'T6-ISRO'] },
];

function broken(plan: PlannedSpotlight[], input: PlanInput = smallCouncil()): string[] {
  return [...new Set(checkPlan(rulesOf(input), plan).map((b) => b.rule))].sort();
}

const withT1 = (change: Partial<PlannedSpotlight>) => [
  { ...sound[0], ...change } as PlannedSpotlight,
  sound[1] as PlannedSpotlight,
];

function unavailable(id: string): PlanInput {
  const council = smallCouncil();
  const range = [{ from: '2027-01-11', to: '2027-01-15' }];
  return {
    ...council,
    teams: council.teams.map((t) => (t.id === id ? { ...t, unavailable: range } : t)),
    people: council.people.map((p) => (p.id === id ? { ...p, unavailable: range } : p)),
  };
}

describe('checkPlan', () => {
  it('finds nothing wrong with a sound plan', () => {
    expect(checkPlan(rulesOf(smallCouncil()), sound)).toEqual([]);
  });

  it('needs a working day in the period', () => {
    expect(broken(withT1({ date: '2027-01-16' }))).toEqual(['working-day']);
    expect(broken(withT1({ date: '2027-04-06' }))).toEqual(['in-period']);
    const message = checkPlan(rulesOf(smallCouncil()), withT1({ date: '2027-01-16' }))[0]?.message;
    expect(message).toBe("T1's Spotlight on 2027-01-16: 2027-01-16 is not a working day");
  });

  it('gives each team one Spotlight, for a known team', () => {
    expect(broken([...sound, { ...(sound[0] as PlannedSpotlight), date: '2027-02-10' }])).toEqual([
      'one-per-team',
    ]);
    expect(broken(withT1({ team: 'T9' }))).toEqual(['one-per-team']);
  });

  it('holds at most so many Spotlights a day', () => {
    const small = {
      ...smallCouncil(),
      membersPerSpotlight: { min: 1, max: 4 },
      roleMix: { managers: 1, seniorPractitioners: 0 },
    };
    const sameDay = [
      { team: 'T1', date: '2027-01-12', lead: 'L2', members: ['T3-TM'] },
      { team: 'T6', date: '2027-01-12', lead: 'L1', members: ['T2-TM'] },
    ];
    expect(broken(sameDay, { ...small, maxSpotlightsPerDay: 2 })).toEqual([]);
    expect(broken(sameDay, { ...small, maxSpotlightsPerDay: 1 })).toEqual(['per-day']);
  });

  it('needs a Lead who can lead, is free and is from another service area', () => {
    expect(broken(withT1({ lead: 'T4-TM' }))).toEqual(['lead-senior']);
    expect(broken(withT1({ lead: 'nobody' }))).toEqual(['lead-senior']);
    expect(broken(sound, unavailable('L2'))).toEqual(['lead-available']);
    expect(broken(withT1({ lead: 'L1' }))).toEqual(['lead-own-area']);
  });

  it('needs the right number of members, each able to review and free', () => {
    expect(broken(withT1({ members: ['T3-TM', 'T4-SSW'] }))).toEqual(['member-count']);
    expect(broken(withT1({ members: ['T3-TM', 'T4-SSW', 'T5-TM', 'T6-TM', 'T2-TM'] }))).toEqual([
      'member-count',
    ]);
    expect(broken(withT1({ members: ['T3-TM', 'T4-SSW', 'T4-SSW'] }))).toContain('member-count');
    expect(broken(withT1({ members: ['T3-TM', 'T4-SSW', 'T2-SW'] }))).toEqual(['member-eligible']);
    expect(broken(sound, unavailable('T3-TM'))).toEqual(['member-available']);
    expect(broken(withT1({ members: ['T3-TM', 'T1-SSW', 'T5-TM'] }))).toEqual(['member-own-team']);
  });

  it('needs the mix of roles', () => {
    expect(broken(withT1({ members: ['T3-SSW', 'T4-SSW', 'T5-SSW'] }))).toEqual(['role-mix']);
    const message = checkPlan(
      rulesOf(smallCouncil()),
      withT1({ members: ['T3-TM', 'T4-TM', 'T5-TM'] }),
    )[0]?.message;
    expect(message).toBe(
      "T1's Spotlight on 2027-01-12 needs at least 1 Senior Social Worker or ISRO among its members; it has 0",
    );
  });

  it('keeps people to one Spotlight a day and teams to one member a day', () => {
    const twice = [
      { team: 'T1', date: '2027-01-12', lead: 'L2', members: ['T3-TM', 'T4-SSW', 'T6-TM'] },
      { team: 'T5', date: '2027-01-12', lead: 'L2', members: ['T2-TM', 'T6-ISRO', 'T3-SSW'] },
    ];
    expect(broken(twice, { ...smallCouncil(), maxSpotlightsPerDay: 2 })).toEqual([
      'one-a-day',
      'one-per-team-a-day',
    ]);
    expect(broken(withT1({ members: ['T3-TM', 'T4-SSW', 'T4-TM'] }))).toEqual([
      'one-per-team-a-day',
    ]);
  });

  it('keeps a visited team at home and honours the team being away', () => {
    const sameDay = [
      sound[0] as PlannedSpotlight,
      { ...(sound[1] as PlannedSpotlight), date: '2027-01-12' },
    ];
    expect(broken(sameDay)).toEqual(['visited-team-busy']);
    const breach = checkPlan(rulesOf(smallCouncil()), sameDay).find((b) => b.person === 'T3-TM');
    expect(breach?.message).toBe(
      "T3-TM is in T1's Spotlight on 2027-01-12, the day of their own team T3's Spotlight",
    );
    expect(broken(sound, unavailable('T1'))).toEqual(['team-unavailable']);
  });

  it('keeps to the caps on members and leads', () => {
    const again = [
      sound[0] as PlannedSpotlight,
      { ...(sound[1] as PlannedSpotlight), members: ['T1-TM', 'T2-SSW', 'T5-TM'] },
    ];
    expect(broken(again)).toEqual([]);
    expect(broken(again, { ...smallCouncil(), maxPerPersonPerYear: 1 })).toEqual(['member-cap']);
    const oneLead = [
      { ...(sound[0] as PlannedSpotlight), lead: 'L4' },
      { ...(sound[1] as PlannedSpotlight), lead: 'L4' },
    ];
    expect(broken(oneLead)).toEqual([]);
    expect(broken(oneLead, { ...smallCouncil(), maxLeadsPerPersonPerYear: 1 })).toEqual([
      'lead-cap',
    ]);
  });
});
