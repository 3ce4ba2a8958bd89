// The allocation of children as the pages see it, mapped from the rows: who reviews which child and
// why, what the allocation starts from (forwarded nominations, the case list) and one random draw
// explained in numbers.
import {
  isAllocationKind,
  type AllocatedChild,
  type AllocationKind,
  type CaseListChild,
  type NominatedChild,
} from '../../core/allocation.js';
import { eligibleChildren } from '../../core/random-draw.js';
import { fromDbJson } from '../../platform/db/convert.js';
import type { AllocationRow, DayNominationRow, RandomDrawRow } from './allocation.repository.js';

/** How the pages name each kind of child. */
export const allocationKindNames: Record<AllocationKind, string> = {
  random: 'Chosen at random',
  proud: 'A worker is proud of',
  challenging: 'A worker found challenging',
};

export interface Allocation {
  id: string;
  memberPersonId: string;
  memberName: string;
  kind: AllocationKind;
  system: string;
  caseNumber: string;
  nominationId: string | null;
  practitionerName: string | null;
  /** The practitioner's reason for naming the child. */
  nominationReason: string | null;
  drawId: string | null;
  version: number;
}

export interface DayNomination extends NominatedChild {
  practitionerName: string;
  reason: string | null;
}

/** What an allocation is made from, read in one go. */
export interface AllocationFacts {
  allocations: Allocation[];
  /** Every nomination, forwarded or not (none may be drawn at random). */
  nominations: DayNomination[];
  forwardedAt: string | null;
  caseList: CaseListChild[];
}

export const toAllocation = (row: AllocationRow): Allocation => ({
  id: row.id,
  memberPersonId: row.member_person_id,
  memberName: row.member_name ?? '',
  kind: isAllocationKind(row.kind) ? row.kind : 'random',
  system: row.case_system,
  caseNumber: row.case_number,
  nominationId: row.nomination_id,
  practitionerName: row.practitioner_name,
  nominationReason: row.nomination_reason,
  drawId: row.draw_id,
  version: row.version,
});

export const toDayNomination = (row: DayNominationRow): DayNomination => ({
  nominationId: row.id,
  practitionerPersonId: row.practitioner_person_id,
  practitionerName: row.practitioner_name ?? '',
  kind: row.kind === 'challenging' ? 'challenging' : 'proud',
  system: row.case_system,
  caseNumber: row.case_number,
  reason: row.reason,
});

/** The nominations the Lead may allocate: only once the Team Manager has forwarded them. */
export function offeredNominations(facts: AllocationFacts): DayNomination[] {
  return facts.forwardedAt ? facts.nominations : [];
}

/** The allocations as the pure proposal keeps them. */
export function keptChildren(allocations: readonly Allocation[]): AllocatedChild[] {
  return allocations.map((a) => ({
    memberPersonId: a.memberPersonId,
    kind: a.kind,
    system: a.system,
    caseNumber: a.caseNumber,
    ...(a.nominationId ? { nominationId: a.nominationId } : {}),
  }));
}

/** Nominations of a kind whose child is not allocated to anyone. */
export function unallocatedNominations(facts: AllocationFacts, kind: AllocationKind) {
  const allocated = new Set(facts.allocations.map((a) => a.caseNumber));
  return offeredNominations(facts).filter((n) => n.kind === kind && !allocated.has(n.caseNumber));
}

/** Children a new random draw must leave out: every nominated child, then every allocated one. */
export function drawExclusions(facts: AllocationFacts): string[] {
  return [
    ...new Set([
      ...facts.nominations.map((n) => n.caseNumber),
      ...facts.allocations.map((a) => a.caseNumber),
    ]),
  ];
}

export interface DrawExplained {
  id: string;
  algorithm: string;
  seed: string;
  pool: string[];
  exclusions: string[];
  /** Children on the list, each counted once. */
  listSize: number;
  /** Children on the list left out, in the order the draw numbered the list. */
  leftOut: string[];
  eligibleCount: number;
  /** The chosen child's number among those left (1 is the first); undefined if not among them. */
  number: number | undefined;
  chosen: string;
  memberPersonId: string | null;
  memberName: string | null;
  drawnByName: string | null;
  drawnAt: string;
  reason: string | null;
  replacesDrawId: string | null;
}

export function explainDraw(row: RandomDrawRow): DrawExplained {
  const pool = fromDbJson<string[]>(row.pool, []);
  const exclusions = fromDbJson<string[]>(row.exclusions, []);
  const onList = eligibleChildren(pool, []);
  const excluded = new Set(exclusions);
  const eligible = eligibleChildren(pool, exclusions);
  const at = eligible.indexOf(row.chosen_case_number);
  return {
    id: row.id,
    algorithm: row.algorithm,
    seed: row.seed,
    pool,
    exclusions,
    listSize: onList.length,
    leftOut: onList.filter((c) => excluded.has(c)),
    eligibleCount: eligible.length,
    number: at >= 0 ? at + 1 : undefined,
    chosen: row.chosen_case_number,
    memberPersonId: row.member_person_id,
    memberName: row.member_name,
    drawnByName: row.drawn_by_name,
    drawnAt: row.drawn_at,
    reason: row.reason,
    replacesDrawId: row.replaces_draw_id,
  };
}
