import { describe, expect, it } from 'vitest';
import { checkChildFocus } from './child-focus.js';

const flaggedText = (text: string) =>
  checkChildFocus(text).map((f) => [f.rule, text.slice(f.start, f.end)]);

describe('focus on the child', () => {
  it('flags a section about processes only, pointing at the whole section', () => {
    const text =
      '\nSupervision takes place monthly and is recorded on the system. Audits are completed on time and case files are up to date.\n';
    expect(flaggedText(text)).toEqual([['no-child-experience', text.trim()]]);
    const [finding] = checkChildFocus(text);
    expect(finding).toMatchObject({ category: 'child-focus', start: 1 });
    expect(finding?.message).toContain('what life is like for the children');
    expect(finding?.suggestion).toContain('feel safe');
  });

  it('flags a section that counts children but says nothing about their lives', () => {
    expect(
      flaggedText('We reviewed twelve children’s files. Eight plans were in date.'),
    ).toHaveLength(1);
    expect(flaggedText('Children were visited within timescales.')).toHaveLength(1);
  });

  it('passes a section that says what children experience, wish, feel or say', () => {
    for (const text of [
      'Children told us they feel safe at home.',
      'Most young people’s plans were written in their own words.',
      'The baby’s routines were well understood by the family support worker.',
      'Records show how the children’s lives have changed since the plan began.',
      'Four children’s wishes and feelings were recorded.',
      'Parents said the worker listened to them.',
    ]) {
      expect(flaggedText(text), text).toEqual([]);
    }
  });

  it('follows "they" and "their" to the children named in the sentence before', () => {
    expect(
      flaggedText('We read six children’s files. Their views were clear in each one.'),
    ).toEqual([]);
    // Staff feeling supported is not children's experience.
    expect(
      flaggedText('We read six children’s files. The team feels supported by managers.'),
    ).toHaveLength(1);
  });

  it('has nothing to say about empty text', () => {
    expect(checkChildFocus('')).toEqual([]);
    expect(checkChildFocus('   \n')).toEqual([]);
  });
});
