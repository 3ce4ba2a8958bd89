// A Spotlight's deadlines in working days, and how each stands on a given day, in the screens' words.
import { describe, expect, it } from 'vitest';
import {
  deadlineKeys,
  deadlineOf,
  defaultDeadlineOffsets,
  dueStatus,
  spotlightDeadlines,
  type Deadline,
  type DeadlineKey,
} from './deadlines.js';
import type { WorkingDayCalendar } from './working-days.js';

const england: WorkingDayCalendar = { region: 'england-and-wales', closures: [] };

/** Each deadline's due date by key, easier to read in a test than the sorted list. */
function dueDates(deadlines: readonly Deadline[]): Record<DeadlineKey, string> {
  return Object.fromEntries(deadlines.map((d) => [d.key, d.due])) as Record<DeadlineKey, string>;
}

describe('a Spotlight’s deadlines', () => {
  it('follows the guidance for a Spotlight on Thursday 14 January 2027', () => {
    const deadlines = spotlightDeadlines('2027-01-14', defaultDeadlineOffsets, england);
    expect(dueDates(deadlines)).toEqual({
      documents: '2027-01-07', // one week (5 working days) before
      nominations: '2027-01-07', // 5 working days before
      recordingAccess: '2027-01-13',
      memberRecords: '2027-01-15', // 1 working day after
      draftReport: '2027-02-04', // 15 working days after
      finalReport: '2027-02-11', // 5 working days after the draft
    });
    // In date order, each with its name in words.
    expect(deadlines.map((d) => d.key)).toEqual([...deadlineKeys]);
    expect(deadlines[0]?.name).toBe('Preparation documents sent to the Spotlight Team');
    expect(deadlineOf(deadlines, 'draftReport')).toBe('2027-02-04');
  });

  it('skips Christmas for a Spotlight just after it', () => {
    // Tuesday 5 January 2027: back past New Year's Day, the weekend and the Christmas holidays.
    const due = dueDates(spotlightDeadlines('2027-01-05', defaultDeadlineOffsets, england));
    expect(due.documents).toBe('2026-12-24');
    expect(due.nominations).toBe('2026-12-24');
    expect(due.recordingAccess).toBe('2027-01-04');
    expect(due.memberRecords).toBe('2027-01-06');
  });

  it('skips Easter for a Spotlight either side of it', () => {
    // Wednesday 31 March 2027, just after Easter Monday.
    const after = dueDates(spotlightDeadlines('2027-03-31', defaultDeadlineOffsets, england));
    expect(after.documents).toBe('2027-03-22');
    expect(after.recordingAccess).toBe('2027-03-30');
    // Wednesday 24 March 2027: the draft report's 15 working days run over Easter.
    const before = dueDates(spotlightDeadlines('2027-03-24', defaultDeadlineOffsets, england));
    expect(before.memberRecords).toBe('2027-03-25');
    expect(before.draftReport).toBe('2027-04-16');
  });

  it('moves with the council’s closure days', () => {
    const council: WorkingDayCalendar = { region: 'england-and-wales', closures: ['2027-01-07'] };
    const due = dueDates(spotlightDeadlines('2027-01-14', defaultDeadlineOffsets, council));
    expect(due.documents).toBe('2027-01-06');
  });

  it('counts with the offsets the council chose', () => {
    const offsets = {
      ...defaultDeadlineOffsets,
      documents: 10,
      nominations: 0,
      draftReport: 20,
      finalReport: 1,
    };
    const deadlines = spotlightDeadlines('2027-01-14', offsets, england);
    expect(dueDates(deadlines)).toEqual({
      documents: '2026-12-30', // over New Year's Day and the weekend
      nominations: '2027-01-14', // on the day itself
      recordingAccess: '2027-01-13',
      memberRecords: '2027-01-15',
      draftReport: '2027-02-11',
      finalReport: '2027-02-12',
    });
    expect(deadlines.map((d) => d.key)).toEqual([
      'documents',
      'recordingAccess',
      'nominations',
      'memberRecords',
      'draftReport',
      'finalReport',
    ]);
  });

  it('counts the final report from the day the draft arrived, when it came early', () => {
    const deadlines = spotlightDeadlines(
      '2027-01-14',
      defaultDeadlineOffsets,
      england,
      '2027-01-28',
    );
    expect(deadlineOf(deadlines, 'finalReport')).toBe('2027-02-04');
    expect(deadlineOf(deadlines, 'draftReport')).toBe('2027-02-04');
    // Same day: listed in the order of the process.
    expect(deadlines.slice(-2).map((d) => d.key)).toEqual(['draftReport', 'finalReport']);
    expect(() => deadlineOf([], 'documents')).toThrow('No deadline documents');
  });
});

describe('how a deadline stands', () => {
  it('is due today on the day', () => {
    expect(dueStatus('2027-01-14', '2027-01-14', england)).toEqual({
      state: 'today',
      workingDays: 0,
      text: 'due today',
    });
  });

  it('counts working days still to go', () => {
    expect(dueStatus('2027-01-14', '2027-01-13', england).text).toBe('due in 1 working day');
    // Thursday to the Tuesday after: Friday, Monday, Tuesday.
    expect(dueStatus('2027-01-12', '2027-01-07', england)).toEqual({
      state: 'upcoming',
      workingDays: 3,
      text: 'due in 3 working days',
    });
    // From a Saturday, Monday is the next working day.
    expect(dueStatus('2027-01-11', '2027-01-09', england).text).toBe('due in 1 working day');
  });

  it('counts working days late', () => {
    expect(dueStatus('2027-01-13', '2027-01-14', england)).toEqual({
      state: 'late',
      workingDays: 1,
      text: '1 working day late',
    });
    // Due Thursday 25 March 2027; Good Friday and Easter Monday do not count.
    expect(dueStatus('2027-03-25', '2027-03-31', england).text).toBe('2 working days late');
    // Due on a Friday and not in by the Saturday: late, if only by a day.
    expect(dueStatus('2027-01-15', '2027-01-16', england).text).toBe('1 working day late');
  });
});
