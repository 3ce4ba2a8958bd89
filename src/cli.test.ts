// The `spotlight` command as an operator uses it: a real process, on each kind of database.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../test/databases.js';

// Run from the sources (a dist/ left by `npm start` could be older than the code under test).
const cli = ['--import', 'tsx', join(import.meta.dirname, 'cli.ts')];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command with `input` (or nothing) on its standard input. */
function spotlight(args: string[], env: Record<string, string>, input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cli, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    // A command that exits without reading its input must not fail the test.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

describe('spotlight command', () => {
  it('explains itself and refuses an unknown command', async () => {
    const help = await spotlight(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('seed --demo');
    expect(help.stdout).toContain(
      'check-text [--kind paragraph|recommendation] [--lines] [FILE|-]',
    );
    const unknown = await spotlight(['frobnicate'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command: frobnicate');
  });

  it('names the setting that is wrong', async () => {
    const run = await spotlight(['migrate'], { PORT: 'eighty' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PORT');
    const production = await spotlight(['migrate'], { NODE_ENV: 'production', SESSION_SECRET: '' });
    expect(production.code).toBe(2);
    expect(production.stderr).toContain('SESSION_SECRET is required in production');
  });
});

describe('spotlight working-days', () => {
  /** Runs each command line at once: every run is a separate process. */
  const runAll = (lines: string[]) =>
    Promise.all(lines.map((line) => spotlight(['working-days', ...line.split(' ')], {})));

  it('prints the date alone, skipping weekends, bank holidays and closure days', async () => {
    const lines = [
      'add 2026-12-24 1', // over Christmas and the substitute for Boxing Day
      'before 2027-03-30 1', // over Easter Monday and Good Friday
      'add 2027-01-06 1 --closures 2027-01-07',
      'before 2027-01-14 5 --closures 2027-01-07,2027-01-08',
      'add 2027-01-01 1 --region scotland', // 4 January is Scotland's 2 January substitute
      'add 2027-07-09 1 --closures 2027-07-13 --region northern-ireland',
      'add 2027-01-08 0',
    ];
    const runs = await runAll(lines);
    expect(runs.map((run) => run.stdout)).toEqual([
      '2026-12-29\n',
      '2027-03-25\n',
      '2027-01-08\n',
      '2027-01-05\n',
      '2027-01-05\n',
      '2027-07-14\n',
      '2027-01-08\n',
    ]);
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
    }
  }, 90_000); // many processes at once on a busy machine

  it('refuses bad input with exit code 2 and a one-line message', async () => {
    const cases: [string, string][] = [
      ['sideways 2027-01-06 1', 'Say add or before'],
      ['add 2027-02-30 1', 'Enter a real date written YYYY-MM-DD (not "2027-02-30")'],
      ['add 06/01/2027 1', 'Enter a real date written YYYY-MM-DD (not "06/01/2027")'],
      ['add 2027-01-06', 'Enter the number of working days as a whole number from 0 to 1000'],
      ['add 2027-01-06 -1', 'Enter the number of working days as a whole number'],
      ['add 2027-01-06 1.5', 'Enter the number of working days as a whole number'],
      ['add 2027-01-06 99999999999', 'Enter the number of working days as a whole number'],
      ['add 2027-01-06 1 --region wales', '--region must be one of'],
      ['add 2027-01-06 1 --region', 'Give a value after --region'],
      ['add 2027-01-06 1 --closures 2027-01-07,2027-13-01', '(not "2027-13-01")'],
      ['add 2027-01-06 1 --closures 7/1/2027', '(not "7/1/2027")'],
      ['add 2027-01-06 1 --holidays 2027-01-07', 'Unknown option --holidays'],
      ['add 2027-01-06 1 2', 'Too many arguments'],
      ['add 9999-12-30 5', 'after 31 December 9999'],
    ];
    const runs = await runAll(cases.map(([line]) => line));
    runs.forEach((run, i) => {
      const [line, message] = cases[i] as [string, string];
      expect(run.code, line).toBe(2);
      expect(run.stdout, line).toBe('');
      expect(run.stderr, line).toContain(message);
      expect(run.stderr.trimEnd().split('\n'), line).toHaveLength(1);
    });
  }, 90_000);
});

describe('spotlight check-text', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'spotlight-check-text-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  interface Printed {
    findings: { category: string; rule: string; message: string; start: number; end: number }[];
  }
  /** Each finding as a reader would see it: category, rule and the words of `text` it points at. */
  const seen = (text: string, json: string) =>
    (JSON.parse(json) as Printed).findings.map((f) => [
      f.category,
      f.rule,
      text.slice(f.start, f.end),
    ]);

  it('checks a paragraph from standard input, a file or "-", and prints the findings as JSON', async () => {
    const paragraph = 'The ICPC was convened in order to consider the risks.';
    const file = join(folder, 'paragraph.txt');
    writeFileSync(file, paragraph);
    const runs = await Promise.all([
      spotlight(['check-text'], {}, paragraph),
      spotlight(['check-text', '-'], {}, paragraph),
      spotlight(['check-text', '--kind', 'paragraph', file], {}),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout.endsWith('}\n')).toBe(true);
      expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
      expect(seen(paragraph, run.stdout)).toEqual([
        ['child-focus', 'no-child-experience', paragraph],
        ['jargon', 'jargon-abbreviation', 'ICPC'],
        ['passive', 'passive-voice', 'was convened'],
        ['complex-word', 'simpler-word', 'in order to'],
      ]);
    }
    expect(JSON.parse(runs[0]?.stdout ?? '')).toMatchObject({
      findings: [
        {},
        {
          category: 'jargon',
          rule: 'jargon-abbreviation',
          message:
            '“ICPC” is an abbreviation that children, families and other services may not know.',
          start: 4,
          end: 8,
          suggestion: 'first child protection conference',
        },
        {},
        {},
      ],
    });
    expect(Object.keys((JSON.parse(runs[0]?.stdout ?? '') as Printed).findings[0] ?? {})).toEqual([
      'category',
      'rule',
      'message',
      'start',
      'end',
      'suggestion',
    ]);
  }, 90_000);

  it('checks recommendations line by line, with offsets into each line', async () => {
    const lines = [
      'Improve supervision.',
      '',
      'The Team Manager will check 10 plans each month until March 2027.',
      'Social workers to see every child alone by June 2027.',
    ];
    const run = await spotlight(
      ['check-text', '--kind', 'recommendation', '--lines'],
      {},
      `${lines.join('\r\n')}\n`,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const printed = run.stdout.trimEnd().split('\n');
    expect(printed).toHaveLength(4);
    expect(printed.map((json, i) => seen(lines[i] as string, json))).toEqual([
      [
        ['measurable', 'vague-verb', 'Improve'],
        ['measurable', 'no-owner', 'Improve supervision.'],
        ['measurable', 'no-date', 'Improve supervision.'],
      ],
      [],
      [],
      [['measurable', 'no-measure', lines[3]]],
    ]);
  }, 90_000);

  it('prints no findings for empty input', async () => {
    const empty = join(folder, 'empty.txt');
    writeFileSync(empty, '');
    const runs = await Promise.all([
      spotlight(['check-text'], {}),
      spotlight(['check-text', '--kind', 'recommendation', empty], {}),
      spotlight(['check-text', '--lines'], {}, 'Children said they feel safe.\n\n'),
    ]);
    expect(runs.map((run) => [run.code, run.stdout, run.stderr])).toEqual([
      [0, '{"findings":[]}\n', ''],
      [0, '{"findings":[]}\n', ''],
      [0, '{"findings":[]}\n{"findings":[]}\n', ''],
    ]);
  }, 90_000);

  it('refuses bad options and unreadable input with exit code 2 and a one-line message', async () => {
    const notText = join(folder, 'not-text.bin');
    writeFileSync(notText, Buffer.from([0xff, 0xfe, 0x00, 0xc3]));
    const cases: [string[], string][] = [
      [['--kind', 'poem'], '--kind must be paragraph or recommendation (not "poem")'],
      [['--kind'], 'Give paragraph or recommendation after --kind'],
      [['--kind', '--lines'], 'Give paragraph or recommendation after --kind'],
      [['--colour'], 'Unknown option "--colour"'],
      [['one.txt', 'two.txt'], 'Give one file at most'],
      [[join(folder, 'missing.txt')], 'could not be read'],
      [[folder], 'could not be read'],
      [[notText], 'is not UTF-8 text'],
    ];
    const runs = await Promise.all(
      cases.map(([args]) =>
        spotlight(['check-text', ...args], {}, 'Children said they feel safe.'),
      ),
    );
    runs.forEach((run, i) => {
      const [args, message] = cases[i] as [string[], string];
      const line = args.join(' ');
      expect(run.code, line).toBe(2);
      expect(run.stdout, line).toBe('');
      expect(run.stderr, line).toContain(message);
      expect(run.stderr.trimEnd().split('\n'), line).toHaveLength(1);
    });
  }, 90_000);
});

describe.each(testDialects())('spotlight command on %s', (dialect) => {
  let database: TestDatabase | undefined;
  let url: string;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'spotlight-cli-'));
    if (dialect === 'sqlite') {
      url = `sqlite:${join(folder, 'cli.sqlite')}`;
    } else {
      database = await createTestDatabase('postgres');
      url = database.url;
    }
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('migrates once, then says the database is up to date', async () => {
    const first = await spotlight(['migrate'], { DATABASE_URL: url });
    expect(first.code).toBe(0);
    if (dialect === 'sqlite') expect(first.stdout).toContain('Applied');
    const again = await spotlight(['migrate'], { DATABASE_URL: url });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('The database is up to date.');
  });

  it('serves, answers /health, and stops cleanly when asked', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [...cli, 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
      },
    });
    let stdout = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes(`http://127.0.0.1:${port}`)) resolve();
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stdout}`)));
    });
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
