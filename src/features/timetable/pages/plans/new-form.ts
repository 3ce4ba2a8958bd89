// The "Plan a new year" form: the period, the planning rules, and the council's closure days (one
// date a line). Dates and numbers get the GOV.UK Design System's messages.
import { z } from 'zod';
import { isCalendarDate } from '../../../../core/working-days.js';
import {
  addError,
  emptyErrors,
  hasErrors,
  rawValues,
  type FormErrors,
} from '../../../../platform/forms.js';
import { readDateRange } from '../../../../platform/date-input.js';
import { defaultSettings, type PlanSettings } from '../../plan-settings.js';
import type { DatePart } from './common.js';

/** Longest period one plan may cover: two years and a day for a leap year. */
export const maxPlanDays = 731;
export const maxClosureLines = 400;

/** What the form shows before anything is typed. */
export function newPlanDefaults(): Record<string, string> {
  return {
    maxSpotlightsPerDay: String(defaultSettings.maxSpotlightsPerDay),
    membersMin: String(defaultSettings.membersPerSpotlight.min),
    membersMax: String(defaultSettings.membersPerSpotlight.max),
    maxPerPersonPerYear: String(defaultSettings.maxPerPersonPerYear),
    maxLeadsPerPersonPerYear: String(defaultSettings.maxLeadsPerPersonPerYear),
    closures: '',
  };
}

function wholeNumber(label: string, min: number, max: number) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .regex(/^\d+$/, `${capitalise(label)} must be a whole number, like 2`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${capitalise(label)} must be between ${min} and ${max}`);
}

function capitalise(text: string): string {
  const unthe = text.replace(/^the /, '');
  return unthe.charAt(0).toUpperCase() + unthe.slice(1);
}

const closureLine = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** One closure date as typed: D/M/YYYY or YYYY-MM-DD. */
export function closureDate(text: string): string | undefined {
  const slashed = closureLine.exec(text);
  const date = slashed
    ? `${slashed[3]}-${slashed[2]?.padStart(2, '0')}-${slashed[1]?.padStart(2, '0')}`
    : text;
  return isCalendarDate(date) ? date : undefined;
}

const fieldOrder = [
  'from',
  'to',
  'maxSpotlightsPerDay',
  'membersMin',
  'membersMax',
  'maxPerPersonPerYear',
  'maxLeadsPerPersonPerYear',
  'closures',
];

const rulesSchema = z.object({
  maxSpotlightsPerDay: wholeNumber('the most Spotlights on one day', 1, 10),
  membersMin: wholeNumber('the fewest members in a Spotlight', 1, 10),
  membersMax: wholeNumber('the most members in a Spotlight', 1, 10),
  maxPerPersonPerYear: wholeNumber('the most times a person can be a member', 1, 52),
  maxLeadsPerPersonPerYear: wholeNumber('the most times a person can lead', 1, 250),
  closures: z
    .string()
    .optional()
    .transform((text, ctx) => {
      const lines = (text ?? '').split(/\r?\n/).map((line) => line.trim());
      const dates: string[] = [];
      if (lines.filter((line) => line !== '').length > maxClosureLines) {
        ctx.addIssue({
          code: 'custom',
          message: `Enter at most ${maxClosureLines} closure days`,
        });
        return dates;
      }
      for (const [i, line] of lines.entries()) {
        if (line === '') continue;
        const date = closureDate(line);
        if (!date) {
          ctx.addIssue({
            code: 'custom',
            message: `Closure day on line ${i + 1} must be a real date, like 24/12/2027 or 2027-12-24`,
          });
          return dates;
        }
        if (!dates.includes(date)) dates.push(date);
      }
      return dates.sort();
    }),
});

export type NewPlanForm =
  | { ok: true; value: PlanSettings }
  | {
      ok: false;
      errors: FormErrors;
      errorParts: Record<string, DatePart[]>;
      values: Record<string, unknown>;
    };

export function parseNewPlanForm(body: unknown): NewPlanForm {
  const values = rawValues(body);
  const errors = emptyErrors();
  const { dates, errorParts } = readDateRange(values, errors);
  if (dates.from && dates.to) {
    const days = (Date.parse(dates.to) - Date.parse(dates.from)) / 86_400_000;
    if (days < 0) addError(errors, 'to', 'End date must be after the start date', '#to-day');
    else if (days >= maxPlanDays)
      addError(errors, 'to', 'End date must be within 2 years of the start date', '#to-day');
  }
  const parsed = rulesSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.') || 'form';
      addError(errors, field, issue.message);
    }
  }
  // Checked apart from the schema so that it is reported alongside the other fields' problems.
  const fewest = Number(values.membersMin);
  const most = Number(values.membersMax);
  if (
    !errors.byField.membersMin &&
    Number.isInteger(fewest) &&
    Number.isInteger(most) &&
    most < fewest
  ) {
    addError(
      errors,
      'membersMax',
      'The most members in a Spotlight must be the same as or more than the fewest',
    );
  }
  // The error summary lists problems in the order of the fields on the page.
  const position = (href: string) => fieldOrder.findIndex((f) => href.startsWith(`#${f}`));
  errors.list.sort((a, b) => position(a.href) - position(b.href));
  if (hasErrors(errors) || !parsed.success || !dates.from || !dates.to) {
    return { ok: false, errors, errorParts, values };
  }
  const rules = parsed.data;
  return {
    ok: true,
    value: {
      ...defaultSettings,
      from: dates.from,
      to: dates.to,
      closures: rules.closures,
      maxSpotlightsPerDay: rules.maxSpotlightsPerDay,
      membersPerSpotlight: { min: rules.membersMin, max: rules.membersMax },
      maxPerPersonPerYear: rules.maxPerPersonPerYear,
      maxLeadsPerPersonPerYear: rules.maxLeadsPerPersonPerYear,
    },
  };
}
