// The council settings form: whose bank holidays, each deadline's working days, and the LCS and EHM
// number formats. One zod schema, messages in the GOV.UK style, and what the page and conflict show.
import { z } from 'zod';
import {
  caseSystems,
  describeCaseNumberFormat,
  type CaseNumberFormats,
  type CaseSystem,
} from '../../../../core/case-numbers.js';
import {
  deadlineDirection,
  deadlineKeys,
  deadlineNames,
  maxDeadlineOffset,
  type DeadlineKey,
  type DeadlineOffsets,
} from '../../../../core/deadlines.js';
import { bankHolidayRegions, type BankHolidayRegion } from '../../../../core/working-days.js';
import { Invalid } from '../../../../platform/errors.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import type { CouncilSettings } from '../../council-settings.service.js';
import {
  caseNumberField,
  maxCaseNumberDigits,
  maxPrefixLength,
  type CouncilSettingsInput,
} from '../../council-settings.rules.js';

export const regionNames: Record<BankHolidayRegion, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/** Each deadline in a few words, for error messages. */
const deadlineShortNames: Record<DeadlineKey, string> = {
  documents: 'the preparation documents',
  nominations: 'the practitioners’ nominations',
  recordingAccess: 'access to the recording system',
  memberRecords: 'the Team Member Information Records',
  draftReport: 'the draft report',
  finalReport: 'the final report',
};

/** "Preparation documents sent to the Spotlight Team — working days before the Spotlight" */
export function deadlineLabel(key: DeadlineKey): string {
  const from = key === 'finalReport' ? 'the draft report reaches the QA team' : 'the Spotlight';
  return `${deadlineNames[key]} — working days ${deadlineDirection[key]} ${from}`;
}

const caseParts = ['prefix', 'minDigits', 'maxDigits'] as const;
type CasePart = (typeof caseParts)[number];

/** The fields in the order they are on the page (the error summary follows it). */
export const settingsFields: string[] = [
  'region',
  ...deadlineKeys,
  ...caseSystems.flatMap((system) => caseParts.map((part) => caseNumberField(system, part))),
];

function wholeNumber(messages: { empty: string; name: string }, min: number, max: number) {
  return z
    .string({ error: messages.empty })
    .trim()
    .min(1, messages.empty)
    .regex(/^\d{1,9}$/, `${messages.name} must be a whole number, like ${Math.max(min, 5)}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${messages.name} must be between ${min} and ${max}`);
}

const offsetField = (key: DeadlineKey) =>
  wholeNumber(
    {
      empty: `Enter the number of working days for ${deadlineShortNames[key]}`,
      name: `Working days for ${deadlineShortNames[key]}`,
    },
    0,
    maxDeadlineOffset,
  );

const prefixField = (system: CaseSystem) =>
  z
    .string()
    .optional()
    .transform((text) => (text ?? '').trim())
    .refine(
      (text) => text.length <= maxPrefixLength,
      `The letters ${system} numbers start with must be ${maxPrefixLength} letters or fewer`,
    )
    .refine(
      (text) => /^[A-Za-z]*$/.test(text),
      `The letters ${system} numbers start with must be letters only, like EHM`,
    );

const digitsField = (system: CaseSystem, which: 'fewest' | 'most') =>
  wholeNumber(
    {
      empty: `Enter the ${which} digits in an ${system} number`,
      name: `The ${which} digits in an ${system} number`,
    },
    1,
    maxCaseNumberDigits,
  );

const shape: Record<string, z.ZodType> = {
  region: z.enum(bankHolidayRegions, { error: 'Select whose bank holidays the council keeps' }),
};
for (const key of deadlineKeys) shape[key] = offsetField(key);
for (const system of caseSystems) {
  shape[caseNumberField(system, 'prefix')] = prefixField(system);
  shape[caseNumberField(system, 'minDigits')] = digitsField(system, 'fewest');
  shape[caseNumberField(system, 'maxDigits')] = digitsField(system, 'most');
}
export const settingsSchema = z.object(shape);

type SettingsForm =
  | { ok: true; value: CouncilSettingsInput }
  | { ok: false; errors: FormErrors; values: Record<string, unknown> };

const hrefOf = (field: string) => (field === 'region' ? '#region' : `#${field}`);

