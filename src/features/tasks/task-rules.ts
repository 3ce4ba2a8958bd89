// Who must do what next for a Spotlight, and by when: the rules behind "Your tasks", pure so that
// each later stage (the day, records, the report, actions) adds its own rule here.
import {
  deadlineOf,
  dueStatus,
  type Deadline,
  type DeadlineKey,
  type DueStatus,
} from '../../core/deadlines.js';
import {
  addCalendarDays,
  workingDaysBefore,
  type WorkingDayCalendar,
} from '../../core/working-days.js';
import type { Role } from '../../platform/policy.js';
import type { ReadinessFacts, ReadinessState } from '../preparation/readiness.service.js';

/** A Spotlight as the task rules see it. */
export interface TaskSpotlight {
  id: string;
  /** The day, YYYY-MM-DD. */
  date: string;
  teamName: string;
  /** 'LCS' or 'EHM'. */
  recordingSystem: string;
  leadPersonId: string | null;
  memberPersonIds: readonly string[];
  managerPersonIds: readonly string[];
  headOfServicePersonId: string | null;
  /** The visited team's staff other than its managers. */
  practitionerPersonIds: readonly string[];
  deadlines: readonly Deadline[];
}

export interface TaskRuleInput {
  personId: string;
  role: Role;
  spotlight: TaskSpotlight;
  /** What is in for the Spotlight's preparation. */
  facts: ReadinessFacts;
  /** The readiness checklist's states and due dates (for the QA team's chasing). */
  readiness: readonly { state: ReadinessState; due: string | null }[];
  /** Today, YYYY-MM-DD, where the council is. */
  today: string;
  calendar: WorkingDayCalendar;
}

export interface Task {
  spotlightId: string;
  teamName: string;
  /** The Spotlight's day. */
  date: string;
  /** Plain words, starting with a verb. */
  action: string;
  href: string;
  /** YYYY-MM-DD */
  due: string;
  /** "due in 3 working days", "due today", "2 working days late". */
  dueText: string;
  state: DueStatus['state'];
  /** Working days until (or since) the due date. */
  workingDays: number;
}

/** The QA team chases what is late for Spotlights this far ahead (calendar days). */
export const chaseWindowDays = 30;

const qaTeam: readonly Role[] = ['qa-coordinator', 'hos-qa'];

/** Everything the person must do next for one Spotlight. */
export function tasksFor(input: TaskRuleInput): Task[] {
  const { personId, spotlight: s, facts, today, calendar } = input;
  const tasks: Task[] = [];
  const add = (action: string, href: string, due: string) => {
    const status = dueStatus(due, today, calendar);
    tasks.push({
      spotlightId: s.id,
      teamName: s.teamName,
      date: s.date,
      action,
      href,
      due,
      dueText: status.text,
      state: status.state,
      workingDays: status.workingDays,
    });
  };
  const due = (key: DeadlineKey) => deadlineOf(s.deadlines, key);
  const page = `/spotlights/${s.id}`;

  // Preparation: until the day is over.
  if (today <= s.date) {
    // The Team Manager prepares; the Head of Service does when the team has no manager.
    const preparers = s.managerPersonIds.length ? s.managerPersonIds : [s.headOfServicePersonId];
    if (preparers.includes(personId)) {
      if (facts.documentCount === 0) {
        add('Send the preparation documents', `${page}/documents`, due('documents'));
      }
      if (facts.forwardedAt === null) {
        add(
          'Collate and forward practitioners’ nominations',
          `${page}/nominations`,
          due('nominations'),
        );
      }
      if (facts.caseListCount === 0) {
        add('Add the team’s case list', `${page}/case-list`, due('nominations'));
      }
    }

    if (
      s.practitionerPersonIds.includes(personId) &&
      facts.forwardedAt === null &&
      !facts.namedBoth.has(personId)
    ) {
      add(
        'Name a child you are proud of and one you found challenging',
        `${page}/nominations/mine`,
        due('nominations'),
      );
    }

    if (s.leadPersonId === personId || s.memberPersonIds.includes(personId)) {
      if (!facts.confirmedAccess.has(personId)) {
        add(
          `Confirm you have access to ${s.recordingSystem}`,
          `${page}#recording-access`,
          due('recordingAccess'),
        );
      }
      if (facts.documentCount > 0) {
        add(
          'Read the preparation pack',
          `${page}/documents`,
          workingDaysBefore(s.date, 1, calendar),
        );
      }
    }

    if (qaTeam.includes(input.role) && s.date <= addCalendarDays(today, chaseWindowDays)) {
      const lateDues = input.readiness
        .filter((item) => item.state === 'late' && item.due !== null)
        .map((item) => item.due as string)
        .sort();
      const earliest = lateDues[0];
      if (earliest) add(`Chase the missing preparation for ${s.teamName}`, page, earliest);
    }
  }
  return tasks;
}

/** Overdue first, then by due date; then by the Spotlight's day and team. */
export function sortTasks(tasks: readonly Task[]): Task[] {
  return [...tasks].sort(
    (a, b) =>
      Number(b.state === 'late') - Number(a.state === 'late') ||
      a.due.localeCompare(b.due) ||
      a.date.localeCompare(b.date) ||
      a.teamName.localeCompare(b.teamName),
  );
}

/** The colour of a due date's tag: red when late, yellow when close, grey otherwise. */
export function dueTagClasses(status: Pick<DueStatus, 'state' | 'workingDays'>): string {
  if (status.state === 'late') return 'govuk-tag--red';
  if (status.state === 'today' || status.workingDays <= 3) return 'govuk-tag--yellow';
  return 'govuk-tag--grey';
}
