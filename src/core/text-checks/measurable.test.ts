import { describe, expect, it } from 'vitest';
import { checkRecommendation } from './measurable.js';

/** What a reader sees: the rule and the words it points at. */
const flagged = (text: string) =>
  checkRecommendation(text).map((f) => [f.rule, text.slice(f.start, f.end)]);
const rules = (text: string) => checkRecommendation(text).map((f) => f.rule);

describe('measurable recommendations', () => {
  it('flags a vague recommendation: a vague verb, no owner and no date', () => {
    const text = '  Improve the quality of supervision.\n';
    expect(flagged(text)).toEqual([
      ['vague-verb', 'Improve'],
      ['no-owner', 'Improve the quality of supervision.'],
      ['no-date', 'Improve the quality of supervision.'],
    ]);
    const [vague] = checkRecommendation(text);
    expect(vague).toMatchObject({ category: 'measurable', start: 2, end: 9 });
    expect(vague?.message).toContain('“Improve”');
    expect(vague?.suggestion).toContain('measured');
  });

  it('flags every vague verb the issue names, in any form', () => {
    for (const verb of ['improve', 'ensure', 'continue', 'consider', 'strengthen']) {
      expect(rules(`The Team Manager will ${verb} recording.`), verb).toEqual([
        'vague-verb',
        'no-date',
      ]);
    }
    expect(flagged('Staff will continue to consider and keep improving practice.')).toEqual([
      ['vague-verb', 'continue'],
      ['vague-verb', 'consider'],
      ['vague-verb', 'improving'],
      ['no-date', 'Staff will continue to consider and keep improving practice.'],
    ]);
    expect(flagged('The team will work towards strengthened and enhanced oversight.')).toEqual([
      ['vague-verb', 'work towards'],
      ['vague-verb', 'strengthened'],
      ['vague-verb', 'enhanced'],
      ['no-date', 'The team will work towards strengthened and enhanced oversight.'],
    ]);
  });

  it('has no finding on a recommendation with an owner, a date and a measure', () => {
    for (const text of [
      'The Team Manager will raise the share of children seen alone from 60% to 90% by 31 March 2027.',
      'Team Manager to audit ten plans each month until March 2027.',
      'Assistant team managers to improve supervision so that 9 in 10 records show the child’s views, by the end of the year.',
      'Priya Shah will check 5 plans a week within six weeks.',
      'Owner: Head of Service. Ensure every plan is reviewed monthly, starting 01/04/2027.',
      'The QA team will repeat the audit in Q3 2027; target: 80 per cent.',
    ]) {
      expect(flagged(text), text).toEqual([]);
    }
  });

  it('lets a vague verb pass when there is something to check it against, but asks for a measure', () => {
    expect(flagged('The Head of Service will improve supervision by June 2027.')).toEqual([
      ['no-measure', 'The Head of Service will improve supervision by June 2027.'],
    ]);
    expect(rules('The Team Manager will strengthen audits from 40% to 75%.')).toEqual(['no-date']);
  });

  it('asks for an owner, a date and a measure when none is given, even without vague verbs', () => {
    expect(rules('Supervision records to show the reasons for decisions.')).toEqual([
      'no-owner',
      'no-date',
      'no-measure',
    ]);
  });

  it('does not take a date or an abbreviation’s number for a measure', () => {
    expect(rules('The Team Manager will audit plans by 31 March 2027.')).toEqual(['no-measure']);
    expect(rules('The Team Manager will audit s47 enquiries by 31 March 2027.')).toEqual([
      'no-measure',
    ]);
    expect(rules('The Team Manager will audit 20 s47 enquiries by 31 March 2027.')).toEqual([]);
  });

  it('finds dates written in the ways people write them', () => {
    const owned = (when: string) => rules(`The Team Manager will audit 10 plans ${when}.`);
    for (const when of [
      'by 2027-03-31',
      'by 31/3/27',
      'by 1st April',
      'by March',
      'in May 2027',
      'by the end of May',
      'by the end of the year',
      'within the next quarter',
      'within 6 weeks',
      'within twenty working days',
      'by spring 2027',
      'in Q2',
      'before the next Spotlight',
      'by 5 Sept 2027',
    ]) {
      expect(owned(when), when).toEqual([]);
    }
    for (const when of ['soon', 'as soon as possible', 'when Jan returns', 'if they may']) {
      expect(owned(when), when).toEqual(['no-date']);
    }
  });

  it('finds owners named by role or by name, and does not mistake other words for one', () => {
    for (const text of [
      'The Team Manager will audit 10 plans by June 2027.',
      'Social workers will record 10 visits by June 2027.',
      'Head of Service QA and Safeguarding to audit 10 plans by June 2027.',
      'Audit 10 plans by June 2027 (led by the practice supervisor).',
      'Audit 10 plans by June 2027. Lead: Sam Okafor.',
      'Audit 10 plans by June 2027; the IRO is responsible.',
      'Sam Okafor (Team Manager) will audit 10 plans by June 2027.',
    ]) {
      expect(rules(text), text).toEqual([]);
    }
    for (const text of [
      'Audit 10 plans by June 2027.',
      'Improve communication from the team to families: 10 calls a week by June 2027.',
      'Recording will get better by 50% by June 2027.',
      'Plans will be audited 10 times by June 2027.',
    ]) {
      expect(rules(text), text).toEqual(['no-owner']);
    }
  });

  it('has nothing to say about empty text', () => {
    expect(checkRecommendation('')).toEqual([]);
    expect(checkRecommendation(' \n\t ')).toEqual([]);
  });
});
