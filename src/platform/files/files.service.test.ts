// The upload checks end to end, against an attack corpus: each file is refused with a plain reason
// and nothing is left on disk, with the virus scanner as a command and as a clamd socket.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  eicar,
  minimalCsv,
  minimalDocx,
  minimalPdf,
  windowsProgram,
} from '../../../test/fixtures/sample-files.js';
import { startStandInClamd } from '../../../test/fixtures/stand-in-clamd.js';
import { buildZip, deflatedZeros, docxEntries } from '../../../test/fixtures/zip-builder.js';
import { fileKinds } from './files.service.js';
import { scanCommand, upload, useFilesFolder } from './files.test-support.js';
import type { UploadedFile } from './uploaded-file.js';

const folder = useFilesFolder();
const filesService = folder.service;
const filesLeft = folder.filesLeft;

const wrongKind =
  'The selected file must be a PDF, Word document, Excel spreadsheet, PowerPoint presentation, CSV file, PNG or JPEG image';
const unsafe =
  'The file could not be opened safely. Save it again from Word, Excel or PowerPoint and try again';
const infected = 'The file contains a virus and was not saved';
const unchecked =
  'The file could not be checked for viruses. Try again later, or ask the QA team for help';

const officeBomb = (entry: Parameters<typeof buildZip>[0][number]) =>
  buildZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    entry,
  ]);

