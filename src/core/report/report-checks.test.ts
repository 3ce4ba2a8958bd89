// The report's quality checks as the Lead sees them beside the draft: what is flagged, where, and
// what is left alone, on examples like the ones Spotlight Leads write.
import { describe, expect, it } from 'vitest';
import { themeKeys, type ThemeKey } from '../record-themes.js';
import { defaultJargon } from '../text-checks/index.js';
import { checkReport, type ReportCheck, type ReportCheckOptions } from './report-checks.js';
import {
  defaultGradeScale,
  type RecommendationContent,
  type ReportContent,
  type ThemeSectionContent,
} from './report-model.js';

const options: ReportCheckOptions = {
  jargon: defaultJargon,
  gradeScale: defaultGradeScale,
  names: ['Lena Lead', 'Assessment Team South', 'Sam Taylor', 'Sam Naylor'],
  evidenceSources: new Map([
    ['case-1', 'case-record'],
    ['case-2', 'case-record'],
    ['talk-1', 'conversation'],
  ]),
};

/** A theme section that passes every check. */
const goodTheme = (key: ThemeKey, changes: Partial<ThemeSectionContent> = {}) => ({
  key,
  workingWell: 'Workers visit children at home every month. Children said they feel safe.',
  toImprove: 'Some plans do not say what will change for the child.',
  forChildren: 'Children know who their worker is and see the same person each time.',
  grade: 'Good',
  evidenceIds: ['case-1', 'talk-1'],
  ...changes,
});

/** A recommendation that passes every check. */
const goodRecommendation = (
  id: string,
  changes: Partial<RecommendationContent> = {},
): RecommendationContent => ({
  id,
  theme: 'practice',
  action: 'Every child’s plan says what will change for them.',
  owner: 'Team Manager',
  dueOn: '2027-04-30',
  measure: 'Share of plans in the monthly audit that say what will change',
  baseline: '40% in January 2027',
  target: '80% by April 2027',
  ...changes,
});

function report(
  changes: {
    summary?: string;
    context?: string;
    themes?: Partial<Record<ThemeKey, Partial<ThemeSectionContent>>>;
  } = {},
  recommendations: RecommendationContent[] = [goodRecommendation('rec-1')],
): ReportContent {
  return {
    sections: [
      { key: 'summary', body: changes.summary ?? 'The team know their children well.' },
      {
        key: 'context',
        body: changes.context ?? 'Twelve social workers help children in the south of the borough.',
      },
      ...themeKeys.map((key) => goodTheme(key, changes.themes?.[key])),
    ],
    recommendations,
  };
}

/** What the Lead sees of each finding, without the longer words. */
const seen = (checks: ReportCheck[]) =>
  checks.map((c) => [c.category, c.rule, c.place, c.part, c.excerpt]);

const check = (content: ReportContent, changes: Partial<ReportCheckOptions> = {}) =>
  checkReport(content, { ...options, ...changes });

