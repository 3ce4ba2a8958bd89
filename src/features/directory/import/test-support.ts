// Helpers for the import and export tests: a multipart upload built by hand as a browser sends it,
// spreadsheets built with exceljs, and a small directory put straight into the database.
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Agent, TestApp } from '../../../../test/app.js';
import { newId } from '../../../platform/ids.js';

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface UploadFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A multipart/form-data body: the CSRF token first, then the file (or an empty file part). */
export function multipartBody(csrf: string, file: UploadFile | null) {
  const boundary = `----spotlight${newId().replace(/-/g, '')}`;
  const part = (headers: string, body: Buffer) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), body, Buffer.from('\r\n')]);
  const payload = Buffer.concat([
    part('Content-Disposition: form-data; name="_csrf"', Buffer.from(csrf)),
    // With no file chosen a browser still sends the part, with an empty name and no content.
    part(
      `Content-Disposition: form-data; name="file"; filename="${file?.filename ?? ''}"\r\nContent-Type: ${file?.contentType ?? 'application/octet-stream'}`,
      file?.content ?? Buffer.alloc(0),
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(
  browser: Agent,
  file: UploadFile | null,
  url = '/directory/import',
): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartBody(await browser.csrfToken(), file);
  return browser.request({ method: 'POST', url, payload, headers });
}

export type Rows = (string | number | boolean | null)[][];

/** An .xlsx file with the given sheets, each a heading row then data rows. */
export async function workbook(sheets: Record<string, Rows>): Promise<UploadFile> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  const content = Buffer.from(await book.xlsx.writeBuffer());
  return { filename: 'directory.xlsx', contentType: xlsxType, content };
}

export function csvFile(text: string): UploadFile {
  return { filename: 'people.csv', contentType: 'text/csv', content: Buffer.from(text, 'utf8') };
}

export async function readWorkbook(content: Buffer): Promise<Record<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of book.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push(Array.isArray(row.values) ? row.values.slice(1) : []));
    sheets[sheet.name] = rows;
  }
  return sheets;
}

/** The preview's address from the upload's redirect. */
export function previewUrl(response: LightMyRequestResponse): string {
  const location = response.headers.location;
  if (response.statusCode !== 303 || typeof location !== 'string')
    throw new Error(`Upload was not accepted: ${response.statusCode}\n${response.body}`);
  return location;
}

export async function addServiceArea(t: TestApp, name: string): Promise<string> {
  const at = t.clock.now().toISOString();
  const id = newId();
  await t.services.database.db
    .insertInto('service_area')
    .values({
      ...{ id, name, name_key: name.toLowerCase(), active: 1, version: 1 },
      ...{ created_at: at, updated_at: at },
    })
    .execute();
  return id;
}

export async function addTeam(
  t: TestApp,
  fields: {
    name: string;
    serviceAreaId: string;
    recordingSystem?: string;
    headOfServiceId?: string;
    managerIds?: string[];
  },
): Promise<string> {
  const at = t.clock.now().toISOString();
  const id = newId();
  const db = t.services.database.db;
  await db
    .insertInto('team')
    .values({
      ...{ id, name: fields.name, name_key: fields.name.toLowerCase() },
      ...{
        service_area_id: fields.serviceAreaId,
        head_of_service_id: fields.headOfServiceId ?? null,
      },
      ...{ recording_system: fields.recordingSystem ?? 'LCS', active: 1, version: 1 },
      ...{ created_at: at, updated_at: at },
    })
    .execute();
  for (const personId of fields.managerIds ?? [])
    await db.insertInto('team_manager').values({ team_id: id, person_id: personId }).execute();
  return id;
}

/** How many people and teams the directory holds. */
export async function directorySize(t: TestApp) {
  const db = t.services.database.db;
  const people = await db
    .selectFrom('person')
    .select(db.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const teams = await db
    .selectFrom('team')
    .select(db.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { people: Number(people.n), teams: Number(teams.n) };
}

export async function auditActions(t: TestApp, action: string) {
  return t.services.database.db
    .selectFrom('audit_event')
    .selectAll()
    .where('action', '=', action)
    .execute();
}

/** The cells of each row of the table with this caption, as text. */
export function tableRows(html: string, caption: string): string[][] {
  const start = html.indexOf(`>${caption}</caption>`);
  if (start < 0) return [];
  const table = html.slice(start, html.indexOf('</table>', start));
  const body = table.slice(table.indexOf('<tbody'));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      (cell[1] ?? '')
        .replace(/<\/li>/g, ' | ')
        .replace(/<[^>]+>/g, '')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .replace(/ \| $/, '')
        .trim(),
    ),
  );
}
