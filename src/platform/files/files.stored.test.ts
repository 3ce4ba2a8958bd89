// Files that pass are kept under random names and read back intact; names from the upload are
// cleaned for display and never reach the disk; only names the store made can be read or removed.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  minimalCsv,
  minimalDocx,
  minimalJpeg,
  minimalPdf,
  minimalPng,
  minimalPptx,
  minimalXlsx,
} from '../../../test/fixtures/sample-files.js';
import { NotFound } from '../errors.js';
import { fileKinds, type FileKind } from './files.service.js';
import { scanCommand, storedNamePattern, upload, useFilesFolder } from './files.test-support.js';

const folder = useFilesFolder();
const filesService = folder.service;
const filesLeft = folder.filesLeft;

describe('names from the upload never reach the disk', () => {
  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\boot.ini', 'boot.pdf'],
    ['C:\\Users\\sam\\Desktop\\Action plan.pdf', 'Action plan.pdf'],
    ['report\u202Efdp.exe', 'reportfdp.pdf'],
    ['line\r\nbreak\u0000 \u200Bplan.pdf', 'line break plan.pdf'],
    ['\u2066evil\u2069 name\t.PDF', 'evil name.PDF'],
    ['..', 'document.pdf'],
    ['', 'document.pdf'],
  ])('stores %j safely and shows it as %j', async (filename, displayName) => {
    const result = await filesService().accept(upload(filename, minimalPdf()), fileKinds);
    if (!result.ok) throw new Error(result.message);
    expect(result.file.displayName).toBe(displayName);
    expect(result.file.storedName).toMatch(storedNamePattern);
    expect(await filesLeft()).toEqual([result.file.storedName]);
    expect(existsSync(resolve(folder.filesDir, '../../etc/passwd.pdf'))).toBe(false);
    expect(existsSync(resolve(folder.filesDir, '..', 'boot.ini'))).toBe(false);
  });
});

describe('real files of every kind are kept', () => {
  const samples: [FileKind, string, () => Promise<Buffer> | Buffer, string][] = [
    ['pdf', 'Team action plan.pdf', minimalPdf, 'application/pdf'],
    [
      'docx',
      'Stocktake.docx',
      () => minimalDocx(),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'xlsx',
      'Power BI export.xlsx',
      minimalXlsx,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    [
      'pptx',
      'QAPM meeting.pptx',
      minimalPptx,
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    ['csv', 'Performance.csv', minimalCsv, 'text/csv'],
    ['png', 'Chart.png', minimalPng, 'image/png'],
    ['jpeg', 'Photo of wall chart.jpg', minimalJpeg, 'image/jpeg'],
  ];

  it.each(samples)('a %s', async (kind, filename, make, mediaType) => {
    const data = await make();
    const files = filesService({ virusScanCommand: scanCommand });
    const result = await files.accept(upload(filename, data), [kind]);
    if (!result.ok) throw new Error(result.message);
    expect(result.file).toEqual({
      storedName: expect.stringMatching(storedNamePattern) as unknown,
      displayName: filename,
      kind,
      mediaType,
      sizeBytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    });
    expect(await filesLeft()).toEqual([result.file.storedName]);
    expect((await stat(folder.filesDir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(folder.filesDir, result.file.storedName))).mode & 0o777).toBe(0o600);

    expect((await files.read(result.file.storedName)).equals(data)).toBe(true);
    await files.remove(result.file.storedName);
    expect(await filesLeft()).toEqual([]);
    await expect(files.read(result.file.storedName)).rejects.toBeInstanceOf(NotFound);
    // Removing it again is not an error.
    await files.remove(result.file.storedName);
  });

  it('gives the usual extension when the name says another kind, and a new name each time', async () => {
    const files = filesService();
    const first = await files.accept(upload('figures.txt', minimalCsv()), fileKinds);
    const second = await files.accept(upload('figures.txt', minimalCsv()), fileKinds);
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(first.file.displayName).toBe('figures.csv');
    expect(first.file.storedName).not.toBe(second.file.storedName);
    expect(await filesLeft()).toHaveLength(2);
  });
});

describe('reading and removing stored files', () => {
  it.each([
    '../files/x',
    '..',
    'notes.pdf',
    '/etc/passwd',
    '8F14E45F-CEEA-467A-9575-F9C5C7E5E8B1',
    '8f14e45f-ceea-467a-9575-f9c5c7e5e8b1/../x',
    '.upload-8f14e45f-ceea-467a-9575-f9c5c7e5e8b1.tmp',
  ])('refuses the name %j', async (storedName) => {
    const files = filesService();
    await expect(files.read(storedName)).rejects.toBeInstanceOf(NotFound);
    await expect(files.remove(storedName)).rejects.toBeInstanceOf(NotFound);
  });

  it('says a missing file is not found, and removing it is not an error', async () => {
    const files = filesService();
    const missing = '8f14e45f-ceea-467a-9575-f9c5c7e5e8b1';
    await expect(files.read(missing)).rejects.toBeInstanceOf(NotFound);
    await expect(files.remove(missing)).resolves.toBeUndefined();
  });
});
