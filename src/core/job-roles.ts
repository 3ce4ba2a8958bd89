// Job roles of people in the directory, and the recording systems teams use. The ids are part of
// stable interfaces (the `plan-year` input, imports and exports); the names are what pages show.

export const jobRoles = [
  'senior-leader',
  'head-of-service',
  'team-manager',
  'team-leader',
  'senior-social-worker',
  'isro',
  'social-worker',
  'practitioner',
  'qa-officer',
] as const;
export type JobRole = (typeof jobRoles)[number];

export const jobRoleNames: Record<JobRole, string> = {
  'senior-leader': 'Assistant Director or senior leader',
  'head-of-service': 'Head of Service',
  'team-manager': 'Team Manager',
  'team-leader': 'Team Leader',
  'senior-social-worker': 'Senior Social Worker',
  isro: 'ISRO',
  'social-worker': 'Social Worker',
  practitioner: 'Practitioner',
  'qa-officer': 'QA officer',
};

export function isJobRole(value: unknown): value is JobRole {
  return typeof value === 'string' && (jobRoles as readonly string[]).includes(value);
}

/** Reads a job role as people write it in a spreadsheet: "Team Manager", "team-manager", "TM". */
export function jobRoleFromText(text: string): JobRole | undefined {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (isJobRole(key)) return key;
  const aliases: Record<string, JobRole> = {
    'assistant-director': 'senior-leader',
    ad: 'senior-leader',
    'senior-leader': 'senior-leader',
    hos: 'head-of-service',
    tm: 'team-manager',
    tl: 'team-leader',
    ssw: 'senior-social-worker',
    sw: 'social-worker',
    'qa-officer': 'qa-officer',
  };
  const byAlias = aliases[key];
  if (byAlias) return byAlias;
  const byName = jobRoles.find(
    (role) => jobRoleNames[role].toLowerCase() === text.trim().toLowerCase(),
  );
  return byName;
}

export const recordingSystems = ['LCS', 'EHM'] as const;
export type RecordingSystem = (typeof recordingSystems)[number];

export function isRecordingSystem(value: unknown): value is RecordingSystem {
  return typeof value === 'string' && (recordingSystems as readonly string[]).includes(value);
}
