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
import type { ReportStatus } from '../../core/report/report-model.js';
import type { Role } from '../../platform/policy.js';
import type { ReadinessFacts, ReadinessState } from '../preparation/readiness.service.js';
import { morningSteps } from '../day/morning-steps.js';

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
  /** The members' names, to say whose record is not in yet. */
  memberNames: ReadonlyMap<string, string>;
  managerPersonIds: readonly string[];
  headOfServicePersonId: string | null;
  /** The visited team's staff other than its managers. */
  practitionerPersonIds: readonly string[];
  deadlines: readonly Deadline[];
}

/** What is done of the day: the morning, the records and the feedback. */
export interface DayFacts {
  /** How many priorities are recorded; null until the Lead first saves them. */
  priorities: number | null;
  /** Children allocated to each member. */
  children: ReadonlyMap<string, number>;
  /** Every dip-sampling target of the Spotlight. */
  targets: readonly { memberPersonId: string; howMany: number; ofWhat: string; done: number }[];
  /** Members whose Team Member Information Record is submitted (and not reopened). */
  submitted: ReadonlySet<string>;
  /** The Lead has recorded the feedback to the team's managers and Head of Service. */
  feedbackRecorded: boolean;
}

/** How far the report has gone (issue 6: after the exercise). */
export interface ReportFacts {
  /** Null until the Lead starts the draft. */
  status: ReportStatus | null;
  /** The Lead has sent the draft to the team members for comment. */
  circulatedToMembers: boolean;
  /** Team members who have commented on the draft. */
  commented: ReadonlySet<string>;
  /** A grade is the scale's last (Inadequate): flagged to the Head of Service QA. */
  flagged: boolean;
  /** The final report's circulation to the team is recorded. */
  circulatedToTeam: boolean;
}

export const noReport: ReportFacts = Object.freeze({
  status: null,
  circulatedToMembers: false,
  commented: new Set<string>(),
  flagged: false,
  circulatedToTeam: false,
});

/** The Lead's morning tasks show from this many working days before the day. */
export const leadMorningWindow = 5;

export interface TaskRuleInput {
  personId: string;
  role: Role;
  spotlight: TaskSpotlight;
  /** What is in for the Spotlight's preparation. */
  facts: ReadinessFacts;
  /** What is done of the day. */
  day: DayFacts;
  /** How far the report has gone (none when not given). */
  report?: ReportFacts;
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

  dayTasks(input, add);
  afternoonTasks(input, add);
  reportTasks(input, add);
  return tasks;
}

/** The morning of the day: the Lead's priorities and allocation, each member's dip sampling. */
function dayTasks(
  input: TaskRuleInput,
  add: (action: string, href: string, due: string) => void,
): void {
  const { personId, spotlight: s, day, today, calendar } = input;
  if (today > s.date) return;
  const page = `/spotlights/${s.id}/day`;

  if (
    s.leadPersonId === personId &&
    today >= workingDaysBefore(s.date, leadMorningWindow, calendar)
  ) {
    const steps = morningSteps({
      members: s.memberPersonIds.map((id) => ({ id, name: '', jobRoleName: null })),
      priorities: day.priorities,
      children: day.children,
      withTargets: new Set(day.targets.map((target) => target.memberPersonId)),
    });
    const done = (key: 'priorities' | 'allocation') =>
      steps.some((step) => step.key === key && step.state === 'done');
    if (!done('priorities')) {
      add('Agree the priorities with the management group', `${page}/priorities`, s.date);
    }
    if (!done('allocation')) {
      add('Allocate three children to each team member', `${page}/allocation`, s.date);
    }
  }

  if (s.memberPersonIds.includes(personId)) {
    for (const target of day.targets) {
      if (target.memberPersonId !== personId || target.done >= target.howMany) continue;
      add(
        `Complete your dip sampling: ${target.done} of ${target.howMany} ${target.ofWhat} done`,
        `${page}/dip-sampling`,
        s.date,
      );
    }
  }
}

/**
 * The afternoon and after: each member writes and submits their record (due one working day after
 * the day); the Lead chases the records not in once that has passed, and records the feedback.
 */
function afternoonTasks(
  input: TaskRuleInput,
  add: (action: string, href: string, due: string) => void,
): void {
  const { personId, spotlight: s, day, today } = input;
  if (today < s.date) return;
  const page = `/spotlights/${s.id}`;
  const recordsDue = deadlineOf(s.deadlines, 'memberRecords');

  if (s.memberPersonIds.includes(personId) && !day.submitted.has(personId)) {
    add('Write and submit your Team Member Information Record', `${page}/records/mine`, recordsDue);
  }

  if (s.leadPersonId !== personId) return;
  const missing = s.memberPersonIds.filter((id) => !day.submitted.has(id));
  const [only] = missing;
  if (today > recordsDue && only !== undefined) {
    const who =
      missing.length === 1
        ? (s.memberNames.get(only) ?? '1 team member')
        : `${missing.length} team members`;
    add(
      `Chase the Team Member Information Records not yet in: ${who}`,
      `${page}/records`,
      recordsDue,
    );
  }
  if (!day.feedbackRecorded) {
    add(
      'Record the feedback given to the Team Manager and Head of Service',
      `${page}/day/feedback`,
      s.date,
    );
  }
}

/**
 * After the exercise: the Lead writes the draft and sends it to the QA team within 15 working
 * days; team members comment once it is sent to them; the Head of Service QA and Safeguarding
 * finalises it within 5 working days of its arrival; the Lead then circulates it to the team.
 */
function reportTasks(
  input: TaskRuleInput,
  add: (action: string, href: string, due: string) => void,
): void {
  const { personId, role, spotlight: s, today } = input;
  const report = input.report ?? noReport;
  if (today < s.date) return;
  const page = `/spotlights/${s.id}/report`;
  const draftDue = deadlineOf(s.deadlines, 'draftReport');
  const finalDue = deadlineOf(s.deadlines, 'finalReport');
  const status = report.status;
  const isLead = s.leadPersonId === personId;

  if (isLead && (status === null || status === 'draft')) {
    add('Write the report and send it to the QA team', page, draftDue);
  }
  if (isLead && status === 'returned') {
    add('Answer the QA team’s comments and send the report again', `${page}/sign-off`, draftDue);
  }
  if (
    s.memberPersonIds.includes(personId) &&
    report.circulatedToMembers &&
    (status === 'draft' || status === 'returned') &&
    !report.commented.has(personId)
  ) {
    add('Read the draft report and comment on it', `${page}/comments`, draftDue);
  }
  if (role === 'hos-qa' && status === 'submitted') {
    const flag = report.flagged ? ' (it has an Inadequate grade)' : '';
    add(`Review the report for ${s.teamName}${flag}`, `${page}/review`, finalDue);
  }
  if (isLead && status === 'final' && !report.circulatedToTeam) {
    add('Circulate the final report to the Team Manager', `${page}/circulation`, finalDue);
  }
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
