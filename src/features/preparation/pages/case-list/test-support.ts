// Helpers for the case list's tests: the form posted as a browser posts it (multipart, the CSRF
// token first, then the pasted text and the file part, empty when no file was chosen).
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Agent, TestApp } from '../../../../../test/app.js';
import { newId } from '../../../../platform/ids.js';

export interface UploadFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export async function postCaseList(
  browser: Agent,
  spotlightId: string,
  fields: { caseNumbers?: string; file?: UploadFile | null },
): Promise<LightMyRequestResponse> {
  const boundary = `----spotlight${newId().replace(/-/g, '')}`;
  const part = (headers: string, body: Buffer) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), body, Buffer.from('\r\n')]);
  const file = fields.file ?? null;
  const payload = Buffer.concat([
    part('Content-Disposition: form-data; name="_csrf"', Buffer.from(await browser.csrfToken())),
    part(
      'Content-Disposition: form-data; name="caseNumbers"',
      Buffer.from(fields.caseNumbers ?? '', 'utf8'),
    ),
    part(
      `Content-Disposition: form-data; name="file"; filename="${file?.filename ?? ''}"\r\nContent-Type: ${file?.contentType ?? 'application/octet-stream'}`,
      file?.content ?? Buffer.alloc(0),
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return browser.request({
    method: 'POST',
    url: `/spotlights/${spotlightId}/case-list`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

export function csvFile(text: string): UploadFile {
  return { filename: 'open cases.csv', contentType: 'text/csv', content: Buffer.from(text) };
}

/** An Excel file whose first sheet holds these rows. */
export async function xlsxFile(rows: (string | number | null)[][]): Promise<UploadFile> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Open cases');
  for (const row of rows) sheet.addRow(row);
  return {
    filename: 'open cases.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content: Buffer.from(await book.xlsx.writeBuffer()),
  };
}

export async function caseListRows(t: TestApp, spotlightId: string) {
  const rows = await t.services.database.db
    .selectFrom('case_list_entry')
    .select(['case_system', 'case_number'])
    .where('spotlight_id', '=', spotlightId)
    .orderBy('position')
    .execute();
  return rows.map((row) => `${row.case_system} ${row.case_number}`);
}
