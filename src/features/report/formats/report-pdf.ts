// The report as a tagged PDF (PDF/UA): an embedded font (Liberation Sans, SIL OFL), the title and
// language set, and a structure tree of headings (H1 to H3), paragraphs (P), lists (L) and tables
// (Table, with TH header cells) so that screen readers read it in order. Each page's footer says
// "Page 1 of 4", marked as a pagination artefact so that screen readers skip it.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { ReportDocument } from '../../../core/report/report-model.js';
import { srcDir } from '../../../platform/paths.js';
import { reportOutline, type ReportBlock, type ReportTable } from './report-outline.js';

const fonts = join(srcDir, 'assets', 'fonts');
const regular = join(fonts, 'LiberationSans-Regular.ttf');
const bold = join(fonts, 'LiberationSans-Bold.ttf');

type FontSource = PDFKit.Mixins.PDFFontSource;
let faces: { regular: FontSource; bold: FontSource } | undefined;

/**
 * One parsed copy of each face for every PDF, read on first use. pdfkit takes a fontkit font as a
 * font source (its type package lists only paths and buffers), and the glyphs it has laid out then
 * stay ready between reports: a report renders about five times faster than when each PDF parses
 * the font files again (npm run bench:report). Rendering is synchronous, so reports never share a
 * font mid-layout.
 */
function fontFaces(): { regular: FontSource; bold: FontSource } {
  const face = (file: string) => fontkit.create(readFileSync(file)) as unknown as FontSource;
  faces ??= { regular: face(regular), bold: face(bold) };
  return faces;
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

// pdfkit 0.20 options its type package does not know yet.
type TaggedOptions = Omit<PDFKit.PDFDocumentOptions, 'subset'> & { subset: 'PDF/UA' };
type TaggedCell = PDFKit.Mixins.CellOptions & { scope?: 'Row' | 'Column' };
interface TaggedTable extends PDFKit.Mixins.TableOptions {
  structParent: Struct;
  data: (string | TaggedCell)[][];
}

const sizes = { h1: 22, h2: 16, h3: 13, body: 11, table: 9.5 };
const textColour = '#0b0c0c';

/** Starts a new page when less than `room` points are left, so a heading never ends a page. */
function keepRoom(doc: Doc, room: number): void {
  if (doc.y + room > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function heading(doc: Doc, root: Struct, level: 1 | 2 | 3, text: string): void {
  const size = level === 1 ? sizes.h1 : level === 2 ? sizes.h2 : sizes.h3;
  keepRoom(doc, size * 5);
  if (level > 1) doc.moveDown(level === 2 ? 0.8 : 0.4);
  doc
    .font('Bold')
    .fontSize(size)
    .text(text, { structParent: root, structType: `H${level}` });
  doc.moveDown(0.3);
}

function paragraph(doc: Doc, root: Struct, text: string, emphasis = false): void {
  doc
    .font(emphasis ? 'Bold' : 'Body')
    .fontSize(sizes.body)
    .text(text, { structParent: root, structType: 'P', lineGap: 2 });
  doc.moveDown(0.5);
}

function list(doc: Doc, root: Struct, items: string[], ordered: boolean): void {
  const structure = doc.struct('L');
  root.add(structure);
  doc
    .font('Body')
    .fontSize(sizes.body)
    .list(items, {
      structParent: structure,
      listType: ordered ? 'numbered' : 'bullet',
      lineGap: 2,
      paragraphGap: 4,
    });
  structure.end();
  doc.moveDown(0.5);
}

function table(doc: Doc, root: Struct, spec: ReportTable): void {
  keepRoom(doc, 80);
  if (!spec.captionRepeatsHeading) paragraph(doc, root, spec.caption, true);
  const data: (string | TaggedCell)[][] = [];
  if (spec.head.length > 0) {
    data.push(
      spec.head.map((text) => ({ text, type: 'TH', scope: 'Column', font: { src: 'Bold' } })),
    );
  }
  for (const row of spec.rows) {
    data.push(
      row.map((text, i) =>
        spec.rowHeaders && i === 0
          ? { text, type: 'TH', scope: 'Row', font: { src: 'Bold' } }
          : { text, type: 'TD' },
      ),
    );
  }
  doc.font('Body').fontSize(spec.head.length > 4 ? sizes.table : sizes.body);
  const wide = spec.head.length > 4;
  const options: TaggedTable = {
    structParent: root,
    data,
    // A short first column (the recommendation's number) leaves the words room.
    ...(wide ? { columnStyles: [45, ...spec.head.slice(1).map(() => '*')] } : {}),
    defaultStyle: { border: 0.5, borderColor: '#b1b4b6', padding: 4 },
  };
  doc.table(options);
  doc.x = doc.page.margins.left;
  doc.moveDown(1);
}

function block(doc: Doc, root: Struct, item: ReportBlock): void {
  switch (item.kind) {
    case 'heading':
      return heading(doc, root, item.level, item.text);
    case 'paragraph':
      return paragraph(doc, root, item.text, item.emphasis);
    case 'list':
      return list(doc, root, item.items, item.ordered);
    case 'table':
      return table(doc, root, item.table);
  }
}

/** "Page n of N" at the foot of every page, outside the structure tree (an artefact). */
function pageNumbers(doc: Doc): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    const bottom = margins.bottom;
    // Writing below the bottom margin would otherwise start a new page.
    margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('Body')
      .fontSize(9)
      .text(`Page ${i - start + 1} of ${count}`, margins.left, height - bottom / 2 - 5, {
        width: width - margins.left - margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.endMarkedContent();
    margins.bottom = bottom;
  }
}

/** The PDF file's bytes. */
export function reportPdf(document: ReportDocument): Promise<Buffer> {
  const outline = reportOutline(document);
  const options: TaggedOptions = {
    tagged: true,
    pdfVersion: '1.7',
    lang: 'en-GB',
    displayTitle: true,
    subset: 'PDF/UA',
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: {
      Title: outline.title,
      Author: 'Spotlight',
      Subject: `The Team Spotlight report of ${document.teamName}`,
    },
  };
  // The type package lists only the PDF/A subsets; pdfkit 0.20 itself knows PDF/UA.
  const doc = new PDFDocument(options as unknown as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { regular: body, bold: strong } = fontFaces();
  doc.registerFont('Body', body);
  doc.registerFont('Bold', strong);
  doc.fillColor(textColour);
  const root = doc.struct('Document');
  doc.addStructure(root);
  heading(doc, root, 1, outline.title);
  if (outline.draftNotice) paragraph(doc, root, outline.draftNotice, true);
  for (const item of outline.blocks) block(doc, root, item);
  root.end();
  pageNumbers(doc);
  doc.end();
  return done;
}
