import { describe, expect, it } from 'vitest';
import {
  decodeText,
  delimiterOf,
  fileTypeOf,
  guardFormula,
  headingKey,
  personRows,
  readCell,
  readHeadings,
  readRecordingSystem,
  readYesNo,
  sheetKindFromHeadings,
  sheetKindFromName,
  splitEmails,
  isEmail,
  nameProblem,
} from './directory-import.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe('reading headings', () => {
  it('ignores case, spaces, punctuation and hints in brackets', () => {
    expect(headingKey('Recording system (LCS or EHM)')).toBe('recordingsystem');
    expect(headingKey('  recording_SYSTEM ')).toBe('recordingsystem');
    expect(headingKey('E-mail')).toBe('email');
  });

  it('tells a People sheet from a Teams sheet by its headings or its name', () => {
    expect(sheetKindFromHeadings(['name', 'EMAIL', 'Job role'])).toBe('people');
    expect(sheetKindFromHeadings(['Team', 'Service Area', 'Recording system'])).toBe('teams');
    expect(sheetKindFromHeadings(['First name', 'Surname'])).toBeUndefined();
    expect(sheetKindFromName(' people ')).toBe('people');
    expect(sheetKindFromName('TEAMS')).toBe('teams');
    expect(sheetKindFromName('Notes')).toBeUndefined();
  });

  it('finds columns in any order and names the required ones that are missing', () => {
    const found = readHeadings('people', ['Job role', 'Email address', 'Full name', 'Active']);
    expect(found.ok && Object.fromEntries(found.columns)).toEqual({
      name: 2,
      email: 1,
      jobRole: 0,
    });
    expect(readHeadings('teams', ['Team', 'Head of Service'])).toEqual({
      ok: false,
      missing: ['Service area', 'Recording system'],
    });
  });

  it('leaves out optional fields whose column is not in the file', () => {
    const found = readHeadings('people', ['Name', 'Email', 'Job role', 'Team']);
    if (!found.ok) throw new Error('headings not read');
    const [row] = personRows(
      [{ row: 2, cells: [' Al Bee ', 'al@x.test', 'ISRO', ''] }],
      found.columns,
    );
    expect(row).toEqual({ row: 2, name: 'Al Bee', email: 'al@x.test', jobRole: 'ISRO', team: '' });
  });
});

describe('cells and values', () => {
  it('guards cells a spreadsheet would run as formulas, and reads them back', () => {
    for (const text of ['=SUM(A1)', '+44', '-1', '@cmd', '\tx', '\rx']) {
      expect(guardFormula(text)).toBe(`'${text}`);
      expect(readCell(guardFormula(text))).toBe(text.trim());
    }
    expect(guardFormula('Ann Smith')).toBe('Ann Smith');
    expect(readCell("'Tis Smith")).toBe("'Tis Smith");
  });

  it('reads yes and no as people write them, a blank as no', () => {
    expect(['Yes', 'y', 'TRUE', '1'].map(readYesNo)).toEqual([true, true, true, true]);
    expect(['No', 'n', 'FALSE', '0', ''].map(readYesNo)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(readYesNo('maybe')).toBeUndefined();
  });

  it('reads recording systems, email lists and names', () => {
    expect(readRecordingSystem(' ehm ')).toBe('EHM');
    expect(readRecordingSystem('Paper')).toBeUndefined();
    expect(splitEmails('a@x.test; b@x.test,a@x.test\nc@x.test;')).toEqual([
      'a@x.test',
      'b@x.test',
      'c@x.test',
    ]);
    expect(isEmail('Mailto:Ann@Council.test')).toBe(true);
    expect(isEmail('ann@council')).toBe(false);
    expect(nameProblem('')).toBe('empty');
    expect(nameProblem('a'.repeat(201))).toBe('too-long');
    expect(nameProblem('a'.repeat(200))).toBeUndefined();
    expect(nameProblem('Ann\nSmith')).toBe('control');
  });
});

describe('files', () => {
  it('tells CSV and XLSX from other files by their bytes', () => {
    expect(fileTypeOf(bytes())).toBe('none');
    expect(fileTypeOf(ascii('Name,Email\n'))).toBe('csv');
    expect(fileTypeOf(Uint8Array.from([0x50, 0x4b, 3, 4, ...ascii('xl/workbook.xml')]))).toBe(
      'xlsx',
    );
    expect(fileTypeOf(Uint8Array.from([0x50, 0x4b, 3, 4, ...ascii('word/document.xml')]))).toBe(
      'unsupported',
    );
    expect(fileTypeOf(bytes(0xd0, 0xcf, 0x11, 0xe0, 0, 0))).toBe('unsupported');
    expect(fileTypeOf(Uint8Array.from([...ascii('%PDF-1.7'), 0]))).toBe('unsupported');
  });

  it('decodes UTF-8 with a byte order mark, UTF-16 and old Windows text', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x41))).toBe('A');
    expect(decodeText(bytes(0xff, 0xfe, 0x41, 0))).toBe('A');
    expect(decodeText(bytes(0x5a, 0x6f, 0xeb))).toBe('Zoë');
  });

  it('finds the delimiter from the heading row', () => {
    expect(delimiterOf('Name,Email\n')).toBe(',');
    expect(delimiterOf('Name;Email\n')).toBe(';');
    expect(delimiterOf('Name\tEmail\n')).toBe('\t');
  });
});
