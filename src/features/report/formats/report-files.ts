// The report as a file in any of its formats, and the file's name: the team's name as a slug and
// the date only, never a person's name or a case number.
import type { ReportDocument } from '../../../core/report/report-model.js';
import { reportDocx } from './report-docx.js';
import { reportHtml } from './report-html.js';
import { reportPdf } from './report-pdf.js';

export const reportFormats = ['html', 'docx', 'pdf'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (reportFormats as readonly string[]).includes(value);
}

export const reportContentTypes: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** "south-family-support-team" from "South Family Support Team (0–5s)". */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'team' : slug;
}

/** "spotlight-report-south-family-support-team-2027-01-14.pdf" (the day of the Spotlight). */
export function reportFileName(document: ReportDocument, format: ReportFormat): string {
  const draft = document.status === 'final' ? '' : '-draft';
  return `spotlight-report-${slugOf(document.teamName)}-${document.date}${draft}.${format}`;
}

/** The file's bytes and media type. `madeOn` (YYYY-MM-DD) is printed in the HTML's footer. */
export async function renderReport(
  document: ReportDocument,
  format: ReportFormat,
  madeOn: string,
): Promise<{ contentType: string; body: Buffer }> {
  const contentType = reportContentTypes[format];
  switch (format) {
    case 'html':
      return { contentType, body: Buffer.from(reportHtml(document, madeOn), 'utf8') };
    case 'docx':
      return { contentType, body: await reportDocx(document) };
    case 'pdf':
      return { contentType, body: await reportPdf(document) };
  }
}
