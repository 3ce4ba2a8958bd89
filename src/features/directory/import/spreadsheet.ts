// Reads an uploaded CSV or XLSX file into the rows of the Teams and People sheets, and writes the
// directory (or an empty template) back out as CSV or XLSX.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import {
  decodeText,
  delimiterOf,
  fileTypeOf,
  guardFormula,
  isBlankLine,
  personRows,
  readHeadings,
  sheetKindFromHeadings,
  sheetKindFromName,
  sheetNames,
  teamRows,
  type DirectoryFile,
  type SheetKind,
  type SheetLine,
} from '../../../core/directory-import.js';
import { Invalid } from '../../../platform/errors.js';
import { checkOfficeZip } from '../../../platform/files/office-zip.js';

export const fileMessages = {
  none: 'Select a CSV or Excel file',
  wrongType: 'The selected file must be a CSV or Excel (.xlsx) file',
  unreadable:
    'The selected file could not be read. Save it again as a CSV or Excel (.xlsx) file and upload it',
  empty: 'The selected file is empty',
  tooBig: 'The selected file must be smaller than 5MB',
  noSheets: 'The selected file must have a sheet called Teams or a sheet called People',
  csvHeadings:
    'The first row of the selected file must be the column headings: Name, Email and Job role for people, or Team, Service area and Recording system for teams',
};

const problem = (message: string) => new Invalid('file', message);

/** Reads the file, or throws Invalid('file', ...) saying what is wrong with it as a whole. */
export async function readDirectoryFile(bytes: Buffer): Promise<DirectoryFile> {
  const type = fileTypeOf(bytes);
  if (type === 'none') throw problem(fileMessages.none);
  if (type === 'unsupported') throw problem(fileMessages.wrongType);
  const sheets = type === 'xlsx' ? await xlsxSheets(bytes) : csvSheets(bytes);
  const file: DirectoryFile = { teams: [], people: [] };
  for (const [kind, lines] of sheets) {
    const [heading, ...rows] = lines;
    if (!heading) continue;
    const headings = readHeadings(kind, heading.cells);
    if (!headings.ok) {
      const missing = headings.missing.join(' and ');
      const columns = headings.missing.length > 1 ? 'columns' : 'a column';
      throw problem(`The ${sheetNames[kind]} sheet must have ${columns} called ${missing}`);
    }
    if (kind === 'teams') file.teams = teamRows(rows, headings.columns);
    else file.people = personRows(rows, headings.columns);
  }
  if (file.teams.length + file.people.length === 0) throw problem(fileMessages.empty);
  return file;
}

function csvSheets(bytes: Buffer): Map<SheetKind, SheetLine[]> {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch {
    throw problem(fileMessages.unreadable);
  }
  // Empty lines are kept while parsing so that each record's number is its row in a spreadsheet.
  const lines = records
    .map((cells, index) => ({ row: index + 1, cells }))
    .filter((line) => !isBlankLine(line.cells));
  const first = lines[0];
  if (!first) throw problem(fileMessages.empty);
  const kind = sheetKindFromHeadings(first.cells);
  if (!kind) throw problem(fileMessages.csvHeadings);
  return new Map([[kind, lines]]);
}

async function xlsxSheets(bytes: Buffer): Promise<Map<SheetKind, SheetLine[]>> {
  // Checked as a zip first, so that a zip bomb dressed as a workbook is never unpacked.
  const zip = await checkOfficeZip(bytes, ['xlsx']);
  if (!zip.ok) throw problem(fileMessages.unreadable);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw problem(fileMessages.unreadable);
  }
  const sheets = new Map<SheetKind, SheetLine[]>();
  for (const worksheet of workbook.worksheets) {
    const lines = sheetLines(worksheet);
    const kind =
      sheetKindFromName(worksheet.name) ??
      (lines[0] ? sheetKindFromHeadings(lines[0].cells) : undefined);
    if (!kind) continue; // a sheet of notes, say
    if (sheets.has(kind))
      throw problem(`The selected file must have only one ${sheetNames[kind]} sheet`);
    sheets.set(kind, lines);
  }
  if (sheets.size === 0) throw problem(fileMessages.noSheets);
  return sheets;
}

function sheetLines(worksheet: ExcelJS.Worksheet): SheetLine[] {
  const lines: SheetLine[] = [];
  worksheet.eachRow((row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: string[] = [];
    for (let column = 1; column < values.length; column += 1) cells.push(cellText(values[column]));
    if (!isBlankLine(cells)) lines.push({ row: rowNumber, cells });
  });
  return lines;
}

/** A cell's value as text: rich text joined, a link's text, a formula's last result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText
        .map((part: unknown) => cellText((part as { text?: unknown }).text))
        .join('');
    if ('hyperlink' in value && 'text' in value) return cellText(value.text);
    if ('result' in value) return cellText(value.result);
  }
  return '';
}

// Writing

export interface Sheet {
  name: string;
  headings: readonly string[];
  rows: readonly (readonly string[])[];
}

/** Every cell is written as plain text, never as a formula, whatever it starts with. */
export async function writeXlsx(sheets: readonly Sheet[], at: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Spotlight';
  workbook.created = at;
  workbook.modified = at;
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    worksheet.columns = sheet.headings.map((heading) => ({
      header: heading,
      width: Math.max(16, Math.min(48, heading.length + 4)),
    }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      const added = worksheet.addRow([]);
      row.forEach((text, index) => {
        // Setting the value as a string keeps "=..." as text: exceljs only writes {formula} objects.
        added.getCell(index + 1).value = String(text);
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV with a byte order mark (so Excel reads UTF-8), each cell guarded against formulas. */
export function writeCsv(
  headings: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const records = [headings, ...rows].map((row) => row.map(guardFormula));
  return `\uFEFF${stringify(records, { record_delimiter: 'windows' })}`;
}
