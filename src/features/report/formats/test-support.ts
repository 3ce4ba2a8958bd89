// For the report formats' tests: a report with case numbers typed where they must not be, and
// reading the files back as a person's tools would (the .docx unzipped, the PDF through poppler).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import type { TestApp } from '../../../../test/app.js';
import type { SpotlightFixture } from '../../../../test/spotlight-fixture.js';
import type { ReportStatus } from '../../../core/report/report-model.js';
import { addTriangulatedSpotlight, insertReport } from '../test-support.js';

const run = promisify(execFile);

export interface ReportWithCaseNumbers {
  /** Every case number the Spotlight holds, and the ones typed into the report's words. */
  caseNumbers: string[];
}

/**
 * A triangulated Spotlight with its report at `status`, where the Lead typed a case number into
 * the summary and a theme, and a member typed one into what they saw.
 */
export async function addReportWithCaseNumbers(
  t: TestApp,
  f: SpotlightFixture,
  status: ReportStatus = 'final',
): Promise<ReportWithCaseNumbers> {
  const spotlight = await addTriangulatedSpotlight(t, f);
  await insertReport(t, f, spotlight, { status });
  const db = t.services.database.db;
  const [first = '', second = ''] = spotlight.caseNumbers;
  await db
    .updateTable('report_section')
    .set({ body: `The team know their children well, for example ${first}.` })
    .where('spotlight_id', '=', f.spotlightId)
    .where('section_key', '=', 'summary')
    .execute();
  await db
    .updateTable('report_section')
    .set({ working_well: `Child 7654321 and ${second.toLowerCase()} see the same worker.` })
    .where('spotlight_id', '=', f.spotlightId)
    .where('section_key', '=', 'culture')
    .execute();
  const [evidenceId = ''] = spotlight.evidence.practice;
  await db
    .updateTable('evidence_item')
    .set({ seen: 'Plan for EHM 123456 was clear and up to date.' })
    .where('id', '=', evidenceId)
    .execute();
  return { caseNumbers: [...spotlight.caseNumbers, '7654321', 'EHM 123456', 'EHM123456'] };
}

/** Each file in the zip, as text, by its name. */
export async function unzipText(data: Buffer): Promise<Map<string, string>> {
  const zip = await yauzl.fromBufferPromise(data);
  const files = new Map<string, string>();
  try {
    for await (const entry of zip.eachEntry()) {
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
    }
  } finally {
    zip.close();
  }
  return files;
}

/** The PDF's text (pdftotext) and its information (pdfinfo), from poppler-utils. */
export async function readPdf(data: Buffer): Promise<{ text: string; info: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'spotlight-report-pdf-'));
  try {
    const file = join(folder, 'report.pdf');
    await writeFile(file, data);
    const [text, info] = await Promise.all([
      run('pdftotext', ['-enc', 'UTF-8', file, '-']),
      run('pdfinfo', [file]),
    ]);
    return { text: text.stdout, info: info.stdout };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Text with line breaks and runs of spaces as one space, for phrases a PDF wraps. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');
