// GOV.UK date inputs (day, month, year boxes) read into a calendar date, with the Design System's
// error messages ("Start date must include a month", "Start date must be a real date").
import { addError, type FormErrors } from './forms.js';

export type DateInputPart = 'day' | 'month' | 'year';
export type DateResult = { date: string } | { message: string; parts: DateInputPart[] };

/** The day, month and year boxes of a GOV.UK date input, marked when they are wrong. */
export function dateInputItems(parts: readonly DateInputPart[] | undefined) {
  return (['day', 'month', 'year'] as const).map((name) => ({
    name,
    classes: name === 'year' ? 'govuk-input--width-4' : 'govuk-input--width-2',
    ...(parts && parts.length > 0 ? { error: parts.includes(name) } : {}),
  }));
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Reads a GOV.UK date input, with the Design System's error messages. Months may be words. */
export function parseDateInput(
  values: Record<string, unknown>,
  prefix: string,
  label: string,
): DateResult {
  const text = (part: DateInputPart) => asText(values[`${prefix}-${part}`]).trim();
  const typed = { day: text('day'), month: text('month'), year: text('year') };
  const missing = (['day', 'month', 'year'] as const).filter((part) => typed[part] === '');
  if (missing.length === 3) return { message: `Enter the ${label.toLowerCase()}`, parts: [] };
  if (missing.length > 0)
    return { message: `${label} must include a ${missing.join(' and ')}`, parts: missing };
  const monthWord = months.indexOf(typed.month.slice(0, 3).toLowerCase());
  const month = /^\d{1,2}$/.test(typed.month) ? Number(typed.month) : monthWord + 1;
  const day = /^\d{1,2}$/.test(typed.day) ? Number(typed.day) : 0;
  if (!/^\d{4}$/.test(typed.year)) {
    return /^\d+$/.test(typed.year)
      ? { message: 'Year must include 4 numbers', parts: ['year'] }
      : { message: `${label} must be a real date`, parts: ['year'] };
  }
  const year = Number(typed.year);
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    date.getUTCDate() === day &&
    date.getUTCMonth() === month - 1;
  if (!real || year < 1900) return { message: `${label} must be a real date`, parts: [] };
  return { date: date.toISOString().slice(0, 10) };
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * A start date (`from-*` boxes) and an end date (`to-*`), each checked as parseDateInput does; any
 * problem goes into `errors`, and `errorParts` says which boxes to mark.
 */
export function readDateRange(values: Record<string, unknown>, errors: FormErrors) {
  const errorParts: Record<string, DateInputPart[]> = {};
  const dates: { from?: string; to?: string } = {};
  for (const [prefix, label] of [
    ['from', 'Start date'],
    ['to', 'End date'],
  ] as const) {
    const result = parseDateInput(values, prefix, label);
    if ('date' in result) dates[prefix] = result.date;
    else {
      addError(errors, prefix, result.message, `#${prefix}-${result.parts[0] ?? 'day'}`);
      errorParts[prefix] = result.parts;
    }
  }
  return { dates, errorParts };
}
