// The rules of a Team Member Information Record, without input or output: the parts written as free
// text and their checks, the Lead's reason to reopen one, where a record stands, how far a child's
// questions are answered, its evidence as pages show it, and when records are due.
import { deadlineOf, dueStatus, type DueStatus } from '../../core/deadlines.js';
import {
  isEvidenceKind,
  isEvidenceSource,
  isThemeKey,
  otherNotes,
  themes,
  type EvidenceKind,
  type EvidenceSource,
  type Theme,
  type ThemeKey,
} from '../../core/record-themes.js';
import { Invalid } from '../../platform/errors.js';
import { characters, cleanText } from '../day/day-input.js';
import type { Spotlight } from '../spotlight/spotlight.service.js';
import { recordLimits } from './record-limits.js';
import { submittedLate, type MemberRecord, type RecordChild } from './records.model.js';
import type { EvidenceItemRow } from './records.repository.js';

/** The two parts of a record written as free text: the five themes, and the other notes. */
export type NotesPart = 'themes' | 'other-notes';
export type NotesColumn = Theme['column'] | (typeof otherNotes)[number]['column'];

export interface NotesField {
  /** The form field, and the key of the part's values. */
  field: string;
  column: NotesColumn;
  name: string;
  /** The theme's question, or what the note is for. */
  hint: string;
  /** The guidance's prompts ("questions you may wish to ask"); none for the other notes. */
  prompts: readonly string[];
}

export const notesFields: Record<NotesPart, readonly NotesField[]> = {
  themes: themes.map((theme) => ({
    field: theme.field,
    column: theme.column,
    name: theme.name,
    hint: theme.question,
    prompts: theme.prompts,
  })),
  'other-notes': otherNotes.map((note) => ({
    field: note.field,
    column: note.column,
    name: note.name,
    hint: note.hint,
    prompts: [],
  })),
};

/** A part's text, by form field. */
export type Notes = Record<string, string>;

export function notesOf(record: MemberRecord, part: NotesPart): Notes {
  const values: Notes = {};
  if (part === 'themes') for (const theme of themes) values[theme.field] = record.themes[theme.key];
  else for (const note of otherNotes) values[note.field] = record[note.field];
  return values;
}

/** "Notes on culture of the team must be 10,000 characters or fewer" */
export function notesTooLong(name: string): string {
  const limit = recordLimits.notes.toLocaleString('en-GB');
  return `Notes on ${name.charAt(0).toLowerCase()}${name.slice(1)} must be ${limit} characters or fewer`;
}

/** The notes as they will be stored; the form already told the user about anything too long. */
export function checkNotes(
  part: NotesPart,
  input: Notes,
): Partial<Record<NotesColumn, string | null>> {
  const values: Partial<Record<NotesColumn, string | null>> = {};
  for (const field of notesFields[part]) {
    const text = cleanText(input[field.field] ?? '');
    if (characters(text) > recordLimits.notes) {
      throw new Invalid(field.field, notesTooLong(field.name));
    }
    values[field.column] = text || null;
  }
  return values;
}

/** Why the Lead reopens a record, as its author will read it. */
export function checkReopenReason(reason: string): string {
  const why = cleanText(reason);
  if (why === '') throw new Invalid('reason', 'Enter why you are reopening the record');
  if (characters(why) > recordLimits.reopenReason) {
    throw new Invalid(
      'reason',
      `The reason must be ${recordLimits.reopenReason} characters or fewer`,
    );
  }
  return why;
}

export type RecordState = 'not-started' | 'draft' | 'reopened' | 'submitted' | 'submitted-late';

export function recordState(record: MemberRecord | null, due: string): RecordState {
  if (!record) return 'not-started';
  if (record.status === 'draft') return record.reopened ? 'reopened' : 'draft';
  return record.submittedAt && submittedLate(record.submittedAt, due)
    ? 'submitted-late'
    : 'submitted';
}

/** How far the member has got with the questions about one child. */
export type ChildProgress = 'untouched' | 'in-progress' | 'answered';

export function childProgress(child: RecordChild): ChildProgress {
  const answers = [
    child.documentsRead,
    child.lifeForChild,
    child.proportionate ?? '',
    child.proportionateWhy,
    child.goodEnough ?? '',
    child.goodEnoughWhy,
    child.strengths,
    child.areasToDevelop,
  ];
  const given = answers.filter((answer) => answer !== '').length;
  if (given === 0) return 'untouched';
  return given === answers.length ? 'answered' : 'in-progress';
}

export interface RecordEvidence {
  id: string;
  /** Null when the stored value is not one Spotlight knows (never expected). */
  theme: ThemeKey | null;
  source: EvidenceSource | null;
  kind: EvidenceKind | null;
  seen: string;
  /** The record's child it is about, if any. */
  childId: string | null;
}

export function toEvidence(row: EvidenceItemRow): RecordEvidence {
  return {
    id: row.id,
    theme: isThemeKey(row.theme) ? row.theme : null,
    source: isEvidenceSource(row.source) ? row.source : null,
    kind: isEvidenceKind(row.kind) ? row.kind : null,
    seen: row.seen,
    childId: row.record_child_id,
  };
}

export interface RecordsDeadline {
  /** YYYY-MM-DD */
  due: string;
  status: DueStatus;
}

export function deadlineFor(spotlight: Spotlight): RecordsDeadline {
  const due = deadlineOf(spotlight.deadlines, 'memberRecords');
  return { due, status: dueStatus(due, spotlight.today, spotlight.calendar) };
}
