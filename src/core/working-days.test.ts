import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  bankHolidayRegions,
  bankHolidays,
  dayOfWeek,
  isCalendarDate,
  isWorkingDay,
  workingDaysBefore,
  workingDaysBetween,
  type WorkingDayCalendar,
} from './working-days.js';

const england: WorkingDayCalendar = { region: 'england-and-wales', closures: [] };
const scotland: WorkingDayCalendar = { region: 'scotland', closures: [] };
const northernIreland: WorkingDayCalendar = { region: 'northern-ireland', closures: [] };

describe('working days', () => {
  it('skips weekends', () => {
    expect(isWorkingDay('2027-01-08', england)).toBe(true); // Friday
    expect(isWorkingDay('2027-01-09', england)).toBe(false); // Saturday
    expect(isWorkingDay('2027-01-10', england)).toBe(false); // Sunday
    expect(addWorkingDays('2027-01-08', 1, england)).toBe('2027-01-11');
  });

  it('knows the bank holidays of England and Wales, including substitute days', () => {
    const dates = bankHolidays(2027, 'england-and-wales').map((h) => h.date);
    expect(dates).toContain('2027-03-29'); // Easter Monday
    expect(dates).toContain('2027-12-27'); // Christmas Day (substitute day)
    expect(dates).toContain('2027-12-28'); // Boxing Day (substitute day)
    expect(isWorkingDay('2027-03-29', england)).toBe(false);
    expect(isWorkingDay('2027-03-26', england)).toBe(false); // Good Friday
    expect(isWorkingDay('2027-11-30', england)).toBe(true);
  });

  it('knows the bank holidays of Scotland', () => {
    expect(isWorkingDay('2027-03-29', scotland)).toBe(true); // no Easter Monday
    expect(isWorkingDay('2027-11-30', scotland)).toBe(false); // St Andrew's Day
    // St Andrew's Day 2025 is a Sunday: the Monday after is the substitute day.
    expect(bankHolidays(2025, 'scotland').map((h) => h.date)).toContain('2025-12-01');
    expect(isWorkingDay('2025-12-01', scotland)).toBe(false);
    expect(isWorkingDay('2025-12-01', england)).toBe(true);
    expect(isWorkingDay('2027-01-04', scotland)).toBe(false); // 2 January, substitute day
    expect(isWorkingDay('2027-08-02', scotland)).toBe(false); // summer bank holiday
    expect(isWorkingDay('2027-08-30', scotland)).toBe(true);
  });

  it('knows the bank holidays of Northern Ireland', () => {
    expect(isWorkingDay('2027-07-12', northernIreland)).toBe(false); // Battle of the Boyne
    expect(isWorkingDay('2027-03-17', northernIreland)).toBe(false); // St Patrick's Day
    expect(isWorkingDay('2027-07-12', england)).toBe(true);
  });

  it("honours the council's closure days", () => {
    const council: WorkingDayCalendar = { region: 'england-and-wales', closures: ['2027-12-24'] };
    expect(isWorkingDay('2027-12-24', england)).toBe(true);
    expect(isWorkingDay('2027-12-24', council)).toBe(false);
    // Thursday 23 December, then the closure, the weekend, two substitute days, 29 December.
    expect(addWorkingDays('2027-12-23', 1, council)).toBe('2027-12-29');
    expect(workingDaysBetween('2027-12-20', '2027-12-31', council)).toEqual([
      '2027-12-20',
      '2027-12-21',
      '2027-12-22',
      '2027-12-23',
      '2027-12-29',
      '2027-12-30',
      '2027-12-31',
    ]);
  });

  it('counts strictly after or before the date', () => {
    // Thursday 25 March 2027; Good Friday and Easter Monday are bank holidays.
    expect(addWorkingDays('2027-03-25', 1, england)).toBe('2027-03-30');
    expect(addWorkingDays('2027-03-25', 5, england)).toBe('2027-04-05');
    expect(workingDaysBefore('2027-03-30', 1, england)).toBe('2027-03-25');
    expect(workingDaysBefore('2027-03-30', 5, england)).toBe('2027-03-19');
    // A weekend day counts from itself too.
    expect(addWorkingDays('2027-01-09', 1, england)).toBe('2027-01-11');
    expect(workingDaysBefore('2027-01-09', 1, england)).toBe('2027-01-08');
    expect(addWorkingDays('2027-01-08', 0, england)).toBe('2027-01-08');
  });

  it('lists working days across a year, both ends included', () => {
    const days = workingDaysBetween('2027-01-01', '2027-12-31', england);
    expect(days[0]).toBe('2027-01-04');
    expect(days.at(-1)).toBe('2027-12-31');
    expect(days).toHaveLength(261 - 8); // 261 weekdays, 8 of them bank holidays
    expect(workingDaysBetween('2027-01-05', '2027-01-04', england)).toEqual([]);
  });

  it('refuses dates that do not exist and counts that are not whole numbers', () => {
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('27-01-01')).toBe(false);
    expect(() => addWorkingDays('2027-02-30', 1, england)).toThrow('not a date');
    expect(() => addWorkingDays('2027-02-01', -1, england)).toThrow('whole number');
    expect(() => workingDaysBefore('2027-02-01', 1.5, england)).toThrow('whole number');
  });

  it('adds months, keeping to the end of shorter months', () => {
    expect(addMonths('2026-03-10', 12)).toBe('2027-03-10');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });
});

