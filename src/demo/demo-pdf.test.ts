import { describe, expect, it } from 'vitest';
import { upload, useFilesFolder } from '../platform/files/files.test-support.js';
import { maxPdfLines, textPdf, wrapLine } from './demo-pdf.js';

const created = new Date('2026-11-26T09:00:00Z');

/** Checks the file's structure as a reader does: the xref table finds every object. */
function readPdf(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const startxref = /startxref\n(\d+)\n%%EOF\n$/.exec(text);
  expect(startxref, 'ends with startxref and %%EOF').not.toBeNull();
  const xrefAt = Number(startxref?.[1]);
  expect(text.slice(xrefAt, xrefAt + 5)).toBe('xref\n');
  const header = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt));
  const size = Number(header?.[1]);
  const entriesAt = xrefAt + (header?.[0].length ?? 0);
  const entries = Array.from({ length: size }, (_, i) =>
    text.slice(entriesAt + i * 20, entriesAt + (i + 1) * 20),
  );
  expect(entries[0]).toBe('0000000000 65535 f \n');
  const objects = new Map<number, string>();
  entries.slice(1).forEach((entry, index) => {
    expect(entry, `entry ${index + 1}`).toMatch(/^\d{10} 00000 n \n$/);
    const offset = Number(entry.slice(0, 10));
    const number = index + 1;
    expect(text.slice(offset, offset + `${number} 0 obj\n`.length)).toBe(`${number} 0 obj\n`);
    const end = text.indexOf('\nendobj\n', offset);
    objects.set(number, text.slice(offset, end));
  });
  expect(text.slice(entriesAt + size * 20)).toMatch(
    new RegExp(`^trailer\\n<< /Size ${size} /Root 1 0 R /Info ${size - 1} 0 R >>\\n`),
  );
  return { text, objects };
}

function streamOf(object: string): string {
  const length = Number(/\/Length (\d+)/.exec(object)?.[1]);
  const start = object.indexOf('stream\n') + 'stream\n'.length;
  expect(object.slice(start + length)).toBe('endstream');
  return object.slice(start, start + length);
}

describe('a demo PDF made from lines of text', () => {
  const folder = useFilesFolder();

  it('is a PDF 1.4 whose cross-reference table finds each object, with the text on its page', () => {
    const pdf = textPdf({
      title: 'Assessment Team North: team action plan 2026–27',
      lines: ['Priority 1: children are seen alone (within timescale)', '', 'C:\\path', '  • done'],
      created,
    });
    expect(pdf.subarray(0, 9).toString('latin1')).toBe('%PDF-1.4\n');
    const { objects } = readPdf(pdf);
    expect(objects.size).toBe(7);
    expect(objects.get(1)).toContain('/Type /Catalog /Pages 2 0 R');
    expect(objects.get(3)).toContain('/MediaBox [0 0 595 842]');
    expect(objects.get(7)).toContain('/CreationDate (D:20261126090000Z)');
    const content = streamOf(objects.get(6) ?? '');
    // WinAnsi: the en dash is 0x96, the bullet 0x95; brackets and backslashes are escaped.
    expect(content).toContain('(Assessment Team North: team action plan 2026\x9627) Tj');
    expect(content).toContain('(Priority 1: children are seen alone \\(within timescale\\)) Tj');
    expect(content).toContain('T* () Tj');
    expect(content).toContain('T* (C:\\\\path) Tj');
    expect(content).toContain('T* (  \x95 done) Tj');
  });

  it('wraps long lines at spaces, keeping their indent, and refuses more than a page', () => {
    const long = `  ${'word '.repeat(40).trim()}`;
    const wrapped = wrapLine(long);
    expect(wrapped.length).toBeGreaterThan(2);
    for (const line of wrapped) {
      expect(line.length).toBeLessThanOrEqual(88);
      expect(line.startsWith('  word')).toBe(true);
    }
    const lines = Array.from({ length: maxPdfLines + 1 }, (_, i) => `Line ${i + 1}`);
    expect(() => textPdf({ title: 'Too long', lines, created })).toThrow('holds');
    expect(() => textPdf({ title: 'Fits', lines: lines.slice(1), created })).not.toThrow();
  });

  it('is accepted by the files service as a PDF', async () => {
    const files = folder.service();
    const pdf = textPdf({ title: 'Team action plan', lines: ['One line of text.'], created });
    const check = await files.accept(upload('Team action plan.pdf', pdf), ['pdf']);
    expect(check.ok && check.file.kind).toBe('pdf');
    expect(check.ok && check.file.displayName).toBe('Team action plan.pdf');
    if (check.ok) expect(await files.read(check.file.storedName)).toEqual(pdf);
  });
});
