import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { auditEntries, signInAs, urlsIn } from '../nominations/test-support.js';
import { savedMessage } from './handlers.js';
import { caseListRows, csvFile, postCaseList, xlsxFile } from './test-support.js';
import { buildZip, deflatedZeros } from '../../../../../test/fixtures/zip-builder.js';

describe('the message after saving a case list', () => {
  it('says how many were saved and how many repeats were kept once', () => {
    expect(savedMessage({ count: 312, duplicates: 4 })).toBe(
      '312 case numbers saved. 4 numbers appeared more than once and were kept once.',
    );
    expect(savedMessage({ count: 1, duplicates: 1 })).toBe(
      '1 case number saved. 1 number appeared more than once and was kept once.',
    );
    expect(savedMessage({ count: 1200, duplicates: 0 })).toBe('1,200 case numbers saved.');
  });
});

describe.each(testDialects())('the team’s open case list (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const url = (spotlightId: string) => `/spotlights/${spotlightId}/case-list`;

  it('saves a pasted list with a heading and repeats, de-duplicated, and shows it', async () => {
    const f = await addSpotlightFixture(t);
    const manager = await signInAs(f, 'teamManager');
    const empty = await manager.get(url(f.spotlightId));
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('No case numbers yet.');
    expect(empty.body).toContain('Paste the case numbers, one on each line');
    expect(empty.body).toContain('or upload a CSV or Excel file (the first column is read)');
    expect(empty.body).toContain('enctype="multipart/form-data"');

    const pasted = ['Case number', '1234567', ' 2345678 ', '', 'ehm 123456', '1234567', '2345678'];
    const saved = await postCaseList(manager, f.spotlightId, { caseNumbers: pasted.join('\r\n') });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(url(f.spotlightId));
    expect(await caseListRows(t, f.spotlightId)).toEqual([
      'LCS 1234567',
      'LCS 2345678',
      'EHM EHM123456',
    ]);
    const audit = await auditEntries(t, 'preparation.case-list-saved', f.spotlightId);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toEqual({ count: 3, duplicates: 2 });

    const page = await manager.get(url(f.spotlightId));
    const text = page.body.replace(/\s+/g, ' ');
    expect(text).toContain(
      '3 case numbers saved. 2 numbers appeared more than once and were kept once.',
    );
    expect(text).toContain('<strong>3 case numbers</strong> held (2 LCS, 1 EHM)');
    expect(text).toContain('Last saved on 26 November 2026 at 9:00am by Tina Morgan');
    expect(text).toContain('EHM123456');
    expect(text).toContain('Replace the list');
    const viewed = await auditEntries(t, 'preparation.case-list-viewed', f.spotlightId);
    expect(viewed.at(-1)?.caseNumbers).toEqual(['1234567', '2345678', 'EHM123456']);
    for (const link of [...urlsIn(page.body), String(saved.headers.location)])
      expect(link).not.toMatch(/1234567|2345678|123456/);

    // Saving again replaces the whole list.
    await postCaseList(manager, f.spotlightId, { caseNumbers: '7654321' });
    expect(await caseListRows(t, f.spotlightId)).toEqual(['LCS 7654321']);
  });

  it('lists the bad lines and saves nothing when any line is wrong', async () => {
    const f = await addSpotlightFixture(t);
    const manager = await signInAs(f, 'teamManager');
    await postCaseList(manager, f.spotlightId, { caseNumbers: '1111111' });
    const pasted = ['1234567', '2345678', 'Smith, J', '12', '3456789'].join('\n');
    const response = await postCaseList(manager, f.spotlightId, { caseNumbers: pasted });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<title>Error: The team’s open case list');
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('2 lines are not an LCS or EHM number. Nothing has been saved');
    expect(response.body).toContain('Line 3 is not an LCS or EHM number');
    expect(response.body).toContain('Line 4 is not an LCS or EHM number');
    expect(response.body).toContain('2 lines are not LCS or EHM numbers: lines 3 and 4');
    expect(response.body).toContain('href="#caseNumbers"');
    // The pasted text is kept, so the lines can be fixed.
    expect(response.body).toContain('Smith, J\n12\n3456789');
    expect(await caseListRows(t, f.spotlightId)).toEqual(['LCS 1111111']);

    const many = Array.from({ length: 30 }, (_, i) => `bad ${i}`).join('\n');
    const tooMany = await postCaseList(manager, f.spotlightId, { caseNumbers: `1234567\n${many}` });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('30 lines are not an LCS or EHM number');
    expect(tooMany.body).toContain('Line 21 is not an LCS or EHM number');
    expect(tooMany.body).not.toContain('Line 22 is not an LCS or EHM number');
    expect(tooMany.body).toContain('and 10 more');

    const nothing = await postCaseList(manager, f.spotlightId, { caseNumbers: '  \n ' });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('Paste the case numbers, or choose a file');

    const huge = await postCaseList(manager, f.spotlightId, {
      caseNumbers: Array.from({ length: 5001 }, (_, i) => String(1000000 + i)).join('\n'),
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain('Paste 5,000 lines or fewer');

    for (const odd of ['\u0000', '9'.repeat(100_000), '<script>alert(1)</script>']) {
      const response = await postCaseList(manager, f.spotlightId, { caseNumbers: odd });
      expect(response.statusCode).toBe(400);
      expect(response.body).not.toContain('<script>alert');
    }
    expect(await caseListRows(t, f.spotlightId)).toEqual(['LCS 1111111']);
  });

  it('reads the first column of a CSV or an Excel file', async () => {
    const f = await addSpotlightFixture(t);
    const manager = await signInAs(f, 'teamManager');
    const csv = csvFile('\uFEFFLCS ID,Worker\n1234567,Pat\n2345678,Sol\n1234567,Pat\n');
    const fromCsv = await postCaseList(manager, f.spotlightId, { file: csv });
    expect(fromCsv.statusCode).toBe(303);
    expect(await caseListRows(t, f.spotlightId)).toEqual(['LCS 1234567', 'LCS 2345678']);

    const xlsx = await xlsxFile([
      ['Case number', 'Team'],
      [3456789, 'FSE'],
      ['EHM 654321', null],
    ]);
    const fromXlsx = await postCaseList(manager, f.spotlightId, { file: xlsx });
    expect(fromXlsx.statusCode).toBe(303);
    expect(await caseListRows(t, f.spotlightId)).toEqual(['LCS 3456789', 'EHM EHM654321']);

    const badRows = await xlsxFile([['Case number'], [3456789], ['Not known']]);
    const refused = await postCaseList(manager, f.spotlightId, { file: badRows });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Row 3 of the file is not an LCS or EHM number');
    expect(refused.body).toContain('href="#file"');

    const pdf = {
      filename: 'cases.xlsx',
      contentType: 'application/pdf',
      content: Buffer.from('%PDF-1.7\n\u0000\u0001binary'),
    };
    const wrongType = await postCaseList(manager, f.spotlightId, { file: pdf });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.body).toContain('The file must be a CSV or Excel file');
    const broken = {
      filename: 'cases.xlsx',
      contentType: 'application/zip',
      content: Buffer.from('PK\u0003\u0004xl/workbook.xml and no more'),
    };
    const unreadable = await postCaseList(manager, f.spotlightId, { file: broken });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.body).toContain('The file could not be read');
    // A zip bomb dressed as a workbook: 300 MB of zeros in a few hundred kilobytes.
    const bomb = {
      filename: 'cases.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: buildZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', deflated: deflatedZeros(300) },
      ]),
    };
    const bombed = await postCaseList(manager, f.spotlightId, { file: bomb });
    expect(bombed.statusCode).toBe(400);
    expect(bombed.body).toContain('The file could not be read');
    const tooBig = await postCaseList(manager, f.spotlightId, {
      file: csvFile('1234567\n'.repeat(700_000)),
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.body).toContain('The file must be smaller than 5MB');
    expect(await caseListRows(t, f.spotlightId)).toEqual(['LCS 3456789', 'EHM EHM654321']);
  });

  it('shows the list to the Lead and members, but only the team’s managers change it', async () => {
    const f = await addSpotlightFixture(t);
    const manager = await signInAs(f, 'teamManager');
    await postCaseList(manager, f.spotlightId, { caseNumbers: '1234567\n2345678' });
    for (const key of ['lead', 'member1', 'headOfService'] as const) {
      const browser = await signInAs(f, key);
      const page = await browser.get(url(f.spotlightId));
      expect(page.statusCode, key).toBe(200);
      expect(page.body).toContain('2345678');
    }
    const lead = await signInAs(f, 'lead');
    expect((await lead.get(url(f.spotlightId))).body).not.toContain('Paste the case numbers');
    const refused = await postCaseList(lead, f.spotlightId, { caseNumbers: '7654321' });
    expect(refused.statusCode).toBe(403);
    for (const key of ['qa', 'practitioner1', 'otherReviewer', 'otherManager'] as const) {
      const browser = await signInAs(f, key);
      const page = await browser.get(url(f.spotlightId));
      expect(page.statusCode, key).toBe(403);
      expect(page.body).not.toContain('2345678');
      expect(
        (await postCaseList(browser, f.spotlightId, { caseNumbers: '7654321' })).statusCode,
      ).toBe(403);
    }
    expect(await caseListRows(t, f.spotlightId)).toEqual(['LCS 1234567', 'LCS 2345678']);
    const refusals = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
    expect(refusals.length).toBeGreaterThanOrEqual(9);
  });
});
