// The form of a record's free-text parts (the five themes; the other notes): one zod schema per
// part, every field optional and up to recordLimits.notes characters, in GOV.UK messages.
import { z } from 'zod';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import { characters, cleanText } from '../../../day/day-input.js';
import { recordLimits } from '../../record-limits.js';
import { notesFields, notesTooLong, type Notes, type NotesPart } from '../../records.rules.js';
import { paragraphs } from '../record/view.js';

/** A text field as a form sends it: a repeated field counts once, a missing one is blank. */
const text = z
  .preprocess((value) => (Array.isArray(value) ? (value[0] as unknown) : value), z.unknown())
  .transform((value) => (typeof value === 'string' ? value : ''));

function schemaOf(part: NotesPart) {
  const shape: Record<string, z.ZodType<string>> = {};
  for (const field of notesFields[part]) {
    shape[field.field] = text
      .transform(cleanText)
      .refine((value) => characters(value) <= recordLimits.notes, notesTooLong(field.name));
  }
  return z.object(shape);
}

const schemas: Record<NotesPart, ReturnType<typeof schemaOf>> = {
  themes: schemaOf('themes'),
  'other-notes': schemaOf('other-notes'),
};

export type NotesForm =
  { ok: true; value: Notes } | { ok: false; errors: FormErrors; values: Record<string, unknown> };

/** Reads the form: errors in the order of the fields on the page. */
export function parseNotesForm(part: NotesPart, body: unknown): NotesForm {
  const values = rawValues(body);
  const parsed = schemas[part].safeParse(values);
  if (parsed.success) {
    const value: Notes = {};
    for (const field of notesFields[part]) value[field.field] = parsed.data[field.field] ?? '';
    return { ok: true, value };
  }
  const order = notesFields[part].map((field) => field.field);
  const issues = [...parsed.error.issues].sort(
    (a, b) => order.indexOf(String(a.path[0])) - order.indexOf(String(b.path[0])),
  );
  const errors = emptyErrors();
  for (const issue of issues) addError(errors, String(issue.path[0]), issue.message);
  return { ok: false, errors, values };
}

/** What was typed in each field, cleaned as it would be saved (for pages that could not save it). */
export function typedNotes(part: NotesPart, body: unknown) {
  const values = rawValues(body);
  return notesFields[part].map((field) => {
    const raw = values[field.field];
    const first: unknown = Array.isArray(raw) ? raw[0] : raw;
    return { name: field.name, text: cleanText(typeof first === 'string' ? first : '') };
  });
}

/** Each field as saved now beside what was entered, for the conflict page. */
export function notesConflictRows(part: NotesPart, saved: Notes, yours: Notes) {
  return notesFields[part]
    .filter((field) => (saved[field.field] ?? '') !== '' || (yours[field.field] ?? '') !== '')
    .map((field) => ({
      name: field.name,
      saved: paragraphs(saved[field.field] ?? ''),
      yours: paragraphs(yours[field.field] ?? ''),
      same: (saved[field.field] ?? '') === (yours[field.field] ?? ''),
    }));
}
