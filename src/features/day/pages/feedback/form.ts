// The feedback form: when it was given (a GOV.UK date input), to whom (the team's managers and Head
// of Service), anyone else there, the notes, and up to ten suggested actions. One zod schema for the
// text, GOV.UK messages, and what the page and the conflict page show.
import { z } from 'zod';
import { parseDateInput, type DateInputPart } from '../../../../platform/date-input.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import { formatDate } from '../../../../platform/format.js';
import { recordLimits } from '../../../records/record-limits.js';
import type { Spotlight } from '../../../spotlight/spotlight.service.js';
import { characters, cleanLine, cleanText } from '../../day-input.js';
import {
  feedbackMessages,
  givenOnProblem,
  type FeedbackInput,
  type Recipient,
  type RecordedFeedback,
} from '../../feedback.service.js';

export const actionFields = Array.from(
  { length: recordLimits.suggestedActions },
  (_, i) => `action${i + 1}`,
);
const fieldOrder = ['givenOn', 'givenTo', 'othersPresent', 'notes', ...actionFields];

/** A text field as a form sends it: a repeated field counts once, a missing one is blank. */
const text = z
  .preprocess((value) => (Array.isArray(value) ? (value[0] as unknown) : value), z.unknown())
  .transform((value) => (typeof value === 'string' ? value : ''));

const line = (max: number, message: string) =>
  text.transform(cleanLine).refine((value) => characters(value) <= max, message);

const shape: Record<string, z.ZodType<string>> = {
  othersPresent: line(recordLimits.othersPresent, feedbackMessages.othersPresent),
  notes: text
    .transform(cleanText)
    .refine((value) => value !== '', feedbackMessages.notesNone)
    .refine(
      (value) => characters(value) <= recordLimits.feedbackNotes,
      feedbackMessages.notesLength,
    ),
};
actionFields.forEach((field, i) => {
  shape[field] = line(recordLimits.suggestedAction, feedbackMessages.action(i + 1));
});

export const feedbackSchema = z.object(shape).superRefine((values, ctx) => {
  if (actionFields.every((field) => values[field] === '')) {
    ctx.addIssue({ code: 'custom', path: ['action1'], message: feedbackMessages.actionsNone });
  }
});

/** The boxes ticked: one value or several, only text. */
export function givenToOf(values: Record<string, unknown>): string[] {
  const raw = values.givenTo;
  const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  return list.filter((id): id is string => typeof id === 'string' && id !== '');
}

export type FeedbackForm =
  | { ok: true; value: FeedbackInput }
  | {
      ok: false;
      errors: FormErrors;
      values: Record<string, unknown>;
      dateParts: DateInputPart[];
    };

/**
 * Reads the form: every problem at once, in the order of the fields on the page. The date must be
 * on or after the day and not in the future; the people must be among `recipients`.
 */
export function parseFeedbackForm(
  body: unknown,
  context: { spotlight: Pick<Spotlight, 'date' | 'today'>; recipients: readonly Recipient[] },
): FeedbackForm {
  const values = rawValues(body);
  const problems: { field: string; message: string; href?: string }[] = [];
  let dateParts: DateInputPart[] = [];

  const date = parseDateInput(values, 'givenOn', feedbackMessages.givenOnLabel);
  if ('message' in date) {
    dateParts = date.parts;
    problems.push({
      field: 'givenOn',
      message: date.message,
      href: `#givenOn-${date.parts[0] ?? 'day'}`,
    });
  } else {
    const problem = givenOnProblem(date.date, context.spotlight);
    if (problem) {
      dateParts = ['day', 'month', 'year'];
      problems.push({ field: 'givenOn', message: problem, href: '#givenOn-day' });
    }
  }

  const givenTo = givenToOf(values);
  if (givenTo.length === 0) {
    problems.push({ field: 'givenTo', message: feedbackMessages.givenToNone });
  } else if (givenTo.some((id) => !context.recipients.some((r) => r.id === id))) {
    problems.push({ field: 'givenTo', message: feedbackMessages.givenToUnknown });
  }

  const parsed = feedbackSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ field: String(issue.path[0] ?? 'notes'), message: issue.message });
    }
  }

  if (problems.length > 0 || !parsed.success || !('date' in date)) {
    const errors = emptyErrors();
    const position = (field: string) => fieldOrder.indexOf(field);
    for (const p of [...problems].sort((a, b) => position(a.field) - position(b.field))) {
      addError(errors, p.field, p.message, p.href);
    }
    return { ok: false, errors, values, dateParts };
  }
  const data = parsed.data;
  return {
    ok: true,
    value: {
      givenOn: date.date,
      givenTo: [...new Set(givenTo)],
      othersPresent: data.othersPresent || null,
      notes: data.notes ?? '',
      suggestedActions: actionFields.map((field) => data[field] ?? '').filter((a) => a !== ''),
    },
  };
}

/** The feedback as the form's fields hold it; the date defaults to the day of the Spotlight. */
export function feedbackValues(
  saved: FeedbackInput | RecordedFeedback | null,
  day: string,
): Record<string, string | string[]> {
  const [year = '', month = '', dayOfMonth = ''] = (saved?.givenOn ?? day).split('-');
  const values: Record<string, string | string[]> = {
    'givenOn-day': String(Number(dayOfMonth)),
    'givenOn-month': String(Number(month)),
    'givenOn-year': year,
    givenTo: (saved?.givenTo ?? []).map((p) => (typeof p === 'string' ? p : p.id)),
    othersPresent: saved?.othersPresent ?? '',
    notes: saved?.notes ?? '',
  };
  actionFields.forEach((field, i) => {
    values[field] = saved?.suggestedActions[i] ?? '';
  });
  return values;
}

/** The fields as hidden inputs (several for the people ticked), for "Save what you entered". */
export function hiddenFields(values: Record<string, string | string[]>) {
  return Object.entries(values).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => ({ name, value: v })),
  );
}

/** Each question as saved now beside what was entered, for the conflict page. */
export function feedbackConflictRows(
  saved: RecordedFeedback | null,
  yours: FeedbackInput,
  recipients: readonly Recipient[],
) {
  const nameOf = (id: string) => recipients.find((r) => r.id === id)?.name ?? 'Somebody else';
  const none = (text: string) => text || 'None';
  const rows = [
    {
      label: 'Date given',
      saved: saved ? formatDate(saved.givenOn) : 'None',
      yours: formatDate(yours.givenOn),
    },
    {
      label: 'Given to',
      saved: none((saved?.givenTo ?? []).map((p) => p.name).join(', ')),
      yours: none(yours.givenTo.map(nameOf).join(', ')),
    },
    {
      label: 'Others present',
      saved: none(saved?.othersPresent ?? ''),
      yours: none(yours.othersPresent ?? ''),
    },
    { label: 'Notes', saved: none(saved?.notes ?? ''), yours: none(yours.notes) },
  ];
  const count = Math.max(saved?.suggestedActions.length ?? 0, yours.suggestedActions.length);
  for (let i = 0; i < count; i += 1) {
    rows.push({
      label: `Suggested action ${i + 1}`,
      saved: none(saved?.suggestedActions[i] ?? ''),
      yours: none(yours.suggestedActions[i] ?? ''),
    });
  }
  return rows;
}
