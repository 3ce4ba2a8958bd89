// The form to add another child a team member reviewed: the recording system and the child's case
// number, checked against the council's formats. One schema; messages in the GOV.UK style.
import { z } from 'zod';
import {
  caseSystems,
  checkCaseNumber,
  describeCaseNumberFormat,
  isCaseSystem,
  type CaseNumberFormats,
} from '../../../../core/case-numbers.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import { addChildMessages } from '../../record-items.rules.js';

/** A text field as a form sends it: a repeated field counts once, a missing one is blank. */
const text = z
  .preprocess((value) => (Array.isArray(value) ? (value[0] as unknown) : value), z.unknown())
  .transform((value) => (typeof value === 'string' ? value : ''));

export const addChildSchema = z.object({ caseSystem: text, caseNumber: text });

export type AddChildForm =
  | { ok: true; value: { caseSystem: string; caseNumber: string } }
  | { ok: false; errors: FormErrors; values: Record<string, unknown> };

/** Reads the form; the number is checked against the format of the system chosen. */
export function parseAddChildForm(body: unknown, formats: CaseNumberFormats): AddChildForm {
  const values = rawValues(body);
  const { caseSystem, caseNumber } = addChildSchema.parse(values);
  const errors = emptyErrors();
  if (!isCaseSystem(caseSystem)) {
    addError(errors, 'caseSystem', addChildMessages.caseSystem, '#caseSystem');
    if (caseNumber.trim() === '') {
      addError(errors, 'caseNumber', 'Enter the child’s LCS or EHM number');
    }
  } else {
    const checked = checkCaseNumber(caseSystem, caseNumber, formats);
    if (!checked.ok) addError(errors, 'caseNumber', checked.message);
  }
  if (errors.list.length > 0) return { ok: false, errors, values };
  return { ok: true, value: { caseSystem, caseNumber } };
}

/** "LCS numbers are 6 to 8 digits, like 123456. EHM numbers are ..." */
export const caseNumberHint = (formats: CaseNumberFormats) =>
  caseSystems.map((system) => `${describeCaseNumberFormat(system, formats[system])}.`).join(' ');

export const caseSystemItems = (value: unknown) =>
  caseSystems.map((system) => ({ value: system, text: system, checked: value === system }));
