// The person form: its schema, its choices (job roles, home teams) and its conflict rows.
import { z } from 'zod';
import { jobRoleNames, jobRoles } from '../../../../core/job-roles.js';
import type { RequestContext } from '../../../../platform/context.js';
import type { FormErrors } from '../../../../platform/forms.js';
import type { Person, PersonInput } from '../../directory.model.js';
import { emailProblem, personNameMessages } from '../../directory.rules.js';
import type { DirectoryService } from '../../directory.service.js';
import {
  nameField,
  optionalId,
  radioItems,
  selectItems,
  yesNo,
  yesNoChoices,
  yesNoValue,
  type ConflictRow,
} from '../common.js';

export const personSchema = z.object({
  name: nameField(personNameMessages),
  email: z.string({ error: 'Enter an email address' }).superRefine((email, ctx) => {
    const problem = emailProblem(email);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  jobRole: z.enum(jobRoles, { error: 'Select a job role' }),
  homeTeamId: optionalId,
  sltMember: yesNo('Select yes if they are a member of the Senior Leadership Team'),
  canReview: yesNo('Select yes if they can review in Spotlights'),
});

export const jobRoleChoices = jobRoles.map((role) => ({ value: role, text: jobRoleNames[role] }));

export function personValues(person: Person): Record<string, unknown> {
  return {
    name: person.name,
    email: person.email,
    jobRole: person.jobRole,
    homeTeamId: person.homeTeam?.id ?? '',
    sltMember: yesNoValue(person.sltMember),
    canReview: yesNoValue(person.canReview),
  };
}

export async function personFormData(
  directory: DirectoryService,
  ctx: RequestContext,
  data: { person?: Person; values: Record<string, unknown>; errors?: FormErrors; version?: number },
) {
  const { person, values } = data;
  const teams = await directory.personFormOptions(ctx, person);
  const teamChoices = teams.map((t) => ({
    value: t.id,
    text: t.active ? t.name : `${t.name} (deactivated)`,
  }));
  return {
    ...data,
    action: person ? `/directory/people/${person.id}/edit` : '/directory/people/new',
    backLink: person ? `/directory/people/${person.id}` : '/directory/people',
    jobRoleItems: selectItems(jobRoleChoices, values.jobRole, 'Select a job role'),
    homeTeamItems: selectItems(teamChoices, values.homeTeamId, 'Not in a team'),
    sltMemberItems: radioItems(yesNoChoices, values.sltMember),
    canReviewItems: radioItems(yesNoChoices, values.canReview),
    teamNames: new Map(teams.map((t) => [t.id, t.name])),
  };
}

export function personConflictRows(
  now: Person,
  yours: PersonInput,
  teamNames: Map<string, string>,
): ConflictRow[] {
  const yesNoText = (answer: boolean) => (answer ? 'Yes' : 'No');
  return [
    { label: 'Full name', saved: now.name, yours: yours.name },
    { label: 'Email address', saved: now.email, yours: yours.email.trim().toLowerCase() },
    { label: 'Job role', saved: jobRoleNames[now.jobRole], yours: jobRoleNames[yours.jobRole] },
    {
      label: 'Home team',
      saved: now.homeTeam?.name ?? 'Not in a team',
      yours: yours.homeTeamId ? (teamNames.get(yours.homeTeamId) ?? 'Unknown') : 'Not in a team',
    },
    {
      label: 'Member of the Senior Leadership Team',
      saved: yesNoText(now.sltMember),
      yours: yesNoText(yours.sltMember),
    },
    {
      label: 'Can review in Spotlights',
      saved: yesNoText(now.canReview),
      yours: yesNoText(yours.canReview),
    },
  ];
}
