// Telling kinds apart by their first bytes, what counts as CSV text, and the wrong-kind message.
import { describe, expect, it } from 'vitest';
import {
  eicar,
  minimalCsv,
  minimalDocx,
  minimalJpeg,
  minimalPdf,
  minimalPng,
  windowsProgram,
} from '../../../test/fixtures/sample-files.js';
import { isBlankText, isCsvText, sniffKind, wrongKindMessage } from './file-kind.js';

describe('sniffing the kind from the content', () => {
  it('knows each kind by its signature, and any zip as a zip to look into', () => {
    expect(sniffKind(minimalPdf())).toBe('pdf');
    expect(sniffKind(minimalPng())).toBe('png');
    expect(sniffKind(minimalJpeg())).toBe('jpeg');
    expect(sniffKind(minimalDocx())).toBe('zip');
    expect(sniffKind(minimalCsv())).toBe('csv');
  });

  it('knows nothing else', () => {
    expect(sniffKind(windowsProgram())).toBe(undefined);
    expect(sniffKind(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBe(undefined);
    expect(sniffKind(Buffer.concat([Buffer.from([0]), minimalPdf()]))).toBe(undefined);
    expect(sniffKind(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(undefined);
  });
});

describe('CSV text', () => {
  it('accepts UTF-8 text with or without a byte order mark, tabs and both line endings', () => {
    expect(isCsvText(Buffer.from('a,b\n1,2\n'))).toBe(true);
    expect(isCsvText(Buffer.from('\uFEFFName\tTeam\r\nSíle Ó Briain,Ffordd £5 → 10\r\n'))).toBe(
      true,
    );
    expect(isCsvText(Buffer.from('Waiting time,<5 days\n'))).toBe(true);
    // The EICAR test file is plain text: the virus scanner, not the type check, stops it.
    expect(isCsvText(eicar())).toBe(true);
  });

  it('refuses other encodings, control characters and markup', () => {
    expect(isCsvText(Buffer.from('caf\xe9,1\n', 'latin1'))).toBe(false);
    expect(isCsvText(Buffer.from('a,b\0\n'))).toBe(false);
    expect(isCsvText(Buffer.from('a,\x1b[31mred\n'))).toBe(false);
    expect(isCsvText(Buffer.from('a,\u0085b\n'))).toBe(false);
    expect(isCsvText(Buffer.from('  <html><body></body></html>'))).toBe(false);
    expect(isCsvText(Buffer.from('\uFEFF<?xml version="1.0"?><a/>'))).toBe(false);
    expect(isCsvText(Buffer.from('a,b\n1,<SCRIPT src=x></SCRIPT>\n'))).toBe(false);
    expect(isCsvText(Buffer.from('a,b\n1,<svg onload=alert(1)>\n'))).toBe(false);
    expect(isCsvText(Buffer.from(' \r\n\t'))).toBe(false);
  });

  it('knows white space alone is blank', () => {
    expect(isBlankText(Buffer.from('\uFEFF \r\n'))).toBe(true);
    expect(isBlankText(Buffer.from('a'))).toBe(false);
    expect(isBlankText(Buffer.from([0xff, 0xfe]))).toBe(false);
  });
});

describe('the wrong-kind message', () => {
  it('names every kind allowed, in the usual order, in plain words', () => {
    expect(wrongKindMessage(['jpeg', 'png', 'csv', 'pptx', 'xlsx', 'docx', 'pdf'])).toBe(
      'The selected file must be a PDF, Word document, Excel spreadsheet, PowerPoint presentation, CSV file, PNG or JPEG image',
    );
    expect(wrongKindMessage(['pdf', 'xlsx', 'csv'])).toBe(
      'The selected file must be a PDF, Excel spreadsheet or CSV file',
    );
    expect(wrongKindMessage(['csv', 'xlsx'])).toBe(
      'The selected file must be an Excel spreadsheet or CSV file',
    );
    expect(wrongKindMessage(['pdf'])).toBe('The selected file must be a PDF');
    expect(wrongKindMessage(['pdf', 'png'])).toBe('The selected file must be a PDF or PNG image');
    expect(wrongKindMessage(['png', 'jpeg'])).toBe('The selected file must be a PNG or JPEG image');
    expect(wrongKindMessage(['jpeg'])).toBe('The selected file must be a JPEG image');
  });
});
