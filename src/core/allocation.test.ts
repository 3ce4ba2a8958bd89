import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  proposeAllocation,
  type AllocatedChild,
  type AllocationInput,
  type NominatedChild,
  type NominatedKind,
} from './allocation.js';
import { drawChild } from './random-draw.js';

const members = [
  { personId: 'm1', name: 'Mo' },
  { personId: 'm2', name: 'Maya' },
  { personId: 'm3', name: 'Milo' },
];

/** Practitioner pN names 11N0001 (proud) and 22N0002 (challenging). */
function nominationsOf(
  practitioners: number,
  kinds: readonly NominatedKind[] = ['proud', 'challenging'],
) {
  const named: NominatedChild[] = [];
  for (let p = 1; p <= practitioners; p += 1) {
    for (const kind of kinds) {
      named.push({
        nominationId: `n-${p}-${kind}`,
        practitionerPersonId: `p${p}`,
        kind,
        system: 'LCS',
        caseNumber: `${kind === 'proud' ? 11 : 22}${p}000${kind === 'proud' ? 1 : 2}`,
      });
    }
  }
  return named;
}

const caseListOf = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ system: 'LCS', caseNumber: String(5000000 + i) }));

function input(overrides: Partial<AllocationInput> = {}): AllocationInput {
  const nominations = overrides.nominations ?? nominationsOf(4);
  // The case list holds the nominated children too, as a real one would.
  const caseList = [
    ...caseListOf(50),
    ...nominations.map((n) => ({ system: n.system, caseNumber: n.caseNumber })),
  ];
  return { members, nominations, caseList, seed: 'seed-1', ...overrides };
}

const practitionerOf = (all: readonly NominatedChild[], child: AllocatedChild) =>
  all.find((n) => n.nominationId === child.nominationId)?.practitionerPersonId;

