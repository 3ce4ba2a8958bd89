// The directory as spreadsheet rows. The XLSX export uses exactly the import's format (active teams
// and people only), so that a downloaded file imports back with no changes.
import { personHeadings, sheetNames, teamHeadings, yesNo } from '../../../core/directory-import.js';
import { isJobRole, jobRoleNames } from '../../../core/job-roles.js';
import { fromDbBool } from '../../../platform/db/convert.js';
import type { DirectoryRows } from './import.repository.js';
import type { Sheet } from './spreadsheet.js';

const byText = (a: string, b: string) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' });

function lookups(rows: DirectoryRows) {
  return {
    areaName: new Map(rows.serviceAreas.map((a) => [a.id, a.name])),
    teamName: new Map(rows.teams.map((t) => [t.id, t.name])),
    email: new Map(rows.people.map((p) => [p.id, p.email])),
  };
}

function personCells(person: DirectoryRows['people'][number], teamName: Map<string, string>) {
  return [
    person.name,
    person.email,
    isJobRole(person.job_role) ? jobRoleNames[person.job_role] : person.job_role,
    person.home_team_id ? (teamName.get(person.home_team_id) ?? '') : '',
    yesNo(fromDbBool(person.slt_member)),
    yesNo(fromDbBool(person.can_review)),
  ];
}

const sortedPeople = (rows: DirectoryRows) =>
  [...rows.people].sort((a, b) => byText(a.name, b.name) || byText(a.email, b.email));

/** The Teams and People sheets, as the import reads them. */
export function directorySheets(rows: DirectoryRows): Sheet[] {
  const { areaName, teamName, email } = lookups(rows);
  const managers = new Map<string, string[]>();
  for (const m of rows.teamManagers) {
    const address = email.get(m.person_id);
    if (address) managers.set(m.team_id, [...(managers.get(m.team_id) ?? []), address]);
  }
  const teams = rows.teams
    .filter((t) => fromDbBool(t.active))
    .sort((a, b) => byText(a.name, b.name))
    .map((t) => [
      t.name,
      areaName.get(t.service_area_id) ?? '',
      t.recording_system,
      (managers.get(t.id) ?? []).sort().join('; '),
      t.head_of_service_id ? (email.get(t.head_of_service_id) ?? '') : '',
    ]);
  const people = sortedPeople(rows)
    .filter((p) => fromDbBool(p.active))
    .map((p) => personCells(p, teamName));
  return [
    { name: sheetNames.teams, headings: teamHeadings, rows: teams },
    { name: sheetNames.people, headings: personHeadings, rows: people },
  ];
}

/** Everyone, active or not, for the CSV download: the People columns and "Active". */
export function peopleCsvSheet(rows: DirectoryRows): Sheet {
  const { teamName } = lookups(rows);
  return {
    name: sheetNames.people,
    headings: [...personHeadings, 'Active'],
    rows: sortedPeople(rows).map((p) => [...personCells(p, teamName), yesNo(fromDbBool(p.active))]),
  };
}

export function templateSheets(): Sheet[] {
  return [
    { name: sheetNames.teams, headings: teamHeadings, rows: [] },
    { name: sheetNames.people, headings: personHeadings, rows: [] },
  ];
}
