// The rules for the council's report settings, shared by the pages (which explain each problem by
// its line) and the service (which checks again whatever a page sent): the jargon list written one
// entry a line, "TERM / variant: plain words", and the grade scale, one grade a line, best first.
import type { JargonEntry } from '../../core/text-checks/index.js';
import { Invalid } from '../../platform/errors.js';

export const maxJargonEntries = 500;
export const maxTermLength = 100;
export const maxPlainLength = 300;
export const minGrades = 2;
export const maxGrades = 6;
export const maxGradeLength = 100;
/** Far more than 500 full lines; anything bigger is refused before it is read. */
export const maxListCharacters = 250_000;

/** A problem with the list, for the error summary. */
export type ListProblem = string;

const variantSeparator = ' / ';
// eslint-disable-next-line no-control-regex
const hiddenCharacters = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const length = (text: string) => [...text].length;
const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();
const key = (text: string) => tidy(text).toLocaleLowerCase('en-GB');

/** The list as the textarea shows it: "s47 / s.47 / section 47: child protection enquiry". */
export function jargonLines(entries: readonly JargonEntry[]): string {
  return entries
    .map((e) => `${[e.term, ...(e.variants ?? [])].join(variantSeparator)}: ${e.plain}`)
    .join('\n');
}

/** Non-blank lines with their line numbers as the person sees them (1 is the first line). */
function linesOf(text: string): { number: number; line: string }[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ number: index + 1, line }))
    .filter(({ line }) => line.trim() !== '');
}

/** One line's problem, or the entry it holds. */
function readJargonLine(line: string, number: number): JargonEntry | ListProblem {
  if (hiddenCharacters.test(line)) return `Line ${number} has hidden characters in it`;
  const colon = line.indexOf(':');
  if (colon < 0) {
    return `Line ${number} needs a colon between the word to avoid and the plain words, like “LAC: child in care”`;
  }
  const spellings = line.slice(0, colon).split('/').map(tidy);
  const plain = tidy(line.slice(colon + 1));
  const [term = '', ...variants] = spellings;
  if (spellings.every((s) => s === ''))
    return `Line ${number} has no word to avoid before the colon`;
  if (spellings.some((s) => s === '')) return `Line ${number} has a “/” with no word beside it`;
  if (plain === '') return `Line ${number} has no plain alternative after the colon`;
  if (spellings.some((s) => length(s) > maxTermLength)) {
    return `The word to avoid on line ${number} must be ${maxTermLength} characters or fewer`;
  }
  if (length(plain) > maxPlainLength) {
    return `The plain alternative on line ${number} must be ${maxPlainLength} characters or fewer`;
  }
  return variants.length > 0 ? { term, plain, variants } : { term, plain };
}

/** Problems with a whole list: too many, too few, the same word twice. */
function listProblems(
  entries: readonly { entry: JargonEntry; number: number }[],
  where: (number: number) => string,
): ListProblem[] {
  if (entries.length === 0) {
    return ['Enter at least one word to avoid, or use the default list'];
  }
  if (entries.length > maxJargonEntries) {
    return [
      `The list can have up to ${maxJargonEntries} words to avoid; this one has ${entries.length}`,
    ];
  }
  const problems: ListProblem[] = [];
  const seen = new Map<string, number>();
  for (const { entry, number } of entries) {
    // One entry may spell the same abbreviation in two cases ("CiC / CIC"); two entries may not.
    const spellings = new Set([entry.term, ...(entry.variants ?? [])].map(key));
    for (const spelling of spellings) {
      const first = seen.get(spelling);
      if (first !== undefined) {
        problems.push(
          `${where(number)} repeats “${spelling}”, which is already on ${where(first).toLowerCase()}`,
        );
      } else {
        seen.set(spelling, number);
      }
    }
  }
  return problems;
}

/** The list typed into the textarea: its entries, or every problem found, by line. */
export function readJargonList(
  text: string,
): { ok: true; entries: JargonEntry[] } | { ok: false; problems: ListProblem[] } {
  if (text.length > maxListCharacters) {
    return { ok: false, problems: ['The list is too long. Remove some lines and try again'] };
  }
  const problems: ListProblem[] = [];
  const entries: { entry: JargonEntry; number: number }[] = [];
  for (const { line, number } of linesOf(text)) {
    const read = readJargonLine(line, number);
    if (typeof read === 'string') problems.push(read);
    else entries.push({ entry: read, number });
  }
  if (problems.length > 0) return { ok: false, problems };
  const whole = listProblems(entries, (n) => `Line ${n}`);
  return whole.length > 0
    ? { ok: false, problems: whole }
    : { ok: true, entries: entries.map((e) => e.entry) };
}

/** The service's check of a list, however it was made; Invalid with the first problem. */
export function checkJargon(entries: readonly JargonEntry[]): JargonEntry[] {
  const read = readJargonList(jargonLines(entries));
  if (!read.ok) throw new Invalid('jargon', read.problems[0] ?? 'The list is not valid');
  return read.entries;
}

/** The grade scale typed into the textarea, best first: its grades, or every problem found. */
export function readGradeScale(
  text: string,
): { ok: true; grades: string[] } | { ok: false; problems: ListProblem[] } {
  if (text.length > maxListCharacters) {
    return { ok: false, problems: ['The list of grades is too long'] };
  }
  const problems: ListProblem[] = [];
  const grades: string[] = [];
  const seen = new Map<string, number>();
  const lines = linesOf(text);
  for (const { line, number } of lines) {
    const grade = tidy(line);
    if (hiddenCharacters.test(line)) problems.push(`Line ${number} has hidden characters in it`);
    else if (length(grade) > maxGradeLength) {
      problems.push(`The grade on line ${number} must be ${maxGradeLength} characters or fewer`);
    } else if (seen.has(key(grade))) {
      problems.push(
        `Line ${number} repeats “${grade}”, which is already on line ${seen.get(key(grade))}`,
      );
    } else {
      seen.set(key(grade), number);
      grades.push(grade);
    }
  }
  if (lines.length < minGrades) {
    problems.unshift(`Enter at least ${minGrades} grades, one a line, best first`);
  } else if (lines.length > maxGrades) {
    problems.unshift(`Enter ${maxGrades} grades or fewer; there are ${lines.length}`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, grades };
}

/** The service's check of a grade scale; Invalid with the first problem. */
export function checkGradeScale(grades: readonly string[]): string[] {
  if (grades.some((g) => /[\r\n]/.test(g) || g.trim() === '')) {
    throw new Invalid('grades', 'Each grade must be one line of words');
  }
  const read = readGradeScale(grades.join('\n'));
  if (!read.ok) throw new Invalid('grades', read.problems[0] ?? 'The grades are not valid');
  return read.grades;
}
