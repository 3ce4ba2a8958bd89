// The Lead's form to change one allocated child (another nominated child, or a new random draw
// with a reason) or to fill an empty place: its schema and everything its template needs.
import { z } from 'zod';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import type { AllocationSlotForm } from '../../allocation.service.js';
import type { SlotChange } from '../../allocation.slots.js';

export const maxRedrawReasonLength = 500;

/** A text field as a form sends it: a repeated field counts once, a missing one is blank. */
const text = z
  .preprocess((value) => (Array.isArray(value) ? (value[0] as unknown) : value), z.unknown())
  .transform((value) => (typeof value === 'string' ? value : ''));

/** One kind of line break, no hidden control characters (PostgreSQL refuses some), trimmed. */
function cleanText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
      .trim()
  );
}

export const slotSchema = z.object({
  nominationId: text.transform((value) => value.trim()),
  reason: text
    .transform(cleanText)
    .refine(
      (value) => [...value].length <= maxRedrawReasonLength,
      `The reason must be ${maxRedrawReasonLength} characters or fewer`,
    ),
});

/** The service's input from a parsed form and the version it was read at (null: an empty place). */
export function slotChangeOf(
  value: z.output<typeof slotSchema>,
  version: number | null,
): SlotChange {
  return { version, nominationId: value.nominationId, reason: value.reason };
}

export function fieldError(field: string, message: string): FormErrors {
  return addError(emptyErrors(), field, message);
}

/** What was typed, for the page shown again (never the version: the page gives the current one). */
export function typedValues(body: unknown): Record<string, unknown> {
  const values = rawValues(body);
  delete values.version;
  return values;
}

export const allocationHref = (spotlightId: string) => `/spotlights/${spotlightId}/day/allocation`;

/** The address a slot's form posts to. */
export function slotAction(form: AllocationSlotForm): string {
  const base = allocationHref(form.spotlight.id);
  return form.current
    ? `${base}/${form.current.id}/change`
    : `${base}/members/${form.member.id}/${form.kind}/add`;
}

/** The template's data for the form, its errors, or the conflict page. */
export function slotPageData(
  form: AllocationSlotForm,
  options: {
    values?: Record<string, unknown>;
    errors?: FormErrors;
    conflict?: boolean;
    nothingToDraw?: boolean;
  } = {},
) {
  const redraw = form.kind === 'random' && Boolean(form.current);
  const heading =
    form.kind === 'random'
      ? redraw
        ? `Draw a child again for ${form.member.name}`
        : `Draw a child at random for ${form.member.name}`
      : `${form.current ? 'Change' : 'Choose'} the child ${form.kind === 'proud' ? 'a worker is proud of' : 'a worker found challenging'} for ${form.member.name}`;
  const values = options.values ?? {};
  return {
    ...form,
    heading,
    redraw,
    action: slotAction(form),
    backLink: allocationHref(form.spotlight.id),
    values: { ...values, version: form.current ? String(form.current.version) : '' },
    errors: options.errors,
    conflict: options.conflict ?? false,
    nothingToDraw: options.nothingToDraw ?? false,
    maxReasonLength: maxRedrawReasonLength,
    optionItems: form.options.map((option) => ({
      value: option.nominationId,
      text: `${option.system} ${option.caseNumber}`,
      hint: {
        text: `Named by ${option.practitionerName}${option.reason ? `: ${option.reason}` : ''}`,
      },
      checked: values.nominationId === option.nominationId,
    })),
  };
}
