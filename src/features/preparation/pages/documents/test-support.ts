// For the preparation pack's tests: small real files made by hand, a multipart/form-data body
// built as a browser sends it, and what the files folder and the audit log hold.
import { readdir } from 'node:fs/promises';
import type { LightMyRequestResponse } from 'fastify';
import type { Agent, TestApp } from '../../../../../test/app.js';
import { newId } from '../../../../platform/ids.js';

export interface FilePart {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A one-page PDF with a correct cross-reference table. */
export function pdfFile(filename = 'Team action plan 2026.pdf'): FilePart {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { filename, contentType: 'application/pdf', content: Buffer.from(body, 'latin1') };
}

export function csvFile(filename = 'Caseloads October.csv'): FilePart {
  const text = 'Worker,Open cases,Visits in time\nA,18,94%\nB,21,88%\nC,15,97%\n';
  return { filename, contentType: 'text/csv', content: Buffer.from(text, 'utf8') };
}

/** A 1 by 1 pixel PNG image. */
export function pngFile(filename = 'Dashboard.png'): FilePart {
  const base64 =
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  return { filename, contentType: 'image/png', content: Buffer.from(base64, 'base64') };
}

/**
 * A multipart/form-data body: the CSRF token first, then the fields, then each file (with no
 * file chosen a browser still sends the part, with an empty name and no content).
 */
export function multipartBody(
  fields: Record<string, string>,
  files: (FilePart | null)[] = [null],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----spotlight${newId().replace(/-/g, '')}`;
  const part = (headers: string, body: Buffer) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), body, Buffer.from('\r\n')]);
  const payload = Buffer.concat([
    ...Object.entries(fields).map(([name, value]) =>
      part(`Content-Disposition: form-data; name="${name}"`, Buffer.from(value, 'utf8')),
    ),
    ...files.map((file) =>
      part(
        `Content-Disposition: form-data; name="file"; filename="${file?.filename ?? ''}"\r\nContent-Type: ${file?.contentType ?? 'application/octet-stream'}`,
        file?.content ?? Buffer.alloc(0),
      ),
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Posts the upload form as a browser would, after opening the page for its form token. */
export async function addDocument(
  browser: Agent,
  spotlightId: string,
  documentType: string | undefined,
  file: FilePart | null,
): Promise<LightMyRequestResponse> {
  const url = `/spotlights/${spotlightId}/documents`;
  await browser.get(url);
  const fields: Record<string, string> = { _csrf: await browser.csrfToken() };
  if (documentType !== undefined) fields.documentType = documentType;
  const { payload, headers } = multipartBody(fields, [file]);
  return browser.request({ method: 'POST', url, payload, headers });
}

/** Every file under the app's files folder. */
export async function storedFiles(t: TestApp): Promise<string[]> {
  const entries = await readdir(t.config.files.directory, {
    recursive: true,
    withFileTypes: true,
  }).catch((error: unknown) => {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

export async function auditEvents(t: TestApp, action: string, spotlightId?: string) {
  let query = t.services.database.db
    .selectFrom('audit_event')
    .select(['action', 'actor_name', 'object_id', 'details'])
    .where('action', '=', action);
  if (spotlightId) query = query.where('object_id', '=', spotlightId);
  return query.orderBy('at').execute();
}

export async function documentRows(t: TestApp, spotlightId: string) {
  return t.services.database.db
    .selectFrom('spotlight_document')
    .selectAll()
    .where('spotlight_id', '=', spotlightId)
    .orderBy('uploaded_at')
    .execute();
}

/** The text as a Nunjucks page shows it (autoescaped). */
export function escaped(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
