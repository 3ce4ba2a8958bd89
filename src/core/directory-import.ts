// The directory's spreadsheet format: the columns of the Teams and People sheets, how headings
// and cells are read (forgiving of case, spaces and hints in brackets), and the checks on single
// values. Pure: reading the bytes of a file and the database live elsewhere.

export type SheetKind = 'teams' | 'people';

export const sheetNames: Record<SheetKind, string> = { teams: 'Teams', people: 'People' };

interface Column<K extends string> {
  key: K;
  /** The heading as the template and the export write it. */
  heading: string;
  /** A file without this column cannot be imported; other columns may be left out. */
  required: boolean;
  /** Headings read as this column, after headingKey(). */
  aliases: readonly string[];
}

export type TeamField = 'name' | 'serviceArea' | 'recordingSystem' | 'managers' | 'headOfService';
export type PersonField = 'name' | 'email' | 'jobRole' | 'team' | 'slt' | 'canReview';

export const teamColumns: readonly Column<TeamField>[] = [
  { key: 'name', heading: 'Team', required: true, aliases: ['team', 'teamname'] },
  { key: 'serviceArea', heading: 'Service area', required: true, aliases: ['servicearea'] },
  {
    key: 'recordingSystem',
    heading: 'Recording system (LCS or EHM)',
    required: true,
    aliases: ['recordingsystem'],
  },
  {
    key: 'managers',
    heading: 'Team managers (email addresses separated by ;)',
    required: false,
    aliases: ['teammanagers', 'teammanager', 'managers'],
  },
  {
    key: 'headOfService',
    heading: 'Head of Service (email address)',
    required: false,
    aliases: ['headofservice', 'hos'],
  },
];

export const personColumns: readonly Column<PersonField>[] = [
  { key: 'name', heading: 'Name', required: true, aliases: ['name', 'fullname'] },
  { key: 'email', heading: 'Email', required: true, aliases: ['email', 'emailaddress'] },
  { key: 'jobRole', heading: 'Job role', required: true, aliases: ['jobrole', 'role'] },
  { key: 'team', heading: 'Team', required: false, aliases: ['team', 'hometeam'] },
  {
    key: 'slt',
    heading: 'Senior Leadership Team (yes/no)',
    required: false,
    aliases: ['seniorleadershipteam', 'slt'],
  },
  { key: 'canReview', heading: 'Can review (yes/no)', required: false, aliases: ['canreview'] },
];

export const teamHeadings = teamColumns.map((c) => c.heading);
export const personHeadings = personColumns.map((c) => c.heading);

/** One row of the Teams sheet as written; a field is undefined when its column is not in the file. */
export interface TeamSheetRow {
  row: number;
  name: string;
  serviceArea: string;
  recordingSystem: string;
  managers?: string;
  headOfService?: string;
}

/** One row of the People sheet as written; a field is undefined when its column is not in the file. */
export interface PersonSheetRow {
  row: number;
  name: string;
  email: string;
  jobRole: string;
  team?: string;
  slt?: string;
  canReview?: string;
}

export interface DirectoryFile {
  teams: TeamSheetRow[];
  people: PersonSheetRow[];
}

/** A row of a sheet: its number as the spreadsheet shows it, and its cells as text. */
export interface SheetLine {
  row: number;
  cells: string[];
}

/** "Recording system (LCS or EHM)", " recording_system " and "RecordingSystem" read the same. */
export function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Which sheet a heading row belongs to, for a CSV file or a sheet with another name. */
export function sheetKindFromHeadings(cells: readonly string[]): SheetKind | undefined {
  const keys = new Set(cells.map(headingKey));
  const has = (column: Column<string>) => column.aliases.some((a) => keys.has(a));
  const [teamName, serviceArea] = teamColumns;
  const [personName, email] = personColumns;
  if (personName && email && has(personName) && has(email)) return 'people';
  if (teamName && serviceArea && has(teamName) && has(serviceArea)) return 'teams';
  return undefined;
}

/** A sheet's name read as Teams or People, if it is one of them. */
export function sheetKindFromName(name: string): SheetKind | undefined {
  const key = headingKey(name);
  if (key === 'teams' || key === 'team') return 'teams';
  if (key === 'people' || key === 'person' || key === 'staff') return 'people';
  return undefined;
}

export type HeadingResult =
  { ok: true; columns: Map<string, number> } | { ok: false; missing: string[] };

/** Finds each column in the heading row (the first match wins); lists required ones not found. */
export function readHeadings(kind: SheetKind, cells: readonly string[]): HeadingResult {
  const columns = new Map<string, number>();
  const keys = cells.map(headingKey);
  for (const column of kind === 'teams' ? teamColumns : personColumns) {
    const index = keys.findIndex((k) => column.aliases.includes(k));
    if (index >= 0) columns.set(column.key, index);
  }
  const missing = (kind === 'teams' ? teamColumns : personColumns)
    .filter((c) => c.required && !columns.has(c.key))
    .map((c) => c.heading.replace(/ \(.*\)$/, ''));
  return missing.length > 0 ? { ok: false, missing } : { ok: true, columns };
}

