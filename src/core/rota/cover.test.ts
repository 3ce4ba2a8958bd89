import { describe, expect, it } from 'vitest';
import { checkPlan } from './check-plan.js';
import { eligibleCover } from './cover.js';
import type { PlanInput, PlannedSpotlight } from './plan.types.js';
import { rulesOf, smallCouncil } from './test-support.js';

const plan: PlannedSpotlight[] = [
  { team: 'T1', date: '2027-01-12', lead: 'L2', members: ['T3-TM', 'T4-SSW', 'T5-TM'] },
  { team: 'T3', date: '2027-01-13', lead: 'L1', members: ['T1-TM', 'T2-SSW', 'T6-ISRO'] },
];

const replace = (spotlights: PlannedSpotlight[], team: string, leaving: string, cover: string) =>
  spotlights.map((s) =>
    s.team !== team
      ? s
      : {
          ...s,
          lead: s.lead === leaving ? cover : s.lead,
          members: s.members.map((m) => (m === leaving ? cover : m)),
        },
  );

const names = (input: PlanInput, team: string, leaving: string) =>
  eligibleCover(rulesOf(input), plan, team, leaving).map((c) => c.person);

describe('eligibleCover', () => {
  it('offers only people who keep the mix of roles, fairest first', () => {
    // T4-SSW is T1's only senior practitioner: cover must be one, from a team not busy that day.
    const options = eligibleCover(rulesOf(smallCouncil()), plan, 'T1', 'T4-SSW');
    expect(options).toEqual([
      { person: 'T6-SSW', score: 0, reasons: ['No Spotlights yet this period'] },
      { person: 'T2-SSW', score: 10, reasons: ['1 Spotlight this period'] },
      { person: 'T6-ISRO', score: 10, reasons: ['1 Spotlight this period'] },
    ]);
  });

  it('puts people who reviewed the team last time after the others', () => {
    const council = smallCouncil();
    const input = {
      ...council,
      people: council.people.map((p) => (p.id === 'T6-SSW' ? { ...p, lastReviewed: ['T1'] } : p)),
    };
    const options = eligibleCover(rulesOf(input), plan, 'T1', 'T4-SSW');
    expect(options[0]).toEqual({
      person: 'T6-SSW',
      score: 5,
      reasons: ['No Spotlights yet this period', 'Reviewed T1 last time'],
    });
    const later = {
      ...council,
      people: council.people.map((p) => (p.id === 'T2-SSW' ? { ...p, lastReviewed: ['T1'] } : p)),
    };
    expect(names(later, 'T1', 'T4-SSW')).toEqual(['T6-SSW', 'T6-ISRO', 'T2-SSW']);
  });

  it('leaves out people on leave and people at their cap', () => {
    const council = smallCouncil();
    const away = {
      ...council,
      people: council.people.map((p) =>
        p.id === 'T6-SSW' ? { ...p, unavailable: [{ from: '2027-01-12', to: '2027-01-12' }] } : p,
      ),
    };
    expect(names(away, 'T1', 'T4-SSW')).toEqual(['T2-SSW', 'T6-ISRO']);
    expect(names({ ...council, maxPerPersonPerYear: 1 }, 'T1', 'T4-SSW')).toEqual(['T6-SSW']);
  });

  it('finds cover for the Lead among those who may lead that team', () => {
    expect(names(smallCouncil(), 'T1', 'L2')).toEqual(['L3', 'L4']);
  });

  it('offers nothing for a person or team not in the plan', () => {
    expect(names(smallCouncil(), 'T1', 'T2-TM')).toEqual([]);
    expect(names(smallCouncil(), 'T6', 'T2-TM')).toEqual([]);
  });

  it('agrees with checkPlan about everyone, for every place in the plan', () => {
    const rules = rulesOf(smallCouncil());
    for (const spotlight of plan) {
      for (const leaving of [spotlight.lead, ...spotlight.members]) {
        const offered = new Set(
          eligibleCover(rules, plan, spotlight.team, leaving).map((c) => c.person),
        );
        for (const person of rules.people) {
          if (person.id === leaving) continue;
          const after = replace(plan, spotlight.team, leaving, person.id);
          const sound = checkPlan(rules, after).length === 0;
          expect({ leaving, person: person.id, offered: offered.has(person.id) }).toEqual({
            leaving,
            person: person.id,
            offered: sound,
          });
        }
      }
    }
  });
});
