import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawAlgorithm, drawChild, eligibleChildren, uniformIndex } from './random-draw.js';

const numbers = (count: number, from: number, step = 1) =>
  Array.from({ length: count }, (_, i) => String(from + i * step));

/** Pearson's chi-square statistic of counts against equal expected counts. */
function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
}

/** How often each child was chosen over a fixed list of seeds. */
function tally(seeds: readonly string[], pool: readonly string[], exclusions: readonly string[]) {
  const counts = new Map<string, number>();
  for (const seed of seeds) {
    const draw = drawChild({ seed, pool, exclusions });
    if (draw) counts.set(draw.chosen, (counts.get(draw.chosen) ?? 0) + 1);
  }
  return counts;
}

// The chi-square value with 11 degrees of freedom that chance exceeds only once in 1,000.
const critical11At0001 = 31.26;

describe('the random draw of a child', () => {
  const pool = ['1234567', 'EHM765432', '7654321', '2345678', '3456789'];

  it('chooses the same child from the same seed, list and exclusions', () => {
    const input = { seed: 'a1b2c3/1', pool, exclusions: ['7654321'] };
    const first = drawChild(input);
    expect(first).toBeDefined();
    for (let i = 0; i < 5; i += 1) expect(drawChild(input)).toEqual(first);
  });

  it('chooses the same child whatever order the case list and exclusions are in', () => {
    const first = drawChild({ seed: 'order', pool, exclusions: ['7654321', '1234567'] });
    const reordered = drawChild({
      seed: 'order',
      pool: [...pool].reverse(),
      exclusions: ['1234567', '7654321'],
    });
    expect(reordered?.chosen).toBe(first?.chosen);
    expect(reordered?.index).toBe(first?.index);
    expect(reordered?.eligible).toEqual(first?.eligible);
  });

  it('chooses the same child in any order and with repeats, for any list (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.uniqueArray(fc.stringMatching(/^\d{6,8}$/), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        (seed, children, shift) => {
          const rotated = [...children.slice(shift % children.length), ...children];
          const a = drawChild({ seed, pool: children, exclusions: [] });
          const b = drawChild({ seed, pool: rotated, exclusions: [] });
          expect(b?.chosen).toBe(a?.chosen);
        },
      ),
    );
  });

  it('keeps what it drew from, so the draw can be re-run and explained', () => {
    const draw = drawChild({ seed: 'kept', pool, exclusions: ['EHM765432'] });
    expect(draw).toMatchObject({
      algorithm: 'hmac-sha256-v1',
      seed: 'kept',
      pool,
      exclusions: ['EHM765432'],
      eligible: ['1234567', '2345678', '3456789', '7654321'],
    });
    expect(draw?.eligible[draw.index]).toBe(draw?.chosen);
    expect(drawAlgorithm).toBe('hmac-sha256-v1');
  });

  it('still gives the answers hmac-sha256-v1 has always given (recorded draws stay checkable)', () => {
    const list = numbers(10, 3000001, 7);
    const drawn = ['pinned-1', 'pinned-2', 'pinned-3'].map((seed) => {
      const draw = drawChild({ seed, pool: list, exclusions: ['3000008'] });
      return [draw?.index, draw?.chosen];
    });
    expect(drawn).toEqual([
      [0, '3000001'],
      [3, '3000029'],
      [1, '3000015'],
    ]);
    expect(uniformIndex('pinned', 1_000_000)).toBe(137846);
  });

  it('never draws an excluded (nominated or allocated) child (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.stringMatching(/^(EHM)?\d{6,8}$/), { maxLength: 80 }),
        fc.array(fc.nat(), { maxLength: 80 }),
        (seed, children, picks) => {
          const exclusions = children.filter((_c, i) => picks.includes(i));
          const draw = drawChild({ seed, pool: children, exclusions });
          const left = eligibleChildren(children, exclusions);
          if (left.length === 0) {
            expect(draw).toBeUndefined();
            return;
          }
          expect(draw).toBeDefined();
          expect(exclusions).not.toContain(draw?.chosen);
          expect(children).toContain(draw?.chosen);
          expect(draw?.index).toBeGreaterThanOrEqual(0);
          expect(draw?.index).toBeLessThan(left.length);
        },
      ),
    );
  });

  it('draws nobody when every child is excluded or the list is empty', () => {
    expect(drawChild({ seed: 's', pool: [], exclusions: [] })).toBeUndefined();
    expect(drawChild({ seed: 's', pool, exclusions: pool })).toBeUndefined();
    expect(() => uniformIndex('s', 0)).toThrow(RangeError);
    expect(() => uniformIndex('s', 1.5)).toThrow(RangeError);
    expect(uniformIndex('anything', 1)).toBe(0);
  });

  it('draws within range for very long lists', () => {
    for (const n of [2, 3, 7, 5000, 2 ** 47 + 1]) {
      for (const seed of ['x', 'y', 'z']) {
        const index = uniformIndex(seed, n);
        expect(Number.isInteger(index)).toBe(true);
        expect(index).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThan(n);
      }
    }
  });

  it('makes every child of 12 equally likely over 6,000 fixed seeds (chi-square, p > 0.001)', () => {
    const list = numbers(12, 1000001);
    const seeds = Array.from({ length: 6000 }, (_, i) => `test-seed-${i}`);
    const counts = tally(seeds, list, []);
    expect([...counts.keys()].sort()).toEqual(list);
    expect(chiSquare(list.map((c) => counts.get(c) ?? 0))).toBeLessThan(critical11At0001);
  });

  it('makes every eligible child equally likely when some are excluded (chi-square, p > 0.001)', () => {
    const list = numbers(15, 2000001);
    const excluded = ['2000003', '2000008', '2000014'];
    const seeds = Array.from({ length: 6000 }, (_, i) => `exclusions-seed-${i}`);
    const counts = tally(seeds, list, excluded);
    const eligible = eligibleChildren(list, excluded);
    expect(eligible).toHaveLength(12);
    for (const child of excluded) expect(counts.has(child)).toBe(false);
    expect(chiSquare(eligible.map((c) => counts.get(c) ?? 0))).toBeLessThan(critical11At0001);
  });

  it('usually chooses another child when drawn again with a new seed', () => {
    const list = numbers(12, 1000001);
    let same = 0;
    for (let i = 0; i < 200; i += 1) {
      const first = drawChild({ seed: `redraw-${i}`, pool: list, exclusions: [] });
      const again = drawChild({ seed: `redraw-${i}/again`, pool: list, exclusions: [] });
      if (first?.chosen === again?.chosen) same += 1;
    }
    // One in twelve by chance: about 17 of 200.
    expect(same).toBeGreaterThan(0);
    expect(same).toBeLessThan(40);
  });
});
