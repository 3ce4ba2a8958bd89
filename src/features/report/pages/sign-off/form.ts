// The Heads of Service's agreement form: the date they agreed (a GOV.UK date input, not in the
// future) and a note of who agreed and what was discussed.
import { z } from 'zod';
import { parseDateInput, type DateInputPart } from '../../../../platform/date-input.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import { characters, cleanText } from '../../../day/day-input.js';
import { datePassedProblem, reviewLimits, reviewMessages } from '../../report-review.rules.js';

/** A text field as a form sends it: a repeated field counts once, a missing one is blank. */
export const formText = z
  .preprocess((value) => (Array.isArray(value) ? (value[0] as unknown) : value), z.unknown())
  .transform((value) => (typeof value === 'string' ? value : ''));

/** A required long text within its limit. */
export const longText = (limit: number, none: string, length: string) =>
  formText
    .transform(cleanText)
    .refine((value) => value !== '', none)
    .refine((value) => characters(value) <= limit, length);

const noteSchema = longText(
  reviewLimits.agreementNote,
  reviewMessages.noteNone,
  reviewMessages.noteLength,
);

export type AgreementForm =
  | { ok: true; value: { agreedOn: string; note: string } }
  | { ok: false; errors: FormErrors; values: Record<string, unknown>; dateParts: DateInputPart[] };

/** Reads the form, every problem at once in the order of the fields. */
export function parseAgreementForm(
  body: unknown,
  spotlight: { date: string; today: string },
): AgreementForm {
  const values = rawValues(body);
  const errors = emptyErrors();
  let dateParts: DateInputPart[] = [];
  let agreedOn = '';
  const date = parseDateInput(values, 'agreedOn', reviewMessages.agreedOnLabel);
  if ('message' in date) {
    dateParts = date.parts;
    addError(errors, 'agreedOn', date.message, `#agreedOn-${date.parts[0] ?? 'day'}`);
  } else {
    const problem = datePassedProblem(date.date, spotlight.today, spotlight.date, {
      future: reviewMessages.agreedOnFuture,
      tooEarly: reviewMessages.agreedOnBeforeDay(spotlight.date),
    });
    if (problem) {
      dateParts = ['day', 'month', 'year'];
      addError(errors, 'agreedOn', problem, '#agreedOn-day');
    } else agreedOn = date.date;
  }
  const note = noteSchema.safeParse(values.note);
  if (!note.success) addError(errors, 'note', note.error.issues[0]?.message ?? '');
  if (errors.list.length > 0 || !note.success) return { ok: false, errors, values, dateParts };
  return { ok: true, value: { agreedOn, note: note.data } };
}

/** A date as the date input's boxes hold it. */
export function dateValues(prefix: string, date: string | null): Record<string, string> {
  const [year = '', month = '', day = ''] = (date ?? '').split('-');
  return {
    [`${prefix}-day`]: day ? String(Number(day)) : '',
    [`${prefix}-month`]: month ? String(Number(month)) : '',
    [`${prefix}-year`]: year,
  };
}
