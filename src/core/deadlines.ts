// A Spotlight's deadlines, counted in working days from its day (or, for the final report, from
// the day the draft reached the QA team), and how each stands today: "due in 3 working days".
import {
  addCalendarDays,
  addWorkingDays,
  workingDaysBefore,
  workingDaysBetween,
  type WorkingDayCalendar,
} from './working-days.js';

/** Each deadline's distance from the day, in working days; the council may change each. */
export interface DeadlineOffsets {
  /** The Team Manager sends the preparation documents: working days before the day. */
  documents: number;
  /** The Team Manager forwards practitioners' nominations: working days before the day. */
  nominations: number;
  /** Team members confirm they can use the team's recording system: working days before. */
  recordingAccess: number;
  /** Team Member Information Records are in: working days after the day. */
  memberRecords: number;
  /** The Lead sends the draft report to the QA team: working days after the day. */
  draftReport: number;
  /** The Head of Service QA and Safeguarding finalises it: working days after the draft arrives. */
  finalReport: number;
}

export type DeadlineKey = keyof DeadlineOffsets;

/** The guidance's deadlines ("one week" is taken as 5 working days). */
export const defaultDeadlineOffsets: DeadlineOffsets = Object.freeze({
  documents: 5,
  nominations: 5,
  recordingAccess: 1,
  memberRecords: 1,
  draftReport: 15,
  finalReport: 5,
});

export const deadlineKeys: readonly DeadlineKey[] = [
  'documents',
  'nominations',
  'recordingAccess',
  'memberRecords',
  'draftReport',
  'finalReport',
];

/** Which way each deadline counts from its starting date. */
export const deadlineDirection: Record<DeadlineKey, 'before' | 'after'> = {
  documents: 'before',
  nominations: 'before',
  recordingAccess: 'before',
  memberRecords: 'after',
  draftReport: 'after',
  finalReport: 'after',
};

/** What is due, in words for the screens. */
export const deadlineNames: Record<DeadlineKey, string> = {
  documents: 'Preparation documents sent to the Spotlight Team',
  nominations: 'Practitioners’ nominations collated and forwarded',
  recordingAccess: 'Team members have access to the team’s recording system',
  memberRecords: 'Team Member Information Records completed',
  draftReport: 'Draft report sent to the QA team',
  finalReport: 'Report finalised by the Head of Service QA and Safeguarding',
};

export const maxDeadlineOffset = 60;

export interface Deadline {
  key: DeadlineKey;
  name: string;
  /** YYYY-MM-DD */
  due: string;
}

/**
 * Every deadline of a Spotlight held on `day`, in date order. The final report counts from the day
 * the draft was submitted when it has been; until then, from the draft's own deadline.
 */
export function spotlightDeadlines(
  day: string,
  offsets: DeadlineOffsets,
  calendar: WorkingDayCalendar,
  draftSubmittedOn?: string,
): Deadline[] {
  const draftDue = addWorkingDays(day, offsets.draftReport, calendar);
  const dueOf: Record<DeadlineKey, string> = {
    documents: workingDaysBefore(day, offsets.documents, calendar),
    nominations: workingDaysBefore(day, offsets.nominations, calendar),
    recordingAccess: workingDaysBefore(day, offsets.recordingAccess, calendar),
    memberRecords: addWorkingDays(day, offsets.memberRecords, calendar),
    draftReport: draftDue,
    finalReport: addWorkingDays(draftSubmittedOn ?? draftDue, offsets.finalReport, calendar),
  };
  return deadlineKeys
    .map((key) => ({ key, name: deadlineNames[key], due: dueOf[key] }))
    .sort(
      (a, b) =>
        a.due.localeCompare(b.due) || deadlineKeys.indexOf(a.key) - deadlineKeys.indexOf(b.key),
    );
}

export function deadlineOf(deadlines: readonly Deadline[], key: DeadlineKey): string {
  const found = deadlines.find((d) => d.key === key);
  if (!found) throw new RangeError(`No deadline ${key}`);
  return found.due;
}

export interface DueStatus {
  /** 'upcoming' before the due date, 'today' on it, 'late' after it. */
  state: 'upcoming' | 'today' | 'late';
  /** Working days until the due date (upcoming) or since it (late); 0 today. */
  workingDays: number;
  /** "due in 3 working days", "due today", "2 working days late". */
  text: string;
}

const plural = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`;

/** How a due date stands on `today`, counted in working days. */
export function dueStatus(due: string, today: string, calendar: WorkingDayCalendar): DueStatus {
  if (due === today) return { state: 'today', workingDays: 0, text: 'due today' };
  if (today < due) {
    // Working days after today up to and including the due date: 1 means "tomorrow" at work.
    const n = Math.max(1, workingDaysBetween(addCalendarDays(today, 1), due, calendar).length);
    return { state: 'upcoming', workingDays: n, text: `due in ${plural(n)}` };
  }
  // Late by the working days that have passed since the due date (at least one).
  const n = Math.max(1, workingDaysBetween(addCalendarDays(due, 1), today, calendar).length);
  return { state: 'late', workingDays: n, text: `${plural(n)} late` };
}
