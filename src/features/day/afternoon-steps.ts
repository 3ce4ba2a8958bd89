// The afternoon and after the day on the day page: each member's Team Member Information Record in
// by the deadline (one working day after the day), triangulation, and the feedback to the team's
// managers and Head of Service. Pure, so the day page and its tests share one set of rules.
import type { DueStatus } from '../../core/deadlines.js';
import { formatDate } from '../../platform/format.js';
import { submittedLate } from '../records/records.model.js';
import type { PersonRef } from '../spotlight/spotlight.service.js';

export type AfternoonStepKey = 'myRecord' | 'records' | 'triangulation' | 'feedback';

export interface AfternoonStep {
  key: AfternoonStepKey;
  state: 'done' | 'started' | 'to-do';
  /** Past its deadline and not done. */
  late: boolean;
  /** "2 of 3 team members have submitted their record." */
  detail: string;
}

export interface MemberRecordState {
  status: 'draft' | 'submitted';
  /** Submitted after the day it was due. */
  late: boolean;
}

export interface AfternoonFacts {
  members: readonly PersonRef[];
  /** Each member's record; a member with none has not started. */
  records: ReadonlyMap<string, MemberRecordState>;
  /** When the records are due (YYYY-MM-DD), and how that stands today. */
  recordsDue: string;
  recordsDueStatus: DueStatus;
  evidenceItems: number;
  keyFindings: number;
  feedbackRecorded: boolean;
  /** The signed-in person: a team member also sees their own record. */
  viewerPersonId: string | null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Each member's record from how it is stored: submitted ones marked late after `due`. */
export function recordStates(
  rows: readonly { memberPersonId: string; status: string; submittedAt: string | null }[],
  due: string,
): Map<string, MemberRecordState> {
  return new Map(
    rows.map((row): [string, MemberRecordState] => [
      row.memberPersonId,
      row.status === 'submitted'
        ? {
            status: 'submitted',
            late: row.submittedAt !== null && submittedLate(row.submittedAt, due),
          }
        : { status: 'draft', late: false },
    ]),
  );
}

/** Every member of the Spotlight Team has submitted their record (and there is a team). */
export function allRecordsIn(
  members: readonly { id: string }[],
  records: ReadonlyMap<string, MemberRecordState>,
): boolean {
  return members.length > 0 && members.every((m) => records.get(m.id)?.status === 'submitted');
}

function recordsStep(facts: AfternoonFacts): AfternoonStep {
  const { members, records } = facts;
  if (members.length === 0) {
    return {
      key: 'records',
      state: 'to-do',
      late: false,
      detail: 'Nobody is in the Spotlight Team yet.',
    };
  }
  const submitted = members.filter((m) => records.get(m.id)?.status === 'submitted');
  const missing = members.filter((m) => records.get(m.id)?.status !== 'submitted');
  const late = submitted.filter((m) => records.get(m.id)?.late).length;
  const done = missing.length === 0;
  const parts = [
    `${submitted.length} of ${plural(members.length, 'team member', 'team members')} ${
      submitted.length === 1 ? 'has' : 'have'
    } submitted their record.`,
  ];
  if (late > 0) parts.push(`${late} submitted late.`);
  if (!done) parts.push(`Not submitted yet: ${missing.map((m) => m.name).join(', ')}.`);
  parts.push(
    done
      ? `Deadline ${formatDate(facts.recordsDue)}.`
      : `Deadline ${formatDate(facts.recordsDue)} (${facts.recordsDueStatus.text}).`,
  );
  return {
    key: 'records',
    state: done ? 'done' : submitted.length > 0 ? 'started' : 'to-do',
    late: !done && facts.recordsDueStatus.state === 'late',
    detail: parts.join(' '),
  };
}

function myRecordStep(facts: AfternoonFacts, record: MemberRecordState | undefined): AfternoonStep {
  const deadline = `Submit it by ${formatDate(facts.recordsDue)} (${facts.recordsDueStatus.text}).`;
  const late = facts.recordsDueStatus.state === 'late';
  if (!record) {
    return {
      key: 'myRecord',
      state: 'to-do',
      late,
      detail: `You have not started your record yet. ${deadline}`,
    };
  }
  if (record.status === 'draft') {
    return { key: 'myRecord', state: 'started', late, detail: `Not submitted yet. ${deadline}` };
  }
  return {
    key: 'myRecord',
    state: 'done',
    late: false,
    detail: record.late ? 'Submitted late.' : 'Submitted.',
  };
}

export function afternoonSteps(facts: AfternoonFacts): AfternoonStep[] {
  const steps: AfternoonStep[] = [];
  const viewer = facts.viewerPersonId;
  if (viewer !== null && facts.members.some((m) => m.id === viewer)) {
    steps.push(myRecordStep(facts, facts.records.get(viewer)));
  }
  steps.push(recordsStep(facts));
  const { evidenceItems, keyFindings } = facts;
  steps.push({
    key: 'triangulation',
    state: keyFindings > 0 ? 'started' : 'to-do',
    late: false,
    detail:
      evidenceItems === 0 && keyFindings === 0
        ? 'No evidence items or key findings yet.'
        : `${plural(evidenceItems, 'evidence item', 'evidence items')} and ${plural(
            keyFindings,
            'key finding',
            'key findings',
          )} so far.`,
  });
  steps.push(
    facts.feedbackRecorded
      ? { key: 'feedback', state: 'done', late: false, detail: 'Recorded.' }
      : {
          key: 'feedback',
          state: 'to-do',
          late: false,
          detail:
            'Not recorded yet. The Lead records it after giving feedback at the end of the day.',
        },
  );
  return steps;
}
