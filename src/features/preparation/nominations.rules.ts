// The rules of a practitioner's nominations, without input or output: which children a form names,
// what is wrong with what was typed, and what saving it would change.
import {
  checkCaseNumber,
  describeCaseNumberFormat,
  isCaseSystem,
  type CaseNumberFormats,
  type CaseSystem,
} from '../../core/case-numbers.js';

export const nominationKinds = ['proud', 'challenging'] as const;
export type NominationKind = (typeof nominationKinds)[number];

export const maxReasonLength = 200;

/** How the screens name each kind of child. */
export const nominationKindNames: Record<NominationKind, string> = {
  proud: 'Proud of',
  challenging: 'Challenging',
};

const childLabels: Record<NominationKind, string> = {
  proud: 'the child you are proud of',
  challenging: 'the child you found challenging',
};

/** One child as the form sent it: nothing trusted yet. */
export interface NominationEntry {
  system: string;
  number: string;
  reason: string;
}

export interface NominationsInput {
  proud: NominationEntry;
  challenging: NominationEntry;
  /** The version of each nomination the form was read at (0 when there was none). */
  versions: Record<NominationKind, number>;
}

/** A child named correctly. */
export interface NamedChild {
  system: CaseSystem;
  caseNumber: string;
  reason: string | null;
}

export interface FieldProblem {
  field: string;
  message: string;
}

const fieldOrder = nominationKinds.flatMap((kind) =>
  ['System', 'Number', 'Reason'].map((part) => `${kind}${part}`),
);

/** The reason as stored: one kind of line break, no control characters, no spaces around it. */
export function cleanReason(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
      .trim()
  );
}

function checkEntry(
  kind: NominationKind,
  entry: NominationEntry,
  formats: CaseNumberFormats,
  problems: FieldProblem[],
): NamedChild | null {
  const label = childLabels[kind];
  const reason = cleanReason(entry.reason);
  const number = entry.number.trim();
  if ([...reason].length > maxReasonLength) {
    problems.push({
      field: `${kind}Reason`,
      message: `The reason for ${label} must be ${maxReasonLength} characters or fewer`,
    });
  }
  if (number === '') {
    if (reason !== '') {
      problems.push({
        field: `${kind}Number`,
        message: `Enter the LCS or EHM number of ${label}, or delete the reason`,
      });
    }
    return null;
  }
  if (!isCaseSystem(entry.system)) {
    problems.push({
      field: `${kind}System`,
      message: `Select whether ${label} has an LCS or an EHM number`,
    });
    return null;
  }
  const check = checkCaseNumber(entry.system, number, formats);
  if (!check.ok) {
    problems.push({
      field: `${kind}Number`,
      message: `Enter the ${entry.system} number of ${label} in the right format. ${describeCaseNumberFormat(entry.system, formats[entry.system])}`,
    });
    return null;
  }
  return { system: entry.system, caseNumber: check.caseNumber, reason: reason || null };
}

export type CheckedNominations =
  | { ok: true; children: Record<NominationKind, NamedChild | null> }
  | { ok: false; problems: FieldProblem[] };

/**
 * Checks the form: each child may be named alone (a blank number names nobody), at least one must
 * be, each number must fit the council's format, and the two must be different children.
 */
export function checkNominations(
  input: NominationsInput,
  formats: CaseNumberFormats,
): CheckedNominations {
  const problems: FieldProblem[] = [];
  const proud = checkEntry('proud', input.proud, formats, problems);
  const challenging = checkEntry('challenging', input.challenging, formats, problems);
  const blank = (entry: NominationEntry) => entry.number.trim() === '';
  if (blank(input.proud) && blank(input.challenging) && problems.length === 0) {
    problems.push({
      field: 'proudNumber',
      message: 'Enter the LCS or EHM number of at least one child',
    });
  }
  if (proud && challenging && proud.caseNumber === challenging.caseNumber) {
    problems.push({ field: 'challengingNumber', message: 'Name two different children' });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field));
    return { ok: false, problems };
  }
  return { ok: true, children: { proud, challenging } };
}
