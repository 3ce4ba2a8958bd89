// Dates in the report's words: GOV.UK style writes them in full ("14 January 2027"), since
// 14/01/2027, 14.1.27 and 2027-01-14 are easy to misread (01/02 is 1 February here and 2 January
// in the US). Each numeric date is flagged; a report writing dates in several ways is flagged once.
import { quote } from '../../text-checks/finding.js';
import { at, type Located, type TextPart } from './parts.js';

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const months = `(?:${monthNames.join('|')}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?)`;

interface FoundDate {
  start: number;
  end: number;
  /** How it is written: dates written the same way share a style. */
  style: string;
  /** The same date as GOV.UK writes it, when it is a real date. */
  inWords?: string;
  numeric: boolean;
}

function inWords(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? `${day} ${monthNames[month - 1] ?? ''} ${year}` : undefined;
}

const isFullMonth = (month: string) =>
  monthNames.some((name) => name.toLowerCase() === month.toLowerCase());

const fullYear = (year: string) => (year.length === 2 ? 2000 + Number(year) : Number(year));

const patterns: {
  pattern: RegExp;
  read: (m: RegExpMatchArray) => Omit<FoundDate, 'start' | 'end'>;
}[] = [
  {
    pattern: /(?<![\p{L}\p{N}.\-/])(\d{4})-(\d{1,2})-(\d{1,2})(?![\p{L}\p{N}]|[.\-/]\d)/gu,
    read: (m) => ({
      style: 'year-month-day',
      numeric: true,
      inWords: inWords(Number(m[1]), Number(m[2]), Number(m[3])),
    }),
  },
  {
    pattern:
      /(?<![\p{L}\p{N}.\-/])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{L}\p{N}]|[.\-/]\d)/gu,
    read: (m) => ({
      style: `day${m[2] ?? ''}month${m[2] ?? ''}year`,
      numeric: true,
      inWords: inWords(fullYear(m[4] ?? ''), Number(m[3]), Number(m[1])),
    }),
  },
  {
    pattern: new RegExp(`\\b\\d{1,2}(st|nd|rd|th)?\\s+(${months})(?!\\p{L}),?\\s+\\d{4}\\b`, 'giu'),
    read: (m) => ({
      style: m[1] ? 'ordinal' : isFullMonth(m[2] ?? '') ? 'day-month-year' : 'short-month',
      numeric: false,
    }),
  },
  {
    pattern: new RegExp(`\\b(${months})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'giu'),
    read: () => ({ style: 'month-day-year', numeric: false }),
  },
];

/** Every date in the text with a year, in order; where two readings overlap, the first found. */
function datesIn(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { pattern, read } of patterns) {
    for (const m of text.matchAll(pattern)) {
      const date = { start: m.index, end: m.index + m[0].length, ...read(m) };
      if (!found.some((f) => f.start < date.end && date.start < f.end)) found.push(date);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export function dateChecks(parts: readonly TextPart[]): Located[] {
  const found: Located[] = [];
  const all: { part: TextPart; date: FoundDate }[] = [];
  for (const part of parts) {
    for (const date of datesIn(part.text)) {
      all.push({ part, date });
      if (!date.numeric) continue;
      const excerpt = part.text.slice(date.start, date.end);
      found.push({
        check: {
          category: 'presentation',
          rule: 'date-format',
          place: part.place,
          part: part.part,
          excerpt,
          message: `${quote(excerpt)} is easy to misread: dates written in numbers mean different days in different countries.`,
          suggestion: date.inWords
            ? `Write it as ${quote(date.inWords)}.`
            : 'Write the date in words, for example “14 January 2027”.',
        },
        order: at(part, date.start),
      });
    }
  }
  const [first] = all;
  const other = all.find(({ date }) => date.style !== first?.date.style);
  if (first && other) {
    const styles = new Set(all.map(({ date }) => date.style)).size;
    const example = first.part.text.slice(first.date.start, first.date.end);
    const excerpt = other.part.text.slice(other.date.start, other.date.end);
    found.push({
      check: {
        category: 'presentation',
        rule: 'mixed-date-styles',
        place: other.part.place,
        part: other.part.part,
        excerpt,
        message: `The report writes dates in ${styles} different ways, such as ${quote(example)} and ${quote(excerpt)}. One way throughout looks more professional.`,
        suggestion: 'Write every date the same way, in words: “14 January 2027”.',
      },
      order: at(other.part, other.date.start),
    });
  }
  return found;
}
