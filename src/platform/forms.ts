// Form handling in the GOV.UK pattern: a zod schema per form; failures become an error summary
// ("There is a problem") whose links point at each field, and the same message beside the field.
import type { z } from 'zod';
import { Invalid } from './errors.js';

export interface FieldError {
  text: string;
  href: string;
}

export interface FormErrors {
  /** For govukErrorSummary's errorList, in the order of the fields on the page. */
  list: FieldError[];
  /** For each component's errorMessage: `errors.byField.email`. */
  byField: Record<string, { text: string }>;
}

export type FormResult<T> =
  { ok: true; value: T } | { ok: false; errors: FormErrors; values: Record<string, unknown> };

/** The raw body as the page should show it again: every field as the user typed it. */
export function rawValues(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null) return {};
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key !== '_csrf') values[key] = value;
  }
  return values;
}

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const parsed = schema.safeParse(typeof body === 'object' && body !== null ? body : {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = emptyErrors();
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    addError(errors, field, issue.message);
  }
  return { ok: false, errors, values: rawValues(body) };
}

export function emptyErrors(): FormErrors {
  return { list: [], byField: {} };
}

/** Adds one message for a field (the first message for a field wins, as GOV.UK shows one). */
export function addError(
  errors: FormErrors,
  field: string,
  text: string,
  href = `#${field}`,
): FormErrors {
  if (errors.byField[field]) return errors;
  errors.byField[field] = { text };
  errors.list.push({ text, href });
  return errors;
}

export function errorsFromInvalid(error: Invalid): FormErrors {
  return addError(emptyErrors(), error.field, error.message);
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.list.length > 0;
}

/**
 * The version a shared record's form was read at (lost-update protection). Only missing or odd if
 * the page was tampered with.
 */
export function versionOf(body: unknown): number {
  const raw =
    typeof body === 'object' && body !== null
      ? (body as Record<string, unknown>).version
      : undefined;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,8}$/.test(raw)) {
    throw new Invalid(
      'version',
      'The form was not complete. Go back, reload the page and try again',
    );
  }
  return Number(raw);
}
