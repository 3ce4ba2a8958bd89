// Checks every row of an uploaded file against the directory as it is and against the rest of the
// file, and works out what importing it would add and change. Pure: the snapshot is passed in.
import {
  emailKey,
  isEmail,
  nameKey,
  nameProblem,
  readRecordingSystem,
  readYesNo,
  splitEmails,
  type DirectoryFile,
  type PersonSheetRow,
  type TeamSheetRow,
} from '../../../core/directory-import.js';
import { jobRoleFromText, type JobRole, type RecordingSystem } from '../../../core/job-roles.js';

/** The parts of the directory an import reads, as they are now. */
export interface DirectorySnapshot {
  serviceAreas: { id: string; name: string; key: string; active: boolean }[];
  teams: {
    id: string;
    name: string;
    key: string;
    serviceAreaId: string;
    headOfServiceId: string | null;
    recordingSystem: string;
    managerIds: string[];
    active: boolean;
    version: number;
  }[];
  people: {
    id: string;
    name: string;
    email: string;
    jobRole: string;
    homeTeamId: string | null;
    slt: boolean;
    canReview: boolean;
    active: boolean;
    version: number;
  }[];
}

export type SheetName = 'Teams' | 'People';
export type Action = 'add' | 'change' | 'same';

export interface RowProblem {
  sheet: SheetName;
  row: number;
  reasons: string[];
}

export interface TeamPlan {
  row: number;
  action: Action;
  existingId: string | null;
  name: string;
  key: string;
  serviceAreaKey: string;
  recordingSystem: RecordingSystem;
  /** Undefined when the file has no Team managers column: the team keeps its managers. */
  managerEmails?: string[];
  headOfServiceEmail?: string | null;
  changes: string[];
}

export interface PersonPlan {
  row: number;
  action: Action;
  existingId: string | null;
  /** Inactive in the directory: the import changes their details but does not reactivate them. */
  inactive: boolean;
  name: string;
  email: string;
  jobRole: JobRole;
  teamKey?: string | null;
  slt?: boolean;
  canReview?: boolean;
  changes: string[];
}

export interface ImportCounts {
  teams: Record<Action, number>;
  people: Record<Action, number>;
  serviceAreas: number;
}

export interface ImportPlan {
  problems: RowProblem[];
  teams: TeamPlan[];
  people: PersonPlan[];
  newServiceAreas: { key: string; name: string }[];
  counts: ImportCounts;
}

const nameWords = {
  empty: (what: string) => `Enter the ${what}`,
  'too-long': (what: string) => `The ${what} must be 200 characters or fewer`,
  control: (what: string) =>
    `The ${what} must not include tabs, line breaks or other hidden control characters`,
};

const managerRoles: readonly string[] = ['team-manager', 'team-leader'];

function count(plans: readonly { action: Action }[]): Record<Action, number> {
  const counts = { add: 0, change: 0, same: 0 };
  for (const plan of plans) counts[plan.action] += 1;
  return counts;
}

