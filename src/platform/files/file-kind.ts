// Tells what kind of file an upload is from its first bytes (never its name or the browser's
// say-so), and the words, media types and extensions that go with each kind.

/** The kinds of file Spotlight accepts, told apart by their content. */
export const fileKinds = ['pdf', 'docx', 'xlsx', 'pptx', 'csv', 'png', 'jpeg'] as const;
export type FileKind = (typeof fileKinds)[number];
export type OfficeKind = Extract<FileKind, 'docx' | 'xlsx' | 'pptx'>;

export const officeKinds: readonly OfficeKind[] = ['docx', 'xlsx', 'pptx'];

export function isOfficeKind(kind: FileKind): kind is OfficeKind {
  return (officeKinds as readonly FileKind[]).includes(kind);
}

export const mediaTypes: Readonly<Record<FileKind, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  csv: 'text/csv',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

/** The usual extension first; any other that also names the kind after it. */
export const extensions: Readonly<Record<FileKind, readonly string[]>> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  csv: ['csv'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
};

const kindWords: Readonly<Record<FileKind, string>> = {
  pdf: 'PDF',
  docx: 'Word document',
  xlsx: 'Excel spreadsheet',
  pptx: 'PowerPoint presentation',
  csv: 'CSV file',
  png: 'PNG',
  jpeg: 'JPEG image',
};

/**
 * "The selected file must be a PDF, Word document, ..., PNG or JPEG image", naming only the kinds
 * this upload allows, in the usual order.
 */
export function wrongKindMessage(allowed: readonly FileKind[]): string {
  const kinds = fileKinds.filter((kind) => allowed.includes(kind));
  const words = kinds.map((kind) => kindWords[kind]);
  // "PNG or JPEG image" reads as one item; a PNG on its own is a "PNG image".
  if (kinds.includes('png') && kinds.includes('jpeg')) {
    words.splice(words.length - 2, 2, 'PNG or JPEG image');
  } else if (kinds.includes('png')) {
    words[words.length - 1] = 'PNG image';
  }
  const hasJoinedImages = kinds.includes('png') && kinds.includes('jpeg');
  const list =
    words.length <= 1 || hasJoinedImages
      ? words.join(', ')
      : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
  if (list === '') return 'This file cannot be added here';
  const article = /^[AEIOU]/.test(list) ? 'an' : 'a';
  return `The selected file must be ${article} ${list}`;
}

/** What the first bytes say: a kind, a zip still to be looked into, or nothing we accept. */
export type Sniffed = Exclude<FileKind, OfficeKind> | 'zip' | undefined;

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const jpegSignature = Buffer.from([0xff, 0xd8, 0xff]);
const pdfSignature = Buffer.from('%PDF-', 'latin1');
// A local file header: every Office document starts with one.
const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function startsWith(data: Buffer, signature: Buffer): boolean {
  return data.length >= signature.length && data.subarray(0, signature.length).equals(signature);
}

export function sniffKind(data: Buffer): Sniffed {
  if (startsWith(data, pdfSignature)) return 'pdf';
  if (startsWith(data, pngSignature)) return 'png';
  if (startsWith(data, jpegSignature)) return 'jpeg';
  if (startsWith(data, zipSignature)) return 'zip';
  if (isCsvText(data)) return 'csv';
  return undefined;
}

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);
// Markup that a browser or spreadsheet might act on: a CSV has no business holding it.
const markup = /<\s*(script|iframe|object|embed|svg|html|body)\b/i;

/** The text of a CSV upload (without its byte order mark), or undefined when it is not text. */
export function csvText(data: Buffer): string | undefined {
  const body = startsWith(data, utf8Bom) ? data.subarray(utf8Bom.length) : data;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return undefined;
  }
  return text;
}

/** Valid UTF-8 text, without control characters or markup, with something in it. */
export function isCsvText(data: Buffer): boolean {
  const text = csvText(data);
  if (text === undefined) return false;
  if (hasControlCharacter(text)) return false;
  const start = text.trimStart();
  if (start === '' || start.startsWith('<')) return false;
  return !markup.test(text);
}

/** Control characters other than tab, line feed and carriage return (C0, DEL and C1). */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x09 || code === 0x0a || code === 0x0d) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** True when the file holds nothing but a byte order mark and white space. */
export function isBlankText(data: Buffer): boolean {
  const text = csvText(data);
  return text !== undefined && text.trim() === '';
}
