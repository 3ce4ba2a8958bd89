// The team form: its schema, and the choices it offers (service areas, Team Managers, Heads of Service).
import { z } from 'zod';
import { jobRoleNames, recordingSystems } from '../../../../core/job-roles.js';
import type { RequestContext } from '../../../../platform/context.js';
import type { FormErrors } from '../../../../platform/forms.js';
import type { Candidate, Team, TeamInput } from '../../directory.model.js';
import { teamNameMessages } from '../../directory.rules.js';
import type { DirectoryService } from '../../directory.service.js';
import {
  asList,
  checkboxItems,
  nameField,
  optionalId,
  radioItems,
  selectItems,
  type Choice,
  type ConflictRow,
} from '../common.js';

export const teamSchema = z.object({
  name: nameField(teamNameMessages),
  serviceAreaId: z.string({ error: 'Select a service area' }).min(1, 'Select a service area'),
  managerIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform(asList),
  headOfServiceId: optionalId,
  recordingSystem: z.enum(recordingSystems, { error: 'Select the recording system the team uses' }),
});

export const recordingSystemChoices: Choice[] = [
  { value: 'LCS', text: 'LCS', hint: 'Liquidlogic Children’s Services' },
  { value: 'EHM', text: 'EHM', hint: 'Early Help Module' },
];

export function teamValues(team: Team): Record<string, unknown> {
  return {
    name: team.name,
    serviceAreaId: team.serviceArea.id,
    managerIds: team.managers.map((m) => m.id),
    headOfServiceId: team.headOfService?.id ?? '',
    recordingSystem: team.recordingSystem,
  };
}

function candidateChoice(person: Candidate): Choice {
  if (!person.active) return { value: person.id, text: person.name, hint: 'Deactivated' };
  if (!person.jobRole)
    return { value: person.id, text: person.name, hint: 'No longer in a leading job role' };
  const role = jobRoleNames[person.jobRole];
  return {
    value: person.id,
    text: person.name,
    hint: person.homeTeam ? `${role}, ${person.homeTeam.name}` : role,
  };
}

export type TeamFormData = Awaited<ReturnType<typeof teamFormData>>;

/** Everything the form template needs, with the values as typed (or as saved). */
export async function teamFormData(
  directory: DirectoryService,
  ctx: RequestContext,
  data: { team?: Team; values: Record<string, unknown>; errors?: FormErrors; version?: number },
) {
  const { team, values } = data;
  const options = await directory.teamFormOptions(ctx, team);
  const areaChoices = options.serviceAreas.map((a) => ({
    value: a.id,
    text: a.active ? a.name : `${a.name} (deactivated)`,
  }));
  const headChoices = options.headOfServiceCandidates.map((p) => ({
    value: p.id,
    text: p.active ? p.name : `${p.name} (deactivated)`,
  }));
  return {
    ...data,
    action: team ? `/directory/teams/${team.id}/edit` : '/directory/teams/new',
    backLink: team ? `/directory/teams/${team.id}` : '/directory/teams',
    serviceAreaItems: selectItems(areaChoices, values.serviceAreaId, 'Select a service area'),
    managerItems: checkboxItems(
      options.managerCandidates.map(candidateChoice),
      asList(values.managerIds),
    ),
    headOfServiceItems: selectItems(
      headChoices,
      values.headOfServiceId,
      'No Head of Service chosen',
    ),
    recordingSystemItems: radioItems(recordingSystemChoices, values.recordingSystem),
    // Shown on the conflict page: what the chosen ids mean.
    names: new Map<string, string>([
      ...options.serviceAreas.map((a): [string, string] => [a.id, a.name]),
      ...options.managerCandidates.map((p): [string, string] => [p.id, p.name]),
      ...options.headOfServiceCandidates.map((p): [string, string] => [p.id, p.name]),
    ]),
  };
}

/** The conflict page's rows: the team as saved now, beside what this user entered. */
export function teamConflictRows(
  now: Team,
  yours: TeamInput,
  names: Map<string, string>,
): ConflictRow[] {
  const name = (id: string | null) => (id ? (names.get(id) ?? 'Unknown') : 'None');
  const list = (items: string[]) => (items.length ? [...items].sort().join(', ') : 'None');
  return [
    { label: 'Team name', saved: now.name, yours: yours.name },
    { label: 'Service area', saved: now.serviceArea.name, yours: name(yours.serviceAreaId) },
    {
      label: 'Team Managers',
      saved: list(now.managers.map((m) => m.name)),
      yours: list(yours.managerIds.map(name)),
    },
    {
      label: 'Head of Service',
      saved: now.headOfService?.name ?? 'None',
      yours: name(yours.headOfServiceId),
    },
    { label: 'Recording system', saved: now.recordingSystem, yours: yours.recordingSystem },
  ];
}
