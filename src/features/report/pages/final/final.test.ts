import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import {
  addSpotlightFixture,
  type SpotlightFixture,
} from '../../../../../test/spotlight-fixture.js';
import { themes } from '../../../../core/record-themes.js';
import { auditEntries, signInAs, textOf } from '../../../day/pages/day/test-support.js';
import { addReportWithCaseNumbers, readPdf, unzipText } from '../../formats/test-support.js';
import { addTriangulatedSpotlight, insertReport } from '../../test-support.js';

const url = (f: SpotlightFixture, path = 'final') => `/spotlights/${f.spotlightId}/report/${path}`;

describe.each(testDialects())('the report as a page and downloads (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('lists the final report on the home page of the visited team, its managers and Head of Service only', async () => {
    const f = await addSpotlightFixture(t);
    const link = `href="${url(f)}"`;
    const home = async (key: Parameters<typeof signInAs>[1]) =>
      (await (await signInAs(f, key)).get('/')).body;
    const triangulated = await addTriangulatedSpotlight(t, f);
    await insertReport(t, f, triangulated, { status: 'submitted' });
    expect(await home('teamManager')).not.toContain(link);

    await t.services.database.db
      .updateTable('report')
      .set({ status: 'final', finalised_at: t.clock.now().toISOString() })
      .where('spotlight_id', '=', f.spotlightId)
      .execute();
    for (const key of ['teamManager', 'headOfService', 'practitioner2'] as const) {
      const page = await home(key);
      expect(page, key).toContain('Reports about your team');
      expect(page, key).toContain(link);
    }
    for (const key of ['member1', 'otherManager', 'otherReviewer'] as const) {
      expect(await home(key), key).not.toContain(link);
    }
  });

  it('shows the final report to the visited team, with its headings and no case numbers', async () => {
    const f = await addSpotlightFixture(t);
    const { caseNumbers } = await addReportWithCaseNumbers(t, f, 'final');
    const practitioner = await signInAs(f, 'practitioner1');
    const page = await practitioner.get(url(f));
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<title>\s*Team Spotlight report: /);
    expect(page.body.match(/<h1[ >]/g)).toHaveLength(1);
    const text = textOf(page.body);
    for (const heading of [
      'Summary',
      'About the team',
      'What the Spotlight did',
      'Recommendations',
    ])
      expect(text).toContain(heading);
    for (const theme of themes) expect(page.body).toContain(`>${theme.name}</h2>`);
    expect(text).toContain('Every child’s plan names what will change for them.');
    expect(text).toContain('[case number removed]');
    expect(text).not.toContain('This is a draft');
    for (const caseNumber of caseNumbers) expect(page.body).not.toContain(caseNumber);
    expect(page.body).toContain(`href="${url(f, 'download/word')}"`);
    expect(page.body).toContain(`href="${url(f, 'download/pdf')}"`);
    expect(text).toContain('Download as Word');
    expect(text).toContain('Download as PDF');
    expect(page.body).toContain(
      '<th scope="col" class="govuk-table__header">What will change</th>',
    );

    for (const key of ['teamManager', 'headOfService', 'qa', 'hosQa', 'lead', 'member2'] as const) {
      const reader = await signInAs(f, key);
      expect((await reader.get(url(f))).statusCode, key).toBe(200);
    }
    const reads = await auditEntries(t, 'report.read', f.spotlightId);
    // The test clock stands still, so entries are compared as a set.
    expect(reads).toHaveLength(7);
    expect(reads.map((r) => r.actorName)).toContain('Pat Practitioner');
    expect(reads.every((r) => r.details.final === true && r.caseNumbers.length === 0)).toBe(true);
  });

  it('sends the Word and PDF files with the team and date in the name', async () => {
    const f = await addSpotlightFixture(t);
    const { caseNumbers } = await addReportWithCaseNumbers(t, f, 'final');
    const manager = await signInAs(f, 'teamManager');
    const word = await manager.request({ method: 'GET', url: url(f, 'download/word') });
    expect(word.statusCode).toBe(200);
    expect(word.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const disposition = String(word.headers['content-disposition']);
    expect(disposition).toMatch(
      /^attachment; filename="spotlight-report-family-support-east-[0-9-]+-2027-01-14\.docx"/,
    );
    expect(disposition).not.toMatch(/Tina|Morgan|Lena|LCS/);
    const files = await unzipText(word.rawPayload);
    expect(files.get('word/document.xml')).toContain('Heading1');
    const pdf = await manager.request({ method: 'GET', url: url(f, 'download/pdf') });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toMatch(/-2027-01-14\.pdf"/);
    expect(pdf.headers['cache-control']).toBe('private, no-store');
    const { text, info } = await readPdf(pdf.rawPayload);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    for (const caseNumber of caseNumbers) expect(text).not.toContain(caseNumber);
    const downloads = await auditEntries(t, 'report.downloaded', f.spotlightId);
    expect(downloads.map((d) => d.details)).toEqual(
      expect.arrayContaining([
        { format: 'docx', final: true },
        { format: 'pdf', final: true },
      ]),
    );
    expect(downloads).toHaveLength(2);
    expect(downloads.every((d) => d.caseNumbers.length === 0)).toBe(true);
  });

  it('shows a draft only to the Spotlight Team and the QA team, marked as a draft', async () => {
    const f = await addSpotlightFixture(t);
    await addReportWithCaseNumbers(t, f, 'submitted');
    for (const key of ['lead', 'member1', 'qa', 'hosQa'] as const) {
      const reader = await signInAs(f, key);
      const page = await reader.get(url(f));
      expect(page.statusCode, key).toBe(200);
      expect(textOf(page.body)).toContain('This is a draft.');
      const pdf = await reader.request({ method: 'GET', url: url(f, 'download/pdf') });
      expect(String(pdf.headers['content-disposition']), key).toContain('-draft.pdf');
    }
    for (const key of ['practitioner1', 'teamManager', 'headOfService'] as const) {
      const reader = await signInAs(f, key);
      expect((await reader.get(url(f))).statusCode, key).toBe(403);
      expect((await reader.get(url(f, 'download/word'))).statusCode, key).toBe(403);
    }
    const refusals = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
    expect(refusals).toHaveLength(6);
  });

  it('refuses outsiders and says when there is no report yet', async () => {
    const f = await addSpotlightFixture(t);
    await addTriangulatedSpotlight(t, f);
    const lead = await signInAs(f, 'lead');
    expect((await lead.get(url(f))).statusCode).toBe(404);
    expect((await lead.get(url(f, 'download/pdf'))).statusCode).toBe(404);
    const other = await addSpotlightFixture(t);
    await addReportWithCaseNumbers(t, other, 'final');
    for (const key of ['otherReviewer', 'otherManager'] as const) {
      const outsider = await signInAs(other, key);
      for (const path of ['final', 'download/word', 'download/pdf']) {
        expect((await outsider.get(url(other, path))).statusCode, `${key} ${path}`).toBe(403);
      }
    }
    const anonymous = await t.app.inject({ method: 'GET', url: url(other) });
    expect([302, 303]).toContain(anonymous.statusCode);
    expect((await lead.get('/spotlights/not-a-spotlight/report/final')).statusCode).toBe(404);
    expect((await lead.get('/spotlights/%00%27/report/download/pdf')).statusCode).toBe(404);
    expect(await auditEntries(t, 'report.read', other.spotlightId)).toHaveLength(0);
  });
});
