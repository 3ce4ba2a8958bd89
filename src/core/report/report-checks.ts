// The guidance's five tests of a good report, run over the whole draft and shown beside it: plain
// language, focus on the child, measurable recommendations, grades backed by evidence, and
// presentation. Each finding says where it is, why it matters and what to do; none blocks the
// Lead, but submission lists what is still open. Pure: drafting and submission both call it.
import type { JargonEntry } from '../text-checks/index.js';
import { childFocusChecks } from './checks/child-focus.js';
import { dateChecks } from './checks/dates.js';
import { evidenceChecks } from './checks/evidence.js';
import { measurableChecks } from './checks/measurable.js';
import { nameChecks } from './checks/names.js';
import { inReportOrder, normalise, textParts } from './checks/parts.js';
import { plainLanguageChecks } from './checks/plain-language.js';
import { emptinessChecks } from './checks/presentation.js';
import type { CommentPlace, ReportContent } from './report-model.js';

export const reportCheckCategories = [
  'plain-language',
  'child-focus',
  'measurable',
  'evidence',
  'presentation',
] as const;
export type ReportCheckCategory = (typeof reportCheckCategories)[number];

export interface ReportCheck {
  category: ReportCheckCategory;
  /** A stable name for the rule, e.g. 'jargon', 'grade-without-evidence', 'empty-section'. */
  rule: string;
  /** Where: a section or the recommendations. */
  place: CommentPlace;
  /** Which part of the place: 'body', 'workingWell', 'toImprove', 'forChildren', 'grade', or a recommendation's id. */
  part: string;
  /** The words it is about, when it is about some ('' otherwise). */
  excerpt: string;
  /** Why it matters, in plain English. */
  message: string;
  /** What to do. */
  suggestion: string;
}

/** What the checks need besides the words. */
export interface ReportCheckOptions {
  /** The council's jargon list. */
  jargon: readonly JargonEntry[];
  /** Evidence the grades may rest on: id → its source (core/record-themes EvidenceSource). */
  evidenceSources: ReadonlyMap<string, string>;
  /** The people and team named in the Spotlight, spelt correctly. */
  names: readonly string[];
  /** The council's grade scale. */
  gradeScale: readonly string[];
}

/** Every finding on the report, in reading order (sections, then recommendations). */
export function checkReport(content: ReportContent, options: ReportCheckOptions): ReportCheck[] {
  const report = normalise(content);
  const parts = textParts(report);
  return inReportOrder([
    ...plainLanguageChecks(parts, options.jargon),
    ...childFocusChecks(report.themes),
    ...measurableChecks(report.recommendations),
    ...evidenceChecks(report.themes, options.evidenceSources, options.gradeScale),
    ...emptinessChecks(report),
    ...nameChecks(parts, options.names),
    ...dateChecks(parts),
  ]);
}
