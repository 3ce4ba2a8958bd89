// How the record pages show a Team Member Information Record: addresses, status tags, the text as
// the member wrote it (paragraphs and line breaks kept), and each child's answers in full.
import type { DueStatus } from '../../../../core/deadlines.js';
import {
  childKindNames,
  evidenceKindNames,
  evidenceSourceNames,
  goodEnoughNames,
  proportionateNames,
  themes,
} from '../../../../core/record-themes.js';
import { paragraphsOf } from '../../../day/pages/priorities/handlers.js';
import { dueTagClasses } from '../../../tasks/task-rules.js';
import type { RecordChild } from '../../records.model.js';
import type { ChildProgress, RecordEvidence, RecordState } from '../../records.rules.js';

export const recordsHref = (spotlightId: string) => `/spotlights/${spotlightId}/records`;
export const recordHref = (spotlightId: string, recordId: string) =>
  `${recordsHref(spotlightId)}/${recordId}`;

export const signedIn = { config: { permission: 'signed-in' as const } };

export interface Tag {
  text: string;
  classes: string;
}

export const stateTags: Record<RecordState, Tag> = {
  'not-started': { text: 'Not started', classes: 'govuk-tag--grey' },
  draft: { text: 'Draft', classes: 'govuk-tag--light-blue' },
  reopened: { text: 'Reopened', classes: 'govuk-tag--yellow' },
  submitted: { text: 'Submitted', classes: 'govuk-tag--green' },
  'submitted-late': { text: 'Submitted late', classes: 'govuk-tag--orange' },
};

export const progressNames: Record<ChildProgress, string> = {
  untouched: 'Not started',
  'in-progress': 'In progress',
  answered: 'All questions answered',
};

export function dueTag(status: DueStatus): Tag {
  return { text: status.text, classes: dueTagClasses(status) };
}

/** "LCS 123456" */
export const caseNumberOf = (child: Pick<RecordChild, 'caseSystem' | 'caseNumber'>) =>
  `${child.caseSystem} ${child.caseNumber}`;

/** Text as paragraphs of lines, for the `paragraphs` macro; none for empty text. */
export const paragraphs = (text: string): string[][] => (text === '' ? [] : paragraphsOf(text));

/** The first `length` characters (not UTF-16 units), on one line, for a summary. */
export function shortened(text: string, length = 200): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length <= length ? oneLine : `${chars.slice(0, length).join('').trimEnd()}…`;
}

export const themeNameOf = (key: string | null) =>
  themes.find((theme) => theme.key === key)?.name ?? 'Theme not known';

export interface Answer {
  question: string;
  /** The choice made, for a question with choices. */
  choice?: string;
  paragraphs: string[][];
}

/** Every question about a child with the member's answer, for reading. */
export function answersOf(child: RecordChild): Answer[] {
  return [
    { question: 'Why chosen', choice: childKindNames[child.kind], paragraphs: [] },
    { question: 'Documents read', paragraphs: paragraphs(child.documentsRead) },
    { question: 'What life is like for the child', paragraphs: paragraphs(child.lifeForChild) },
    {
      question: 'Is the help proportionate?',
      choice: child.proportionate ? proportionateNames[child.proportionate] : 'Not answered',
      paragraphs: paragraphs(child.proportionateWhy),
    },
    {
      question: 'Would this be good enough for my own family?',
      choice: child.goodEnough ? goodEnoughNames[child.goodEnough] : 'Not answered',
      paragraphs: paragraphs(child.goodEnoughWhy),
    },
    { question: 'Strengths', paragraphs: paragraphs(child.strengths) },
    { question: 'Areas to develop', paragraphs: paragraphs(child.areasToDevelop) },
  ];
}

/** An evidence item's source and whether it is a strength, in words. */
export function evidenceWords(item: RecordEvidence) {
  return {
    source: item.source ? evidenceSourceNames[item.source] : 'Source not known',
    kind: item.kind ? evidenceKindNames[item.kind] : 'Not known',
  };
}
