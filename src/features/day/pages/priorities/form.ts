// The priorities form: up to eight priorities, who in the management group agreed them, and the
// practicalities of the day. One zod schema, GOV.UK messages, and what the page and conflict show.
import { z } from 'zod';
import { Invalid } from '../../../../platform/errors.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import type { PrioritiesInput, RecordedPriorities } from '../../day.service.js';
import { characters, cleanLine, cleanText, dayLimits } from '../../day-input.js';

export const priorityFields = Array.from(
  { length: dayLimits.priorities },
  (_, i) => `priority${i + 1}`,
);
const fieldOrder = [...priorityFields, 'agreedWith', 'practicalities'];

export const prioritiesMessages = {
  none: 'Enter at least one priority',
  agreedWith: 'Enter who agreed the priorities, for example the Team Manager and Head of Service',
  agreedWithLength: `Who agreed the priorities must be ${dayLimits.agreedWith} characters or fewer`,
  practicalities: `The practicalities of the day must be ${dayLimits.practicalities.toLocaleString('en-GB')} characters or fewer`,
  priority: (n: number) => `Priority ${n} must be ${dayLimits.priority} characters or fewer`,
};

/** A text field as a form sends it: a repeated field counts once, a missing one is blank. */
const text = z
  .preprocess((value) => (Array.isArray(value) ? (value[0] as unknown) : value), z.unknown())
  .transform((value) => (typeof value === 'string' ? value : ''));

const line = (max: number, message: string) =>
  text.transform(cleanLine).refine((value) => characters(value) <= max, message);

const shape: Record<string, z.ZodType<string>> = {};
priorityFields.forEach((field, i) => {
  shape[field] = line(dayLimits.priority, prioritiesMessages.priority(i + 1));
});
shape.agreedWith = line(dayLimits.agreedWith, prioritiesMessages.agreedWithLength).refine(
  (value) => value !== '',
  prioritiesMessages.agreedWith,
);
shape.practicalities = text
  .transform(cleanText)
  .refine(
    (value) => characters(value) <= dayLimits.practicalities,
    prioritiesMessages.practicalities,
  );

export const prioritiesSchema = z.object(shape).superRefine((values, ctx) => {
  if (priorityFields.every((field) => values[field] === '')) {
    ctx.addIssue({ code: 'custom', path: ['priority1'], message: prioritiesMessages.none });
  }
});

export type PrioritiesForm =
  | { ok: true; value: PrioritiesInput }
  | { ok: false; errors: FormErrors; values: Record<string, unknown> };

/** Reads the form: blanks dropped, errors in the order of the fields on the page. */
export function parsePrioritiesForm(body: unknown): PrioritiesForm {
  const values = rawValues(body);
  const parsed = prioritiesSchema.safeParse(values);
  if (!parsed.success) {
    const errors = emptyErrors();
    const position = (field: string) => fieldOrder.indexOf(field);
    const issues = [...parsed.error.issues].sort(
      (a, b) => position(String(a.path[0])) - position(String(b.path[0])),
    );
    for (const issue of issues)
      addError(errors, String(issue.path[0] ?? 'priority1'), issue.message);
    return { ok: false, errors, values };
  }
  const data = parsed.data;
  return {
    ok: true,
    value: {
      priorities: priorityFields.map((field) => data[field] ?? '').filter((p) => p !== ''),
      agreedWith: data.agreedWith ?? '',
      practicalities: data.practicalities || null,
    },
  };
}

/** The version the form was read at: 0 while nothing is recorded. */
export function prioritiesVersionOf(body: unknown): number {
  const raw =
    typeof body === 'object' && body !== null
      ? (body as Record<string, unknown>).version
      : undefined;
  if (typeof raw !== 'string' || !/^(0|[1-9]\d{0,8})$/.test(raw)) {
    throw new Invalid(
      'version',
      'The form was not complete. Go back, reload the page and try again',
    );
  }
  return Number(raw);
}

/** The priorities as the form's fields hold them. */
export function prioritiesValues(saved: PrioritiesInput | RecordedPriorities | null) {
  const values: Record<string, string> = {};
  priorityFields.forEach((field, i) => {
    values[field] = saved?.priorities[i] ?? '';
  });
  values.agreedWith = saved?.agreedWith ?? '';
  values.practicalities = saved?.practicalities ?? '';
  return values;
}

/** Each field as saved now beside what was entered, for the conflict page. */
export function prioritiesConflictRows(saved: RecordedPriorities | null, yours: PrioritiesInput) {
  const [now, typed] = [prioritiesValues(saved), prioritiesValues(yours)];
  const labels: Record<string, string> = {
    agreedWith: 'Agreed with',
    practicalities: 'Practicalities of the day',
  };
  priorityFields.forEach((field, i) => {
    labels[field] = `Priority ${i + 1}`;
  });
  return fieldOrder
    .filter((field) => now[field] !== '' || typed[field] !== '')
    .map((field) => ({
      label: labels[field] ?? field,
      saved: now[field] || 'None',
      yours: typed[field] || 'None',
    }));
}
