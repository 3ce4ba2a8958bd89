// The report as a Word document: real heading styles (so the navigation pane and screen readers
// see the structure), tables with a repeating header row, the recommendations as a numbered list
// and as the action plan table, British English, the title in the document's properties, and
// "Page 1 of 4" in the footer.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportDocument } from '../../../core/report/report-model.js';
import { reportOutline, type ReportBlock, type ReportTable } from './report-outline.js';

const numberedList = 'report-numbered';
const font = 'Arial';
const border = { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, header: boolean): TableCell {
  return new TableCell({
    borders,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
  });
}

function table(spec: ReportTable): (Paragraph | Table)[] {
  const rows: TableRow[] = [];
  if (spec.head.length > 0) {
    rows.push(
      new TableRow({ tableHeader: true, children: spec.head.map((text) => cell(text, true)) }),
    );
  }
  for (const row of spec.rows) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: row.map((text, i) => cell(text, spec.rowHeaders && i === 0)),
      }),
    );
  }
  const caption = new Paragraph({
    keepNext: true,
    spacing: { before: 120, after: 80 },
    children: [new TextRun({ text: spec.caption, bold: true })],
  });
  return [
    ...(spec.captionRepeatsHeading ? [] : [caption]),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
    new Paragraph({ text: '' }),
  ];
}

function block(item: ReportBlock, listNumber: () => number): (Paragraph | Table)[] {
  switch (item.kind) {
    case 'heading':
      return [
        new Paragraph({
          text: item.text,
          heading: item.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({ children: [new TextRun({ text: item.text, italics: item.emphasis })] }),
      ];
    case 'list': {
      // Each numbered list starts again at 1.
      const instance = item.ordered ? listNumber() : 0;
      return item.items.map(
        (text) =>
          new Paragraph({
            text,
            ...(item.ordered
              ? { numbering: { reference: numberedList, level: 0, instance } }
              : { bullet: { level: 0 } }),
          }),
      );
    }
    case 'table':
      return table(item.table);
  }
}

/** The .docx file's bytes. */
export async function reportDocx(document: ReportDocument): Promise<Buffer> {
  const outline = reportOutline(document);
  let lists = 0;
  const listNumber = () => (lists += 1);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: outline.title, heading: HeadingLevel.HEADING_1 }),
  ];
  if (outline.draftNotice) {
    children.push(
      new Paragraph({ children: [new TextRun({ text: outline.draftNotice, bold: true })] }),
    );
  }
  for (const item of outline.blocks) children.push(...block(item, listNumber));
  const doc = new Document({
    title: outline.title,
    creator: 'Spotlight',
    lastModifiedBy: 'Spotlight',
    description: `The Team Spotlight report of ${document.teamName}`,
    styles: {
      default: {
        document: { run: { font, size: 24, language: { value: 'en-GB' } } },
        heading1: { run: { font, size: 40, bold: true, color: '0B0C0C' } },
        heading2: { run: { font, size: 32, bold: true, color: '0B0C0C' } },
        heading3: { run: { font, size: 26, bold: true, color: '0B0C0C' } },
      },
    },
    numbering: {
      config: [
        {
          reference: numberedList,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 18,
                    children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
