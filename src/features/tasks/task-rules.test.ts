import { describe, expect, it } from 'vitest';
import { defaultDeadlineOffsets, spotlightDeadlines } from '../../core/deadlines.js';
import type { WorkingDayCalendar } from '../../core/working-days.js';
import type { Role } from '../../platform/policy.js';
import type { ReadinessFacts, ReadinessState } from '../preparation/readiness.service.js';
import {
  dueTagClasses,
  sortTasks,
  tasksFor,
  noReport,
  type DayFacts,
  type ReportFacts,
  type Task,
  type TaskSpotlight,
} from './task-rules.js';

const calendar: WorkingDayCalendar = { region: 'england-and-wales', closures: [] };

const spotlight: TaskSpotlight = {
  id: 's1',
  date: '2027-01-14',
  teamName: 'Family Support East',
  recordingSystem: 'LCS',
  leadPersonId: 'lead',
  memberPersonIds: ['m1', 'm2'],
  memberNames: new Map([
    ['m1', 'Mo Member'],
    ['m2', 'Maya Member'],
  ]),
  managerPersonIds: ['tm'],
  headOfServicePersonId: 'hos',
  practitionerPersonIds: ['p1', 'p2'],
  deadlines: spotlightDeadlines('2027-01-14', defaultDeadlineOffsets, calendar),
};

const nothingIn: ReadinessFacts = {
  documentTypes: new Map(),
  documentCount: 0,
  namedBoth: new Set(),
  forwardedAt: null,
  caseListCount: 0,
  confirmedAccess: new Set(),
};

const nothingDone: DayFacts = {
  priorities: null,
  children: new Map(),
  targets: [],
  submitted: new Set(),
  feedbackRecorded: false,
};

/** Both records submitted and the feedback recorded: nothing left of the afternoon. */
const afternoonDone: Partial<DayFacts> = {
  submitted: new Set(['m1', 'm2']),
  feedbackRecorded: true,
};

/** A final report circulated to the team: nothing left of the report (for the earlier stages). */
const reportDone: ReportFacts = {
  status: 'final',
  circulatedToMembers: true,
  commented: new Set(['m1', 'm2']),
  flagged: false,
  circulatedToTeam: true,
};

function tasks(
  personId: string,
  options: {
    role?: Role;
    facts?: Partial<ReadinessFacts>;
    day?: Partial<DayFacts>;
    today?: string;
    readiness?: { state: ReadinessState; due: string | null }[];
    spotlight?: Partial<TaskSpotlight>;
    report?: Partial<ReportFacts>;
  } = {},
): Task[] {
  return tasksFor({
    personId,
    role: options.role ?? 'staff',
    spotlight: { ...spotlight, ...options.spotlight },
    facts: { ...nothingIn, ...options.facts },
    day: { ...nothingDone, ...options.day },
    report: { ...reportDone, ...options.report },
    readiness: options.readiness ?? [],
    today: options.today ?? '2027-01-11',
    calendar,
  });
}

const actions = (list: Task[]) => list.map((t) => t.action);

