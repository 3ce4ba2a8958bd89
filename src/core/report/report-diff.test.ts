import { describe, expect, it } from 'vitest';
import { themeKeys } from '../record-themes.js';
import { diffContent } from './report-diff.js';
import type { RecommendationContent, ReportContent } from './report-model.js';

const recommendation = (id: string, action: string): RecommendationContent => ({
  id,
  theme: 'practice',
  action,
  owner: 'Team Manager',
  dueOn: '2027-04-30',
  measure: 'Plans audited',
  baseline: '40%',
  target: '80%',
});

function content(): ReportContent {
  return {
    sections: [
      { key: 'summary', body: 'The team know their children well.' },
      { key: 'context', body: 'Twelve social workers.' },
      ...themeKeys.map((key) => ({
        key,
        workingWell: `${key} works`,
        toImprove: `${key} improve`,
        forChildren: `${key} children`,
        grade: 'Good',
        evidenceIds: ['e1', 'e2'],
      })),
    ],
    recommendations: [
      recommendation('r1', 'Plans name change'),
      recommendation('r2', 'Supervision'),
    ],
  };
}

const descriptions = (before: ReportContent | null, after: ReportContent) =>
  diffContent(before, after).map((c) => c.description);

describe('diffContent', () => {
  it('finds nothing when nothing changed', () => {
    expect(diffContent(content(), content())).toEqual([]);
  });

  it('says which section changed, in plain English', () => {
    const after = content();
    after.sections[0] = { key: 'summary', body: 'A new summary.' };
    expect(diffContent(content(), after)).toEqual([
      { place: 'summary', description: 'Summary changed' },
    ]);
  });

  it('names the grade before and after, and the evidence and parts of a theme', () => {
    const after = content();
    const culture = after.sections[2];
    const practice = after.sections[3];
    if (!culture || !('grade' in culture) || !practice || !('grade' in practice)) {
      throw new Error('sections in the wrong order');
    }
    culture.grade = 'Requires improvement to be good';
    culture.workingWell = 'Something else';
    practice.evidenceIds = ['e2', 'e3'];
    practice.forChildren = '';
    expect(descriptions(content(), after)).toEqual([
      'What is working well for Culture of the team changed',
      'Grade for Culture of the team changed from Good to Requires improvement to be good',
      'What it means for children for Quality of practice removed',
      'Evidence for Quality of practice changed',
    ]);
  });

  it('does not count the same evidence in another order as a change', () => {
    const after = content();
    const culture = after.sections[2];
    if (culture && 'evidenceIds' in culture) culture.evidenceIds = ['e2', 'e1'];
    expect(diffContent(content(), after)).toEqual([]);
  });

  it('says when a grade is first given or taken away', () => {
    const before = content();
    const after = content();
    const b = before.sections[2];
    const a = after.sections[6];
    if (b && 'grade' in b) b.grade = null;
    if (a && 'grade' in a) a.grade = null;
    expect(descriptions(before, after)).toEqual([
      'Grade for Culture of the team given: Good',
      'Grade for Systemic issues removed (was Good)',
    ]);
  });

  it('numbers recommendations added, changed and removed', () => {
    const after = content();
    after.recommendations = [
      recommendation('r1', 'Plans name what will change'),
      recommendation('r3', 'New one'),
    ];
    expect(diffContent(content(), after)).toEqual([
      { place: 'recommendations', description: 'Recommendation 1 changed' },
      { place: 'recommendations', description: 'Recommendation 2 added' },
      { place: 'recommendations', description: 'Recommendation 2 removed' },
    ]);
  });

  it('notices recommendations put in another order', () => {
    const after = content();
    after.recommendations = [...after.recommendations].reverse();
    expect(descriptions(content(), after)).toEqual(['Recommendations put in a different order']);
  });

  it('counts everything written as new in the first version', () => {
    const first = content();
    first.sections[1] = { key: 'context', body: '' };
    const changes = descriptions(null, first);
    expect(changes[0]).toBe('Summary written');
    expect(changes).not.toContain('About the team written');
    expect(changes).toContain('Grade for Culture of the team given: Good');
    expect(changes).toContain('Evidence for Culture of the team changed');
    expect(changes.slice(-2)).toEqual(['Recommendation 1 added', 'Recommendation 2 added']);
  });

  it('treats a missing section as empty', () => {
    const after = content();
    const before: ReportContent = { sections: [], recommendations: after.recommendations };
    expect(descriptions(before, after)).toContain('About the team written');
  });
});
