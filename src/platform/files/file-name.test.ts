// Cleaning the uploader's file name for display, and the download header built from it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanDisplayName, contentDisposition, maxDisplayNameLength } from './file-name.js';

// Any UTF-16 text, lone surrogates included, with the characters that cause trouble made common.
const anyName = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '/',
      '\\',
      '.',
      ' ',
      '\t',
      '\r\n',
      '\0',
      '"',
      ';',
      '%',
      '\u202E',
      '\u200B',
      '\uFEFF',
    ),
    fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  ),
  maxLength: 300,
});

describe('cleaning the name to show', () => {
  it.each([
    ['Team action plan.pdf', 'pdf', 'Team action plan.pdf'],
    ['/home/sam/Q3 figures.xlsx', 'xlsx', 'Q3 figures.xlsx'],
    ['C:\\fakepath\\Stocktake.DOCX', 'docx', 'Stocktake.DOCX'],
    ['photo.jpeg', 'jpeg', 'photo.jpeg'],
    ['photo.JPG', 'jpeg', 'photo.JPG'],
    ['photo.png', 'jpeg', 'photo.jpg'],
    ['report.exe', 'pdf', 'report.pdf'],
    ['report', 'pdf', 'report.pdf'],
    ['Plan version 1.2', 'docx', 'Plan version 1.2.docx'],
    ['Plan v2.final draft', 'docx', 'Plan v2.final draft.docx'],
    ['invoice\u202Etxt.exe', 'pdf', 'invoicetxt.pdf'],
    ['\u200Bzero\u200Dwidth\uFEFF.csv', 'csv', 'zerowidth.csv'],
    ['  lots   of\t\tspace\n.csv  ', 'csv', 'lots of space.csv'],
    ['bell\u0007\u0000.pdf', 'pdf', 'bell.pdf'],
    ['.htaccess', 'pdf', 'htaccess.pdf'],
    ['...', 'pdf', 'document.pdf'],
    ['\u202E', 'png', 'document.png'],
    ['a/b/', 'pdf', 'document.pdf'],
    ['Cafe\u0301 notes.pdf', 'pdf', 'Café notes.pdf'],
  ] as const)('%j as a %s is %j', (uploaded, kind, shown) => {
    expect(cleanDisplayName(uploaded, kind)).toBe(shown);
  });

  it('keeps at most 120 characters, keeping the extension and whole characters', () => {
    const long = cleanDisplayName(`${'a'.repeat(200)}.xlsx`, 'xlsx');
    expect(long).toHaveLength(maxDisplayNameLength);
    expect(long.endsWith('a.xlsx')).toBe(true);
    const emoji = cleanDisplayName(`${'😀'.repeat(200)}.pdf`, 'pdf');
    expect(Array.from(emoji)).toHaveLength(maxDisplayNameLength);
    expect(emoji.endsWith('😀.pdf')).toBe(true);
  });

  it('never leaves a path, a control or format character, or a missing extension', () => {
    fc.assert(
      fc.property(anyName, (uploaded) => {
        const shown = cleanDisplayName(uploaded, 'pdf');
        expect(shown).not.toMatch(/[/\\\p{Cc}\p{Cf}\p{Cs}]/u);
        expect(shown.toLowerCase().endsWith('.pdf')).toBe(true);
        expect(Array.from(shown).length).toBeLessThanOrEqual(maxDisplayNameLength);
        expect(shown).toBe(shown.trim());
      }),
    );
  });
});

describe('the download header', () => {
  it('gives an ASCII name and the full name encoded as UTF-8', () => {
    expect(contentDisposition('Team action plan.pdf')).toBe(
      `attachment; filename="Team action plan.pdf"; filename*=UTF-8''Team%20action%20plan.pdf`,
    );
    expect(contentDisposition('Café (draft) 2027.docx')).toBe(
      `attachment; filename="Cafe (draft) 2027.docx"; filename*=UTF-8''Caf%C3%A9%20%28draft%29%202027.docx`,
    );
    expect(contentDisposition('Отчёт.pdf')).toBe(
      `attachment; filename="_____.pdf"; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82.pdf`,
    );
  });

  it('cannot be broken out of, whatever the name', () => {
    expect(contentDisposition('a"; filename=evil.exe\r\nX-Bad: 1')).toBe(
      `attachment; filename="a__ filename=evil.exeX-Bad: 1"; filename*=UTF-8''a%22%3B%20filename%3Devil.exeX-Bad%3A%201`,
    );
    expect(contentDisposition('')).toBe(
      `attachment; filename="document"; filename*=UTF-8''document`,
    );
    fc.assert(
      fc.property(anyName, (name) => {
        const header = contentDisposition(name);
        // Only visible ASCII, and exactly two quotes: the ASCII name's.
        expect(header).toMatch(/^[ -~]+$/);
        expect(header.split('"')).toHaveLength(3);
      }),
    );
  });
});