describe('checkReport', () => {
  it('has nothing to say about a well-written report', () => {
    expect(check(report())).toEqual([]);
  });

  it('says what is missing from an empty report, once per section', () => {
    const empty = check({ sections: [], recommendations: [] });
    expect(seen(empty)).toEqual([
      ['presentation', 'empty-section', 'summary', 'body', ''],
      ['presentation', 'empty-section', 'context', 'body', ''],
      ...themeKeys.map((key) => ['presentation', 'empty-section', key, 'workingWell', '']),
      ['presentation', 'no-recommendations', 'recommendations', '', ''],
    ]);
    expect(empty[0]?.message).toBe('The summary is empty.');
    expect(empty[1]?.message).toBe('“About the team” is empty.');
    expect(empty.at(-1)?.message).toBe('The report has no recommendations yet.');
    for (const finding of empty) expect(finding.suggestion).not.toBe('');
  });

  it('flags jargon, passive sentences and hard words, leaving plain sentences alone', () => {
    const found = check(
      report({
        summary:
          'The LAC review was chaired by the IRO. Children told us they like their foster homes.',
        themes: {
          practice: {
            toImprove: 'Placement stability should be improved where there is drift and delay.',
          },
        },
      }),
    );
    expect(seen(found)).toEqual([
      ['plain-language', 'jargon', 'summary', 'body', 'LAC'],
      ['plain-language', 'passive', 'summary', 'body', 'was chaired'],
      ['plain-language', 'jargon', 'summary', 'body', 'IRO'],
      ['plain-language', 'jargon', 'practice', 'toImprove', 'Placement'],
      ['plain-language', 'passive', 'practice', 'toImprove', 'be improved'],
      ['plain-language', 'jargon', 'practice', 'toImprove', 'drift and delay'],
    ]);
    expect(found[0]?.suggestion).toBe('child in care (or use the child’s name)');
    expect(found[0]?.message).toContain('abbreviation');
  });

  it('uses the council’s own jargon list', () => {
    const words = report({ summary: 'The LAC review noted the CSWG meeting went well.' });
    const council = [{ term: 'CSWG', plain: 'the children’s services working group' }];
    expect(seen(check(words, { jargon: council }))).toEqual([
      ['plain-language', 'jargon', 'summary', 'body', 'CSWG'],
    ]);
  });

  it('flags a theme that says nothing about children’s lives once, and an empty “for children”', () => {
    const found = check(
      report({
        themes: {
          culture: {
            workingWell: 'The team meets every week and keeps minutes.',
            toImprove: 'Supervision records are not always on the file.',
            forChildren: 'Audits are up to date.',
          },
          practice: { forChildren: '  ' },
          // What children said in "working well" is enough for the section as a whole.
          oversight: { forChildren: 'Managers read every plan.' },
        },
      }),
    );
    expect(seen(found)).toEqual([
      ['child-focus', 'no-child-experience', 'culture', 'forChildren', ''],
      ['child-focus', 'empty-for-children', 'practice', 'forChildren', ''],
    ]);
    expect(found[0]?.message).toContain('not what life is like for the children');
  });

  it('checks each recommendation has an owner, a date and a measure', () => {
    const found = check(
      report({}, [
        goodRecommendation('vague', {
          action: 'Improve the quality of supervision.',
          owner: '',
          dueOn: '',
          measure: '',
          baseline: '',
          target: '',
        }),
        goodRecommendation('measured'),
        // "Ensure" is fine when the measure says how anyone will know.
        goodRecommendation('ensure', { action: 'Ensure plans are written with the child.' }),
        goodRecommendation('no-ends', { baseline: ' ', target: '' }),
        goodRecommendation('no-target', { target: '' }),
      ]),
    );
    expect(seen(found)).toEqual([
      ['measurable', 'vague-verb', 'recommendations', 'vague', 'Improve'],
      ['measurable', 'no-owner', 'recommendations', 'vague', ''],
      ['measurable', 'no-date', 'recommendations', 'vague', ''],
      ['measurable', 'no-measure', 'recommendations', 'vague', ''],
      // Not vague here, but still a longer word than it needs to be.
      ['plain-language', 'complex-word', 'recommendations', 'ensure', 'Ensure'],
      ['plain-language', 'passive', 'recommendations', 'ensure', 'are written'],
      [
        'measurable',
        'no-baseline-or-target',
        'recommendations',
        'no-ends',
        'Share of plans in the monthly audit that say what will change',
      ],
      [
        'measurable',
        'no-baseline-or-target',
        'recommendations',
        'no-target',
        'Share of plans in the monthly audit that say what will change',
      ],
    ]);
    expect(found[6]?.message).toBe(
      'The measure has no baseline (where things are now) and no target, so it will be hard to tell how much has changed.',
    );
    expect(found[7]?.message).toContain('has no target');
    expect(found[7]?.suggestion).toContain('Add a baseline and target where there is one');
  });

  it('flags a recommendation with no words', () => {
    expect(seen(check(report({}, [goodRecommendation('blank', { action: '' })])))).toEqual([
      ['presentation', 'empty-recommendation', 'recommendations', 'blank', ''],
    ]);
  });

  it('checks each grade rests on evidence from more than one source, on the council’s scale', () => {
    const found = check(
      report({
        themes: {
          culture: { evidenceIds: [] },
          practice: { evidenceIds: ['case-1', 'case-2'] },
          'quality-assurance': { evidenceIds: ['deleted-item'] },
          oversight: { grade: 'Very good' },
          systemic: { grade: null, evidenceIds: [] },
        },
      }),
    );
    expect(seen(found)).toEqual([
      ['evidence', 'grade-without-evidence', 'culture', 'grade', 'Good'],
      ['evidence', 'grade-single-source', 'practice', 'grade', 'Good'],
      ['evidence', 'grade-without-evidence', 'quality-assurance', 'grade', 'Good'],
      ['evidence', 'grade-not-on-scale', 'oversight', 'grade', 'Very good'],
      ['presentation', 'no-grade', 'systemic', 'grade', ''],
    ]);
    expect(found[1]?.message).toContain('one source (case record)');
    expect(found[3]?.suggestion).toBe(
      'Choose “Outstanding”, “Good”, “Requires improvement to be good” or “Inadequate”.',
    );
  });

  it('flags near misses of the Spotlight’s names with the right spelling', () => {
    const found = check(
      report({
        summary:
          'Lena Laed led the Spotlight of Assesment Team South. Lena Lead thanks Sam Naylor and Sam Taylor.',
        context: 'The team will stands firm. lena lead agreed. Lena Laed’s notes helped.',
      }),
    );
    expect(seen(found)).toEqual([
      ['presentation', 'name-spelling', 'summary', 'body', 'Lena Laed'],
      ['presentation', 'name-spelling', 'summary', 'body', 'Assesment Team South'],
      ['presentation', 'name-spelling', 'context', 'body', 'Lena Laed'],
    ]);
    expect(found[0]?.suggestion).toBe('Lena Lead');
    expect(found[1]?.suggestion).toBe('Assessment Team South');
    expect(found[0]?.message).toBe(
      '“Lena Laed” looks like a misspelling of “Lena Lead”, as the Spotlight spells it.',
    );
  });

  it('flags numeric dates, and dates written in several ways once', () => {
    const found = check(
      report(
        {
          summary: 'The Spotlight was on 14/01/2027 and feedback on 15.1.27.',
          context: 'The last Spotlight was on 2026-01-20. The next is on 14 January 2028.',
          themes: {
            practice: { toImprove: 'Plans dated 31/02/2027 do not say what will change.' },
          },
        },
        [goodRecommendation('rec-1', { baseline: '40% on 4 January 2027' })],
      ),
    );
    expect(seen(found)).toEqual([
      ['presentation', 'date-format', 'summary', 'body', '14/01/2027'],
      ['presentation', 'date-format', 'summary', 'body', '15.1.27'],
      ['presentation', 'mixed-date-styles', 'summary', 'body', '15.1.27'],
      ['presentation', 'date-format', 'context', 'body', '2026-01-20'],
      ['presentation', 'date-format', 'practice', 'toImprove', '31/02/2027'],
    ]);
    expect(found.map((f) => f.suggestion)).toEqual([
      'Write it as “14 January 2027”.',
      'Write it as “15 January 2027”.',
      'Write every date the same way, in words: “14 January 2027”.',
      'Write it as “20 January 2026”.',
      'Write the date in words, for example “14 January 2027”.',
    ]);
    expect(found[2]?.message).toBe(
      'The report writes dates in 4 different ways, such as “14/01/2027” and “15.1.27”. One way throughout looks more professional.',
    );
  });

  it('leaves dates written one way in words alone, and the due date field to the form', () => {
    const words = report({
      summary: 'The Spotlight was on 14 January 2027.',
      context: 'The last Spotlight was on 20 January 2026.',
    });
    expect(check(words)).toEqual([]);
  });

  it('lists findings in reading order: sections in order, then recommendations', () => {
    const found = check({
      // Out of order on purpose: the checks read sections in the report's order.
      sections: [
        goodTheme('systemic', { forChildren: '' }),
        { key: 'summary', body: 'The CIN plans were reviewed by the TM.' },
        goodTheme('culture', { workingWell: '', grade: null }),
      ],
      recommendations: [
        goodRecommendation('first', { owner: '' }),
        goodRecommendation('second', { dueOn: '' }),
      ],
    });
    expect(seen(found)).toEqual([
      ['plain-language', 'jargon', 'summary', 'body', 'CIN'],
      ['plain-language', 'passive', 'summary', 'body', 'were reviewed'],
      ['plain-language', 'jargon', 'summary', 'body', 'TM'],
      ['presentation', 'empty-section', 'context', 'body', ''],
      ['presentation', 'empty-part', 'culture', 'workingWell', ''],
      ['presentation', 'no-grade', 'culture', 'grade', ''],
      ...themeKeys
        .filter((key) => key !== 'culture' && key !== 'systemic')
        .map((key) => ['presentation', 'empty-section', key, 'workingWell', '']),
      ['child-focus', 'empty-for-children', 'systemic', 'forChildren', ''],
      ['measurable', 'no-owner', 'recommendations', 'first', ''],
      ['measurable', 'no-date', 'recommendations', 'second', ''],
    ]);
  });
});
