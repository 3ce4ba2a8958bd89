// `spotlight plan-year` and `spotlight working-days` as an operator runs them: a real process.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanResult } from './plan.types.js';
import { smallCouncil } from './test-support.js';

const cli = ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'cli.ts')];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spotlight(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cli, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let folder: string;
const file = (name: string, content: unknown) => {
  const path = join(folder, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'spotlight-plan-year-'));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('spotlight plan-year', () => {
  it('prints the plan as JSON and exits 0 when it finds one', async () => {
    const run = await spotlight(['plan-year', file('council.json', smallCouncil())]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as PlanResult;
    expect(Object.keys(result).sort()).toEqual([
      'gap',
      'objective',
      'seconds',
      'spotlights',
      'status',
      'unscheduled',
    ]);
    expect(result.status).toBe('optimal');
    expect(result.gap).toBe(0);
    expect(result.unscheduled).toEqual([]);
    expect(result.spotlights).toHaveLength(6);
    for (const s of result.spotlights) {
      expect(Object.keys(s).sort()).toEqual(['date', 'lead', 'members', 'team']);
      expect(s.date).toMatch(/^2027-0[1-3]-\d\d$/);
      expect(s.members).toHaveLength(3);
    }
  });

  it('exits 2 and names the field when the input is invalid', async () => {
    const council = smallCouncil();
    const bad = {
      ...council,
      people: council.people.map((p, i) => (i === 2 ? { ...p, role: 'manager' } : p)),
    };
    const [run, notJson, missing, none] = await Promise.all([
      spotlight(['plan-year', file('bad.json', bad)]),
      spotlight(['plan-year', file('broken.json', '{"from": ')]),
      spotlight(['plan-year', join(folder, 'nowhere.json')]),
      spotlight(['plan-year']),
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('is not a valid plan input');
    expect(run.stderr).toContain('people[2].role must be one of senior-leader, head-of-service');

    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('could not be read as JSON');

    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere.json could not be read');

    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Say which file');
  });

  it('exits 3 with the reasons in the JSON when no plan is possible', async () => {
    const council = smallCouncil();
    const leaderless = { ...council, people: council.people.filter((p) => !p.canLead) };
    const run = await spotlight(['plan-year', file('leaderless.json', leaderless)]);
    expect(run.code).toBe(3);
    const result = JSON.parse(run.stdout) as PlanResult;
    expect(result.status).toBe('infeasible');
    expect(result.spotlights).toEqual([]);
    expect(result.unscheduled.map((u) => u.team)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
    expect(result.explanation).toContain(
      'Nobody can lead a Spotlight: no senior leader is marked as able to lead',
    );
  });
});

describe('spotlight working-days', () => {
  it('counts working days after and before a date', async () => {
    const after = await spotlight(['working-days', 'add', '2027-03-25', '1']);
    expect(after).toEqual({ code: 0, stdout: '2027-03-30\n', stderr: '' });
    const before = await spotlight(['working-days', 'before', '2027-03-30', '5']);
    expect(before.stdout).toBe('2027-03-19\n');
    const scotland = await spotlight([
      'working-days',
      'add',
      '2027-11-29',
      '1',
      '--region',
      'scotland',
    ]);
    expect(scotland.stdout).toBe('2027-12-01\n');
  });

  it('exits 2 with a clear message on bad input', async () => {
    const [date, count, direction] = await Promise.all([
      spotlight(['working-days', 'add', '2027-02-30', '1']),
      spotlight(['working-days', 'add', '2027-02-01', '-3']),
      spotlight(['working-days', 'after', '2027-02-01', '3']),
    ]);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('Enter a real date written YYYY-MM-DD');
    expect(count.code).toBe(2);
    expect(count.stderr).toContain('whole number');
    expect(direction.code).toBe(2);
    expect(direction.stderr).toContain('Say add or before');
  });
});