describe('the attack corpus is refused with a plain reason and leaves nothing on disk', () => {
  const corpus: [string, () => UploadedFile, string][] = [
    ['an empty file', () => upload('plan.pdf', Buffer.alloc(0)), 'The selected file is empty'],
    [
      'a CSV of nothing but white space',
      () => upload('data.csv', Buffer.from('\uFEFF  \r\n\t\r\n')),
      'The selected file is empty',
    ],
    [
      'a file cut off at the route limit',
      () => upload('big.pdf', minimalPdf(), true),
      'The file must be smaller than 20 MB',
    ],
    [
      'a Windows program renamed report.pdf',
      () => upload('report.pdf', windowsProgram()),
      wrongKind,
    ],
    [
      'HTML renamed data.csv',
      () => upload('data.csv', Buffer.from('<!DOCTYPE html><html><body>Hi</body></html>')),
      wrongKind,
    ],
    [
      'a CSV carrying a script',
      () => upload('data.csv', Buffer.from('Name,Value\r\n<script>alert(1)</script>,1\r\n')),
      wrongKind,
    ],
    [
      'binary with NUL bytes renamed .csv',
      () => upload('data.csv', Buffer.from('a,b\r\n\0\0\0,1\r\n')),
      wrongKind,
    ],
    [
      'a plain zip renamed .docx',
      () => upload('plan.docx', buildZip([{ name: 'notes.txt', data: Buffer.from('hello') }])),
      wrongKind,
    ],
    [
      'an old Word .doc',
      () =>
        upload(
          'plan.doc',
          Buffer.concat([
            Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
            Buffer.alloc(504),
          ]),
        ),
      wrongKind,
    ],
    [
      'a macro-enabled document renamed .docx',
      () =>
        upload(
          'plan.docx',
          buildZip([...docxEntries(), { name: 'word/vbaProject.bin', data: Buffer.alloc(64) }]),
        ),
      wrongKind,
    ],
    [
      'a zip bomb dressed as .xlsx (300 MB of zeros in one entry)',
      () =>
        upload(
          'figures.xlsx',
          officeBomb({ name: 'xl/worksheets/sheet1.xml', deflated: deflatedZeros(300) }),
        ),
      unsafe,
    ],
    [
      'a zip bomb whose directory lies about its size',
      () =>
        upload(
          'figures.xlsx',
          officeBomb({
            name: 'xl/worksheets/sheet1.xml',
            deflated: deflatedZeros(300),
            declaredSize: 1000,
          }),
        ),
      unsafe,
    ],
    [
      'an Office file with an entry that climbs out of its folder',
      () =>
        upload(
          'plan.docx',
          buildZip([...docxEntries(), { name: '../../evil.sh', data: Buffer.from('echo') }]),
        ),
      unsafe,
    ],
    [
      'an Office file with an encrypted entry',
      () =>
        upload(
          'plan.docx',
          buildZip(
            docxEntries().map((entry) =>
              entry.name === 'word/document.xml' ? { ...entry, flags: 0x1 } : entry,
            ),
          ),
        ),
      unsafe,
    ],
    [
      'an Office file with a zip inside',
      () =>
        upload(
          'plan.docx',
          buildZip([
            ...docxEntries(),
            {
              name: 'word/media/image1.png',
              data: buildZip([{ name: 'a', data: Buffer.from('a') }]),
            },
          ]),
        ),
      unsafe,
    ],
    [
      'an Office file with too many entries',
      () =>
        upload(
          'plan.docx',
          buildZip([
            ...docxEntries(),
            ...Array.from({ length: 2_000 }, (_, i) => ({
              name: `word/media/${i}.xml`,
              store: true,
            })),
          ]),
        ),
      unsafe,
    ],
  ];

  it.each(corpus)('%s', async (_, makeUpload, message) => {
    const result = await filesService().accept(makeUpload(), fileKinds);
    expect(result).toEqual({ ok: false, message });
    expect(await filesLeft()).toEqual([]);
  });

  it('refuses a file over the configured size, naming that size', async () => {
    const files = filesService({ maxBytes: 1024 * 1024 });
    const tooBig = Buffer.concat([minimalPdf(), Buffer.alloc(1024 * 1024)]);
    expect(await files.accept(upload('big.pdf', tooBig), fileKinds)).toEqual({
      ok: false,
      message: 'The file must be smaller than 1 MB',
    });
    expect(await filesLeft()).toEqual([]);
  });

  it('refuses a real file of a kind this upload does not take, naming the kinds it does', async () => {
    const result = await filesService().accept(upload('plan.pdf', minimalPdf()), ['xlsx', 'csv']);
    expect(result).toEqual({
      ok: false,
      message: 'The selected file must be an Excel spreadsheet or CSV file',
    });
    const docx = await filesService().accept(upload('plan.docx', minimalDocx()), ['xlsx', 'csv']);
    expect(docx).toEqual({
      ok: false,
      message: 'The selected file must be an Excel spreadsheet or CSV file',
    });
    expect(await filesLeft()).toEqual([]);
  });

  it('refuses EICAR when the command scanner flags it, and keeps a clean file', async () => {
    const files = filesService({ virusScanCommand: scanCommand });
    expect(await files.accept(upload('eicar.csv', eicar()), fileKinds)).toEqual({
      ok: false,
      message: infected,
    });
    expect(await filesLeft()).toEqual([]);
    const clean = await files.accept(upload('figures.csv', minimalCsv()), fileKinds);
    expect(clean.ok).toBe(true);
    expect(await filesLeft()).toHaveLength(1);
  });

  it('says the file could not be checked when the scanner fails, and keeps nothing', async () => {
    const files = filesService({ virusScanCommand: `${scanCommand} --broken` });
    expect(await files.accept(upload('plan.pdf', minimalPdf()), fileKinds)).toEqual({
      ok: false,
      message: unchecked,
    });
    const missing = filesService({ virusScanCommand: join(folder.workDir, 'no-such-scanner') });
    expect(await missing.accept(upload('plan.pdf', minimalPdf()), fileKinds)).toEqual({
      ok: false,
      message: unchecked,
    });
    expect(await filesLeft()).toEqual([]);
  });

  it.each([['a unix socket'], ['a TCP port']])(
    'refuses EICAR when clamd on %s finds it, and keeps a clean file',
    async (on) => {
      const clamd = await startStandInClamd(
        on === 'a unix socket' ? { path: join(folder.workDir, 'clamd.sock') } : { tcp: true },
      );
      try {
        const files = filesService({ clamdSocket: clamd.address });
        expect(await files.accept(upload('eicar.csv', eicar()), fileKinds)).toEqual({
          ok: false,
          message: infected,
        });
        expect(await filesLeft()).toEqual([]);
        const clean = await files.accept(upload('plan.pdf', minimalPdf()), fileKinds);
        expect(clean.ok).toBe(true);
        expect(clamd.scans()).toBe(2);
      } finally {
        await clamd.close();
      }
    },
  );

  it('says the file could not be checked when clamd answers nonsense or is not there', async () => {
    const clamd = await startStandInClamd({ path: join(folder.workDir, 'clamd.sock') }, 'nonsense');
    try {
      const files = filesService({ clamdSocket: clamd.address });
      expect(await files.accept(upload('plan.pdf', minimalPdf()), fileKinds)).toEqual({
        ok: false,
        message: unchecked,
      });
    } finally {
      await clamd.close();
    }
    const absent = filesService({ clamdSocket: join(folder.workDir, 'no-clamd.sock') });
    expect(await absent.accept(upload('plan.pdf', minimalPdf()), fileKinds)).toEqual({
      ok: false,
      message: unchecked,
    });
    expect(await filesLeft()).toEqual([]);
  });
});
