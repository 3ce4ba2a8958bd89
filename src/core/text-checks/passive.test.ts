// Passive voice as a reader sees it: retext-passive's irregular participles and our regular ones,
// worded the same way, through the language checks that run both.
import { describe, expect, it } from 'vitest';
import { checkLanguage } from './language.js';

const flagged = (text: string) =>
  checkLanguage(text)
    .filter((f) => f.category === 'passive')
    .map((f) => [f.rule, text.slice(f.start, f.end)]);

describe('passive voice', () => {
  it('flags irregular participles, with the form of "be" before them', () => {
    const text = 'The decision was made by the Lead. Children were seen at school.';
    expect(flagged(text)).toEqual([
      ['passive-voice', 'was made'],
      ['passive-voice', 'were seen'],
    ]);
    const [first] = checkLanguage(text).filter((f) => f.category === 'passive');
    expect(first?.message).toBe('“was made” is passive: it does not say who did it.');
    expect(first?.suggestion).toContain('Say who did it');
  });

  it('flags regular participles, which retext-passive misses', () => {
    const text =
      'The meeting was convened late. Parents were informed, plans are updated and the case is being reviewed.';
    expect(flagged(text)).toEqual([
      ['passive-voice', 'was convened'],
      ['passive-voice', 'were informed'],
      ['passive-voice', 'are updated'],
      ['passive-voice', 'is being reviewed'],
    ]);
  });

  it('reaches past "not", "never" and the like, and handles "wasn’t"', () => {
    expect(
      flagged('The father was not invited. The plan wasn’t shared. Risks were never recorded.'),
    ).toEqual([
      ['passive-voice', 'was not invited'],
      ['passive-voice', 'wasn’t shared'],
      ['passive-voice', 'were never recorded'],
    ]);
  });

  it('leaves alone words that describe a state, and active sentences', () => {
    expect(
      flagged(
        'She was worried. The team is based in Leeds. Staff are experienced and settled. He was born here.',
      ),
    ).toEqual([]);
    expect(flagged('The Team Manager convened the meeting and informed the parents.')).toEqual([]);
  });
});
