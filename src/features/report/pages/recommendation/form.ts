// The recommendation form: its theme, what will change, who owns it, by when (a GOV.UK date input),
// how it will be measured, the baseline and the target. Only the theme and what will change are
// required; the quality checks flag the rest without blocking.
import { z } from 'zod';
import { themeOf, themes, isThemeKey } from '../../../../core/record-themes.js';
import type { RecommendationContent } from '../../../../core/report/report-model.js';
import { parseDateInput, type DateInputPart } from '../../../../platform/date-input.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import { characters, cleanLine, cleanText } from '../../../day/day-input.js';
import {
  draftingLimits,
  draftingMessages,
  type RecommendationInput,
} from '../../report-drafting.rules.js';

const first = z
  .preprocess((value) => (Array.isArray(value) ? (value[0] as unknown) : value), z.unknown())
  .transform((value) => (typeof value === 'string' ? value : ''));

const tooLong = (name: string, limit: number) => draftingMessages.tooLong(name, limit);
const within = (clean: (s: string) => string, name: string, limit: number) =>
  first.transform(clean).refine((v) => characters(v) <= limit, tooLong(name, limit));

const schema = z.object({
  theme: first.refine(isThemeKey, draftingMessages.theme),
  action: within(cleanText, 'What will change', draftingLimits.text).refine(
    (v) => v !== '',
    draftingMessages.action,
  ),
  owner: within(cleanLine, 'Who owns it', draftingLimits.owner),
  measure: within(cleanText, 'How it will be measured', draftingLimits.text),
  baseline: within(cleanLine, 'Baseline', draftingLimits.measurePoint),
  target: within(cleanLine, 'Target', draftingLimits.measurePoint),
});

const fieldOrder = ['theme', 'action', 'owner', 'dueOn', 'measure', 'baseline', 'target'];

/** What the form shows typed. */
export interface RecommendationValues {
  theme: string;
  action: string;
  owner: string;
  'dueOn-day': string;
  'dueOn-month': string;
  'dueOn-year': string;
  measure: string;
  baseline: string;
  target: string;
}

export type RecommendationForm =
  | { ok: true; value: RecommendationInput; values: RecommendationValues }
  | {
      ok: false;
      errors: FormErrors;
      values: RecommendationValues;
      dateParts: DateInputPart[];
    };

export function typedValues(body: unknown): RecommendationValues {
  const raw = rawValues(body);
  const text = (key: keyof RecommendationValues) => first.parse(raw[key]);
  return {
    theme: text('theme'),
    action: text('action'),
    owner: text('owner'),
    'dueOn-day': text('dueOn-day'),
    'dueOn-month': text('dueOn-month'),
    'dueOn-year': text('dueOn-year'),
    measure: text('measure'),
    baseline: text('baseline'),
    target: text('target'),
  };
}

export function savedValues(saved: RecommendationContent | null): RecommendationValues {
  const [year = '', month = '', day = ''] = saved?.dueOn ? saved.dueOn.split('-') : [];
  return {
    theme: saved?.theme ?? '',
    action: saved?.action ?? '',
    owner: saved?.owner ?? '',
    'dueOn-day': day.replace(/^0/, ''),
    'dueOn-month': month.replace(/^0/, ''),
    'dueOn-year': year,
    measure: saved?.measure ?? '',
    baseline: saved?.baseline ?? '',
    target: saved?.target ?? '',
  };
}

/** Reads the form: errors in the order of the fields on the page. */
export function parseRecommendationForm(body: unknown): RecommendationForm {
  const values = typedValues(body);
  const parsed = schema.safeParse(rawValues(body));
  const found: { field: string; text: string; href?: string }[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      found.push({ field: String(issue.path[0]), text: issue.message });
    }
  }
  let dueOn = '';
  let dateParts: DateInputPart[] = [];
  const anyDate = [values['dueOn-day'], values['dueOn-month'], values['dueOn-year']].some(
    (part) => part.trim() !== '',
  );
  if (anyDate) {
    const date = parseDateInput(rawValues(body), 'dueOn', 'By when');
    if ('date' in date) dueOn = date.date;
    else {
      dateParts = date.parts;
      found.push({ field: 'dueOn', text: date.message, href: `#dueOn-${date.parts[0] ?? 'day'}` });
    }
  }
  if (!parsed.success || found.length > 0) {
    const errors = emptyErrors();
    found
      .sort((a, b) => fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field))
      .forEach((e) => addError(errors, e.field, e.text, e.href));
    return { ok: false, errors, values, dateParts };
  }
  const data = parsed.data;
  return { ok: true, value: { ...data, dueOn }, values };
}

/** The theme radios. */
export function themeItems(values: RecommendationValues) {
  return themes.map((theme) => ({
    value: theme.key,
    text: theme.name,
    checked: values.theme === theme.key,
  }));
}

/** 30 April 2027, or '' when there is no date. */
function longDate(date: string | undefined): string {
  if (!date) return '';
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Each changed field as saved now beside what was entered, for the conflict page. */
export function conflictRows(saved: RecommendationContent, yours: RecommendationInput) {
  const themeName = (key: string) => (isThemeKey(key) ? themeOf(key).name : '');
  const none = (value: string | undefined) => (value ? value : 'Not given');
  return [
    { label: 'Theme', saved: themeName(saved.theme), yours: themeName(yours.theme) },
    { label: 'What will change', saved: saved.action, yours: yours.action },
    { label: 'Who owns it', saved: none(saved.owner), yours: none(yours.owner) },
    { label: 'By when', saved: none(longDate(saved.dueOn)), yours: none(longDate(yours.dueOn)) },
    { label: 'How it will be measured', saved: none(saved.measure), yours: none(yours.measure) },
    { label: 'Baseline', saved: none(saved.baseline), yours: none(yours.baseline) },
    { label: 'Target', saved: none(saved.target), yours: none(yours.target) },
  ].filter((row) => row.saved !== row.yours);
}
