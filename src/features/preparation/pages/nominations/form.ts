// The nominations form (a practitioner's own, or the Team Manager's for a practitioner): its schema,
// the values it shows, and everything its template needs.
import { z } from 'zod';
import { caseSystems, describeCaseNumberFormat } from '../../../../core/case-numbers.js';
import { addError, emptyErrors, rawValues, type FormErrors } from '../../../../platform/forms.js';
import type { Spotlight } from '../../../spotlight/spotlight.service.js';
import type {
  Forwarding,
  NominationsDeadline,
  PractitionerNominations,
} from '../../nominations.model.js';
import {
  maxReasonLength,
  nominationKinds,
  nominationKindNames,
  type FieldProblem,
  type NominationKind,
  type NominationsInput,
} from '../../nominations.rules.js';

/** A text field as a form sends it: a repeated field counts once, a missing one is blank. */
const text = z
  .preprocess((value) => (Array.isArray(value) ? (value[0] as unknown) : value), z.unknown())
  .transform((value) => (typeof value === 'string' ? value : ''));

export const nominationsSchema = z.object({
  proudSystem: text,
  proudNumber: text,
  proudReason: text,
  challengingSystem: text,
  challengingNumber: text,
  challengingReason: text,
});

/**
 * The version each nomination was read at: 0 for none. A form without it was tampered with; -1
 * never matches, so the save is refused as a conflict and the page shows what is saved.
 */
function versionField(body: unknown, name: string): number {
  const raw =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : '';
  return typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : -1;
}

/** The form's input for the service, as sent. */
export function readNominationsForm(body: unknown): NominationsInput {
  const parsed = nominationsSchema.safeParse(typeof body === 'object' && body !== null ? body : {});
  const v = parsed.success ? parsed.data : nominationsSchema.parse({});
  return {
    proud: { system: v.proudSystem, number: v.proudNumber, reason: v.proudReason },
    challenging: {
      system: v.challengingSystem,
      number: v.challengingNumber,
      reason: v.challengingReason,
    },
    versions: {
      proud: versionField(body, 'proudVersion'),
      challenging: versionField(body, 'challengingVersion'),
    },
  };
}

export function errorsOf(problems: readonly FieldProblem[]): FormErrors {
  const errors = emptyErrors();
  for (const problem of problems) addError(errors, problem.field, problem.message);
  return errors;
}

export function versionsOf(current: PractitionerNominations): Record<string, string> {
  return {
    proudVersion: String(current.proud?.version ?? 0),
    challengingVersion: String(current.challenging?.version ?? 0),
  };
}

/** The form filled in as saved (the team's recording system chosen when nothing is). */
export function savedValues(
  current: PractitionerNominations,
  recordingSystem: string,
): Record<string, unknown> {
  const values: Record<string, unknown> = versionsOf(current);
  for (const kind of nominationKinds) {
    const saved = current[kind];
    values[`${kind}System`] = saved?.system ?? recordingSystem;
    values[`${kind}Number`] = saved?.caseNumber ?? '';
    values[`${kind}Reason`] = saved?.reason ?? '';
  }
  return values;
}

/** What was typed, as the page shows it again. */
export function typedValues(body: unknown): Record<string, unknown> {
  const values = rawValues(body);
  const parsed = nominationsSchema.safeParse(values);
  return parsed.success ? { ...values, ...parsed.data } : values;
}

const legends: Record<NominationKind, string> = {
  proud: 'A child whose practice you are proud of',
  challenging: 'A child you found challenging',
};

/** Saved now against what was entered, for the conflict page. */
function conflictRows(current: PractitionerNominations, typed: Record<string, unknown>) {
  const show = (system: unknown, number: unknown, reason: unknown) => {
    const n = typeof number === 'string' ? number.trim() : '';
    if (n === '') return 'Nobody named';
    const why = typeof reason === 'string' && reason.trim() !== '' ? ` (${reason.trim()})` : '';
    return `${typeof system === 'string' ? system : ''} ${n}${why}`;
  };
  return nominationKinds.map((kind) => {
    const saved = current[kind];
    return {
      label: nominationKindNames[kind],
      saved: saved ? show(saved.system, saved.caseNumber, saved.reason) : 'Nobody named',
      yours: show(typed[`${kind}System`], typed[`${kind}Number`], typed[`${kind}Reason`]),
    };
  });
}

export interface NominationsPage {
  spotlight: Spotlight;
  current: PractitionerNominations;
  forwarding: Forwarding | null;
  deadline: NominationsDeadline;
}

/** The template's data for the form, read-only view or conflict page. */
export function formPageData(
  page: NominationsPage,
  options: {
    action: string;
    byManager: boolean;
    values?: Record<string, unknown>;
    errors?: FormErrors;
    conflict?: boolean;
    readOnly?: boolean;
  },
) {
  const { spotlight, current } = page;
  const formats = spotlight.settings.caseNumberFormats;
  const values = options.values ?? savedValues(current, spotlight.team.recordingSystem);
  return {
    ...page,
    spotlightHref: `/spotlights/${spotlight.id}`,
    backLink: options.byManager
      ? `/spotlights/${spotlight.id}/nominations`
      : `/spotlights/${spotlight.id}`,
    heading: options.byManager
      ? `Nominations for ${current.practitioner.name}`
      : 'Your nominations for the Spotlight',
    action: options.action,
    byManager: options.byManager,
    readOnly: options.readOnly ?? false,
    values: options.conflict ? { ...values, ...versionsOf(current) } : values,
    errors: options.errors,
    conflictRows: options.conflict ? conflictRows(current, values) : undefined,
    numberHint: caseSystems
      .map((system) => `${describeCaseNumberFormat(system, formats[system])}.`)
      .join(' '),
    maxReasonLength,
    kinds: nominationKinds.map((kind) => ({ kind, legend: legends[kind] })),
    kindNames: nominationKindNames,
  };
}
