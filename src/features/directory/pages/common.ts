// What every directory page handler shares: the request context, the hidden version field,
// form choices built for GOV.UK components, and the page shown when somebody else saved first.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can, type Permission } from '../../../platform/policy.js';
import { nameProblem, type NameMessages } from '../directory.rules.js';

export const view = { config: { permission: 'directory:view' as Permission } };
export const manage = { config: { permission: 'directory:manage' as Permission } };

export { contextOf } from '../../../platform/context.js';

export function canManage(request: FastifyRequest): boolean {
  return can(request.actor, 'directory:manage');
}

export { versionOf } from '../../../platform/forms.js';

/** Checkboxes send nothing, one value or several. */
export function asList(value: unknown): string[] {
  if (Array.isArray(value))
    return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

export function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A name field: kept exactly as typed; only empty, over-long and control characters refused. */
export function nameField(messages: NameMessages) {
  return z.string({ error: messages.empty }).superRefine((name, ctx) => {
    const problem = nameProblem(name, messages);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** Optional short text, such as a reason: empty becomes null. */
export function optionalTextField(messages: NameMessages) {
  return z
    .string()
    .optional()
    .superRefine((text, ctx) => {
      if (!text || text.trim() === '') return;
      const problem = nameProblem(text, messages);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((text) => (text && text.trim() !== '' ? text : null));
}

/** An id from a select or radios: empty means none chosen. */
export const optionalId = z
  .string()
  .optional()
  .transform((id) => (id ? id : null));

export const yesNo = (message: string) =>
  z.enum(['yes', 'no'], { error: message }).transform((answer) => answer === 'yes');

export interface Choice {
  value: string;
  text: string;
  hint?: string;
}

export function selectItems(choices: Choice[], selected: unknown, none?: string) {
  const items = choices.map((c) => ({
    value: c.value,
    text: c.text,
    selected: c.value === selected,
  }));
  return none === undefined ? items : [{ value: '', text: none, selected: !selected }, ...items];
}

export function radioItems(choices: Choice[], checked: unknown) {
  return choices.map((c) => ({
    value: c.value,
    text: c.text,
    checked: c.value === checked,
    ...(c.hint ? { hint: { text: c.hint } } : {}),
  }));
}

export function checkboxItems(choices: Choice[], checked: readonly string[]) {
  return choices.map((c) => ({
    value: c.value,
    text: c.text,
    checked: checked.includes(c.value),
    ...(c.hint ? { hint: { text: c.hint } } : {}),
  }));
}

export const yesNoChoices: Choice[] = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];

export const yesNoValue = (answer: boolean) => (answer ? 'yes' : 'no');

export interface ConflictRow {
  label: string;
  saved: string;
  yours: string;
}

/** Somebody else saved first: show what is saved now beside what this user typed, save nothing. */
export async function conflictPage(
  reply: FastifyReply,
  data: { thing: string; name: string; href: string; editHref?: string; rows: ConflictRow[] },
): Promise<FastifyReply> {
  return reply.page('features/directory/pages/conflict.njk', data, 409);
}
