import { describe, expect, it } from 'vitest';
import { parsePlanInput } from './plan-input.js';
import { smallCouncil } from './test-support.js';

const issueExample = {
  from: '2027-01-04',
  to: '2027-12-17',
  closures: ['2027-12-24'],
  maxSpotlightsPerDay: 2,
  membersPerSpotlight: { min: 3, max: 4 },
  maxPerPersonPerYear: 2,
  maxLeadsPerPersonPerYear: 12,
  teams: [
    {
      id: 'T1',
      serviceArea: 'SA1',
      lastSpotlight: '2026-03-10',
      unavailable: [{ from: '2027-08-01', to: '2027-08-31' }],
    },
    { id: 'T2', serviceArea: 'SA1' },
  ],
  people: [
    {
      id: 'P1',
      team: 'T2',
      role: 'team-manager',
      canLead: false,
      canReview: true,
      unavailable: [{ from: '2027-03-01', to: '2027-03-05' }],
      lastReviewed: ['T1'],
    },
  ],
};

function problemsOf(json: unknown): string[] {
  const parsed = parsePlanInput(json);
  return parsed.ok ? [] : parsed.problems;
}

describe('parsePlanInput', () => {
  it('reads the documented example and fills in the defaults', () => {
    const parsed = parsePlanInput(issueExample);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rules.region).toBe('england-and-wales');
    expect(parsed.rules.roleMix).toEqual({ managers: 1, seniorPractitioners: 1 });
    // A person takes their team's service area; a team's size is its people in the input.
    expect(parsed.rules.people[0]?.serviceArea).toBe('SA1');
    expect(parsed.rules.teams.map((t) => t.size)).toEqual([1, 1]);
  });

  it('uses the defaults for everything but from, to, teams and people', () => {
    const parsed = parsePlanInput({
      from: '2027-01-04',
      to: '2027-03-31',
      teams: [{ id: 'T1', serviceArea: 'A' }],
      people: [],
    });
    expect(parsed.ok && parsed.rules).toMatchObject({
      closures: [],
      maxSpotlightsPerDay: 2,
      membersPerSpotlight: { min: 3, max: 4 },
      maxPerPersonPerYear: 2,
      maxLeadsPerPersonPerYear: 12,
    });
  });

  it('names the field of each problem', () => {
    const input = structuredClone(smallCouncil()) as unknown as Record<string, unknown>;
    const people = input.people as Record<string, unknown>[];
    (people[3] as Record<string, unknown>).role = 'wizard';
    delete (people[4] as Record<string, unknown>).canLead;
    (people[5] as Record<string, unknown>).unavailable = [{ from: '2027-02-30', to: '2027-03-01' }];
    input.maxSpotlightsPerDay = 0;
    input.region = 'wales';
    input.colour = 'blue';
    const problems = problemsOf(input);
    expect(problems).toContain(
      'people[3].role must be one of senior-leader, head-of-service, team-manager, team-leader, senior-social-worker, isro, social-worker, practitioner, qa-officer',
    );
    expect(problems).toContain('people[4].canLead is required');
    expect(problems).toContain(
      'people[5].unavailable[0].from must be a real date written YYYY-MM-DD',
    );
    expect(problems).toContain('maxSpotlightsPerDay must be 1 or more');
    expect(problems).toContain(
      'region must be one of england-and-wales, scotland, northern-ireland',
    );
    expect(problems).toContain('colour is not a field the input can have');
  });

  it('says when the input is not an object or lacks its lists', () => {
    expect(problemsOf('plan')).toEqual(['The input must be an object']);
    expect(problemsOf({ from: '2027-01-04', to: '2027-03-31' })).toEqual([
      'teams is required',
      'people is required',
    ]);
    expect(problemsOf({ ...smallCouncil(), teams: [] })).toEqual(['teams must not be empty']);
  });

  it('checks across fields: dates in order, unique ids, known teams, sensible sizes', () => {
    const council = smallCouncil();
    const problems = problemsOf({
      ...council,
      from: '2027-04-01',
      membersPerSpotlight: { min: 4, max: 3 },
      roleMix: { managers: 2, seniorPractitioners: 2 },
      teams: [...council.teams, { id: 'T1', serviceArea: 'SA9' }],
      people: [
        ...council.people,
        { id: 'X1', team: 'T99', role: 'isro', canLead: false, canReview: true },
        {
          id: 'X2',
          role: 'isro',
          canLead: false,
          canReview: true,
          unavailable: [{ from: '2027-02-02', to: '2027-02-01' }],
        },
      ],
    });
    expect(problems).toEqual([
      'from must not be after to',
      'teams[6].id T1 is used more than once',
      'membersPerSpotlight.min must not be more than membersPerSpotlight.max',
      'roleMix asks for 4 members but membersPerSpotlight.max is 3',
      `people[${council.people.length}].team T99 is not one of the teams`,
      `people[${council.people.length + 1}].unavailable[0].from must not be after people[${council.people.length + 1}].unavailable[0].to`,
    ]);
  });
});
