// Fictional children's case numbers and short reasons for the demo council's nominations and case
// lists: numbers in the council's formats, drawn from a seed so the demo is the same every time,
// and reasons that, as the guidance asks, never name a child.
import type { CaseNumberFormat } from '../core/case-numbers.js';

/** A repeatable stream of numbers in [0, 1) from a text seed (FNV-1a, then mulberry32). */
export function demoRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (const char of seed) state = Math.imul(state ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from `min` to `max`, both included. */
export function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** `count` different case numbers in the format: its prefix, then 7 digits where it allows. */
export function fictionalCaseNumbers(
  format: CaseNumberFormat,
  count: number,
  random: () => number,
): string[] {
  const digits = Math.min(Math.max(7, format.minDigits), format.maxDigits);
  // A format too short to hold `count` numbers gives as many as it can.
  const wanted = Math.min(count, 9 * 10 ** Math.max(digits - 1, 0));
  const numbers = new Set<string>();
  while (numbers.size < wanted) {
    // No leading zero, as a recording system's own numbers have none.
    const first = String(between(random, 1, 9));
    let rest = '';
    while (rest.length < digits - 1) rest += String(between(random, 0, 9));
    numbers.add(`${format.prefix.toUpperCase()}${first}${rest}`);
  }
  return [...numbers];
}

/** Why a practitioner is proud of their work with a child: short, and naming nobody. */
export const proudReasons: readonly string[] = [
  'Good joint work with school; the family say they feel listened to',
  'The child’s wishes and feelings are clear in every visit record',
  'Plan agreed with the family and reviewed on time; risks have come down',
  'Direct work with the young person is well recorded and shaped the plan',
  'Strong partnership with the health visitor; the baby is thriving',
  'Family group conference helped wider family step in safely',
];

/** Why a practitioner found their work with a child challenging: short, and naming nobody. */
export const challengingReasons: readonly string[] = [
  'Parents find it hard to engage; it has taken months to see the children alone',
  'Several moves of address; records from other areas came slowly',
  'Drift while we waited for a specialist assessment',
  'Agencies disagree about the level of risk; hard to agree a plan',
  'Young person often missing from home; the plan keeps changing',
  'Long history of neglect; hard to show what has changed for the children',
];
