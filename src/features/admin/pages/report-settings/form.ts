// The report settings forms: one textarea each, read line by line. Every problem is listed in the
// error summary by its line, and the same first problem is shown beside the textarea.
import type { JargonEntry } from '../../../../core/text-checks/index.js';
import { emptyErrors, type FormErrors } from '../../../../platform/forms.js';
import { readGradeScale, readJargonList } from '../../report-settings.rules.js';

/** More problems than this are summed up in one line, so the summary stays readable. */
const problemsListed = 10;

/** The textarea's text as the browser sent it; anything else (a repeated field) counts as empty. */
export function textOf(body: unknown, field: string): string {
  const value =
    typeof body === 'object' && body !== null
      ? (body as Record<string, unknown>)[field]
      : undefined;
  return typeof value === 'string' ? value : '';
}

/** Problems as the error summary and the textarea's message show them. */
export function problemErrors(field: string, problems: readonly string[]): FormErrors {
  const errors = emptyErrors();
  const shown = problems.slice(0, problemsListed);
  for (const text of shown) errors.list.push({ text, href: `#${field}` });
  const more = problems.length - shown.length;
  if (more > 0) {
    errors.list.push({
      text: `There ${more === 1 ? 'is 1 more problem' : `are ${more} more problems`} in the list`,
      href: `#${field}`,
    });
  }
  errors.byField[field] = { text: problems[0] ?? '' };
  return errors;
}

export type ListForm<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

export function parseJargonForm(text: string): ListForm<JargonEntry[]> {
  const read = readJargonList(text);
  return read.ok
    ? { ok: true, value: read.entries }
    : { ok: false, errors: problemErrors('jargon', read.problems) };
}

export function parseGradesForm(text: string): ListForm<string[]> {
  const read = readGradeScale(text);
  return read.ok
    ? { ok: true, value: read.grades }
    : { ok: false, errors: problemErrors('grades', read.problems) };
}