describe('the task rules', () => {
  it('asks the Team Manager for the documents, the nominations and the case list, with their deadlines', () => {
    const list = tasks('tm', { role: 'team-manager' });
    expect(actions(list)).toEqual([
      'Send the preparation documents',
      'Collate and forward practitioners’ nominations',
      'Add the team’s case list',
    ]);
    expect(list.map((t) => t.href)).toEqual([
      '/spotlights/s1/documents',
      '/spotlights/s1/nominations',
      '/spotlights/s1/case-list',
    ]);
    for (const task of list) {
      expect(task).toMatchObject({
        due: '2027-01-07',
        dueText: '2 working days late',
        state: 'late',
        teamName: 'Family Support East',
        date: '2027-01-14',
      });
    }
  });

  it('drops each of the Team Manager’s tasks once it is done', () => {
    expect(actions(tasks('tm', { facts: { documentCount: 2 } }))).not.toContain(
      'Send the preparation documents',
    );
    expect(actions(tasks('tm', { facts: { forwardedAt: '2027-01-06T10:00:00.000Z' } }))).toEqual([
      'Send the preparation documents',
      'Add the team’s case list',
    ]);
    expect(
      tasks('tm', {
        facts: { documentCount: 1, forwardedAt: '2027-01-06T10:00:00.000Z', caseListCount: 300 },
      }),
    ).toEqual([]);
  });

  it('asks the Head of Service to prepare only when the team has no Team Manager', () => {
    expect(tasks('hos', { role: 'head-of-service' })).toEqual([]);
    expect(
      actions(tasks('hos', { role: 'head-of-service', spotlight: { managerPersonIds: [] } })),
    ).toHaveLength(3);
  });

  it('asks a practitioner to name two children until both are named or the list has gone', () => {
    const [task] = tasks('p1', { today: '2027-01-04' });
    expect(task).toMatchObject({
      action: 'Name a child you are proud of and one you found challenging',
      href: '/spotlights/s1/nominations/mine',
      due: '2027-01-07',
      dueText: 'due in 3 working days',
      state: 'upcoming',
    });
    expect(tasks('p1', { facts: { namedBoth: new Set(['p1']) } })).toEqual([]);
    expect(actions(tasks('p2', { facts: { namedBoth: new Set(['p1']) } }))).toHaveLength(1);
    expect(tasks('p1', { facts: { forwardedAt: '2027-01-07T10:00:00.000Z' } })).toEqual([]);
  });

  it('asks the Lead and members to confirm access, and to read the pack once it has documents', () => {
    expect(actions(tasks('m1'))).toEqual(['Confirm you have access to LCS']);
    expect(
      actions(tasks('lead', { today: '2027-01-04', spotlight: { recordingSystem: 'EHM' } })),
    ).toEqual(['Confirm you have access to EHM']);
    const withPack = tasks('m2', { facts: { documentCount: 3 } });
    expect(withPack.map((t) => [t.action, t.due, t.dueText])).toEqual([
      ['Confirm you have access to LCS', '2027-01-13', 'due in 2 working days'],
      ['Read the preparation pack', '2027-01-13', 'due in 2 working days'],
    ]);
    expect(actions(tasks('m2', { facts: { confirmedAccess: new Set(['m2']) } }))).toEqual([]);
    expect(actions(tasks('m1', { facts: { confirmedAccess: new Set(['m2']) } }))).toHaveLength(1);
  });

  it('asks the QA team to chase only what is late, for Spotlights in the next 30 days', () => {
    const late = [
      { state: 'done' as const, due: '2027-01-07' },
      { state: 'late' as const, due: '2027-01-07' },
      { state: 'missing' as const, due: '2027-01-13' },
    ];
    const [chase] = tasks('qa', { role: 'qa-coordinator', readiness: late });
    expect(chase).toMatchObject({
      action: 'Chase the missing preparation for Family Support East',
      href: '/spotlights/s1',
      due: '2027-01-07',
      state: 'late',
    });
    expect(tasks('qa', { role: 'hos-qa', readiness: late })).toHaveLength(1);
    expect(tasks('qa', { role: 'qa-coordinator', readiness: late.slice(0, 1) })).toEqual([]);
    expect(tasks('someone', { role: 'senior-leader', readiness: late })).toEqual([]);
    expect(
      tasks('qa', {
        role: 'qa-coordinator',
        readiness: late,
        spotlight: { date: '2027-03-01' },
        today: '2027-01-11',
      }),
    ).toEqual([]);
  });

  it('asks nobody for preparation once the day is over, and nobody outside the Spotlight', () => {
    for (const person of ['tm', 'p1', 'm1', 'lead']) {
      expect(tasks(person, { today: '2027-01-15', day: afternoonDone })).toEqual([]);
    }
    expect(actions(tasks('m1', { today: '2027-01-14', day: afternoonDone }))).toEqual([
      'Confirm you have access to LCS',
    ]);
    expect(tasks('stranger', { role: 'team-manager' })).toEqual([]);
  });

  describe('the morning of the day', () => {
    const lead = (options: Parameters<typeof tasks>[1] = {}) =>
      tasks('lead', { facts: { confirmedAccess: new Set(['lead']) }, ...options });
    const threeEach = new Map([
      ['m1', 3],
      ['m2', 3],
    ]);

    it('asks the Lead to agree the priorities and allocate the children, from 5 working days before the day', () => {
      // 7 January is 5 working days before Thursday 14 January.
      expect(lead({ today: '2027-01-06' })).toEqual([]);
      const list = lead({ today: '2027-01-07' });
      expect(list.map((t) => [t.action, t.href, t.due, t.dueText])).toEqual([
        [
          'Agree the priorities with the management group',
          '/spotlights/s1/day/priorities',
          '2027-01-14',
          'due in 5 working days',
        ],
        [
          'Allocate three children to each team member',
          '/spotlights/s1/day/allocation',
          '2027-01-14',
          'due in 5 working days',
        ],
      ]);
      // On the day, the feedback joins them.
      const onTheDay = lead({ today: '2027-01-14' });
      expect(actions(onTheDay)).toEqual([
        'Agree the priorities with the management group',
        'Allocate three children to each team member',
        'Record the feedback given to the Team Manager and Head of Service',
      ]);
      expect(onTheDay.map((t) => t.dueText)).toEqual(['due today', 'due today', 'due today']);
    });

    it('drops the priorities once saved, and the allocation once every member has three', () => {
      expect(actions(lead({ day: { priorities: 2 } }))).toEqual([
        'Allocate three children to each team member',
      ]);
      const partly = new Map([
        ['m1', 3],
        ['m2', 2],
      ]);
      expect(actions(lead({ day: { priorities: 2, children: partly } }))).toEqual([
        'Allocate three children to each team member',
      ]);
      expect(lead({ day: { priorities: 2, children: threeEach } })).toEqual([]);
      expect(lead({ today: '2027-01-15', day: afternoonDone })).toEqual([]);
    });

    it('gives nobody but the Lead the priorities or the allocation', () => {
      for (const [person, role] of [
        ['m1', 'staff'],
        ['tm', 'team-manager'],
        ['hos', 'head-of-service'],
        ['qa', 'qa-coordinator'],
      ] as const) {
        expect(
          actions(tasks(person, { role, facts: { confirmedAccess: new Set(['m1']) } })),
        ).not.toContain('Agree the priorities with the management group');
        expect(actions(tasks(person, { role }))).not.toContain(
          'Allocate three children to each team member',
        );
      }
    });

    const targets: DayFacts['targets'] = [
      { memberPersonId: 'm1', howMany: 5, ofWhat: 'supervision records', done: 2 },
      { memberPersonId: 'm1', howMany: 2, ofWhat: 'visits', done: 2 },
      { memberPersonId: 'm2', howMany: 4, ofWhat: 'case notes', done: 0 },
    ];
    const member = (person: string, options: Parameters<typeof tasks>[1] = {}) =>
      tasks(person, { facts: { confirmedAccess: new Set(['m1', 'm2']) }, ...options });

    it('asks a member to finish each dip-sampling target, with their progress, due on the day', () => {
      const [task, ...rest] = member('m1', { day: { targets } });
      expect(rest).toEqual([]);
      expect(task).toMatchObject({
        action: 'Complete your dip sampling: 2 of 5 supervision records done',
        href: '/spotlights/s1/day/dip-sampling',
        due: '2027-01-14',
        dueText: 'due in 3 working days',
      });
      expect(actions(member('m2', { day: { targets } }))).toEqual([
        'Complete your dip sampling: 0 of 4 case notes done',
      ]);
    });

    it('drops dip sampling once every target is done or the day has passed, and gives it nobody else', () => {
      const allDone = targets.map((target) => ({ ...target, done: target.howMany }));
      expect(member('m1', { day: { targets: allDone } })).toEqual([]);
      const done = { ...afternoonDone, targets };
      expect(actions(member('m1', { day: done, today: '2027-01-14' }))).toEqual([
        'Complete your dip sampling: 2 of 5 supervision records done',
      ]);
      expect(member('m1', { day: done, today: '2027-01-15' })).toEqual([]);
      expect(actions(lead({ day: { priorities: 1, children: threeEach, targets } }))).toEqual([]);
      expect(tasks('tm', { day: { targets }, facts: { documentCount: 1 } })).toHaveLength(2);
      expect(actions(tasks('stranger', { day: { targets } }))).toEqual([]);
    });
  });

  describe('the afternoon and after the day', () => {
    const recordTask = 'Write and submit your Team Member Information Record';
    const feedbackTask = 'Record the feedback given to the Team Manager and Head of Service';
    const access = { confirmedAccess: new Set(['lead', 'm1', 'm2']) };

    it('asks each member to write and submit their record from the day, due the next working day', () => {
      expect(actions(tasks('m1', { facts: access, today: '2027-01-13' }))).toEqual([]);
      const [task, ...rest] = tasks('m1', { facts: access, today: '2027-01-14' });
      expect(rest).toEqual([]);
      expect(task).toMatchObject({
        action: recordTask,
        href: '/spotlights/s1/records/mine',
        due: '2027-01-15',
        dueText: 'due in 1 working day',
        state: 'upcoming',
      });
      expect(tasks('m1', { facts: access, today: '2027-01-15' })[0]).toMatchObject({
        dueText: 'due today',
      });
      // Friday 15 January is the deadline; Monday 18 is one working day late.
      expect(tasks('m2', { facts: access, today: '2027-01-18' })[0]).toMatchObject({
        action: recordTask,
        dueText: '1 working day late',
        state: 'late',
      });
    });

    it('stops asking a member once they submit, and asks nobody else to write one', () => {
      const day = { submitted: new Set(['m1']) };
      expect(tasks('m1', { facts: access, today: '2027-01-18', day })).toEqual([]);
      expect(actions(tasks('m2', { facts: access, today: '2027-01-18', day }))).toEqual([
        recordTask,
      ]);
      for (const [person, role] of [
        ['tm', 'team-manager'],
        ['hos', 'head-of-service'],
        ['p1', 'staff'],
        ['qa', 'qa-coordinator'],
        ['stranger', 'staff'],
      ] as const) {
        expect(tasks(person, { role, today: '2027-01-18' }), person).toEqual([]);
      }
      expect(actions(tasks('lead', { facts: access, today: '2027-01-14' }))).not.toContain(
        recordTask,
      );
    });

    it('asks the Lead to chase the records not in once the deadline has passed, naming who', () => {
      const morningDone = {
        priorities: 1,
        children: new Map([
          ['m1', 3],
          ['m2', 3],
        ]),
      };
      const lead = (today: string, day: Partial<DayFacts> = {}) =>
        tasks('lead', {
          facts: access,
          today,
          day: { ...morningDone, feedbackRecorded: true, ...day },
        });
      expect(lead('2027-01-14')).toEqual([]);
      expect(lead('2027-01-15')).toEqual([]);
      const [chase, ...rest] = lead('2027-01-18');
      expect(rest).toEqual([]);
      expect(chase).toMatchObject({
        action: 'Chase the Team Member Information Records not yet in: 2 team members',
        href: '/spotlights/s1/records',
        due: '2027-01-15',
        dueText: '1 working day late',
        state: 'late',
      });
      expect(actions(lead('2027-01-18', { submitted: new Set(['m2']) }))).toEqual([
        'Chase the Team Member Information Records not yet in: Mo Member',
      ]);
      expect(lead('2027-01-18', { submitted: new Set(['m1', 'm2']) })).toEqual([]);
    });

    it('asks the Lead to record the feedback from the day until it is recorded', () => {
      const lead = (today: string, feedbackRecorded: boolean) =>
        tasks('lead', {
          facts: access,
          today,
          day: {
            priorities: 1,
            children: new Map([
              ['m1', 3],
              ['m2', 3],
            ]),
            feedbackRecorded,
          },
        });
      expect(lead('2027-01-13', false)).toEqual([]);
      const [task] = lead('2027-01-14', false);
      expect(task).toMatchObject({
        action: feedbackTask,
        href: '/spotlights/s1/day/feedback',
        due: '2027-01-14',
        dueText: 'due today',
      });
      expect(lead('2027-01-15', false)[0]).toMatchObject({
        action: feedbackTask,
        dueText: '1 working day late',
        state: 'late',
      });
      expect(lead('2027-01-14', true)).toEqual([]);
      for (const person of ['m1', 'tm', 'hos', 'qa']) {
        expect(actions(tasks(person, { facts: access, today: '2027-01-14' }))).not.toContain(
          feedbackTask,
        );
      }
    });
  });

  it('puts overdue tasks first, then the rest by due date', () => {
    const task = (action: string, due: string, state: Task['state']): Task => ({
      spotlightId: 's',
      teamName: 'T',
      date: '2027-02-01',
      action,
      href: '/',
      due,
      dueText: '',
      state,
      workingDays: 1,
    });
    const sorted = sortTasks([
      task('later', '2027-01-20', 'upcoming'),
      task('today', '2027-01-11', 'today'),
      task('late recently', '2027-01-08', 'late'),
      task('soon', '2027-01-12', 'upcoming'),
      task('late long ago', '2027-01-04', 'late'),
    ]);
    expect(actions(sorted)).toEqual(['late long ago', 'late recently', 'today', 'soon', 'later']);
  });

  it('colours the due date: red when late, yellow within 3 working days, grey otherwise', () => {
    expect(dueTagClasses({ state: 'late', workingDays: 2 })).toBe('govuk-tag--red');
    expect(dueTagClasses({ state: 'today', workingDays: 0 })).toBe('govuk-tag--yellow');
    expect(dueTagClasses({ state: 'upcoming', workingDays: 3 })).toBe('govuk-tag--yellow');
    expect(dueTagClasses({ state: 'upcoming', workingDays: 4 })).toBe('govuk-tag--grey');
  });

  describe('the report, after the day', () => {
    const after = { today: '2027-01-18', day: afternoonDone };
    const dueOf = (list: Task[]) => list.map((t) => [t.action, t.href, t.due]);

    it('asks the Lead to write the report and send it to the QA team, due 15 working days after the day', () => {
      expect(dueOf(tasks('lead', { ...after, report: noReport }))).toEqual([
        ['Write the report and send it to the QA team', '/spotlights/s1/report', '2027-02-04'],
      ]);
      expect(
        actions(tasks('lead', { ...after, report: { ...noReport, status: 'draft' } })),
      ).toEqual(['Write the report and send it to the QA team']);
      expect(
        tasks('lead', { today: '2027-01-13', report: noReport }).map((t) => t.action),
      ).not.toContain('Write the report and send it to the QA team');
      expect(tasks('m1', { ...after, report: noReport })).toEqual([]);
    });

    it('asks each member to comment once the draft is sent to them, until they have', () => {
      const sent = { ...noReport, status: 'draft' as const, circulatedToMembers: true };
      expect(dueOf(tasks('m1', { ...after, report: sent }))).toEqual([
        ['Read the draft report and comment on it', '/spotlights/s1/report/comments', '2027-02-04'],
      ]);
      expect(tasks('m1', { ...after, report: { ...sent, commented: new Set(['m1']) } })).toEqual(
        [],
      );
      expect(tasks('m1', { ...after, report: { ...sent, circulatedToMembers: false } })).toEqual(
        [],
      );
      expect(tasks('m2', { ...after, report: { ...sent, status: 'submitted' } })).toEqual([]);
    });

    it('asks the Head of Service QA to review a report sent to the QA team, saying when a grade is Inadequate', () => {
      const submitted = { ...noReport, status: 'submitted' as const, circulatedToMembers: true };
      expect(actions(tasks('hq', { ...after, role: 'hos-qa', report: submitted }))).toEqual([
        'Review the report for Family Support East',
      ]);
      expect(
        dueOf(tasks('hq', { ...after, role: 'hos-qa', report: { ...submitted, flagged: true } })),
      ).toEqual([
        [
          'Review the report for Family Support East (it has an Inadequate grade)',
          '/spotlights/s1/report/review',
          '2027-02-11',
        ],
      ]);
      expect(tasks('qa', { ...after, role: 'qa-coordinator', report: submitted })).toEqual([]);
      expect(tasks('lead', { ...after, report: submitted })).toEqual([]);
    });

    it('asks the Lead to answer a returned report, then to circulate the final report to the team', () => {
      expect(
        actions(tasks('lead', { ...after, report: { ...noReport, status: 'returned' } })),
      ).toEqual(['Answer the QA team’s comments and send the report again']);
      expect(
        actions(tasks('lead', { ...after, report: { ...reportDone, circulatedToTeam: false } })),
      ).toEqual(['Circulate the final report to the Team Manager']);
      expect(tasks('lead', { ...after, report: reportDone })).toEqual([]);
    });
  });
});
