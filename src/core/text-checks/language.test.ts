import { describe, expect, it } from 'vitest';
import type { FindingCategory } from './finding.js';
import { checkLanguage } from './language.js';

/** What a reader sees for one kind of finding: the rule and the words it points at. */
const flagged = (text: string, category: FindingCategory) =>
  checkLanguage(text)
    .filter((f) => f.category === category)
    .map((f) => [f.rule, text.slice(f.start, f.end)]);

describe('readability', () => {
  it('flags a hard sentence and passes plain ones', () => {
    const hard =
      'The effectiveness of multi-agency collaboration was evidenced through comprehensive documentation.';
    const plain = 'Children said they liked their social worker and wanted to keep seeing her.';
    const text = `${plain} ${hard}`;
    expect(flagged(text, 'readability')).toEqual([['hard-to-read', hard]]);
    const finding = checkLanguage(text).find((f) => f.rule === 'hard-to-read');
    expect(finding?.message).toContain('reading age above 13');
  });

  it('flags a sentence of more than 25 words, with how many it has', () => {
    const long =
      'We read the files of six children and the social workers had written down what each child said about their life at home and at school and what they wanted.';
    expect(flagged(long, 'readability')).toEqual([['long-sentence', long]]);
    expect(checkLanguage(long)[0]?.message).toBe(
      'This sentence has 30 words. Sentences of 25 words or fewer are easier to read.',
    );
    const twentyFive =
      'We read the files of six children and the social workers had written what each child said about their life at home and at school.';
    expect(flagged(twentyFive, 'readability')).toEqual([]);
  });

  it('says a long, hard sentence is long, and only that', () => {
    const longAndHard =
      'Organisational expectations regarding the documentation of management decision-making are insufficiently articulated, and inconsistencies in the application of thresholds necessitate further consideration by senior leaders across the directorate and partner agencies.';
    expect(flagged(longAndHard, 'readability')).toEqual([['long-sentence', longAndHard]]);
  });
});

describe('complex words', () => {
  it('offers simpler words, and says when a word can simply go', () => {
    const text = 'In order to facilitate change, managers currently utilise supervision.';
    expect(
      checkLanguage(text)
        .filter((f) => f.category === 'complex-word')
        .map((f) => [f.rule, text.slice(f.start, f.end), f.suggestion]),
    ).toEqual([
      ['simpler-word', 'In order to', 'Use “to”.'],
      ['simpler-word', 'facilitate', 'Use “ease” or “help”.'],
      ['simpler-word', 'currently', 'Leave it out, or use “now”.'],
      ['simpler-word', 'utilise', 'Use “use”.'],
    ]);
    expect(flagged('Staff were very kind.', 'complex-word')).toEqual([['needless-word', 'very']]);
  });

  it('leaves alone the guidance’s own words and plain sentence openings', () => {
    expect(
      flagged(
        'There are two grades. It is the overall grade that counts. Members submit records and the Lead will allocate children.',
        'complex-word',
      ),
    ).toEqual([]);
  });
});

describe('plain text', () => {
  it('has no finding', () => {
    expect(
      checkLanguage(
        'Children told us they feel safe at home. They like their social worker, who listens to them and visits often.',
      ),
    ).toEqual([]);
    expect(checkLanguage('')).toEqual([]);
  });
});
