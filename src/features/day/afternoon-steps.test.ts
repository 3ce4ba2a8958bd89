import { describe, expect, it } from 'vitest';
import type { DueStatus } from '../../core/deadlines.js';
import {
  afternoonSteps,
  allRecordsIn,
  recordStates,
  type AfternoonFacts,
  type MemberRecordState,
} from './afternoon-steps.js';

const members = [
  { id: 'a', name: 'Ann', jobRoleName: null },
  { id: 'b', name: 'Bea', jobRoleName: null },
  { id: 'c', name: 'Cy', jobRoleName: null },
];

const upcoming: DueStatus = { state: 'upcoming', workingDays: 1, text: 'due in 1 working day' };
const late: DueStatus = { state: 'late', workingDays: 2, text: '2 working days late' };

function facts(extra: Partial<AfternoonFacts> = {}): AfternoonFacts {
  return {
    members,
    records: new Map(),
    recordsDue: '2027-01-15',
    recordsDueStatus: upcoming,
    evidenceItems: 0,
    keyFindings: 0,
    feedbackRecorded: false,
    viewerPersonId: null,
    ...extra,
  };
}

const submitted: MemberRecordState = { status: 'submitted', late: false };
const draft: MemberRecordState = { status: 'draft', late: false };

describe('the afternoon’s steps', () => {
  it('are all to do before anything is written, with who has not submitted', () => {
    expect(afternoonSteps(facts())).toEqual([
      {
        key: 'records',
        state: 'to-do',
        late: false,
        detail:
          '0 of 3 team members have submitted their record. Not submitted yet: Ann, Bea, Cy. Deadline 15 January 2027 (due in 1 working day).',
      },
      {
        key: 'triangulation',
        state: 'to-do',
        late: false,
        detail: 'No evidence items or key findings yet.',
      },
      {
        key: 'feedback',
        state: 'to-do',
        late: false,
        detail:
          'Not recorded yet. The Lead records it after giving feedback at the end of the day.',
      },
    ]);
  });

  it('count only submitted records, and are late past the deadline until all are in', () => {
    const records = new Map([
      ['a', submitted],
      ['b', draft],
    ]);
    const [step] = afternoonSteps(facts({ records, recordsDueStatus: late }));
    expect(step).toEqual({
      key: 'records',
      state: 'started',
      late: true,
      detail:
        '1 of 3 team members has submitted their record. Not submitted yet: Bea, Cy. Deadline 15 January 2027 (2 working days late).',
    });
    const all = new Map([
      ['a', submitted],
      ['b', { status: 'submitted', late: true }],
      ['c', { status: 'submitted', late: true }],
      // Somebody no longer in the Spotlight Team does not count.
      ['gone', draft],
    ] as const);
    expect(afternoonSteps(facts({ records: all, recordsDueStatus: late }))[0]).toEqual({
      key: 'records',
      state: 'done',
      late: false,
      detail:
        '3 of 3 team members have submitted their record. 2 submitted late. Deadline 15 January 2027.',
    });
  });

  it('read each record as stored, late when submitted after the day it was due (UK time)', () => {
    const states = recordStates(
      [
        { memberPersonId: 'a', status: 'submitted', submittedAt: '2027-01-15T23:30:00.000Z' },
        { memberPersonId: 'b', status: 'submitted', submittedAt: '2027-01-16T00:30:00.000Z' },
        { memberPersonId: 'c', status: 'draft', submittedAt: null },
      ],
      '2027-01-15',
    );
    expect(Object.fromEntries(states)).toEqual({
      a: { status: 'submitted', late: false },
      b: { status: 'submitted', late: true },
      c: { status: 'draft', late: false },
    });
    // British Summer Time: 23:30 UTC on the due day is already the next day in the UK.
    expect(
      recordStates(
        [{ memberPersonId: 'a', status: 'submitted', submittedAt: '2027-06-15T23:30:00.000Z' }],
        '2027-06-15',
      ).get('a'),
    ).toEqual({ status: 'submitted', late: true });
  });

  it('know when every record is in, never for a Spotlight Team with nobody in it', () => {
    expect(allRecordsIn(members, new Map(members.map((m) => [m.id, submitted])))).toBe(true);
    expect(allRecordsIn(members, new Map([['a', submitted]]))).toBe(false);
    expect(allRecordsIn([], new Map())).toBe(false);
    expect(afternoonSteps(facts({ members: [] }))[0]).toMatchObject({
      state: 'to-do',
      detail: 'Nobody is in the Spotlight Team yet.',
    });
  });

  it('show a member their own record first: not started, in progress, or submitted', () => {
    const records = new Map([
      ['a', submitted],
      ['b', draft],
    ]);
    const mine = (viewerPersonId: string, status = upcoming) =>
      afternoonSteps(facts({ records, viewerPersonId, recordsDueStatus: status }))[0];
    expect(mine('c')).toEqual({
      key: 'myRecord',
      state: 'to-do',
      late: false,
      detail:
        'You have not started your record yet. Submit it by 15 January 2027 (due in 1 working day).',
    });
    expect(mine('c', late)).toMatchObject({ state: 'to-do', late: true });
    expect(mine('b')).toMatchObject({
      state: 'started',
      detail: 'Not submitted yet. Submit it by 15 January 2027 (due in 1 working day).',
    });
    expect(mine('a', late)).toEqual({
      key: 'myRecord',
      state: 'done',
      late: false,
      detail: 'Submitted.',
    });
    expect(
      afternoonSteps(
        facts({
          records: new Map([['a', { status: 'submitted', late: true }]]),
          viewerPersonId: 'a',
        }),
      )[0]?.detail,
    ).toBe('Submitted late.');
    // The Lead and the QA team have no record of their own.
    expect(afternoonSteps(facts({ viewerPersonId: 'lead' })).map((s) => s.key)).toEqual([
      'records',
      'triangulation',
      'feedback',
    ]);
  });

  it('count triangulation’s evidence and key findings, and mark the feedback once recorded', () => {
    const steps = afternoonSteps(
      facts({ evidenceItems: 1, keyFindings: 0, feedbackRecorded: true }),
    );
    expect(steps[1]).toEqual({
      key: 'triangulation',
      state: 'to-do',
      late: false,
      detail: '1 evidence item and 0 key findings so far.',
    });
    expect(steps[2]).toEqual({ key: 'feedback', state: 'done', late: false, detail: 'Recorded.' });
    expect(afternoonSteps(facts({ evidenceItems: 12, keyFindings: 1 }))[1]).toMatchObject({
      state: 'started',
      detail: '12 evidence items and 1 key finding so far.',
    });
  });
});
