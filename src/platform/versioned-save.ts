// Saving a form that changes something shared and versioned (ADR 0008), in one place so that the
// plain Save button, autosave and the conflict page behave the same on every page:
//   1. the version the form was read at (a form without one was tampered with);
//   2. the form's own rules: the page again with the error summary (400), or 422 JSON to autosave;
//   3. the save: a rule the service keeps (Invalid) is shown like a form error; somebody else's
//      save first (Conflict) shows what is saved now beside what was entered (409), or 409 JSON
//      to autosave, whose script then asks the person to press Save;
//   4. saved: autosave gets the new version in JSON; Save goes wherever `done` says.
// Who may save, and whether the thing may change at all, is checked by the caller before this
// runs, so that nothing typed is read first.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { autosaveConflict, autosaved, autosaveInvalid, isAutosave } from './autosave.js';
import { Conflict, Invalid } from './errors.js';
import { addError, emptyErrors, rawValues, versionOf, type FormErrors } from './forms.js';

/** A form read by its rules: the typed value, or errors with what was entered. */
export type ParsedForm<T, V> =
  { ok: true; value: T; values?: V } | { ok: false; errors: FormErrors; values: V };

/** What a save says back, for autosave's answer. */
export interface Saved {
  version: number;
  savedAt: Date;
}

export interface VersionedSaveSteps<T, V> {
  /** The version the form was read at; the default accepts 1 or more. */
  version?(body: unknown): number;
  parse(body: unknown): ParsedForm<T, V>;
  /** The form again with what was entered and the errors, with status 400. */
  again(values: V, errors: FormErrors, version: number): Promise<FastifyReply> | FastifyReply;
  /** Saves; a form that autosaves returns `Saved` (its new version and when), for the JSON answer. */
  save(value: T, version: number): Promise<unknown>;
  /** Somebody else saved first: what is saved now beside what was entered, with status 409. */
  conflict(value: T, values: V): Promise<FastifyReply> | FastifyReply;
  /** Saved by the Save button: where the person goes next. */
  done(value: T): Promise<FastifyReply> | FastifyReply;
  /** A Conflict that is not a lost update (a submitted record, a locked report): the caller's. */
  passOn?(error: Conflict): boolean;
}

function isSaved(result: unknown): result is Saved {
  if (typeof result !== 'object' || result === null) return false;
  const { version, savedAt } = result as Partial<Saved>;
  return typeof version === 'number' && savedAt instanceof Date;
}

export async function versionedSave<T, V = Record<string, unknown>>(
  request: FastifyRequest,
  reply: FastifyReply,
  steps: VersionedSaveSteps<T, V>,
): Promise<FastifyReply> {
  const autosave = isAutosave(request);
  let version: number;
  try {
    version = (steps.version ?? versionOf)(request.body);
  } catch (error) {
    if (autosave && error instanceof Invalid)
      return autosaveInvalid(reply, [{ text: error.message }]);
    throw error;
  }
  const form = steps.parse(request.body);
  if (!form.ok) {
    if (autosave) return autosaveInvalid(reply, form.errors.list);
    return steps.again(form.values, form.errors, version);
  }
  const values = form.values ?? (rawValues(request.body) as V);
  try {
    const saved = await steps.save(form.value, version);
    if (autosave && isSaved(saved)) return autosaved(reply, saved.version, saved.savedAt);
  } catch (error) {
    if (error instanceof Invalid) {
      if (autosave) return autosaveInvalid(reply, [{ text: error.message }]);
      return steps.again(values, addError(emptyErrors(), error.field, error.message), version);
    }
    if (!(error instanceof Conflict) || steps.passOn?.(error)) throw error;
    if (autosave) return autosaveConflict(reply);
    return steps.conflict(form.value, values);
  }
  return steps.done(form.value);
}
