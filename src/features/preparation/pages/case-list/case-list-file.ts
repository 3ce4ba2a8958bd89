// Reads the first column of an uploaded case list, a CSV or an Excel (.xlsx) file, into lines
// numbered as the spreadsheet numbers its rows, as the directory import reads its files.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { decodeText, delimiterOf, fileTypeOf } from '../../../../core/directory-import.js';
import { Invalid } from '../../../../platform/errors.js';
import { cellText } from '../../../directory/import/spreadsheet.js';
import { checkOfficeZip } from '../../../../platform/files/office-zip.js';

export const caseListFileMessages = {
  wrongType: 'The file must be a CSV or Excel file',
  unreadable:
    'The file could not be read. Save it again as a CSV or Excel (.xlsx) file and upload it',
  tooBig: 'The file must be smaller than 5MB',
};

const problem = (message: string) => new Invalid('file', message);

/** The first cell of each row, blank rows kept so that line N is row N. */
export async function readFirstColumn(bytes: Buffer): Promise<string[]> {
  const type = fileTypeOf(bytes);
  if (type === 'none') return [];
  if (type === 'unsupported') throw problem(caseListFileMessages.wrongType);
  return type === 'xlsx' ? xlsxFirstColumn(bytes) : csvFirstColumn(bytes);
}

function csvFirstColumn(bytes: Buffer): string[] {
  const text = decodeText(bytes);
  try {
    const records: string[][] = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
    return records.map((cells) => cells[0] ?? '');
  } catch {
    throw problem(caseListFileMessages.unreadable);
  }
}

async function xlsxFirstColumn(bytes: Buffer): Promise<string[]> {
  // Checked as a zip first, so that a zip bomb dressed as a workbook is never unpacked.
  const zip = await checkOfficeZip(bytes, ['xlsx']);
  if (!zip.ok) throw problem(caseListFileMessages.unreadable);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw problem(caseListFileMessages.unreadable);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const lines: string[] = [];
  sheet.eachRow((row, rowNumber) => {
    while (lines.length < rowNumber - 1) lines.push('');
    lines.push(cellText(row.getCell(1).value));
  });
  return lines;
}
