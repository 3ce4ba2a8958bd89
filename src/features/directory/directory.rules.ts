// The directory's checks on what people type: names (of people, teams, service areas, leave
// reasons) and email addresses. Pure functions, shared by the services and the form pages.
import type { JobRole } from '../../core/job-roles.js';
import { normaliseEmail } from '../../platform/auth/accounts.service.js';
import { Invalid } from '../../platform/errors.js';

export const nameMaxLength = 200;
/** The job roles that may be chosen as a team's Team Manager. */
export const managerJobRoles: readonly JobRole[] = ['team-manager', 'team-leader'];

export interface NameMessages {
  empty: string;
  tooLong: string;
  control: string;
}
const nameMessages = (label: string, empty: string): NameMessages => ({
  empty,
  tooLong: `${label} must be ${nameMaxLength} characters or fewer`,
  control: `${label} must not include tabs, line breaks or other hidden control characters`,
});
export const personNameMessages = nameMessages('Full name', 'Enter the person’s full name');
export const teamNameMessages = nameMessages('Team name', 'Enter the team’s name');
export const serviceAreaNameMessages = nameMessages(
  'Service area name',
  'Enter the service area’s name',
);
export const reasonMessages = nameMessages('Reason', '');

export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code <= 0x1f || code === 0x7f) return true;
  }
  return false;
}

/** Names are stored exactly as typed; these are the only things refused. */
export function nameProblem(name: string, messages: NameMessages): string | undefined {
  if (name.trim() === '') return messages.empty;
  if ([...name].length > nameMaxLength) return messages.tooLong;
  if (hasControlCharacter(name)) return messages.control;
  return undefined;
}

/** Throws the name's problem, if it has one, as an error on the given field. */
export function checkName(field: string, name: string, messages: NameMessages): void {
  const problem = nameProblem(name, messages);
  if (problem) throw new Invalid(field, problem);
}

/** The unique key of a team or service area name (lower case can be longer: "İ" becomes "i̇"). */
export function nameKey(name: string, messages: NameMessages): string {
  const key = name.trim().toLowerCase();
  if ([...key].length > nameMaxLength) throw new Invalid('name', messages.tooLong);
  return key;
}

// The HTML form's own rule for email addresses, plain ASCII as council addresses are.
const emailPattern =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export function emailProblem(email: string): string | undefined {
  const normalised = normaliseEmail(email);
  if (normalised === '') return 'Enter an email address';
  if (normalised.length > 320 || !emailPattern.test(normalised)) {
    return 'Enter an email address in the correct format, like name@example.com';
  }
  return undefined;
}

/** The names of the fields whose values differ (lists compared as sets), for the audit log. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  const key = (value: unknown) =>
    Array.isArray(value) ? JSON.stringify((value as unknown[]).map(String).sort()) : value;
  const same = (a: unknown, b: unknown) => key(a) === key(b);
  return Object.keys(after).filter((key) => !same(before[key], after[key]));
}
