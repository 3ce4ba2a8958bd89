// The form for changing one Spotlight: its date, its Lead and a select for each member place.
import { z } from 'zod';
import {
  addError,
  emptyErrors,
  hasErrors,
  rawValues,
  type FormErrors,
} from '../../../../platform/forms.js';
import { parseDateInput } from '../../../../platform/date-input.js';
import type { PersonChoice } from '../../plan-edit.service.js';
import type { PlanSpotlight } from '../../timetable.model.js';
import { dateValues, type DatePart } from './common.js';

/** How many member places the form offers: the plan's most, or more if the Spotlight has more. */
export function memberPlaces(spotlight: PlanSpotlight, most: number): number {
  return Math.min(10, Math.max(most, spotlight.members.length, 1));
}

export function memberField(place: number): string {
  return `member${place}`;
}

/** The form's values for a Spotlight as it is saved. */
export function spotlightValues(spotlight: PlanSpotlight): Record<string, string> {
  const values: Record<string, string> = {
    ...dateValues('date', spotlight.date),
    lead: spotlight.lead?.id ?? '',
  };
  spotlight.members.forEach((member, i) => {
    values[memberField(i + 1)] = member.id;
  });
  return values;
}

const fieldsSchema = z.object({
  lead: z.string({ error: 'Select a Lead' }).trim().min(1, 'Select a Lead'),
  confirmRuleBreaks: z.string().optional(),
});

export type SpotlightForm =
  | {
      ok: true;
      value: { date: string; leadId: string; memberIds: string[]; confirmRuleBreaks: boolean };
    }
  | {
      ok: false;
      errors: FormErrors;
      errorParts: Record<string, DatePart[]>;
      values: Record<string, unknown>;
    };

export function parseSpotlightForm(body: unknown, places: number): SpotlightForm {
  const values = rawValues(body);
  const errors = emptyErrors();
  const errorParts: Record<string, DatePart[]> = {};
  const date = parseDateInput(values, 'date', 'Date');
  if (!('date' in date)) {
    addError(errors, 'date', date.message, `#date-${date.parts[0] ?? 'day'}`);
    errorParts.date = date.parts;
  }
  const fields = fieldsSchema.safeParse(values);
  if (!fields.success) {
    for (const issue of fields.error.issues)
      addError(errors, String(issue.path[0] ?? 'lead'), issue.message);
  }
  const leadId = fields.success ? fields.data.lead : '';
  const memberIds: string[] = [];
  for (let place = 1; place <= places; place += 1) {
    const field = memberField(place);
    const raw = values[field];
    const id = typeof raw === 'string' ? raw.trim() : '';
    if (id === '') continue;
    if (memberIds.includes(id))
      addError(errors, field, 'Select a different person for each member place');
    else if (id === leadId) addError(errors, field, 'The Lead cannot also be a member');
    else memberIds.push(id);
  }
  if (memberIds.length === 0) addError(errors, memberField(1), 'Select at least one member');
  if (hasErrors(errors) || !('date' in date) || !fields.success) {
    return { ok: false, errors, errorParts, values };
  }
  return {
    ok: true,
    value: {
      date: date.date,
      leadId,
      memberIds,
      confirmRuleBreaks: fields.data.confirmRuleBreaks === 'yes',
    },
  };
}

/** The GOV.UK select items for one place, the chosen person selected. */
export function personItems(choices: readonly PersonChoice[], selected: unknown, none: string) {
  return [
    { value: '', text: none, selected: !selected },
    ...choices.map((c) => ({ value: c.value, text: c.text, selected: c.value === selected })),
  ];
}
