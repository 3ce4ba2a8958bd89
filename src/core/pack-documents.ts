// The preparation pack's kinds of document, as the guidance lists them, which kinds of file each
// accepts, and how a document's kind and size read on a page ("PDF, 240 KB").

export const packDocumentTypes = [
  'team-action-plan',
  'stocktake',
  'performance-data',
  'audits',
  'other',
] as const;
export type PackDocumentType = (typeof packDocumentTypes)[number];

export const packDocumentTypeNames: Record<PackDocumentType, string> = {
  'team-action-plan': 'Team action plan',
  stocktake: 'Recent stocktake or QAPM meeting reports',
  'performance-data': 'Performance data (Power BI exports)',
  audits: 'Outcomes of audits or practice evaluations',
  other: 'Other',
};

export function isPackDocumentType(value: unknown): value is PackDocumentType {
  return typeof value === 'string' && (packDocumentTypes as readonly string[]).includes(value);
}

/** The kinds of file, told apart by content (the files module's FileKind values). */
export type PackFileKind = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'csv' | 'png' | 'jpeg';

const anyPackFile: readonly PackFileKind[] = ['pdf', 'docx', 'xlsx', 'pptx', 'csv', 'png', 'jpeg'];

/** Performance data comes as Power BI exports: PDF, Excel or CSV. */
export const allowedFileKinds: Record<PackDocumentType, readonly PackFileKind[]> = {
  'team-action-plan': anyPackFile,
  stocktake: anyPackFile,
  'performance-data': ['pdf', 'xlsx', 'csv'],
  audits: anyPackFile,
  other: anyPackFile,
};

export const fileKindNames: Record<PackFileKind, string> = {
  pdf: 'PDF',
  docx: 'Word document',
  xlsx: 'Excel spreadsheet',
  pptx: 'PowerPoint presentation',
  csv: 'CSV',
  png: 'PNG image',
  jpeg: 'JPEG image',
};

/** Which kinds a hint should name, in plain words: "PDF, Excel spreadsheet or CSV". */
export function fileKindList(kinds: readonly PackFileKind[]): string {
  const names = kinds.map((kind) => fileKindNames[kind]);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}

const mediaTypeKinds: Record<string, PackFileKind> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'text/csv': 'csv',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
};

/** The kind of a stored file from its media type (parameters such as charset are ignored). */
export function fileKindOfMediaType(mediaType: string): PackFileKind | undefined {
  const bare = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaTypeKinds[bare];
}

/** "240 KB", "1.5 MB", "12 bytes": the size a person reads before opening a file. */
export function sizeInWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? (Math.round(mb * 10) / 10).toString() : Math.round(mb).toString()} MB`;
}
