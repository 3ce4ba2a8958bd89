// Working days: weekdays that are neither a bank holiday of the council's nation nor one of the
// council's own closure days. Deadlines ("5 working days before") and the timetable use them.
import Holidays from 'date-holidays';
import type { BankHolidayRegion } from './rota/plan.types.js';

export type { BankHolidayRegion } from './rota/plan.types.js';

export interface WorkingDayCalendar {
  region: BankHolidayRegion;
  /** The council's own closure days, YYYY-MM-DD. */
  closures: readonly string[];
}

export const bankHolidayRegions: readonly BankHolidayRegion[] = [
  'england-and-wales',
  'scotland',
  'northern-ireland',
];

const regionCodes: Record<BankHolidayRegion, string> = {
  // Wales has England's bank holidays (date-holidays lists them under both).
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

/** True when text is a real calendar date written YYYY-MM-DD (not 2027-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = datePattern.exec(text);
  if (!match) return false;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(time).toISOString().slice(0, 10) === text;
}

function toTime(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`${date} is not a date in the form YYYY-MM-DD`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The date `days` calendar days after (or before, when negative) `date`. */
export function addCalendarDays(date: string, days: number): string {
  return fromTime(toTime(date) + days * dayMs);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / dayMs);
}

/** The same day `months` later, or the month's last day when it has no such day (31 Jan + 1). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  toTime(date);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fromTime(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, last)));
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toTime(date)).getUTCDay();
}

const holidayCache = new Map<string, { date: string; name: string }[]>();

/** The public (bank) holidays of a year in a nation, substitute days included, in date order. */
export function bankHolidays(
  year: number,
  region: BankHolidayRegion,
): { date: string; name: string }[] {
  const key = `${region}:${year}`;
  const cached = holidayCache.get(key);
  if (cached) return cached.map((h) => ({ ...h }));
  const holidays = new Holidays('GB', regionCodes[region]);
  // h.date is the local date as text ("2027-03-29 00:00:00"); h.start shifts under BST.
  const found = (holidays.getHolidays(year) || [])
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }))
    .sort((a, b) => a.date.localeCompare(b.date));
  holidayCache.set(key, found);
  return found.map((h) => ({ ...h }));
}

const holidayDateCache = new Map<string, Set<string>>();

function holidayDates(year: number, region: BankHolidayRegion): Set<string> {
  const key = `${region}:${year}`;
  let dates = holidayDateCache.get(key);
  if (!dates) {
    dates = new Set(bankHolidays(year, region).map((h) => h.date));
    holidayDateCache.set(key, dates);
  }
  return dates;
}

export function isWorkingDay(date: string, calendar: WorkingDayCalendar): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  if (calendar.closures.includes(date)) return false;
  return !holidayDates(Number(date.slice(0, 4)), calendar.region).has(date);
}

/** Every working day from `from` to `to`, both included, in order (empty when to < from). */
export function workingDaysBetween(
  from: string,
  to: string,
  calendar: WorkingDayCalendar,
): string[] {
  const closures = new Set(calendar.closures);
  const days: string[] = [];
  const end = toTime(to);
  for (let time = toTime(from); time <= end; time += dayMs) {
    const date = fromTime(time);
    const weekday = new Date(time).getUTCDay();
    if (weekday === 0 || weekday === 6 || closures.has(date)) continue;
    if (holidayDates(Number(date.slice(0, 4)), calendar.region).has(date)) continue;
    days.push(date);
  }
  return days;
}

function stepWorkingDays(
  date: string,
  n: number,
  direction: 1 | -1,
  calendar: WorkingDayCalendar,
): string {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`The number of working days must be a whole number, 0 or more (not ${n})`);
  }
  let time = toTime(date);
  let counted = 0;
  while (counted < n) {
    time += direction * dayMs;
    if (isWorkingDay(fromTime(time), calendar)) counted += 1;
  }
  return fromTime(time);
}

/** "N working days after D": the Nth working day strictly after D (D itself when N is 0). */
export function addWorkingDays(date: string, n: number, calendar: WorkingDayCalendar): string {
  return stepWorkingDays(date, n, 1, calendar);
}

/** "N working days before D": the Nth working day strictly before D (D itself when N is 0). */
export function workingDaysBefore(date: string, n: number, calendar: WorkingDayCalendar): string {
  return stepWorkingDays(date, n, -1, calendar);
}
