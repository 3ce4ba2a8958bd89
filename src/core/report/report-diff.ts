// What changed in the report between two versions, in plain English for the versions page: "Summary
// changed", "Grade for Culture of the team changed from Good to Requires improvement to be good",
// "Recommendation 2 added". Pure: the versions are compared as ReportContent.
import { themeOf, type ThemeKey } from '../record-themes.js';
import {
  introSectionNames,
  isThemeSection,
  sectionKeys,
  type ContentChange,
  type RecommendationContent,
  type ReportContent,
  type SectionContent,
  type SectionKey,
  type ThemeSectionContent,
} from './report-model.js';

/** A section's name as the report heads it. */
export function sectionName(key: SectionKey): string {
  return isThemeSection(key) ? themeOf(key).name : introSectionNames[key];
}

const emptyTheme = (key: ThemeKey): ThemeSectionContent => ({
  key,
  workingWell: '',
  toImprove: '',
  forChildren: '',
  grade: null,
  evidenceIds: [],
});

function sectionOf(content: ReportContent | null, key: SectionKey): SectionContent {
  const found = content?.sections.find((s) => s.key === key);
  if (found) return found;
  return isThemeSection(key) ? emptyTheme(key) : { key, body: '' };
}

/** "written" when there was nothing before, "removed" when nothing is left, else "changed". */
function textChange(before: string, after: string): string | undefined {
  if (before === after) return undefined;
  if (before.trim() === '') return 'written';
  if (after.trim() === '') return 'removed';
  return 'changed';
}

const themeParts = [
  ['workingWell', 'What is working well'],
  ['toImprove', 'What needs to improve'],
  ['forChildren', 'What it means for children'],
] as const;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

function sectionChanges(before: SectionContent, after: SectionContent): ContentChange[] {
  const key = after.key;
  const name = sectionName(key);
  const changes: string[] = [];
  if (!('workingWell' in before) || !('workingWell' in after)) {
    const bodyBefore = 'body' in before ? before.body : '';
    const bodyAfter = 'body' in after ? after.body : '';
    const change = textChange(bodyBefore, bodyAfter);
    if (change) changes.push(`${name} ${change}`);
  } else {
    for (const [part, label] of themeParts) {
      const change = textChange(before[part], after[part]);
      if (change) changes.push(`${label} for ${name} ${change}`);
    }
    if (before.grade !== after.grade) {
      if (before.grade === null) changes.push(`Grade for ${name} given: ${after.grade ?? ''}`);
      else if (after.grade === null)
        changes.push(`Grade for ${name} removed (was ${before.grade})`);
      else changes.push(`Grade for ${name} changed from ${before.grade} to ${after.grade}`);
    }
    if (!sameSet(before.evidenceIds, after.evidenceIds))
      changes.push(`Evidence for ${name} changed`);
  }
  return changes.map((description) => ({ place: key, description }));
}

const recommendationFields: readonly (keyof RecommendationContent)[] = [
  'theme',
  'action',
  'owner',
  'dueOn',
  'measure',
  'baseline',
  'target',
];

function recommendationChanges(
  before: readonly RecommendationContent[],
  after: readonly RecommendationContent[],
): ContentChange[] {
  const descriptions: string[] = [];
  const beforeById = new Map(before.map((r) => [r.id, r]));
  const afterIds = new Set(after.map((r) => r.id));
  after.forEach((recommendation, index) => {
    const number = index + 1;
    const old = beforeById.get(recommendation.id);
    if (!old) descriptions.push(`Recommendation ${number} added`);
    else if (recommendationFields.some((field) => old[field] !== recommendation[field])) {
      descriptions.push(`Recommendation ${number} changed`);
    }
  });
  before.forEach((recommendation, index) => {
    if (!afterIds.has(recommendation.id)) descriptions.push(`Recommendation ${index + 1} removed`);
  });
  // The ones in both, compared in order: moving one renumbers the action plan.
  const keptBefore = before.filter((r) => afterIds.has(r.id)).map((r) => r.id);
  const keptAfter = after.filter((r) => beforeById.has(r.id)).map((r) => r.id);
  if (keptBefore.some((id, i) => keptAfter[i] !== id)) {
    descriptions.push('Recommendations put in a different order');
  }
  return descriptions.map((description) => ({ place: 'recommendations', description }));
}

/**
 * Every change from `before` to `after`, sections in report order then the recommendations. With
 * no `before` (the first version) each part written so far counts as written or added.
 */
export function diffContent(before: ReportContent | null, after: ReportContent): ContentChange[] {
  return [
    ...sectionKeys.flatMap((key) => sectionChanges(sectionOf(before, key), sectionOf(after, key))),
    ...recommendationChanges(before?.recommendations ?? [], after.recommendations),
  ];
}
