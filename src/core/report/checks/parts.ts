// What every report check walks over: the report's sections in sectionKeys order (a missing one
// empty), each piece of text with where it sits, and the sort key that puts findings in reading
// order (place, then part, then where in the text).
import type { ThemeKey } from '../../record-themes.js';
import type { ReportCheck } from '../report-checks.js';
import {
  isThemeSection,
  sectionKeys,
  type CommentPlace,
  type IntroSectionContent,
  type RecommendationContent,
  type ReportContent,
  type ThemeSectionContent,
} from '../report-model.js';

/** The parts of a theme section, in the order the page shows them. */
export const themeParts = ['workingWell', 'toImprove', 'forChildren'] as const;
export type ThemePart = (typeof themeParts)[number];

/** The text fields of a recommendation, in the order the page shows them. */
export const recommendationFields = [
  'action',
  'owner',
  'dueOn',
  'measure',
  'baseline',
  'target',
] as const;
export type RecommendationField = (typeof recommendationFields)[number];

/** Where a finding sorts: place, part, field within the part, then offset into the text. */
export type Order = readonly [place: number, part: number, field: number, position: number];

export interface Located {
  check: ReportCheck;
  order: Order;
}

/** One piece of the report's text, with where it sits. */
export interface TextPart {
  place: CommentPlace;
  part: string;
  /** For a recommendation, which of its fields; otherwise the same as part. */
  field: string;
  text: string;
  /** The order of the part's start; a finding in it adds its offset. */
  order: Order;
  isRecommendation: boolean;
  recommendation?: RecommendationContent;
}

export interface NormalisedReport {
  intros: IntroSectionContent[];
  themes: ThemeSectionContent[];
  recommendations: RecommendationContent[];
}

/** Every section in sectionKeys order, a missing one empty, so the checks need not ask. */
export function normalise(content: ReportContent): NormalisedReport {
  const intros: IntroSectionContent[] = [];
  const themes: ThemeSectionContent[] = [];
  for (const key of sectionKeys) {
    const found = content.sections.find((s) => s.key === key);
    if (isThemeSection(key)) {
      themes.push(
        found && 'workingWell' in found
          ? found
          : { key, workingWell: '', toImprove: '', forChildren: '', grade: null, evidenceIds: [] },
      );
    } else {
      intros.push(found && 'body' in found ? found : { key, body: '' });
    }
  }
  return { intros, themes, recommendations: content.recommendations };
}

const recommendationsPlace = sectionKeys.length;

export const placeOrder = (place: CommentPlace): number =>
  place === 'recommendations' ? recommendationsPlace : sectionKeys.indexOf(place);

/** A theme section's part: the three texts, then the grade. */
export const themePartOrder = (part: ThemePart | 'grade'): number =>
  part === 'grade' ? themeParts.length : themeParts.indexOf(part);

export function themeOrder(key: ThemeKey, part: ThemePart | 'grade', position = 0): Order {
  return [placeOrder(key), themePartOrder(part), 0, position];
}

export function recommendationOrder(
  index: number,
  field: RecommendationField,
  position = 0,
): Order {
  return [recommendationsPlace, index, recommendationFields.indexOf(field), position];
}

/** Every piece of text in reading order: the dates in recommendations are fields, not text. */
export function textParts(report: NormalisedReport): TextPart[] {
  const parts: TextPart[] = [];
  for (const intro of report.intros) {
    parts.push({
      place: intro.key,
      part: 'body',
      field: 'body',
      text: intro.body,
      order: [placeOrder(intro.key), 0, 0, 0],
      isRecommendation: false,
    });
  }
  for (const theme of report.themes) {
    for (const part of themeParts) {
      parts.push({
        place: theme.key,
        part,
        field: part,
        text: theme[part],
        order: themeOrder(theme.key, part),
        isRecommendation: false,
      });
    }
  }
  for (const [index, recommendation] of report.recommendations.entries()) {
    for (const field of recommendationFields) {
      if (field === 'dueOn') continue;
      parts.push({
        place: 'recommendations',
        part: recommendation.id,
        field,
        text: recommendation[field],
        order: recommendationOrder(index, field),
        isRecommendation: true,
        recommendation,
      });
    }
  }
  return parts;
}

/** The order of a finding at `position` in a piece of text. */
export const at = (part: TextPart, position: number): Order => [
  part.order[0],
  part.order[1],
  part.order[2],
  position,
];

export const isBlank = (text: string | null | undefined): boolean => (text ?? '').trim() === '';

/** Findings in reading order; ties keep the order they were found in. */
export function inReportOrder(found: readonly Located[]): ReportCheck[] {
  const compare = (a: Order, b: Order) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3];
  return found
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compare(a.item.order, b.item.order) || a.index - b.index)
    .map(({ item }) => item.check);
}
