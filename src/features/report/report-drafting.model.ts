// The drafting pages' domain types and the pure mapping from the report's rows: a section as its
// form shows it, a recommendation, and evidence named by its source (never a child). No I/O here.
import {
  evidenceKindNames,
  evidenceSourceNames,
  isEvidenceKind,
  isEvidenceSource,
  isThemeKey,
  themeKeys,
  type Theme,
} from '../../core/record-themes.js';
import {
  isThemeSection,
  type RecommendationContent,
  type SectionContent,
  type SectionKey,
} from '../../core/report/report-model.js';
import { fromDbJson } from '../../platform/db/convert.js';
import type { Spotlight } from '../spotlight/spotlight.service.js';
import type { EvidenceRow, RecommendationRow, SectionRow } from './report-drafting.repository.js';
import type { CheckedRecommendation } from './report-drafting.rules.js';

/** An evidence item as the section form lists it: its source and what was seen, never a child. */
export interface EvidenceChoice {
  id: string;
  sourceName: string;
  kindName: string;
  seen: string;
}

/** One section for the Lead to change. */
export interface SectionView {
  spotlight: Spotlight;
  key: SectionKey;
  name: string;
  theme: Theme | null;
  content: SectionContent;
  version: number;
  /** Who saved it last and when (ISO instant). */
  updatedBy: string | null;
  updatedAt: string;
  /** The council's grade scale, with the grade saved now kept if the scale has since changed. */
  grades: string[];
  /** This theme's evidence on the board. */
  evidence: EvidenceChoice[];
  /** This theme's key findings, as a reminder. */
  keyFindings: { kindName: string; text: string }[];
}

export interface RecommendationView {
  spotlight: Spotlight;
  recommendation: RecommendationContent & { version: number; updatedAt: string };
}

export const toRecommendation = (row: RecommendationRow) => ({
  id: row.id,
  theme: isThemeKey(row.theme) ? row.theme : themeKeys[0],
  action: row.action,
  owner: row.owner ?? '',
  dueOn: row.due_on ?? '',
  measure: row.measure ?? '',
  baseline: row.baseline ?? '',
  target: row.target ?? '',
  version: row.version,
  updatedAt: row.updated_at,
});

export function toSectionContent(key: SectionKey, row: SectionRow): SectionContent {
  if (!isThemeSection(key)) return { key, body: row.body ?? '' };
  return {
    key,
    workingWell: row.working_well ?? '',
    toImprove: row.to_improve ?? '',
    forChildren: row.for_children ?? '',
    grade: row.grade,
    evidenceIds: fromDbJson<string[]>(row.evidence_ids, []),
  };
}

export const toChoice = (row: EvidenceRow): EvidenceChoice => ({
  id: row.id,
  sourceName: isEvidenceSource(row.source) ? evidenceSourceNames[row.source] : 'Other',
  kindName: isEvidenceKind(row.kind) ? evidenceKindNames[row.kind] : '',
  seen: row.seen,
});

export function rowValues(checked: CheckedRecommendation) {
  const orNull = (value: string) => (value === '' ? null : value);
  return {
    theme: checked.theme,
    action: checked.action,
    owner: orNull(checked.owner),
    due_on: orNull(checked.dueOn),
    measure: orNull(checked.measure),
    baseline: orNull(checked.baseline),
    target: orNull(checked.target),
  };
}
