// The rules of a record's children and evidence items, without input or output: their shapes, the
// messages the forms and the services share, the checks on what was typed, and row mapping.
import {
  isEvidenceKind,
  isEvidenceSource,
  isThemeKey,
  type EvidenceKind,
  type EvidenceSource,
  type GoodEnoughAnswer,
  type ProportionateAnswer,
  type ThemeKey,
} from '../../core/record-themes.js';
import { Conflict, Invalid } from '../../platform/errors.js';
import { characters, cleanText } from '../day/day-input.js';
import type { OpenRecord } from './record-access.js';
import type { EvidenceItemRow } from './record-items.repository.js';
import { recordLimits } from './record-limits.js';
import type { RecordChild } from './records.model.js';

/** The answers about one child; blank ('' or null) while the member has not answered. */
export interface ChildAnswers {
  documentsRead: string;
  lifeForChild: string;
  proportionate: ProportionateAnswer | null;
  proportionateWhy: string;
  goodEnough: GoodEnoughAnswer | null;
  goodEnoughWhy: string;
  strengths: string;
  areasToDevelop: string;
}

export const childTextFields = [
  'documentsRead',
  'lifeForChild',
  'proportionateWhy',
  'goodEnoughWhy',
  'strengths',
  'areasToDevelop',
] as const;
export type ChildTextField = (typeof childTextFields)[number];

const most = recordLimits.childAnswer.toLocaleString('en-GB');

/** The messages of the child's form, the same whether the form or the rules find the problem. */
export const childMessages = {
  documentsRead: `Which documents you read must be ${most} characters or fewer`,
  lifeForChild: `What life is like for the child must be ${most} characters or fewer`,
  proportionate: 'Select whether the help is too much, about right or too little',
  proportionateWhy: `Why the help is or is not proportionate must be ${most} characters or fewer`,
  goodEnough: 'Select yes or no',
  goodEnoughWhy: `Why it would or would not be good enough must be ${most} characters or fewer`,
  strengths: `Strengths must be ${most} characters or fewer`,
  areasToDevelop: `Areas to develop must be ${most} characters or fewer`,
} as const;

export interface EvidenceInput {
  theme: ThemeKey;
  source: EvidenceSource;
  kind: EvidenceKind;
  seen: string;
  /** The record's child it is about; null when it is not about one child. */
  childId: string | null;
}

export const evidenceMessages = {
  theme: 'Select the theme this evidence is about',
  source: 'Select where the evidence came from',
  kind: 'Select whether this is a strength or an area for development',
  seen: 'Enter what you saw, heard or read',
  seenLength: `What you saw, heard or read must be ${recordLimits.seen.toLocaleString('en-GB')} characters or fewer`,
  child: 'Select one of the children in your record, or “Not about one child”',
} as const;

export const addChildMessages = {
  caseSystem: 'Select whether the child’s record is in LCS or EHM',
  duplicate: 'This child is already in your record. Find them in the list of children you reviewed',
  tooMany: `You can add up to ${recordLimits.extraChildren} children besides the children allocated to you`,
} as const;

export interface EvidenceItem {
  id: string;
  recordId: string;
  theme: ThemeKey | null;
  source: EvidenceSource | null;
  kind: EvidenceKind | null;
  seen: string;
  childId: string | null;
  updatedAt: string;
  version: number;
}

export function toEvidenceItem(row: EvidenceItemRow): EvidenceItem {
  return {
    id: row.id,
    recordId: row.record_id,
    theme: isThemeKey(row.theme) ? row.theme : null,
    source: isEvidenceSource(row.source) ? row.source : null,
    kind: isEvidenceKind(row.kind) ? row.kind : null,
    seen: row.seen,
    childId: row.record_child_id,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** A child the member added themselves (not allocated): only these can be removed. */
export const isAddedChild = (child: RecordChild) =>
  child.kind === 'other' && child.allocationId === null;

/** The form's answers checked again, as the rules say (the form already told the user). */
export function checkChildAnswers(input: ChildAnswers): ChildAnswers {
  const checked = { ...input };
  for (const field of childTextFields) {
    checked[field] = cleanText(input[field]);
    if (characters(checked[field]) > recordLimits.childAnswer) {
      throw new Invalid(field, childMessages[field]);
    }
  }
  return checked;
}

export function checkEvidence(input: EvidenceInput): EvidenceInput {
  if (!isThemeKey(input.theme)) throw new Invalid('theme', evidenceMessages.theme);
  if (!isEvidenceSource(input.source)) throw new Invalid('source', evidenceMessages.source);
  if (!isEvidenceKind(input.kind)) throw new Invalid('kind', evidenceMessages.kind);
  const seen = cleanText(input.seen);
  if (seen === '') throw new Invalid('seen', evidenceMessages.seen);
  if (characters(seen) > recordLimits.seen) throw new Invalid('seen', evidenceMessages.seenLength);
  return { ...input, seen };
}

/** An evidence item's audit details: what kind of evidence, never what was seen. */
export function evidenceDetails(open: OpenRecord, itemId: string, input: EvidenceInput) {
  return {
    recordId: open.record.id,
    itemId,
    theme: input.theme,
    source: input.source,
    kind: input.kind,
  };
}

export const childConflict = () =>
  new Conflict('Your answers about this child were saved somewhere else while you were working');
export const evidenceConflict = () =>
  new Conflict('This evidence was saved somewhere else while you were working on it');