function cellIn(line: SheetLine, columns: Map<string, number>, key: string): string | undefined {
  const index = columns.get(key);
  if (index === undefined) return undefined;
  return readCell(line.cells[index] ?? '');
}

export function teamRows(lines: readonly SheetLine[], columns: Map<string, number>) {
  return lines.map((line): TeamSheetRow => {
    const cell = (key: TeamField) => cellIn(line, columns, key);
    const row: TeamSheetRow = {
      row: line.row,
      name: cell('name') ?? '',
      serviceArea: cell('serviceArea') ?? '',
      recordingSystem: cell('recordingSystem') ?? '',
    };
    const managers = cell('managers');
    const headOfService = cell('headOfService');
    if (managers !== undefined) row.managers = managers;
    if (headOfService !== undefined) row.headOfService = headOfService;
    return row;
  });
}

export function personRows(lines: readonly SheetLine[], columns: Map<string, number>) {
  return lines.map((line): PersonSheetRow => {
    const cell = (key: PersonField) => cellIn(line, columns, key);
    const row: PersonSheetRow = {
      row: line.row,
      name: cell('name') ?? '',
      email: cell('email') ?? '',
      jobRole: cell('jobRole') ?? '',
    };
    for (const key of ['team', 'slt', 'canReview'] as const) {
      const value = cell(key);
      if (value !== undefined) row[key] = value;
    }
    return row;
  });
}

/** A line with nothing in any cell is left out, as a spreadsheet user would expect. */
export function isBlankLine(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

// Cells and values

const formulaStart = /^[=+\-@\t\r]/;

/** For CSV: a cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function guardFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** A cell as the import reads it: the export's formula guard removed, spaces trimmed. */
export function readCell(text: string): string {
  const unguarded = text.startsWith("'") && formulaStart.test(text.slice(1)) ? text.slice(1) : text;
  return unguarded.trim();
}

export const nameMaxLength = 200;

export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code <= 0x1f || code === 0x7f) return true;
  }
  return false;
}

/** What is wrong with a name, in words that follow "The team name ...". */
export function nameProblem(name: string): 'empty' | 'too-long' | 'control' | undefined {
  if (name === '') return 'empty';
  if ([...name].length > nameMaxLength) return 'too-long';
  if (hasControlCharacter(name)) return 'control';
  return undefined;
}

/** Team and service area names match whatever their case and surrounding spaces. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

// The HTML form's own rule for email addresses, plain ASCII as council addresses are.
const emailPattern =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export function emailKey(email: string): string {
  return email
    .trim()
    .toLowerCase()
    .replace(/^mailto:/, '');
}

export function isEmail(email: string): boolean {
  const key = emailKey(email);
  return key.length <= 320 && emailPattern.test(key);
}

/** Team managers' email addresses: separated by semicolons (or commas, spaces, line breaks). */
export function splitEmails(text: string): string[] {
  return [...new Set(text.split(/[;,\s]+/).filter((e) => e !== ''))];
}

/** Yes or no as people write it; a blank cell is no. Undefined for anything else. */
export function readYesNo(text: string): boolean | undefined {
  const key = text.trim().toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(key)) return true;
  if (['no', 'n', 'false', '0', ''].includes(key)) return false;
  return undefined;
}

export function yesNo(value: boolean): 'Yes' | 'No' {
  return value ? 'Yes' : 'No';
}

export function readRecordingSystem(text: string): 'LCS' | 'EHM' | undefined {
  const key = text.trim().toUpperCase();
  return key === 'LCS' || key === 'EHM' ? key : undefined;
}

// Files

export type FileType = 'none' | 'xlsx' | 'csv' | 'unsupported';

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((b, i) => bytes[i] === b);

function includesAscii(bytes: Uint8Array, text: string): boolean {
  const codes = [...text].map((c) => c.charCodeAt(0));
  for (let i = 0; i + codes.length <= bytes.length; i += 1) {
    if (codes.every((code, j) => bytes[i + j] === code)) return true;
  }
  return false;
}

/**
 * What a file is, from its bytes (the upload does not keep the file's name): an XLSX is a zip
 * holding an `xl/` folder; a CSV is text. Anything else (old .xls, Word, PDF, images) is refused.
 */
export function fileTypeOf(bytes: Uint8Array): FileType {
  if (bytes.length === 0) return 'none';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return includesAscii(bytes, 'xl/') ? 'xlsx' : 'unsupported';
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'csv';
  return bytes.subarray(0, 64 * 1024).includes(0) ? 'unsupported' : 'csv';
}

/** A CSV's text: UTF-8 (with or without a byte order mark), UTF-16, or Windows-1252 from old Excel. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Commas, unless the heading row is separated by semicolons or tabs (Excel in some settings). */
export function delimiterOf(text: string): ',' | ';' | '\t' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';')) return ';';
  return ',';
}