export function planImport(file: DirectoryFile, directory: DirectorySnapshot): ImportPlan {
  const areasByKey = new Map(directory.serviceAreas.map((a) => [a.key, a]));
  const areasById = new Map(directory.serviceAreas.map((a) => [a.id, a]));
  const teamsByKey = new Map(directory.teams.map((t) => [t.key, t]));
  const teamsById = new Map(directory.teams.map((t) => [t.id, t]));
  const peopleByEmail = new Map(directory.people.map((p) => [emailKey(p.email), p]));
  const peopleById = new Map(directory.people.map((p) => [p.id, p]));

  const problems = new Map<string, RowProblem>();
  const problem = (sheet: SheetName, row: number, reason: string) => {
    const id = `${sheet}:${row}`;
    const entry = problems.get(id) ?? { sheet, row, reasons: [] };
    entry.reasons.push(reason);
    problems.set(id, entry);
  };

  // The first row of each team and person in the file, to find duplicates and references.
  const firstTeamRow = new Map<string, number>();
  for (const r of file.teams) {
    const key = nameKey(r.name);
    if (key !== '' && !firstTeamRow.has(key)) firstTeamRow.set(key, r.row);
  }
  const filePeople = new Map<string, { row: number; jobRole: JobRole | undefined }>();
  for (const r of file.people) {
    const key = emailKey(r.email);
    if (key !== '' && !filePeople.has(key))
      filePeople.set(key, { row: r.row, jobRole: jobRoleFromText(r.jobRole) });
  }

  const newServiceAreas = new Map<string, string>();
  const teams = file.teams.map((r) => planTeam(r, (reason) => problem('Teams', r.row, reason)));
  const people = file.people.map((r) =>
    planPerson(r, (reason) => problem('People', r.row, reason)),
  );

  function leaderProblem(
    email: string,
    kind: 'Team Manager' | 'Head of Service',
    team: DirectorySnapshot['teams'][number] | undefined,
  ): string | undefined {
    if (!isEmail(email)) return `The ${kind} email address ‘${email}’ is not valid`;
    const key = emailKey(email);
    const inFile = filePeople.get(key);
    const known = peopleByEmail.get(key);
    if (!inFile && !known)
      return `The ${kind} ‘${email}’ is not in the directory or the People sheet`;
    // Whoever leads the team now may stay, as on the team's own page.
    if (team && known) {
      if (kind === 'Team Manager' && team.managerIds.includes(known.id)) return undefined;
      if (kind === 'Head of Service' && team.headOfServiceId === known.id) return undefined;
    }
    if (known && !known.active) return `The ${kind} ‘${email}’ is inactive in the directory`;
    const role = inFile ? inFile.jobRole : known?.jobRole;
    if (role === undefined) return undefined; // their own row says what is wrong
    if (kind === 'Team Manager' && !managerRoles.includes(role))
      return `The Team Manager ‘${email}’ must have the job role Team Manager or Team Leader`;
    if (kind === 'Head of Service' && role !== 'head-of-service')
      return `The Head of Service ‘${email}’ must have the job role Head of Service`;
    return undefined;
  }

  function checkName(name: string, what: string, report: (reason: string) => void): boolean {
    const wrong = nameProblem(name);
    if (wrong) report(nameWords[wrong](what));
    return !wrong;
  }

  function planTeam(r: TeamSheetRow, report: (reason: string) => void): TeamPlan {
    const key = nameKey(r.name);
    if (checkName(r.name, 'team’s name', report)) {
      const first = firstTeamRow.get(key);
      if (first !== undefined && first !== r.row)
        report(`The team ‘${r.name}’ is also on row ${first} of the Teams sheet`);
    }
    const existing = teamsByKey.get(key);
    const serviceAreaKey = nameKey(r.serviceArea);
    if (checkName(r.serviceArea, 'service area', report)) {
      const area = areasByKey.get(serviceAreaKey);
      if (!area && !newServiceAreas.has(serviceAreaKey))
        newServiceAreas.set(serviceAreaKey, r.serviceArea);
      if (area && !area.active && area.id !== existing?.serviceAreaId)
        report(`The service area ‘${r.serviceArea}’ is inactive in the directory`);
    }
    const recordingSystem = readRecordingSystem(r.recordingSystem);
    if (!recordingSystem)
      report(
        r.recordingSystem === ''
          ? 'Enter the recording system: LCS or EHM'
          : `The recording system must be LCS or EHM, not ‘${r.recordingSystem}’`,
      );
    const plan: TeamPlan = {
      ...{ row: r.row, action: 'same', existingId: existing?.id ?? null, name: r.name, key },
      ...{ serviceAreaKey, recordingSystem: recordingSystem ?? 'LCS', changes: [] },
    };
    if (r.managers !== undefined) {
      plan.managerEmails = splitEmails(r.managers).map(emailKey);
      for (const email of splitEmails(r.managers)) {
        const wrong = leaderProblem(email, 'Team Manager', existing);
        if (wrong) report(wrong);
      }
    }
    if (r.headOfService !== undefined) {
      const emails = splitEmails(r.headOfService);
      plan.headOfServiceEmail = emails[0] ? emailKey(emails[0]) : null;
      if (emails.length > 1) report('Enter one email address for the Head of Service');
      const wrong = emails[0] && leaderProblem(emails[0], 'Head of Service', existing);
      if (wrong) report(wrong);
    }
    if (!existing) return { ...plan, action: 'add' };
    const emailOf = (id: string) => emailKey(peopleById.get(id)?.email ?? id);
    const sameSet = (a: string[], b: string[]) =>
      a.length === b.length && a.every((x) => b.includes(x));
    const changes = [
      r.name !== existing.name.trim() && 'Name',
      serviceAreaKey !== areasById.get(existing.serviceAreaId)?.key && 'Service area',
      plan.recordingSystem !== existing.recordingSystem && 'Recording system',
      plan.managerEmails &&
        !sameSet(plan.managerEmails, existing.managerIds.map(emailOf)) &&
        'Team managers',
      plan.headOfServiceEmail !== undefined &&
        plan.headOfServiceEmail !==
          (existing.headOfServiceId && emailOf(existing.headOfServiceId)) &&
        'Head of Service',
    ].filter((c): c is string => typeof c === 'string');
    return { ...plan, action: changes.length > 0 ? 'change' : 'same', changes };
  }

  function planPerson(r: PersonSheetRow, report: (reason: string) => void): PersonPlan {
    checkName(r.name, 'person’s full name', report);
    const email = emailKey(r.email);
    if (r.email === '') report('Enter an email address');
    else if (!isEmail(r.email)) report(`‘${r.email}’ is not a valid email address`);
    else {
      const first = filePeople.get(email)?.row;
      if (first !== undefined && first !== r.row)
        report(`The email address ‘${r.email}’ is also on row ${first} of the People sheet`);
    }
    const existing = peopleByEmail.get(email);
    const jobRole = jobRoleFromText(r.jobRole);
    if (!jobRole)
      report(
        r.jobRole === '' ? 'Enter a job role' : `‘${r.jobRole}’ is not a job role Spotlight knows`,
      );
    const plan: PersonPlan = {
      ...{ row: r.row, action: 'same', existingId: existing?.id ?? null, name: r.name, email },
      ...{ inactive: existing ? !existing.active : false, jobRole: jobRole ?? 'practitioner' },
      changes: [],
    };
    if (r.team !== undefined) {
      plan.teamKey = r.team === '' ? null : nameKey(r.team);
      const team = plan.teamKey === null ? undefined : teamsByKey.get(plan.teamKey);
      if (plan.teamKey !== null && !team && !firstTeamRow.has(plan.teamKey))
        report(`The team ‘${r.team}’ is not in the directory or the Teams sheet`);
      if (team && !team.active && team.id !== existing?.homeTeamId)
        report(`The team ‘${r.team}’ is inactive in the directory`);
    }
    const yesNo = (text: string | undefined, what: string) => {
      if (text === undefined) return undefined;
      const value = readYesNo(text);
      if (value === undefined) report(`${what} must be yes or no, not ‘${text}’`);
      return value ?? false;
    };
    const slt = yesNo(r.slt, 'Senior Leadership Team');
    const canReview = yesNo(r.canReview, 'Can review');
    if (slt !== undefined) plan.slt = slt;
    if (canReview !== undefined) plan.canReview = canReview;
    if (!existing) return { ...plan, action: 'add' };
    const currentTeamKey = existing.homeTeamId
      ? (teamsById.get(existing.homeTeamId)?.key ?? existing.homeTeamId)
      : null;
    const changes = [
      r.name !== existing.name.trim() && 'Name',
      plan.jobRole !== existing.jobRole && 'Job role',
      plan.teamKey !== undefined && plan.teamKey !== currentTeamKey && 'Team',
      slt !== undefined && slt !== existing.slt && 'Senior Leadership Team',
      canReview !== undefined && canReview !== existing.canReview && 'Can review',
    ].filter((c): c is string => typeof c === 'string');
    return { ...plan, action: changes.length > 0 ? 'change' : 'same', changes };
  }

  const sheetOrder = (p: RowProblem) => (p.sheet === 'Teams' ? 0 : 1);
  return {
    problems: [...problems.values()].sort((a, b) => sheetOrder(a) - sheetOrder(b) || a.row - b.row),
    teams,
    people,
    newServiceAreas: [...newServiceAreas].map(([key, name]) => ({ key, name })),
    counts: { teams: count(teams), people: count(people), serviceAreas: newServiceAreas.size },
  };
}