describe('working days around the holidays', () => {
  it('skips Christmas 2026 in England and Wales, with the substitute for Boxing Day', () => {
    expect(dayOfWeek('2026-12-25')).toBe(5); // Friday
    expect(isWorkingDay('2026-12-24', england)).toBe(true);
    expect(isWorkingDay('2026-12-25', england)).toBe(false); // Christmas Day
    expect(isWorkingDay('2026-12-26', england)).toBe(false); // Boxing Day, a Saturday
    expect(isWorkingDay('2026-12-28', england)).toBe(false); // Boxing Day (substitute day)
    expect(isWorkingDay('2026-12-29', england)).toBe(true);
    expect(addWorkingDays('2026-12-24', 1, england)).toBe('2026-12-29');
    expect(workingDaysBefore('2026-12-29', 1, england)).toBe('2026-12-24');
  });

  it('skips Easter 2027: Good Friday and Easter Monday', () => {
    expect(isWorkingDay('2027-03-25', england)).toBe(true);
    expect(isWorkingDay('2027-03-26', england)).toBe(false); // Good Friday
    expect(isWorkingDay('2027-03-29', england)).toBe(false); // Easter Monday
    expect(workingDaysBefore('2027-03-30', 1, england)).toBe('2027-03-25');
    expect(addWorkingDays('2027-03-25', 1, england)).toBe('2027-03-30');
    // Scotland has Good Friday but not Easter Monday.
    expect(isWorkingDay('2027-03-26', scotland)).toBe(false);
    expect(workingDaysBefore('2027-03-30', 1, scotland)).toBe('2027-03-29');
  });

  it("moves Scotland's 2 January to a weekday when it falls at a weekend", () => {
    // 1 January 2028 is a Saturday and 2 January a Sunday: Monday 3 and Tuesday 4 are holidays.
    const scottish = bankHolidays(2028, 'scotland');
    expect(scottish.filter((h) => h.name.includes('substitute')).map((h) => h.date)).toEqual([
      '2028-01-03',
      '2028-01-04',
    ]);
    expect(isWorkingDay('2028-01-03', scotland)).toBe(false);
    expect(isWorkingDay('2028-01-04', scotland)).toBe(false);
    expect(addWorkingDays('2027-12-31', 1, scotland)).toBe('2028-01-05');
    // England and Wales have only New Year's Day, on Monday 3 January.
    expect(isWorkingDay('2028-01-03', england)).toBe(false);
    expect(isWorkingDay('2028-01-04', england)).toBe(true);
    expect(addWorkingDays('2027-12-31', 1, england)).toBe('2028-01-04');
  });
});

// Any date from 2025 to 2030, a count of working days, a nation and a few closure days near it.
const firstDay = '2025-01-01';
const lastDayIndex = 6 * 365 + 1;
const cases = fc
  .record({
    dayIndex: fc.integer({ min: 0, max: lastDayIndex }),
    n: fc.integer({ min: 0, max: 40 }),
    region: fc.constantFrom(...bankHolidayRegions),
    closureOffsets: fc.uniqueArray(fc.integer({ min: -70, max: 70 }), { maxLength: 6 }),
  })
  .map(({ dayIndex, n, region, closureOffsets }) => {
    const day = addCalendarDays(firstDay, dayIndex);
    const calendar: WorkingDayCalendar = {
      region,
      closures: closureOffsets.map((offset) => addCalendarDays(day, offset)),
    };
    return { day, n, calendar };
  });

/** Checked from first principles, not through isWorkingDay. */
function isDayOff(date: string, calendar: WorkingDayCalendar): boolean {
  const weekday = dayOfWeek(date);
  const holidays = bankHolidays(Number(date.slice(0, 4)), calendar.region).map((h) => h.date);
  return (
    weekday === 0 || weekday === 6 || holidays.includes(date) || calendar.closures.includes(date)
  );
}

describe('working days, for any working day, count and calendar', () => {
  it('comes back to the start: N after, then N before (and the other way round)', () => {
    fc.assert(
      fc.property(cases, ({ day, n, calendar }) => {
        fc.pre(isWorkingDay(day, calendar));
        expect(workingDaysBefore(addWorkingDays(day, n, calendar), n, calendar)).toBe(day);
        expect(addWorkingDays(workingDaysBefore(day, n, calendar), n, calendar)).toBe(day);
      }),
      { numRuns: 400 },
    );
  });

  it('lands strictly after or before the day, never on a weekend, bank holiday or closure day', () => {
    fc.assert(
      fc.property(cases, ({ day, n, calendar }) => {
        fc.pre(n >= 1);
        const after = addWorkingDays(day, n, calendar);
        const before = workingDaysBefore(day, n, calendar);
        expect(after > day).toBe(true);
        expect(before < day).toBe(true);
        expect(isDayOff(after, calendar)).toBe(false);
        expect(isDayOff(before, calendar)).toBe(false);
        // Exactly N working days lie after the day, up to and including the result.
        expect(workingDaysBetween(addCalendarDays(day, 1), after, calendar)).toHaveLength(n);
        expect(workingDaysBetween(before, addCalendarDays(day, -1), calendar)).toHaveLength(n);
      }),
      { numRuns: 400 },
    );
  });

  it('goes further with each extra working day', () => {
    fc.assert(
      fc.property(cases, ({ day, n, calendar }) => {
        expect(addWorkingDays(day, n + 1, calendar) > addWorkingDays(day, n, calendar)).toBe(true);
        expect(workingDaysBefore(day, n + 1, calendar) < workingDaysBefore(day, n, calendar)).toBe(
          true,
        );
      }),
      { numRuns: 400 },
    );
  });
});