/** Reads the form: the schema, then fewest digits no more than most, errors in page order. */
export function parseSettingsForm(body: unknown): SettingsForm {
  const values = rawValues(body);
  const errors = emptyErrors();
  const parsed = settingsSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.') || 'form';
      addError(errors, field, issue.message, hrefOf(field));
    }
  }
  for (const system of caseSystems) {
    const [min, max] = [caseNumberField(system, 'minDigits'), caseNumberField(system, 'maxDigits')];
    if (errors.byField[min] || errors.byField[max]) continue;
    if (Number(values[max]) < Number(values[min])) {
      addError(
        errors,
        max,
        `The most digits in an ${system} number must be the same as or more than the fewest`,
      );
    }
  }
  const position = (href: string) => settingsFields.indexOf(href.slice(1));
  errors.list.sort((a, b) => position(a.href) - position(b.href));
  if (!parsed.success || errors.list.length > 0) return { ok: false, errors, values };
  const data = parsed.data as Record<string, unknown>;
  const offsets = Object.fromEntries(deadlineKeys.map((key) => [key, data[key]]));
  const formats = Object.fromEntries(
    caseSystems.map((system) => [
      system,
      Object.fromEntries(caseParts.map((part) => [part, data[caseNumberField(system, part)]])),
    ]),
  );
  return {
    ok: true,
    value: {
      region: data.region as BankHolidayRegion,
      deadlineOffsets: offsets as unknown as DeadlineOffsets,
      caseNumberFormats: formats as unknown as CaseNumberFormats,
    },
  };
}

/** The version the form was read at: 0 while the council still has the defaults. */
export function settingsVersionOf(body: unknown): number {
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

/** The settings as the form's fields hold them. */
export function settingsValues(settings: CouncilSettingsInput): Record<string, string> {
  const values: Record<string, string> = { region: settings.region };
  for (const key of deadlineKeys) values[key] = String(settings.deadlineOffsets[key]);
  for (const system of caseSystems) {
    for (const part of caseParts) {
      values[caseNumberField(system, part)] = String(settings.caseNumberFormats[system][part]);
    }
  }
  return values;
}

const casePartLabels: Record<CasePart, (system: CaseSystem) => string> = {
  prefix: (system) => `Letters each ${system} number starts with (optional)`,
  minDigits: () => 'Fewest digits',
  maxDigits: () => 'Most digits',
};

/** What the settings page shows, around the values typed or saved. */
export function settingsPageData(
  saved: CouncilSettings,
  values: Record<string, unknown>,
  errors?: FormErrors,
) {
  return {
    values,
    errors,
    version: saved.version,
    regionItems: bankHolidayRegions.map((region) => ({
      value: region,
      text: regionNames[region],
      checked: values.region === region,
    })),
    deadlineFields: deadlineKeys.map((key) => ({ name: key, label: deadlineLabel(key) })),
    caseNumberSections: caseSystems.map((system) => ({
      system,
      hint: describeCaseNumberFormat(system, saved.caseNumberFormats[system]),
      fields: caseParts.map((part) => ({
        name: caseNumberField(system, part),
        label: casePartLabels[part](system),
        hint:
          part === 'prefix'
            ? `Up to ${maxPrefixLength} letters, for example EHM. Leave it empty if ${system} numbers are only digits.`
            : undefined,
        isPrefix: part === 'prefix',
      })),
    })),
  };
}

/** Each setting as saved now beside what was entered, for the conflict page. */
export function settingsConflictRows(saved: CouncilSettingsInput, yours: CouncilSettingsInput) {
  const [now, typed] = [settingsValues(saved), settingsValues(yours)];
  const shown = (field: string, value: string | undefined) =>
    field === 'region' ? regionNames[value as BankHolidayRegion] : value === '' ? 'None' : value;
  const labels: Record<string, string> = { region: 'Bank holidays' };
  for (const key of deadlineKeys) labels[key] = deadlineLabel(key);
  for (const system of caseSystems) {
    for (const part of caseParts) {
      labels[caseNumberField(system, part)] =
        part === 'prefix'
          ? `Letters each ${system} number starts with`
          : `${casePartLabels[part](system)} in an ${system} number`;
    }
  }
  return settingsFields.map((field) => ({
    label: labels[field] ?? field,
    saved: shown(field, now[field]) ?? '',
    yours: shown(field, typed[field]) ?? '',
  }));
}
