// A small, valid PDF 1.4 made by hand from lines of text (one A4 page in Helvetica), so the demo
// council's preparation packs hold documents that open in any reader without a PDF library.

export interface TextPdf {
  /** The heading at the top of the page, and the document's title in its properties. */
  title: string;
  /** The body, one entry a line; long lines wrap, '' leaves a blank line. */
  lines: readonly string[];
  /** When it was made, for its properties. */
  created: Date;
}

const page = { width: 595, height: 842, margin: 56 } as const;
const body = { size: 11, leading: 15, top: 756, wrapAt: 88 } as const;
export const maxPdfLines = Math.floor((body.top - page.margin) / body.leading) + 1;

// The typographic characters the demo's text uses, as the standard fonts' WinAnsi encoding has them.
const winAnsi: Readonly<Record<string, number>> = {
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
};

/** A PDF string's bytes: WinAnsi, with its delimiters escaped; anything else becomes '?'. */
function pdfString(text: string): Buffer {
  const bytes: number[] = [0x28];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    let byte = winAnsi[char];
    if (byte === undefined) {
      const printable = (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff);
      byte = printable ? code : 0x3f;
    }
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) bytes.push(0x5c);
    bytes.push(byte);
  }
  bytes.push(0x29);
  return Buffer.from(bytes);
}

/** Breaks a line at spaces to fit the page, keeping its indent on the lines it wraps onto. */
export function wrapLine(line: string, width: number = body.wrapAt): string[] {
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const words = line.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [''];
  const wrapped: string[] = [];
  let current = indent;
  for (const word of words) {
    const candidate = current.trim() === '' ? `${indent}${word}` : `${current} ${word}`;
    if (candidate.length > width && current.trim() !== '') {
      wrapped.push(current);
      current = `${indent}${word}`;
    } else {
      current = candidate;
    }
  }
  wrapped.push(current);
  return wrapped;
}

function pdfDate(at: Date): string {
  return `D:${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/** The PDF's bytes. Throws when the text does not fit on one page. */
export function textPdf(document: TextPdf): Buffer {
  const lines = document.lines.flatMap((line) => wrapLine(line));
  if (lines.length > maxPdfLines) {
    throw new Error(`A demo PDF holds ${maxPdfLines} lines; this one has ${lines.length}`);
  }
  const text = (s: string) => Buffer.from(s, 'latin1');
  const content = Buffer.concat([
    text(`BT\n/F2 16 Tf\n${page.margin} 786 Td\n`),
    pdfString(document.title),
    text(` Tj\nET\nBT\n/F1 ${body.size} Tf\n${body.leading} TL\n${page.margin} ${body.top} Td\n`),
    ...lines.flatMap((line, index) => [
      text(index === 0 ? '' : 'T* '),
      pdfString(line),
      text(' Tj\n'),
    ]),
    text('ET\n'),
  ]);
  const font = (name: string) =>
    text(`<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`);
  const objects: Buffer[] = [
    text('<< /Type /Catalog /Pages 2 0 R >>'),
    text('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    text(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] ` +
        '/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    ),
    font('Helvetica'),
    font('Helvetica-Bold'),
    Buffer.concat([text(`<< /Length ${content.length} >>\nstream\n`), content, text('endstream')]),
    Buffer.concat([
      text('<< /Title '),
      pdfString(document.title),
      text(` /Producer (Spotlight demo council) /CreationDate (${pdfDate(document.created)}) >>`),
    ]),
  ];

  // A binary comment after the header tells tools the file is not plain text.
  const parts: Buffer[] = [Buffer.from([...text('%PDF-1.4\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(length);
    const part = Buffer.concat([text(`${index + 1} 0 obj\n`), object, text('\nendobj\n')]);
    parts.push(part);
    length += part.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
    '',
  ].join('\n');
  return Buffer.concat([...parts, text(xref)]);
}