describe('proposing an allocation of children', () => {
  it('gives each of 3 members one random, one proud and one challenging child, none twice', () => {
    const given = input();
    const { allocations, gaps } = proposeAllocation(given);
    expect(gaps).toEqual([]);
    expect(allocations).toHaveLength(9);
    for (const m of members) {
      expect(allocations.filter((a) => a.memberPersonId === m.personId).map((a) => a.kind)).toEqual(
        ['random', 'proud', 'challenging'],
      );
    }
    const numbers = allocations.map((a) => a.caseNumber);
    expect(new Set(numbers).size).toBe(9);

    const nominated = new Set(given.nominations.map((n) => n.caseNumber));
    for (const a of allocations) {
      if (a.kind === 'random') {
        expect(nominated.has(a.caseNumber)).toBe(false);
        expect(a.draw?.chosen).toBe(a.caseNumber);
        expect(a.nominationId).toBeUndefined();
      } else {
        const nomination = given.nominations.find((n) => n.nominationId === a.nominationId);
        expect(nomination).toMatchObject({ kind: a.kind, caseNumber: a.caseNumber });
      }
    }
  });

  it('spreads nominations across practitioners: all four before anyone twice, never two of one practitioner for a member', () => {
    for (const seed of ['seed-1', 'seed-2', 'seed-3', 'seed-4', 'seed-5', 'another']) {
      const given = input({ seed });
      const { allocations } = proposeAllocation(given);
      const named = allocations.filter((a) => a.kind !== 'random');
      const perPractitioner = new Map<string, number>();
      for (const a of named) {
        const p = practitionerOf(given.nominations, a) as string;
        perPractitioner.set(p, (perPractitioner.get(p) ?? 0) + 1);
      }
      // 6 named children from 4 practitioners: each has one or two.
      expect([...perPractitioner.keys()].sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
      expect([...perPractitioner.values()].sort()).toEqual([1, 1, 2, 2]);
      for (const m of members) {
        const mine = named.filter((a) => a.memberPersonId === m.personId);
        expect(new Set(mine.map((a) => practitionerOf(given.nominations, a))).size).toBe(2);
      }
    }
  });

  it('draws the random children with the seed, numbered draws, from the whole list less nominated and allocated children', () => {
    const given = input();
    const { allocations } = proposeAllocation(given);
    const random = allocations.filter((a) => a.kind === 'random');
    random.forEach((a, i) => {
      expect(a.draw?.seed).toBe(`seed-1/${i + 1}`);
      expect(a.draw?.pool).toEqual(given.caseList.map((c) => c.caseNumber));
      // Every nominated child, then the children allocated before this draw, in that order.
      const before = allocations.filter((b) => b.kind !== 'random').map((b) => b.caseNumber);
      const earlier = random.slice(0, i).map((b) => b.caseNumber);
      expect(a.draw?.exclusions).toEqual([
        ...new Set([...given.nominations.map((n) => n.caseNumber), ...before, ...earlier]),
      ]);
      // Anyone can re-run it from what is recorded.
      const again = drawChild({
        seed: a.draw?.seed ?? '',
        pool: a.draw?.pool ?? [],
        exclusions: a.draw?.exclusions ?? [],
      });
      expect(again?.chosen).toBe(a.caseNumber);
    });
  });

  it('is the same proposal every time for the same input, and another for another seed', () => {
    expect(proposeAllocation(input())).toEqual(proposeAllocation(input()));
    const one = proposeAllocation(input()).allocations.map((a) => a.caseNumber);
    const other = proposeAllocation(input({ seed: 'seed-2' })).allocations.map((a) => a.caseNumber);
    expect(other).not.toEqual(one);
  });

  it('says why when there are too few nominations', () => {
    const few = nominationsOf(3, ['proud']).concat(nominationsOf(2, ['challenging']));
    const four = [...members, { personId: 'm4', name: 'Meg' }];
    const { allocations, gaps } = proposeAllocation(input({ members: four, nominations: few }));
    expect(allocations.filter((a) => a.kind === 'proud')).toHaveLength(3);
    expect(allocations.filter((a) => a.kind === 'challenging')).toHaveLength(2);
    expect(allocations.filter((a) => a.kind === 'random')).toHaveLength(4);
    expect(gaps.map((g) => g.reason).sort()).toEqual([
      'No more challenging nominations: 2 practitioners named 2 challenging children for 4 team members',
      'No more challenging nominations: 2 practitioners named 2 challenging children for 4 team members',
      'No more proud nominations: 3 practitioners named 3 proud children for 4 team members',
    ]);
    // The missing children are spread out: nobody is left with only one.
    for (const m of four) {
      expect(
        allocations.filter((a) => a.memberPersonId === m.personId).length,
      ).toBeGreaterThanOrEqual(2);
    }
  });

  it('says why when nobody named a child, or the case list is empty or used up', () => {
    const none = proposeAllocation({ members, nominations: [], caseList: [], seed: 's' });
    expect(none.allocations).toEqual([]);
    expect(new Set(none.gaps.map((g) => g.reason))).toEqual(
      new Set([
        'The team’s case list is empty, so no child can be chosen at random',
        'No proud nominations: no practitioner named a child they are proud of',
        'No challenging nominations: no practitioner named a child they found challenging',
      ]),
    );
    const nominations = nominationsOf(3);
    const usedUp = proposeAllocation({
      members,
      nominations,
      caseList: [caseListOf(2), nominations].flat().map((c) => ({
        system: c.system,
        caseNumber: c.caseNumber,
      })),
      seed: 's',
    });
    expect(usedUp.allocations.filter((a) => a.kind === 'random')).toHaveLength(2);
    expect(usedUp.gaps).toEqual([
      {
        memberPersonId: 'm3',
        kind: 'random',
        reason:
          'The case list has no child left to draw: all 8 children on it are nominated or allocated already',
      },
    ]);
  });

  it('allocates a child named twice only once', () => {
    const twice: NominatedChild[] = [
      ...nominationsOf(3),
      {
        ...nominationsOf(1)[0],
        nominationId: 'again',
        practitionerPersonId: 'p9',
      } as NominatedChild,
    ];
    const { allocations } = proposeAllocation(input({ nominations: twice }));
    const numbers = allocations.map((a) => a.caseNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('keeps the allocations it is told to keep, and works around them', () => {
    const nominations = nominationsOf(4);
    const keep: AllocatedChild[] = [
      { memberPersonId: 'm1', kind: 'random', system: 'LCS', caseNumber: '5000007' },
      {
        memberPersonId: 'm2',
        kind: 'proud',
        system: 'LCS',
        caseNumber: '1110001',
        nominationId: 'n-1-proud',
      },
    ];
    const { allocations, gaps } = proposeAllocation(input({ nominations, keep }));
    expect(gaps).toEqual([]);
    expect(allocations).toHaveLength(9);
    expect(allocations).toContain(keep[0]);
    expect(allocations).toContain(keep[1]);
    expect(allocations.filter((a) => a.caseNumber === '5000007')).toHaveLength(1);
    expect(allocations.filter((a) => a.caseNumber === '1110001')).toHaveLength(1);
    // Maya's challenging child is not Pat's (p1), whose proud child she already has.
    const mayaChallenging = allocations.find(
      (a) => a.memberPersonId === 'm2' && a.kind === 'challenging',
    ) as AllocatedChild;
    expect(practitionerOf(nominations, mayaChallenging)).not.toBe('p1');
    const drawn = allocations.filter((b) => b.draw);
    expect(drawn.map((a) => [a.memberPersonId, a.draw?.seed])).toEqual([
      ['m2', 'seed-1/1'],
      ['m3', 'seed-1/2'],
    ]);
    for (const a of drawn) expect(a.draw?.exclusions).toContain('5000007');
  });

  it('includes the Lead only when asked', () => {
    const lead = { personId: 'lead', name: 'Lena' };
    const without = proposeAllocation(input({ lead }));
    expect(without.allocations.some((a) => a.memberPersonId === 'lead')).toBe(false);
    const withLead = proposeAllocation(input({ lead, includeLead: true }));
    expect(withLead.allocations.filter((a) => a.memberPersonId === 'lead')).toHaveLength(3);
  });

  it('never allocates a child twice nor draws a nominated child, whatever the input (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 20 }),
        fc.string({ maxLength: 12 }),
        (memberCount, practitioners, listSize, seed) => {
          const people = Array.from({ length: memberCount }, (_, i) => ({
            personId: `m${i}`,
            name: `M${i}`,
          }));
          const nominations = nominationsOf(practitioners);
          const result = proposeAllocation({
            members: people,
            nominations,
            caseList: caseListOf(listSize),
            seed,
          });
          const numbers = result.allocations.map((a) => a.caseNumber);
          expect(new Set(numbers).size).toBe(numbers.length);
          const nominated = new Set(nominations.map((n) => n.caseNumber));
          for (const a of result.allocations.filter((b) => b.kind === 'random'))
            expect(nominated.has(a.caseNumber)).toBe(false);
          expect(result.allocations.length + result.gaps.length).toBe(memberCount * 3);
        },
      ),
    );
  });

  it('never lets one practitioner have two more children reviewed than another who named a child of that kind (property)', () => {
    const kinds = fc.constantFrom(
      ['proud'] as const,
      ['challenging'] as const,
      ['proud', 'challenging'] as const,
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(kinds, { minLength: 1, maxLength: 9 }),
        fc.string({ maxLength: 8 }),
        (memberCount, named, seed) => {
          const nominations = named.flatMap((k, i) =>
            nominationsOf(i + 1, k).filter((n) => n.practitionerPersonId === `p${i + 1}`),
          );
          const people = members.concat(members).slice(0, memberCount);
          const { allocations } = proposeAllocation({
            members: people.map((p, i) => ({ ...p, personId: `m${i}` })),
            nominations,
            caseList: caseListOf(20),
            seed,
          });
          const used = new Set(allocations.map((a) => a.nominationId));
          const count = (p: string) =>
            allocations.filter((a) => practitionerOf(nominations, a) === p).length;
          for (const a of nominations) {
            for (const b of nominations) {
              if (used.has(b.nominationId) || a.kind !== b.kind || !used.has(a.nominationId))
                continue;
              expect(count(a.practitionerPersonId)).toBeLessThan(count(b.practitionerPersonId) + 2);
            }
          }
        },
      ),
    );
  });
});
