// The preparation pack as its users meet it: the Team Manager adds documents, the Spotlight Team,
// the QA team and the team's managers read and download them, and nobody else sees them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { newId } from '../../../../platform/ids.js';
import { testDialects } from '../../../../../test/databases.js';
import {
  addSpotlightFixture,
  spotlightPeople,
  type SpotlightFixture,
  type SpotlightPersonKey,
} from '../../../../../test/spotlight-fixture.js';
import { themeKeys, type ThemeKey } from '../../../../core/record-themes.js';
import { insertReport } from '../../../report/test-support.js';
import {
  addDocument,
  auditEvents,
  csvFile,
  documentRows,
  pdfFile,
  storedFiles,
} from './test-support.js';

describe.each(testDialects())('the preparation pack’s documents (%s)', (dialect) => {
  let t: TestApp;
  let f: SpotlightFixture;
  let packUrl: string;
  const pdf = pdfFile('Team action plan 2026.pdf');
  const csv = csvFile('Caseloads October.csv');
  const ids: { pdf: string; csv: string } = { pdf: '', csv: '' };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    f = await addSpotlightFixture(t);
    packUrl = `/spotlights/${f.spotlightId}/documents`;
  });
  afterAll(async () => t?.close());

  it('shows the Team Manager an empty pack, its due date and the form to add documents', async () => {
    const page = await (await f.as('teamManager')).get(packUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Preparation pack</h1>');
    expect(page.body).toMatch(/Family Support East [^<]* – 14 January 2027/);
    // Due Thursday 7 January 2027: 27 working days after 26 November 2026, with Christmas Day,
    // the Boxing Day substitute (Monday 28 December) and New Year's Day off.
    expect(page.body).toContain('7 January 2027');
    expect(page.body).toContain('due in 27 working days');
    expect(page.body.match(/None yet/g)).toHaveLength(5);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toMatch(/<input type="hidden" name="_csrf" value="[^"]+">/);
    expect(page.body).toContain('Add document');
    expect(page.body).toContain('Performance data (Power BI exports)');
    expect(page.body).toContain('This is the team’s first Spotlight in Spotlight.');
    expect(page.body).toContain(`href="/spotlights/${f.spotlightId}"`);
  });

  it('lets the Team Manager add a PDF and a CSV of performance data', async () => {
    const manager = await f.as('teamManager');
    const first = await addDocument(manager, f.spotlightId, 'team-action-plan', pdf);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(packUrl);
    const afterFirst = await manager.get(packUrl);
    expect(afterFirst.body).toContain('Team action plan 2026.pdf added to the preparation pack');

    const second = await addDocument(manager, f.spotlightId, 'performance-data', csv);
    expect(second.statusCode).toBe(303);
    const rows = await documentRows(t, f.spotlightId);
    expect(rows.map((r) => [r.document_type, r.display_name, r.size_bytes])).toEqual([
      ['team-action-plan', 'Team action plan 2026.pdf', pdf.content.length],
      ['performance-data', 'Caseloads October.csv', csv.content.length],
    ]);
    // Stored under names Spotlight made, never the uploader's.
    for (const row of rows) {
      expect(row.stored_name).not.toContain('Team action plan');
      expect(row.stored_name).not.toContain('Caseloads');
    }
    expect(await storedFiles(t)).toHaveLength(2);
    ids.pdf = rows[0]?.id ?? '';
    ids.csv = rows[1]?.id ?? '';
  });

  it.each<SpotlightPersonKey>(['member1', 'lead', 'qa', 'hosQa', 'headOfService'])(
    'shows the documents to %s, with their kind, size, who added them and when',
    async (who) => {
      const page = await (await f.as(who)).get(packUrl);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`href="${packUrl}/${ids.pdf}"`);
      expect(page.body).toContain('Team action plan 2026.pdf');
      expect(page.body).toContain('PDF, ');
      expect(page.body).toContain(`CSV, ${csv.content.length} bytes`);
      expect(page.body).toContain('Tina Morgan, 26 November 2026 at 9:00am');
      expect(page.body).not.toMatch(/govuk-tag--orange">\s*added late/);
      expect(page.body.match(/None yet/g)).toHaveLength(3);
      // Only the visited team's managers add and remove documents.
      const prepares = who === 'headOfService';
      expect(page.body.includes('Add document')).toBe(prepares);
      expect(page.body.includes(`${packUrl}/${ids.pdf}/remove`)).toBe(prepares);
    },
  );

  it('lets a member download the same bytes, with headers that keep the file inert', async () => {
    const response = await (await f.as('member1')).get(`${packUrl}/${ids.pdf}`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(pdf.content)).toBe(true);
    expect(response.headers['content-type']).toMatch(/^application\/pdf/);
    expect(response.headers['content-disposition']).toMatch(/^attachment;/);
    expect(response.headers['content-disposition']).toContain('Team');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(response.headers['content-security-policy']).toContain('sandbox');
    expect(response.headers['cache-control']).toBe('no-store');

    const data = await (await f.as('lead')).get(`${packUrl}/${ids.csv}`);
    expect(data.statusCode).toBe(200);
    expect(data.rawPayload.equals(csv.content)).toBe(true);
    expect(data.headers['content-type']).toMatch(/^text\/csv/);
  });

  it.each<SpotlightPersonKey>(['otherReviewer', 'practitioner1', 'otherManager'])(
    'refuses %s the list and the download, and writes each refusal to the audit log',
    async (who) => {
      const browser = await f.as(who);
      const list = await browser.get(packUrl);
      expect(list.statusCode).toBe(403);
      expect(list.body).not.toContain('Team action plan 2026.pdf');
      const download = await browser.get(`${packUrl}/${ids.pdf}`);
      expect(download.statusCode).toBe(403);
      expect(download.rawPayload.includes(pdf.content)).toBe(false);
      const refusals = (await auditEvents(t, 'spotlight.access-refused', f.spotlightId)).filter(
        (event) => event.actor_name === spotlightPeople[who].name,
      );
      expect(refusals).toHaveLength(2);
    },
  );

  it('does not let a member add or remove documents', async () => {
    const member = await f.as('member1');
    const upload = await addDocument(member, f.spotlightId, 'other', pdfFile('Mine.pdf'));
    expect(upload.statusCode).toBe(403);
    expect((await member.get(`${packUrl}/${ids.pdf}/remove`)).statusCode).toBe(403);
    expect((await member.post(`${packUrl}/${ids.pdf}/remove`)).statusCode).toBe(403);
    expect(await documentRows(t, f.spotlightId)).toHaveLength(2);
    expect(await storedFiles(t)).toHaveLength(2);
  });

  it('finds no document of one Spotlight under another', async () => {
    const qa = await f.as('qa');
    const response = await qa.get(`/spotlights/${f.otherSpotlightId}/documents/${ids.pdf}`);
    expect(response.statusCode).toBe(404);
    expect((await qa.get(`${packUrl}/no-such-document`)).statusCode).toBe(404);
  });

  it('asks the Team Manager before removing a document, then removes it and its file', async () => {
    const manager = await f.as('teamManager');
    const confirm = await manager.get(`${packUrl}/${ids.csv}/remove`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Are you sure you want to remove Caseloads October.csv?');
    expect(confirm.body).toContain('govuk-button--warning');
    const removed = await manager.post(`${packUrl}/${ids.csv}/remove`);
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(packUrl);
    const page = await manager.get(packUrl);
    expect(page.body).toContain('Caseloads October.csv removed from the preparation pack');
    expect((await documentRows(t, f.spotlightId)).map((r) => r.id)).toEqual([ids.pdf]);
    expect(await storedFiles(t)).toHaveLength(1);
    // Removing it again finds nothing.
    expect((await manager.post(`${packUrl}/${ids.csv}/remove`)).statusCode).toBe(404);
  });

  it('has each addition, download and removal in the audit log, without the file names', async () => {
    const uploaded = await auditEvents(t, 'preparation.document-uploaded', f.spotlightId);
    const downloaded = await auditEvents(t, 'preparation.document-downloaded', f.spotlightId);
    const removed = await auditEvents(t, 'preparation.document-removed', f.spotlightId);
    expect(uploaded.map((e) => e.actor_name)).toEqual(['Tina Morgan', 'Tina Morgan']);
    expect(uploaded.map((e) => JSON.parse(String(e.details)) as unknown)).toEqual([
      expect.objectContaining({
        documentType: 'team-action-plan',
        kind: 'pdf',
        sizeBytes: pdf.content.length,
      }),
      expect.objectContaining({
        documentType: 'performance-data',
        kind: 'csv',
        sizeBytes: csv.content.length,
      }),
    ]);
    expect(downloaded.map((e) => e.actor_name)).toEqual(['Mo Member', 'Lena Lead']);
    expect(removed.map((e) => e.actor_name)).toEqual(['Tina Morgan']);
    for (const event of [...uploaded, ...downloaded, ...removed]) {
      expect(String(event.details)).not.toContain('Team action plan 2026');
      expect(String(event.details)).not.toContain('Caseloads');
    }
  });

  it('names the team’s last Spotlight, its day and its Lead', async () => {
    const db = t.services.database.db;
    const current = await db
      .selectFrom('spotlight')
      .selectAll()
      .where('id', '=', f.spotlightId)
      .executeTakeFirstOrThrow();
    const previousId = newId();
    await db
      .insertInto('spotlight')
      .values({ ...current, id: previousId, date: '2026-01-15', lead_person_id: f.personId.qa })
      .execute();
    const page = await (await f.as('member1')).get(packUrl);
    expect(page.body).toContain('The team’s last Spotlight was on 15 January 2026');
    expect(page.body).toContain('led by Priya QA');
    expect(page.body).toContain('Its report will show here once it is final');
    expect(page.body).not.toContain('first Spotlight in Spotlight');
    const lastReport = `/spotlights/${f.spotlightId}/documents/last-report`;
    expect((await (await f.as('member1')).get(lastReport)).statusCode).toBe(404);

    // Once the last Spotlight's report is final, the pack's readers read it from here, though
    // none of them was in that Spotlight; the practitioners, who do not see the pack, do not.
    const evidence = Object.fromEntries(themeKeys.map((key) => [key, [] as string[]])) as Record<
      ThemeKey,
      string[]
    >;
    await insertReport(
      t,
      { ...f, spotlightId: previousId },
      { evidence, caseNumbers: [] },
      {
        status: 'final',
      },
    );
    const withReport = await (await f.as('member1')).get(packUrl);
    expect(withReport.body).toContain(`href="${lastReport}"`);
    const read = await (await f.as('member1')).get(lastReport);
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('The team know their children well');
    expect(read.body).toContain('Every child’s plan names what will change for them.');
    expect((await (await f.as('teamManager')).get(lastReport)).statusCode).toBe(200);
    expect((await (await f.as('practitioner1')).get(lastReport)).statusCode).toBe(403);
    expect((await (await f.as('otherReviewer')).get(lastReport)).statusCode).toBe(403);
  });

  it('accepts a document after the due date and marks it as added late', async () => {
    // Friday 8 January 2027, the working day after the documents were due.
    t.clock.set('2027-01-08T10:00:00.000Z');
    const late = await addSpotlightFixture(t);
    const manager = await late.as('teamManager');
    const before = await manager.get(`/spotlights/${late.spotlightId}/documents`);
    expect(before.body).toContain('1 working day late');
    const response = await addDocument(manager, late.spotlightId, 'audits', pdfFile('Audit.pdf'));
    expect(response.statusCode).toBe(303);
    const page = await (await late.as('member2')).get(`/spotlights/${late.spotlightId}/documents`);
    expect(page.body).toContain('Audit.pdf');
    expect(page.body).toMatch(/govuk-tag--orange">\s*added late/);
  });
});
