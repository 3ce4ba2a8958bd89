// The report's quality checks on text (the guidance's tests of a good report): plain language
// for every piece of text, plus child focus for a theme section and the measurable checks for a
// recommendation. Pure: the report pages and `spotlight check-text` both call checkText.
import { checkChildFocus } from './child-focus.js';
import { inReadingOrder, type Finding } from './finding.js';
import { defaultJargon, findJargon, type JargonEntry } from './jargon.js';
import { checkLanguage } from './language.js';
import { checkRecommendation } from './measurable.js';

export { findingCategories, type Finding, type FindingCategory } from './finding.js';
export { defaultJargon, type JargonEntry } from './jargon.js';

/** A theme section's paragraph, or one recommendation. */
export const textKinds = ['paragraph', 'recommendation'] as const;
export type TextKind = (typeof textKinds)[number];

export interface CheckTextOptions {
  kind: TextKind;
  /** The council's jargon list; the default list when not given. */
  jargon?: readonly JargonEntry[];
}

/**
 * Every finding on the text, in reading order. Offsets are into `text` as given (UTF-16 code
 * units, end exclusive). Empty or blank text has no findings: an empty section is the
 * presentation check's business.
 */
export function checkText(text: string, options: CheckTextOptions): Finding[] {
  if (text.trim() === '') return [];
  return inReadingOrder([
    ...findJargon(text, options.jargon ?? defaultJargon),
    ...checkLanguage(text),
    ...(options.kind === 'recommendation' ? checkRecommendation(text) : checkChildFocus(text)),
  ]);
}
