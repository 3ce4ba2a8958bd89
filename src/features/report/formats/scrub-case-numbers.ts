// Case numbers must never reach the circulated report, yet team members sometimes type one into
// what they saw or the Lead into a section. Before the report is shown or exported, anything shaped
// like one of the council's case numbers, or equal to a case number this Spotlight reviewed, is
// replaced. Pure: the caller passes the formats and the Spotlight's case numbers.
import {
  caseSystems,
  normaliseCaseNumber,
  type CaseNumberFormat,
  type CaseNumberFormats,
} from '../../../core/case-numbers.js';

export const removedCaseNumber = '[case number removed]';

export interface CaseNumberScrubber {
  (text: string): string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A system's name typed before the number ("LCS 1234567", "EHM: 123456") goes with it. */
const systemName = `(?:(?:${caseSystems.join('|')})\\s*[:#-]?\\s*)?`;

/** Digits as people type them: optionally grouped by single spaces or hyphens. */
function digitRun(min: number, max: number): string {
  const lo = Math.max(min, 1);
  const hi = Math.max(max, lo);
  return `\\d(?:[ -]?\\d){${lo - 1},${hi - 1}}`;
}

function formatPattern(format: CaseNumberFormat): string {
  const digits = digitRun(format.minDigits, format.maxDigits);
  // An ISO date (2027-04-30) has the shape of eight grouped digits but is never a case number.
  const notDate = '(?!\\d{4}-\\d{2}-\\d{2}(?!\\d))';
  if (format.prefix === '') return `(?<![\\p{L}\\d])${systemName}${notDate}${digits}(?!\\d)`;
  const prefix = [...format.prefix].map(escapeRegExp).join('[\\s-]?');
  return `(?<![\\p{L}\\d])${systemName}${prefix}[\\s:#-]*${digits}(?!\\d)`;
}

/** A known number, however it was spaced or hyphenated, in any case. */
function knownPattern(caseNumber: string): string | undefined {
  const chars = [...normaliseCaseNumber(caseNumber)];
  if (chars.length === 0) return undefined;
  return `(?<![\\p{L}\\d])${systemName}${chars.map(escapeRegExp).join('[\\s-]?')}(?![\\p{L}\\d])`;
}

/**
 * A function that replaces every case number in a text with "[case number removed]": numbers in
 * any of the council's formats, and this Spotlight's own case numbers however they were typed.
 */
export function caseNumberScrubber(options: {
  formats: CaseNumberFormats;
  known: readonly string[];
}): CaseNumberScrubber {
  // Longest first, so that a known number wins over a shorter one inside it.
  const known = [...new Set(options.known.map(normaliseCaseNumber))]
    .sort((a, b) => b.length - a.length)
    .map(knownPattern)
    .filter((p): p is string => p !== undefined);
  const formats = caseSystems.map((system) => formatPattern(options.formats[system]));
  const pattern = new RegExp([...known, ...formats].join('|'), 'giu');
  return (text: string) => text.replace(pattern, removedCaseNumber);
}
