// The rules for the council's settings and closure days, checked by the service whatever a page
// sent: whole numbers in range, case number formats that make sense, closure days on working days.
import { caseSystems, type CaseNumberFormats, type CaseSystem } from '../../core/case-numbers.js';
import { deadlineKeys, maxDeadlineOffset, type DeadlineOffsets } from '../../core/deadlines.js';
import {
  bankHolidayRegions,
  bankHolidays,
  dayOfWeek,
  type BankHolidayRegion,
} from '../../core/working-days.js';
import { Invalid } from '../../platform/errors.js';
import { formatDate } from '../../platform/format.js';

/** What the settings form saves. */
export interface CouncilSettingsInput {
  region: BankHolidayRegion;
  deadlineOffsets: DeadlineOffsets;
  caseNumberFormats: CaseNumberFormats;
}

/** One setting that a save changed, for the audit log: "deadlineOffsets.documents" 5 -> 10. */
export interface SettingChange {
  setting: string;
  from: string | number;
  to: string | number;
}

export interface ClosureDayInput {
  date: string;
  reason: string | null;
}

export const maxPrefixLength = 5;
export const maxCaseNumberDigits = 20;
export const maxClosureReasonLength = 200;

/** The settings form's field for each case number setting: lcsPrefix, ehmMaxDigits... */
export function caseNumberField(
  system: CaseSystem,
  part: 'prefix' | 'minDigits' | 'maxDigits',
): string {
  return `${system.toLowerCase()}${part.charAt(0).toUpperCase()}${part.slice(1)}`;
}

const isWholeNumber = (n: number, min: number, max: number) =>
  Number.isInteger(n) && n >= min && n <= max;

/** The rules the settings form checks, checked again here: a service never trusts a page. */
export function checkSettings(input: CouncilSettingsInput): CouncilSettingsInput {
  if (!(bankHolidayRegions as readonly string[]).includes(input.region)) {
    throw new Invalid('region', 'Select whose bank holidays the council keeps');
  }
  for (const key of deadlineKeys) {
    if (!isWholeNumber(input.deadlineOffsets[key], 0, maxDeadlineOffset)) {
      throw new Invalid(key, `Enter a whole number of working days from 0 to ${maxDeadlineOffset}`);
    }
  }
  const formats = {} as CaseNumberFormats;
  for (const system of caseSystems) {
    const format = input.caseNumberFormats[system];
    if (!new RegExp(`^[A-Za-z]{0,${maxPrefixLength}}$`).test(format.prefix)) {
      throw new Invalid(
        caseNumberField(system, 'prefix'),
        `The letters ${system} numbers start with must be letters only, ${maxPrefixLength} at most`,
      );
    }
    for (const part of ['minDigits', 'maxDigits'] as const) {
      if (!isWholeNumber(format[part], 1, maxCaseNumberDigits)) {
        throw new Invalid(
          caseNumberField(system, part),
          `Enter a whole number of digits from 1 to ${maxCaseNumberDigits}`,
        );
      }
    }
    if (format.maxDigits < format.minDigits) {
      throw new Invalid(
        caseNumberField(system, 'maxDigits'),
        `The most digits in an ${system} number must be the same as or more than the fewest`,
      );
    }
    formats[system] = { ...format, prefix: format.prefix.toUpperCase() };
  }
  const offsets = Object.fromEntries(
    deadlineKeys.map((key) => [key, input.deadlineOffsets[key]]),
  ) as unknown as DeadlineOffsets;
  return { region: input.region, deadlineOffsets: offsets, caseNumberFormats: formats };
}

/** Every setting as one flat list, so that a save can say exactly what it changed. */
function flatSettings(settings: CouncilSettingsInput): Map<string, string | number> {
  const flat = new Map<string, string | number>([['region', settings.region]]);
  for (const key of deadlineKeys) flat.set(`deadlineOffsets.${key}`, settings.deadlineOffsets[key]);
  for (const system of caseSystems) {
    for (const [part, value] of Object.entries(settings.caseNumberFormats[system])) {
      flat.set(`caseNumberFormats.${system}.${part}`, value as string | number);
    }
  }
  return flat;
}

export function changesBetween(
  before: CouncilSettingsInput,
  after: CouncilSettingsInput,
): SettingChange[] {
  const was = flatSettings(before);
  return [...flatSettings(after)]
    .filter(([setting, to]) => was.get(setting) !== to)
    .map(([setting, to]) => ({ setting, from: was.get(setting) ?? '', to }));
}

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Why a day cannot be a closure day: it is not a working day anyway. */
export function notAWorkingDay(date: string, region: BankHolidayRegion): string | undefined {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) {
    return `${formatDate(date)} is a ${weekdayNames[weekday]}, so it is not a working day anyway`;
  }
  const holiday = bankHolidays(Number(date.slice(0, 4)), region).find((h) => h.date === date);
  if (holiday) {
    return `${formatDate(date)} is a bank holiday (${holiday.name}), so it is not a working day anyway`;
  }
  return undefined;
}

export function checkClosureReason(reason: string | null): string | null {
  if (reason === null || reason.trim() === '') return null;
  if ([...reason].length > maxClosureReasonLength) {
    throw new Invalid('reason', `Reason must be ${maxClosureReasonLength} characters or fewer`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(reason)) {
    throw new Invalid(
      'reason',
      'Reason must not include tabs, line breaks or other hidden characters',
    );
  }
  return reason.trim();
}
