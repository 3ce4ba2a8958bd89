// The Team Member Information Record as the rest of Spotlight sees it: rows mapped to domain types,
// and when a submission counts as late.
import {
  childKinds,
  goodEnoughAnswers,
  proportionateAnswers,
  themes,
  type ChildKind,
  type GoodEnoughAnswer,
  type ProportionateAnswer,
  type ThemeKey,
} from '../../core/record-themes.js';
import { londonToday } from '../timetable/calendar-invite.js';
import type { MemberRecordRow, RecordChildRow } from './records.repository.js';

export type RecordStatus = 'draft' | 'submitted';

export interface MemberRecord {
  id: string;
  spotlightId: string;
  member: { id: string; name: string };
  /** The member's notes on each theme ('' when none). */
  themes: Record<ThemeKey, string>;
  learning: string;
  conversations: string;
  observations: string;
  status: RecordStatus;
  /** ISO instant. */
  submittedAt: string | null;
  reopened: { at: string; byName: string; reason: string | null } | null;
  updatedAt: string;
  version: number;
}

export interface RecordChild {
  id: string;
  recordId: string;
  allocationId: string | null;
  kind: ChildKind;
  caseSystem: string;
  caseNumber: string;
  documentsRead: string;
  lifeForChild: string;
  proportionate: ProportionateAnswer | null;
  proportionateWhy: string;
  goodEnough: GoodEnoughAnswer | null;
  goodEnoughWhy: string;
  strengths: string;
  areasToDevelop: string;
  updatedAt: string;
  version: number;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;

export function toMemberRecord(row: MemberRecordRow): MemberRecord {
  const themeNotes = {} as Record<ThemeKey, string>;
  for (const theme of themes) themeNotes[theme.key] = row[theme.column] ?? '';
  return {
    id: row.id,
    spotlightId: row.spotlight_id,
    member: { id: row.member_person_id, name: row.member_name ?? 'Somebody no longer listed' },
    themes: themeNotes,
    learning: row.learning ?? '',
    conversations: row.conversations ?? '',
    observations: row.observations ?? '',
    status: row.status === 'submitted' ? 'submitted' : 'draft',
    submittedAt: row.submitted_at,
    reopened: row.reopened_at
      ? {
          at: row.reopened_at,
          byName: row.reopened_by_name ?? 'Somebody no longer listed',
          reason: row.reopen_reason,
        }
      : null,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function toRecordChild(row: RecordChildRow): RecordChild {
  return {
    id: row.id,
    recordId: row.record_id,
    allocationId: row.allocation_id,
    kind: oneOf(childKinds, row.kind) ?? 'other',
    caseSystem: row.case_system,
    caseNumber: row.case_number,
    documentsRead: row.documents_read ?? '',
    lifeForChild: row.life_for_child ?? '',
    proportionate: oneOf(proportionateAnswers, row.proportionate),
    proportionateWhy: row.proportionate_why ?? '',
    goodEnough: oneOf(goodEnoughAnswers, row.good_enough),
    goodEnoughWhy: row.good_enough_why ?? '',
    strengths: row.strengths ?? '',
    areasToDevelop: row.areas_to_develop ?? '',
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Nothing written about the child yet (so a child no longer allocated can quietly go). */
export function isUntouched(child: RecordChild): boolean {
  return (
    child.documentsRead === '' &&
    child.lifeForChild === '' &&
    child.proportionate === null &&
    child.proportionateWhy === '' &&
    child.goodEnough === null &&
    child.goodEnoughWhy === '' &&
    child.strengths === '' &&
    child.areasToDevelop === ''
  );
}

/** Submitted after the day it was due (in UK time): the Lead sees it marked late. */
export function submittedLate(submittedAt: string, due: string): boolean {
  return londonToday(new Date(submittedAt)) > due;
}

/** The order children appear in a record. */
export const childOrder: Record<ChildKind, number> = {
  random: 1,
  proud: 2,
  challenging: 3,
  other: 4,
};
