// The forms of the users pages: inviting someone and changing a role, and the role choices with a
// line on what each role does in Spotlight.
import { z } from 'zod';
import { roleNames, roles, type Role } from '../../platform/policy.js';

const roleHints: Record<Role, string> = {
  'qa-coordinator':
    'Runs the timetable and rota, keeps the directory and users, and sees every Spotlight.',
  'hos-qa': 'Reviews draft reports, returns them with comments or finalises them.',
  'senior-leader': 'Leads Spotlights: agrees priorities, allocates children and writes the report.',
  'head-of-service': 'Prepares their teams for a Spotlight, agrees actions and oversees follow-up.',
  'team-manager': 'Sends preparation documents, collates nominations and owns actions.',
  staff: 'Takes part as a Spotlight team member or as a practitioner in a visited team.',
};

export const roleSchema = z.enum(roles, { error: 'Select a role' });

export const inviteSchema = z.object({
  email: z
    .string({ error: 'Enter their email address' })
    .trim()
    .min(1, 'Enter their email address')
    .max(320, 'Email address must be 320 characters or fewer')
    .regex(
      /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
      'Enter an email address in the correct format, like name@example.com',
    ),
  role: roleSchema,
});

export const changeRoleSchema = z.object({ role: roleSchema });

/** Radios for the six roles, with the one that is checked. */
export function roleItems(checked: unknown) {
  return roles.map((role) => ({
    value: role,
    text: roleNames[role],
    hint: { text: roleHints[role] },
    checked: role === checked,
  }));
}
