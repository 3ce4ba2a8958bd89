// What every text check reports: one finding says where it is (character offsets into the text
// checked), what is wrong and why, and what to do. The report pages and `spotlight check-text`
// show these; the JSON shape is a stable interface.

/** The kinds of finding, in the order the guidance's tests of a good report name them. */
export const findingCategories = [
  'jargon',
  'readability',
  'passive',
  'complex-word',
  'measurable',
  'child-focus',
] as const;
export type FindingCategory = (typeof findingCategories)[number];

export interface Finding {
  category: FindingCategory;
  /** A short, stable id for the rule, such as "vague-verb" or "jargon-abbreviation". */
  rule: string;
  /** Plain English: what is wrong here and why it matters. */
  message: string;
  /** Offset of the first character flagged (UTF-16 code units, as `String.prototype.slice`). */
  start: number;
  /** Offset just after the last character flagged: `text.slice(start, end)` is what is flagged. */
  end: number;
  /** The plain alternative, or what to do; null when there is nothing better to say. */
  suggestion: string | null;
}

/** A stretch of the text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** The whole text without its leading and trailing white space: where "this is missing" points. */
export function trimmedSpan(text: string): Span {
  const start = text.length - text.trimStart().length;
  return { start, end: Math.max(start, text.trimEnd().length) };
}

/** Quotes a piece of the text for a message, with curly quotes as GOV.UK style writes them. */
export const quote = (words: string): string => `“${words}”`;

/** Findings in reading order: by where they start, the shorter first, then by category (stable). */
export function inReadingOrder(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => findingCategories.indexOf(f.category);
  return [...findings].sort((a, b) => a.start - b.start || a.end - b.end || rank(a) - rank(b));
}
