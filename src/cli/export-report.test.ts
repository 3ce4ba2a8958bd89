// `spotlight export-report` as an operator runs it: a real process on a real database of each kind.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { testDialects } from '../../test/databases.js';
import { addSpotlightFixture, type SpotlightFixture } from '../../test/spotlight-fixture.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { FixedClock } from '../platform/clock.js';
import type { Dialect } from '../platform/db/database.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { createServices } from '../services.js';
import { auditEntries } from '../features/day/pages/day/test-support.js';
import { readExportReportArgs } from './export-report.js';
import {
  addReportWithCaseNumbers,
  flat,
  readPdf,
  unzipText,
} from '../features/report/formats/test-support.js';

const cli = ['--import', 'tsx', join(import.meta.dirname, '..', 'cli.ts')];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spotlight(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cli, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The test app on a database another process can open too: a SQLite file, or PostgreSQL. */
async function sharedTestApp(dialect: Dialect, folder: string): Promise<TestApp> {
  if (dialect === 'postgres') return buildTestApp('postgres');
  const url = `sqlite:${join(folder, 'export.sqlite')}`;
  const handle = openDatabase(url);
  await migrateToLatest(handle);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', FILES_DIR: folder });
  const clock = new FixedClock('2026-11-26T09:00:00.000Z');
  const services = createServices({ database: handle, config, clock });
  const app = await buildApp(services);
  await app.ready();
  const database = { handle, url, drop: () => handle.destroy() };
  return { app, services, clock, config, database, close: async () => void (await app.close()) };
}

describe.each(testDialects())('spotlight export-report on %s', (dialect) => {
  let t: TestApp;
  let folder: string;
  let env: Record<string, string>;
  let f: SpotlightFixture;
  let caseNumbers: string[];
  let noReport: SpotlightFixture;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'spotlight-export-'));
    t = await sharedTestApp(dialect, folder);
    env = { DATABASE_URL: t.database.url };
    f = await addSpotlightFixture(t);
    ({ caseNumbers } = await addReportWithCaseNumbers(t, f, 'final'));
    noReport = await addSpotlightFixture(t);
  });
  afterAll(async () => {
    await t?.close();
    await t?.database.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes the report as HTML, Word and PDF, without case numbers', async () => {
    const out = (format: string) => join(folder, `report.${format}`);
    const runs = await Promise.all(
      ['html', 'docx', 'pdf'].map((format) =>
        spotlight(['export-report', f.spotlightId, '--format', format, '--out', out(format)], env),
      ),
    );
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Wrote the report to .+ \(\d+ bytes\)\.\n$/);
    }
    const html = readFileSync(out('html'), 'utf8');
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toMatch(/<h1>Team Spotlight report: /);
    expect(html).toContain('Every child’s plan names what will change for them.');
    const word = await unzipText(readFileSync(out('docx')));
    expect(word.get('word/document.xml')).toContain('<w:pStyle w:val="Heading2"/>');
    const pdf = await readPdf(readFileSync(out('pdf')));
    expect(pdf.info).toMatch(/^Tagged:\s+yes$/m);
    expect(flat(pdf.text)).toContain('Supervision records show the manager’s decision each time.');
    for (const caseNumber of caseNumbers) {
      expect(html).not.toContain(caseNumber);
      expect(word.get('word/document.xml')).not.toContain(caseNumber);
      expect(pdf.text).not.toContain(caseNumber);
    }
    const exports = await auditEntries(t, 'report.exported', f.spotlightId);
    expect(exports.map((e) => e.details.format).sort()).toEqual(['docx', 'html', 'pdf']);
    expect(exports.every((e) => e.actorName === 'Spotlight')).toBe(true);
  }, 90_000);

  it('refuses what it cannot do with exit code 2 and a one-line message', async () => {
    const out = join(folder, 'refused.pdf');
    const cases: [string[], string][] = [
      [['nobody', '--format', 'pdf', '--out', out], 'There is no Spotlight "nobody"'],
      [[noReport.spotlightId, '--format', 'pdf', '--out', out], 'has no report yet'],
      [[f.spotlightId, '--format', 'odt', '--out', out], '--format must be html, docx, pdf'],
      [
        [f.spotlightId, '--format', 'pdf', '--out', join(folder, 'missing', 'r.pdf')],
        'could not be written',
      ],
    ];
    const runs = await Promise.all(
      cases.map(([args]) => spotlight(['export-report', ...args], env)),
    );
    runs.forEach((run, i) => {
      const [args, message] = cases[i] as [string[], string];
      const line = args.join(' ');
      expect(run.code, line).toBe(2);
      expect(run.stdout, line).toBe('');
      expect(run.stderr, line).toContain(message);
      expect(run.stderr.trimEnd().split('\n'), line).toHaveLength(1);
    });
    expect(existsSync(out)).toBe(false);
  }, 90_000);
});

describe('reading export-report’s arguments', () => {
  it('takes the Spotlight, the format and the file in any order', () => {
    const read = { spotlightId: 'abc', format: 'pdf', out: 'r.pdf' };
    expect(readExportReportArgs(['abc', '--format', 'pdf', '--out', 'r.pdf'])).toEqual(read);
    expect(readExportReportArgs(['--out=r.pdf', '--format=pdf', 'abc'])).toEqual(read);
  });

  it('says what is missing or wrong', () => {
    const cases: [string[], string][] = [
      [['abc', '--out', 'r.pdf'], 'Say which format with --format html, docx, pdf'],
      [
        ['abc', '--format', 'PDF', '--out', 'r.pdf'],
        '--format must be html, docx, pdf (not "PDF")',
      ],
      [['abc', '--format', 'pdf'], 'Say which file to write with --out <file>'],
      [['abc', '--format', 'pdf', '--out'], 'Give a value after --out'],
      [['abc', '--format', '--out', 'r.pdf'], 'Give a value after --format'],
      [['--format', 'pdf', '--out', 'r.pdf'], 'Say which Spotlight'],
      [['abc', 'def', '--format', 'pdf', '--out', 'r.pdf'], 'Give one Spotlight only'],
      [['abc', '--colour', 'red'], 'Unknown option "--colour"'],
    ];
    for (const [args, message] of cases) {
      const read = readExportReportArgs(args);
      expect('problem' in read ? read.problem : '', args.join(' ')).toContain(message);
    }
  });
});
