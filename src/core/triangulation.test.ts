import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceSources, type EvidenceKind, type EvidenceSource } from './record-themes.js';
import {
  listOf,
  sourcePhrases,
  summariseChildren,
  tallySources,
  triangulate,
  type Observation,
} from './triangulation.js';

const seen = (source: EvidenceSource, kind: EvidenceKind, times = 1): Observation[] =>
  Array.from({ length: times }, () => ({ source, kind }));

const observation = fc.record({
  source: fc.constantFrom(...evidenceSources),
  kind: fc.constantFrom<EvidenceKind>('strength', 'area'),
});
const evidence = fc.array(observation, { maxLength: 40 });

/** The rules as the task states them, worked out again from the raw evidence. */
function kindsBySource(list: readonly Observation[]) {
  const kinds = new Map<EvidenceSource, Set<EvidenceKind>>();
  for (const e of list) kinds.set(e.source, (kinds.get(e.source) ?? new Set()).add(e.kind));
  return kinds;
}
const other = (kind: EvidenceKind): EvidenceKind => (kind === 'strength' ? 'area' : 'strength');

describe('where the sources agree or conflict: examples', () => {
  it('says nothing can be compared when there is no evidence', () => {
    const found = triangulate([]);
    expect(found.sources).toEqual([]);
    expect(found.agreements).toEqual([]);
    expect(found.conflicts).toEqual([]);
    expect(found.onlySource).toBeNull();
    expect(found.sentences).toEqual(['No evidence has been recorded for this theme yet']);
  });

  it('sees strengths agreeing across case records, conversations and observation', () => {
    const found = triangulate([
      ...seen('observation', 'strength'),
      ...seen('case-record', 'strength', 3),
      ...seen('conversation', 'strength', 2),
    ]);
    expect(found.sources).toEqual([
      { source: 'case-record', strengths: 3, areas: 0 },
      { source: 'conversation', strengths: 2, areas: 0 },
      { source: 'observation', strengths: 1, areas: 0 },
    ]);
    expect(found.agreements).toEqual([
      { kind: 'strength', sources: ['case-record', 'conversation', 'observation'] },
    ]);
    expect(found.conflicts).toEqual([]);
    expect(found.sentences).toEqual([
      'Strengths were seen in case records, conversations with staff and observation of practice',
    ]);
  });

  it('flags case records showing areas against conversations describing strengths', () => {
    const found = triangulate([
      ...seen('case-record', 'area', 2),
      ...seen('conversation', 'strength'),
    ]);
    expect(found.agreements).toEqual([]);
    expect(found.conflicts).toEqual([
      { type: 'between', areas: ['case-record'], strengths: ['conversation'] },
    ]);
    expect(found.sentences).toEqual([
      'Case records show areas for development, but conversations with staff describe strengths: talk this through',
    ]);
  });

  it('uses "shows" and "describes" for a single thing', () => {
    const found = triangulate([
      ...seen('performance-data', 'area'),
      ...seen('team-environment', 'strength'),
    ]);
    expect(found.sentences).toEqual([
      'Performance data shows areas for development, but the team environment describes strengths: talk this through',
    ]);
  });

  it('flags a source that shows both kinds, and counts it against a one-sided source', () => {
    const found = triangulate([
      ...seen('case-record', 'strength'),
      ...seen('case-record', 'area'),
      ...seen('conversation', 'strength', 2),
    ]);
    expect(found.sources).toEqual([
      { source: 'case-record', strengths: 1, areas: 1 },
      { source: 'conversation', strengths: 2, areas: 0 },
    ]);
    expect(found.conflicts).toEqual([
      { type: 'between', areas: ['case-record'], strengths: ['conversation'] },
      { type: 'within', source: 'case-record' },
    ]);
    expect(found.sentences).toEqual([
      'Case records show areas for development, but conversations with staff describe strengths: talk this through',
      'Case records show both strengths and areas for development: talk this through',
    ]);
  });

  it('reports agreement on each side and the conflict between them', () => {
    const found = triangulate([
      ...seen('case-record', 'strength'),
      ...seen('observation', 'strength'),
      ...seen('performance-data', 'area'),
      ...seen('document', 'area'),
      ...seen('complaint-compliment-review', 'area'),
    ]);
    expect(found.sentences).toEqual([
      'Strengths were seen in case records and observation of practice',
      'Areas for development were seen in performance data, documents and complaints, compliments and practice reviews',
      'Performance data, documents and complaints, compliments and practice reviews show areas for development, but case records and observation of practice describe strengths: talk this through',
    ]);
  });

  it('does not count one source twice as agreement, however many items it holds', () => {
    const found = triangulate(seen('case-record', 'strength', 5));
    expect(found.agreements).toEqual([]);
    expect(found.onlySource).toBe('case-record');
    expect(found.sentences).toEqual([
      'Strengths were seen only in case records so far: look for another source to check it against',
    ]);
    expect(triangulate(seen('document', 'area')).sentences).toEqual([
      'Areas for development were seen only in documents so far: look for another source to check it against',
    ]);
    expect(
      triangulate([...seen('observation', 'area'), ...seen('observation', 'strength')]).sentences,
    ).toEqual([
      'Observation of practice shows both strengths and areas for development: talk this through',
      'All the evidence comes from observation of practice so far: look for another source to check it against',
    ]);
  });

  it('names only the mixed sources when every source shows both kinds', () => {
    const found = triangulate([
      ...seen('case-record', 'strength'),
      ...seen('case-record', 'area'),
      ...seen('conversation', 'area'),
      ...seen('conversation', 'strength'),
    ]);
    expect(found.conflicts).toEqual([
      { type: 'within', source: 'case-record' },
      { type: 'within', source: 'conversation' },
    ]);
  });

  it('lists things in plain English', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['a'])).toBe('a');
    expect(listOf(['a', 'b'])).toBe('a and b');
    expect(listOf(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('where the sources agree or conflict: properties', () => {
  it('counts every item once, under its source, in the guidance’s order of sources', () => {
    fc.assert(
      fc.property(evidence, (list) => {
        const tallies = tallySources(list);
        for (const tally of tallies) {
          expect(tally.strengths).toBe(
            list.filter((e) => e.source === tally.source && e.kind === 'strength').length,
          );
          expect(tally.areas).toBe(
            list.filter((e) => e.source === tally.source && e.kind === 'area').length,
          );
        }
        expect(tallies.reduce((n, t) => n + t.strengths + t.areas, 0)).toBe(list.length);
        expect(tallies.map((t) => t.source)).toEqual(
          evidenceSources.filter((s) => list.some((e) => e.source === s)),
        );
      }),
    );
  });

  it('finds agreement exactly when one kind is seen in two or more sources without the other', () => {
    fc.assert(
      fc.property(evidence, (list) => {
        const kinds = kindsBySource(list);
        const found = triangulate(list);
        for (const kind of ['strength', 'area'] as const) {
          const oneSided = evidenceSources.filter((s) => {
            const here = kinds.get(s);
            return here?.has(kind) === true && !here.has(other(kind));
          });
          const agreement = found.agreements.find((a) => a.kind === kind);
          if (oneSided.length >= 2) expect(agreement?.sources).toEqual(oneSided);
          else expect(agreement).toBeUndefined();
        }
      }),
    );
  });

  it('finds a conflict between sources exactly when a one-sided source meets another with the other kind', () => {
    fc.assert(
      fc.property(evidence, (list) => {
        const kinds = kindsBySource(list);
        const expected = [...kinds].some(
          ([x, xKinds]) =>
            xKinds.size === 1 &&
            [...kinds].some(
              ([y, yKinds]) => y !== x && yKinds.has(other([...xKinds][0] as EvidenceKind)),
            ),
        );
        const between = triangulate(list).conflicts.filter((c) => c.type === 'between');
        expect(between.length).toBe(expected ? 1 : 0);
        for (const conflict of between) {
          // Each side holds only sources that show that kind, and no source is on both sides.
          expect(conflict.areas.every((s) => kinds.get(s)?.has('area'))).toBe(true);
          expect(conflict.strengths.every((s) => kinds.get(s)?.has('strength'))).toBe(true);
          expect(conflict.areas.filter((s) => conflict.strengths.includes(s))).toEqual([]);
        }
      }),
    );
  });

  it('flags every source that shows both kinds, and no other, as a conflict within it', () => {
    fc.assert(
      fc.property(evidence, (list) => {
        const kinds = kindsBySource(list);
        const within = triangulate(list)
          .conflicts.filter((c) => c.type === 'within')
          .map((c) => (c.type === 'within' ? c.source : null));
        expect(within).toEqual(evidenceSources.filter((s) => kinds.get(s)?.size === 2));
      }),
    );
  });

  it('names every source with evidence somewhere in the summary', () => {
    fc.assert(
      fc.property(evidence, (list) => {
        const text = triangulate(list).sentences.join(' ').toLowerCase();
        for (const source of new Set(list.map((e) => e.source))) {
          expect(text).toContain(sourcePhrases[source].text);
        }
      }),
    );
  });

  it('gives the same answer whatever order the evidence was recorded in', () => {
    fc.assert(
      fc.property(
        evidence.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          expect(triangulate(shuffled)).toEqual(triangulate(list));
        },
      ),
    );
  });

  it('says a single source has nothing to check it against, and only then', () => {
    fc.assert(
      fc.property(evidence, (list) => {
        const sources = new Set(list.map((e) => e.source));
        const found = triangulate(list);
        expect(found.onlySource).toBe(sources.size === 1 ? [...sources][0] : null);
        expect(found.sentences.some((s) => s.includes('look for another source'))).toBe(
          sources.size === 1,
        );
      }),
    );
  });
});

describe('what children experience, in short', () => {
  const child = (
    proportionate: 'too-much' | 'about-right' | 'too-little' | null,
    goodEnough: 'yes' | 'no' | null,
  ) => ({ proportionate, goodEnough });

  it('summarises the answers as the board shows them', () => {
    const summary = summariseChildren([
      ...Array.from({ length: 5 }, () => child('about-right', 'yes')),
      child('too-little', 'no'),
    ]);
    expect(summary.proportionateText).toBe('Help about right for 5 children, too little for 1');
    expect(summary.goodEnoughText).toBe('Good enough for my own family: 5 yes, 1 no');
    expect(summary.children).toBe(6);
  });

  it('says which children have no answer yet', () => {
    const summary = summariseChildren([
      child('too-much', null),
      child(null, 'no'),
      child(null, null),
    ]);
    expect(summary.proportionateText).toBe(
      'Help too much for 1 child (not answered yet for 2 children)',
    );
    expect(summary.goodEnoughText).toBe(
      'Good enough for my own family: 0 yes, 1 no (not answered yet for 2 children)',
    );
    const none = summariseChildren([child(null, null)]);
    expect(none.proportionateText).toBe(
      'Whether the help is proportionate: not answered yet for 1 child',
    );
    expect(none.goodEnoughText).toBe('Good enough for my own family: not answered yet for 1 child');
    expect(summariseChildren([]).proportionateText).toBe('No children reviewed yet');
  });

  it('accounts for every child exactly once', () => {
    const answers = fc.record({
      proportionate: fc.constantFrom('too-much', 'about-right', 'too-little', null),
      goodEnough: fc.constantFrom('yes', 'no', null),
    });
    fc.assert(
      fc.property(fc.array(answers, { maxLength: 30 }), (children) => {
        const summary = summariseChildren(children);
        const p = summary.proportionate;
        expect(p['about-right'] + p['too-much'] + p['too-little']).toBe(
          children.filter((c) => c.proportionate !== null).length,
        );
        expect(summary.goodEnough.yes + summary.goodEnough.no).toBe(
          children.filter((c) => c.goodEnough !== null).length,
        );
        expect(summary.goodEnough.yes).toBe(children.filter((c) => c.goodEnough === 'yes').length);
      }),
    );
  });
});
