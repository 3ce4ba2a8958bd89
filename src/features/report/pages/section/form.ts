// A section's form: the summary's or the context's text, or a theme's three texts, its grade
// judgement and the evidence it rests on. Every text is optional and up to the limit; the grade
// and the evidence are checked against the scale and the board by the service.
import { z } from 'zod';
import { isThemeSection, type SectionKey } from '../../../../core/report/report-model.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import { characters, cleanText } from '../../../day/day-input.js';
import {
  draftingLimits,
  draftingMessages,
  themeTextFields,
  type SectionInput,
} from '../../report-drafting.rules.js';
import type { SectionView } from '../../report-drafting.service.js';

/** A text field as a form sends it: a repeated field counts once, a missing one is blank. */
const first = z
  .preprocess((value) => (Array.isArray(value) ? (value[0] as unknown) : value), z.unknown())
  .transform((value) => (typeof value === 'string' ? value : ''));

const longText = (name: string) =>
  first
    .transform(cleanText)
    .refine(
      (value) => characters(value) <= draftingLimits.text,
      draftingMessages.tooLong(name, draftingLimits.text),
    );

/** Ticked checkboxes: none, one (a string) or several (an array). */
const ticked = z
  .preprocess(
    (value) => (Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value]),
    z.array(z.unknown()),
  )
  .transform((list) => list.filter((v): v is string => typeof v === 'string' && v !== ''));

export const introNames = { summary: 'Summary', context: 'About the team' } as const;

const schemas = {
  summary: z.object({ body: longText(introNames.summary) }),
  context: z.object({ body: longText(introNames.context) }),
  theme: z.object({
    workingWell: longText(themeTextFields[0].name),
    toImprove: longText(themeTextFields[1].name),
    forChildren: longText(themeTextFields[2].name),
    grade: first,
    evidence: ticked,
  }),
};

/** What the form shows typed, field by field. */
export interface SectionValues {
  body: string;
  workingWell: string;
  toImprove: string;
  forChildren: string;
  grade: string;
  evidence: string[];
}

export type SectionForm =
  | { ok: true; value: SectionInput; values: SectionValues }
  | { ok: false; errors: FormErrors; values: SectionValues };

const order = ['body', 'workingWell', 'toImprove', 'forChildren', 'grade', 'evidence'];

export function typedValues(body: unknown): SectionValues {
  const raw = rawValues(body);
  const text = (key: string) => first.parse(raw[key]);
  return {
    body: text('body'),
    workingWell: text('workingWell'),
    toImprove: text('toImprove'),
    forChildren: text('forChildren'),
    grade: text('grade'),
    evidence: ticked.parse(raw.evidence),
  };
}

export function savedValues(view: SectionView): SectionValues {
  const c = view.content;
  if (!('grade' in c)) {
    return { ...typedValues({}), body: c.body };
  }
  return {
    body: '',
    workingWell: c.workingWell,
    toImprove: c.toImprove,
    forChildren: c.forChildren,
    grade: c.grade ?? '',
    evidence: c.evidenceIds,
  };
}

/** Reads the form for this section: errors in the order of the fields on the page. */
export function parseSectionForm(key: SectionKey, body: unknown): SectionForm {
  const values = typedValues(body);
  const raw = rawValues(body);
  if (!isThemeSection(key)) {
    const parsed = schemas[key].safeParse(raw);
    if (parsed.success) return { ok: true, value: { body: parsed.data.body }, values };
    return { ok: false, errors: errorsOf(parsed.error.issues), values };
  }
  const parsed = schemas.theme.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error.issues), values };
  const { workingWell, toImprove, forChildren, grade, evidence } = parsed.data;
  return {
    ok: true,
    value: {
      workingWell,
      toImprove,
      forChildren,
      grade: grade === '' ? null : grade,
      evidenceIds: evidence,
    },
    values,
  };
}

function errorsOf(issues: readonly z.core.$ZodIssue[]): FormErrors {
  const sorted = [...issues].sort(
    (a, b) => order.indexOf(String(a.path[0])) - order.indexOf(String(b.path[0])),
  );
  const errors = emptyErrors();
  for (const issue of sorted) addError(errors, String(issue.path[0]), issue.message);
  return errors;
}

/** Each changed field as saved now beside what was entered, for the conflict page. */
export function conflictRows(
  key: SectionKey,
  saved: SectionValues,
  yours: SectionValues,
  evidenceName: (id: string) => string,
) {
  const named = (ids: readonly string[]) => (ids.length ? ids.map(evidenceName) : ['None']);
  const rows = isThemeSection(key)
    ? [
        ...themeTextFields.map(({ field, name }) => ({
          label: name,
          saved: [saved[field]],
          yours: [yours[field]],
        })),
        {
          label: 'Grade judgement',
          saved: [saved.grade || 'None'],
          yours: [yours.grade || 'None'],
        },
        {
          label: 'Evidence the grade rests on',
          saved: named(saved.evidence),
          yours: named(yours.evidence),
        },
      ]
    : [{ label: introNames[key], saved: [saved.body], yours: [yours.body] }];
  return rows.filter((row) => row.saved.join('\n') !== row.yours.join('\n'));
}
