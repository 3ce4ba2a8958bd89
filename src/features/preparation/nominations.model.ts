// Practitioners' nominations as the pages see them, mapped from the rows: who named which child,
// whether late, and whether the list has gone to the Spotlight Team.
import { deadlineOf, dueStatus, type DueStatus } from '../../core/deadlines.js';
import { fromDbBool } from '../../platform/db/convert.js';
import type { PersonRef, Spotlight } from '../spotlight/spotlight.service.js';
import type { ForwardingRow, NominationRow } from './nominations.repository.js';
import { nominationKinds, type FieldProblem, type NominationKind } from './nominations.rules.js';

export interface Nomination {
  id: string;
  kind: NominationKind;
  system: string;
  caseNumber: string;
  reason: string | null;
  late: boolean;
  version: number;
  enteredAt: string;
  enteredByName: string | null;
}

export interface PractitionerNominations {
  practitioner: PersonRef;
  proud: Nomination | null;
  challenging: Nomination | null;
}

export interface Forwarding {
  at: string;
  byName: string | null;
}

export interface NominationsDeadline {
  due: string;
  status: DueStatus;
}

export type SaveResult =
  | { status: 'saved'; practitioner: PersonRef; changed: boolean }
  | { status: 'invalid'; problems: FieldProblem[] }
  | { status: 'conflict'; current: PractitionerNominations }
  | { status: 'forwarded'; current: PractitionerNominations; forwarding: Forwarding };

/** The visited team's practitioners: its staff, less its managers. */
export function practitionersOf(spotlight: Spotlight): PersonRef[] {
  const managers = new Set(spotlight.team.managers.map((m) => m.id));
  return spotlight.team.staff.filter((person) => !managers.has(person.id));
}

export function namedBoth(row: PractitionerNominations): boolean {
  return row.proud !== null && row.challenging !== null;
}

/** The case numbers a set of rows shows. */
export function caseNumbersIn(rows: readonly PractitionerNominations[]): string[] {
  return rows.flatMap((row) =>
    nominationKinds.flatMap((kind) => (row[kind] ? [row[kind].caseNumber] : [])),
  );
}

export const toNomination = (row: NominationRow): Nomination => ({
  id: row.id,
  kind: row.kind === 'challenging' ? 'challenging' : 'proud',
  system: row.case_system,
  caseNumber: row.case_number,
  reason: row.reason,
  late: fromDbBool(row.late),
  version: row.version,
  enteredAt: row.entered_at,
  enteredByName: row.entered_by_name,
});

export function nominationsOf(
  practitioner: PersonRef,
  rows: readonly NominationRow[],
): PractitionerNominations {
  const mine = rows.filter((r) => r.practitioner_person_id === practitioner.id).map(toNomination);
  return {
    practitioner,
    proud: mine.find((n) => n.kind === 'proud') ?? null,
    challenging: mine.find((n) => n.kind === 'challenging') ?? null,
  };
}

export function forwardingOf(row: ForwardingRow): Forwarding | null {
  if (!row.nominations_forwarded_at) return null;
  return { at: row.nominations_forwarded_at, byName: row.nominations_forwarded_by_name };
}

export function deadlineFor(spotlight: Spotlight): NominationsDeadline {
  const due = deadlineOf(spotlight.deadlines, 'nominations');
  return { due, status: dueStatus(due, spotlight.today, spotlight.calendar) };
}
