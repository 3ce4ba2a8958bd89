// Builds a directory spreadsheet as a council would fill in the template: a Teams sheet and a
// People sheet, headings in the first row. Written to a file for the browser to upload.
import ExcelJS from 'exceljs';

export interface TeamRow {
  team: string;
  serviceArea: string;
  recordingSystem: string;
  managers?: string;
  headOfService?: string;
}

export interface PersonRow {
  name: string;
  email: string;
  jobRole: string;
  team?: string;
  slt?: string;
  canReview?: string;
}

export async function writeDirectoryWorkbook(
  path: string,
  sheets: { teams: TeamRow[]; people: PersonRow[] },
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const teams = workbook.addWorksheet('Teams');
  teams.addRow([
    'Team',
    'Service area',
    'Recording system (LCS or EHM)',
    'Team managers (email addresses separated by ;)',
    'Head of Service (email address)',
  ]);
  for (const t of sheets.teams) {
    teams.addRow([
      t.team,
      t.serviceArea,
      t.recordingSystem,
      t.managers ?? '',
      t.headOfService ?? '',
    ]);
  }
  const people = workbook.addWorksheet('People');
  people.addRow([
    'Name',
    'Email',
    'Job role',
    'Team',
    'Senior Leadership Team (yes/no)',
    'Can review (yes/no)',
  ]);
  for (const p of sheets.people) {
    people.addRow([p.name, p.email, p.jobRole, p.team ?? '', p.slt ?? '', p.canReview ?? '']);
  }
  await workbook.xlsx.writeFile(path);
}
