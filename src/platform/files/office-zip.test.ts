// The zip checks one by one: which zips are Office files, and which are refused as unsafe before
// or while they are inflated.
import { describe, expect, it } from 'vitest';
import { minimalDocx, minimalXlsx } from '../../../test/fixtures/sample-files.js';
import {
  buildZip,
  deflatedZeros,
  docxEntries,
  pptxEntries,
  type ZipEntrySpec,
} from '../../../test/fixtures/zip-builder.js';
import { checkOfficeZip, isSafeEntryName, officeKindOf, zipLimits } from './office-zip.js';

const allOffice = ['docx', 'xlsx', 'pptx'] as const;
const withDocx = (...extra: ZipEntrySpec[]) => buildZip([...docxEntries(), ...extra]);

describe('telling Office files apart', () => {
  it('knows Word, Excel and PowerPoint files by the parts inside them', async () => {
    expect(await checkOfficeZip(minimalDocx(), allOffice)).toEqual({ ok: true, kind: 'docx' });
    expect(await checkOfficeZip(await minimalXlsx(), allOffice)).toEqual({
      ok: true,
      kind: 'xlsx',
    });
    expect(await checkOfficeZip(buildZip(pptxEntries()), allOffice)).toEqual({
      ok: true,
      kind: 'pptx',
    });
  });

  it('says a zip that is not an Office file, or not an allowed one, is the wrong kind', async () => {
    const plainZip = buildZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]);
    expect(await checkOfficeZip(plainZip, allOffice)).toEqual({ ok: false, reason: 'wrong-kind' });
    expect(await checkOfficeZip(minimalDocx(), ['xlsx'])).toEqual({
      ok: false,
      reason: 'wrong-kind',
    });
  });

  it('does not count macro-enabled files as Word, Excel or PowerPoint files', () => {
    expect(officeKindOf(['[Content_Types].xml', 'xl/workbook.xml'])).toBe('xlsx');
    expect(officeKindOf(['[Content_Types].xml', 'xl/workbook.xml', 'xl/vbaProject.bin'])).toBe(
      undefined,
    );
    expect(officeKindOf(['[content_types].xml', 'PPT/Presentation.xml'])).toBe('pptx');
    expect(officeKindOf(['xl/workbook.xml'])).toBe(undefined);
  });

  it('allows the workbook Word keeps inside a chart', async () => {
    const chart = {
      name: 'word/embeddings/Microsoft_Excel_Worksheet.xlsx',
      data: await minimalXlsx(),
    };
    expect(await checkOfficeZip(withDocx(chart), allOffice)).toEqual({ ok: true, kind: 'docx' });
  });
});

describe('refusing zips that are not safe to open', () => {
  const unsafe = { ok: false, reason: 'unsafe' };

  it.each<[string, Buffer]>([
    ['a broken zip', minimalDocx().subarray(0, 200)],
    ['an absolute entry name', withDocx({ name: '/etc/cron.d/job', data: Buffer.from('x') })],
    ['a drive letter', withDocx({ name: 'C:/Windows/evil.dll', data: Buffer.from('x') })],
    ['a name that climbs out', withDocx({ name: 'word/../../evil', data: Buffer.from('x') })],
    ['a backslash in a name', withDocx({ name: 'word\\..\\..\\evil', data: Buffer.from('x') })],
    [
      'a control character in a name',
      withDocx({ name: 'word/a\u0001b.xml', data: Buffer.from('x') }),
    ],
    ['the same part twice', withDocx({ name: 'WORD/document.xml', data: Buffer.from('<w/>') })],
    [
      'a local header naming another file',
      withDocx({ name: 'word/a.xml', localName: '../../a.xml', data: Buffer.from('x') }),
    ],
    ['a nested archive by name', withDocx({ name: 'word/media/pack.zip', data: Buffer.from('x') })],
    [
      'a nested archive by content',
      withDocx({
        name: 'word/media/image1.png',
        data: buildZip([{ name: 'a', data: Buffer.alloc(1) }]),
      }),
    ],
    [
      'a gzip inside',
      withDocx({ name: 'word/media/image2.png', data: Buffer.from([0x1f, 0x8b, 8, 0]) }),
    ],
    ['an encrypted entry', withDocx({ name: 'word/a.xml', data: Buffer.from('x'), flags: 0x1 })],
    [
      'a stored entry whose sizes disagree',
      withDocx({ name: 'word/a.xml', data: Buffer.from('abc'), store: true, declaredSize: 2 }),
    ],
    [
      'an entry that inflates to more than it says',
      withDocx({ name: 'word/a.xml', data: Buffer.alloc(50_000), declaredSize: 10 }),
    ],
    [
      'an entry that inflates to less than it says',
      withDocx({ name: 'word/a.xml', data: Buffer.alloc(10), declaredSize: 50_000 }),
    ],
  ])('%s', async (_, zip) => {
    expect(await checkOfficeZip(zip, allOffice)).toEqual(unsafe);
  });

  it('refuses too many entries before reading them', async () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ name: `word/${i}.xml`, store: true }));
    const limits = { ...zipLimits, maxEntries: 20 };
    expect(await checkOfficeZip(withDocx(...many), allOffice, limits)).toEqual(unsafe);
    expect(await checkOfficeZip(withDocx(...many.slice(3)), allOffice, limits)).toEqual({
      ok: true,
      kind: 'docx',
    });
  });

  it('refuses a declared total over the limit, and a declared ratio over the limit', async () => {
    const twoMegabytes = { name: 'word/media/blank.xml', deflated: deflatedZeros(2) };
    // 2 MB of zeros deflate about 1,000 to 1: over 200 to 1, and over 1 MB, so refused.
    expect(await checkOfficeZip(withDocx(twoMegabytes), allOffice)).toEqual(unsafe);
    // With a higher ratio allowed it passes, until the total limit is lower than its size.
    const lenient = { ...zipLimits, maxRatio: 5_000 };
    expect(await checkOfficeZip(withDocx(twoMegabytes), allOffice, lenient)).toEqual({
      ok: true,
      kind: 'docx',
    });
    const small = { ...lenient, maxTotalBytes: 1024 * 1024 };
    expect(await checkOfficeZip(withDocx(twoMegabytes), allOffice, small)).toEqual(unsafe);
  });

  it('stops inflating when the real bytes pass what the directory says', async () => {
    // Each entry claims to hold 1,000 bytes (well within every limit) but inflates to 2 MB, so
    // only inflating finds out; it stops at the first chunk past 1,000 bytes.
    const lies = [1, 2, 3].map((i) => ({
      name: `word/media/part${i}.xml`,
      deflated: deflatedZeros(2),
      declaredSize: 1000,
    }));
    const lenient = { ...zipLimits, maxRatio: 5_000 };
    expect(await checkOfficeZip(withDocx(...lies), allOffice, lenient)).toEqual(unsafe);
  });
});

describe('entry names', () => {
  it('accepts the names Office writes and refuses the rest', () => {
    expect(isSafeEntryName('[Content_Types].xml')).toBe(true);
    expect(isSafeEntryName('xl/worksheets/_rels/sheet1.xml.rels')).toBe(true);
    expect(isSafeEntryName('word/media/image 1.png')).toBe(true);
    for (const name of ['', '/a', '../a', 'a/../../b', 'a\\b', 'C:/a', 'a:stream', 'a\0b']) {
      expect(isSafeEntryName(name)).toBe(false);
    }
  });
});
