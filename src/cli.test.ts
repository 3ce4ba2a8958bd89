// The `spotlight` command as an operator uses it: a real process, on each kind of database.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

function spotlight(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cli, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
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
