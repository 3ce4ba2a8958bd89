import { readdir } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, buildTestApp, type Agent, type TestApp } from '../../test/app.js';
import { testDialects } from '../../test/databases.js';
import { checkCaseNumber, defaultCaseNumberFormats } from '../core/case-numbers.js';
import {
  allowedFileKinds,
  fileKindOfMediaType,
  isPackDocumentType,
} from '../core/pack-documents.js';
import type { Spotlight } from '../features/spotlight/spotlight.service.js';
import type { RequestContext } from '../platform/context.js';
import { fromDbCount } from '../platform/db/convert.js';
import type { Role } from '../platform/policy.js';
import { demoPeople } from './demo-council.js';
import { demoClosureReason } from './demo-preparation.js';
import { demoActors, demoClosures, demoContext } from './demo-timetable.js';
import { demoPassword, seedDemoCouncil, type DemoSignIn } from './seed.js';

type Table =
  | 'spotlight_document'
  | 'nomination'
  | 'spotlight_preparation'
  | 'case_list_entry'
  | 'recording_access'
  | 'closure_day'
  | 'audit_event';
const tables: readonly Table[] = [
  'spotlight_document',
  'nomination',
  'spotlight_preparation',
  'case_list_entry',
  'recording_access',
  'closure_day',
  'audit_event',
];

describe.each(testDialects())('the demo council’s preparation (%s)', (dialect) => {
  let t: TestApp;
  let signIns: DemoSignIn[];
  let as: (role: Role) => RequestContext;
  let personOf: (role: Role) => string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    ({ signIns } = await seedDemoCouncil(t.services));
    const actors = await demoActors(t.services);
    as = (role) => {
      const actor = actors.get(role);
      if (!actor) throw new Error(`No demo sign-in for ${role}`);
      return demoContext(actor);
    };
    personOf = (role) => as(role).actor?.personId ?? '';
  });
  afterAll(async () => t?.close());

  const db = () => t.services.database.db;
  async function counts(): Promise<Record<Table | 'files', number>> {
    const result = { files: (await readdir(t.config.files.directory)).length } as Record<
      Table | 'files',
      number
    >;
    for (const table of tables) {
      const row = await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      result[table] = fromDbCount(row.n);
    }
    return result;
  }
  async function spotlightsOf(role: Role): Promise<Spotlight[]> {
    const ids = await t.services.spotlights.idsConcerning(
      personOf(role),
      '2027-01-01',
      '2027-12-31',
    );
    const found = await Promise.all(ids.map((id) => t.services.spotlights.find(id)));
    return found
      .filter((s): s is Spotlight => s !== undefined)
      .sort((a, b) => (a.date < b.date ? -1 : 1));
  }
  async function teamManagersSpotlight(): Promise<Spotlight> {
    const found = (await spotlightsOf('team-manager')).find((s) =>
      s.team.managers.some((m) => m.id === personOf('team-manager')),
    );
    if (!found) throw new Error('The demo Team Manager’s team has no Spotlight');
    return found;
  }
  async function ledSpotlight(): Promise<Spotlight> {
    const found = (await spotlightsOf('senior-leader')).find(
      (s) => s.lead?.id === personOf('senior-leader'),
    );
    if (!found) throw new Error('The demo senior leader leads no Spotlight');
    return found;
  }
  async function signInAs(role: string): Promise<Agent> {
    const browser = agent(t.app);
    await browser.get('/sign-in');
    const email = signIns.find((s) => s.role === role)?.email ?? '';
    const response = await browser.post('/sign-in', { email, password: demoPassword });
    expect(response.statusCode, role).toBe(303);
    return browser;
  }
  const practitionerNames = (s: Spotlight) => {
    const managers = new Set(s.team.managers.map((m) => m.id));
    return s.team.staff.filter((p) => !managers.has(p.id)).map((p) => p.name);
  };

  it('has the council’s closure days, added by the QA coordinator', async () => {
    expect(await t.services.councilSettings.closureDays()).toEqual(
      demoClosures.map((date) => ({ date, reason: demoClosureReason(date) })),
    );
    const audit = await db()
      .selectFrom('audit_event')
      .select(['actor_name', 'object_id'])
      .where('action', '=', 'closure-day.added')
      .orderBy('object_id')
      .execute();
    expect(audit).toEqual(
      demoClosures.map((date) => ({ actor_name: 'Priya Sharma', object_id: date })),
    );
  });

  it('shows the Team Manager their team’s pack under way: three documents, some nominations, nothing forwarded', async () => {
    const ctx = as('team-manager');
    const spotlight = await teamManagersSpotlight();
    expect(spotlight.team.name).toBe('Assessment Team North');
    const pack = await t.services.packDocuments.page(ctx, spotlight.id, 'prepare');
    const documents = pack.groups.flatMap((g) => g.documents);
    expect(documents.map((d) => [d.type, d.name.split('.').pop(), d.addedBy, d.late])).toEqual([
      ['team-action-plan', 'pdf', 'Joanne Fletcher', false],
      ['stocktake', 'xlsx', 'Joanne Fletcher', false],
      ['performance-data', 'csv', 'Joanne Fletcher', false],
    ]);

    const nominations = await t.services.nominations.overview(ctx, spotlight.id);
    if (nominations.view !== 'manager') throw new Error(`Seen as ${nominations.view}`);
    expect(nominations.forwarding).toBeNull();
    expect(nominations.rows.map((r) => r.practitioner.name)).toEqual(practitionerNames(spotlight));
    expect(nominations.namedBoth).toBe(2);
    const staff = nominations.rows.find((r) => r.practitioner.id === personOf('staff'));
    expect(staff && [staff.proud, staff.challenging]).toEqual([null, null]);
    for (const row of nominations.rows.filter((r) => r.proud)) {
      for (const child of [row.proud, row.challenging]) {
        expect(checkCaseNumber('LCS', child?.caseNumber ?? '', defaultCaseNumberFormats).ok).toBe(
          true,
        );
        expect(child?.late).toBe(false);
        expect(child?.enteredByName).toBe(row.practitioner.name);
      }
    }
    expect((await t.services.caseList.progress(spotlight)).count).toBe(0);
    expect(await t.services.recordingAccess.status(ctx, spotlight.id)).toSatisfy(
      (people: { confirmedAt: string | null }[]) => people.every((p) => p.confirmedAt === null),
    );
  });

  it('has the senior leader’s Spotlight ready but for the demo sign-ins’ access to the recording system', async () => {
    const ctx = as('senior-leader');
    const spotlight = await ledSpotlight();
    expect(spotlight.id).not.toBe((await teamManagersSpotlight()).id);
    const pack = await t.services.packDocuments.page(ctx, spotlight.id);
    expect(
      pack.groups.filter((g) => g.type !== 'other').every((g) => g.documents.length === 1),
    ).toBe(true);

    const nominations = await t.services.nominations.overview(ctx, spotlight.id);
    if (nominations.view !== 'spotlight-team') throw new Error(`Seen as ${nominations.view}`);
    expect(nominations.forwarding?.byName).toBe(spotlight.team.managers[0]?.name);
    expect(nominations.rows.map((r) => r.practitioner.name)).toEqual(practitionerNames(spotlight));
    const named = nominations.rows.flatMap((r) => [r.proud?.caseNumber, r.challenging?.caseNumber]);
    expect(named.every((n) => n !== undefined)).toBe(true);

    const caseList = await t.services.caseList.view(ctx, spotlight.id);
    const numbers = caseList.entries.map((e) => e.caseNumber);
    expect(numbers.length).toBeGreaterThanOrEqual(40);
    expect(numbers.length).toBeLessThanOrEqual(80);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual(expect.arrayContaining(named));
    expect(caseList.updatedByName).toBe(spotlight.team.managers[0]?.name);

    const access = await t.services.recordingAccess.page(ctx, spotlight.id);
    const waiting = access.people.filter((p) => p.confirmedAt === null).map((p) => p.personId);
    expect(waiting.sort()).toEqual([personOf('senior-leader'), personOf('staff')].sort());
    expect(access.confirmedCount).toBe(access.people.length - 2);
    expect(access.canConfirm).toBe(true);
  });

  it('prepares every Spotlight the Staff sign-in is a team member of, and no other', async () => {
    const ready = new Set([(await ledSpotlight()).id]);
    for (const s of await spotlightsOf('staff')) {
      if (s.members.some((m) => m.id === personOf('staff'))) ready.add(s.id);
    }
    // This year's: last year's Spotlights (demo-last-year.ts) were all prepared.
    const forwarded = await db()
      .selectFrom('spotlight_preparation')
      .innerJoin('spotlight', 'spotlight.id', 'spotlight_preparation.spotlight_id')
      .select('spotlight_id')
      .where('spotlight.date', '>=', '2027-01-01')
      .execute();
    expect(forwarded.map((r) => r.spotlight_id).sort()).toEqual([...ready].sort());
    const withDocuments = await db()
      .selectFrom('spotlight_document')
      .innerJoin('spotlight', 'spotlight.id', 'spotlight_document.spotlight_id')
      .select('spotlight_id')
      .where('spotlight.date', '>=', '2027-01-01')
      .distinct()
      .execute();
    expect(withDocuments).toHaveLength(ready.size + 1);
  });

  it('writes the audit log as the people themselves would have', async () => {
    const audit = await db()
      .selectFrom('audit_event')
      .select(['action', 'actor_name', 'actor_account_id', 'details'])
      .where('action', 'like', 'preparation.%')
      .execute();
    const staffNames = new Set(demoPeople.map((p) => p.name));
    for (const entry of audit)
      expect(staffNames.has(entry.actor_name ?? ''), entry.action).toBe(true);
    const saved = audit.filter((e) => e.action === 'preparation.nomination-saved');
    for (const entry of saved) expect(entry.details).toContain('"byManager":false');
    expect(audit.some((e) => e.actor_name === 'Joanne Fletcher' && e.actor_account_id)).toBe(true);
    const reasons = await db().selectFrom('nomination').select('reason').execute();
    const firstNames = demoPeople.map((p) => p.name.split(' ')[0] ?? '');
    for (const { reason } of reasons) {
      expect(reason).toBeTruthy();
      for (const name of firstNames) expect(reason ?? '').not.toContain(name);
    }
  });

  it('puts the preparation on each sign-in’s home page', async () => {
    const expected: Record<string, string[]> = {
      'Team Manager': [
        'Collate and forward practitioners’ nominations',
        'Add the team’s case list',
      ],
      Staff: [
        'Name a child you are proud of and one you found challenging',
        'Confirm you have access to LCS',
        'Read the preparation pack',
      ],
      'Senior leader': ['Confirm you have access to LCS', 'Read the preparation pack'],
    };
    for (const [role, tasks] of Object.entries(expected)) {
      const home = await (await signInAs(role)).get('/');
      expect(home.statusCode, role).toBe(200);
      for (const task of tasks) expect(home.body, role).toContain(task);
      expect(home.body, role).toMatch(/due in \d+ working days/);
      expect(home.body, role).not.toContain('working days late');
    }
    const manager = await (await signInAs('Team Manager')).get('/');
    expect(manager.body).not.toContain('Send the preparation documents');
  });

  it('stores every document so that it reads back and passes the files service’s checks again', async () => {
    const rows = await db().selectFrom('spotlight_document').selectAll().execute();
    // Seven this year, and the four kinds for each of last year's two Spotlights.
    expect(rows).toHaveLength(7 + 2 * 4);
    const qa = as('qa-coordinator');
    for (const row of rows) {
      const download = await t.services.packDocuments.download(qa, row.spotlight_id, row.id);
      expect(download.data.length, row.display_name).toBe(row.size_bytes);
      const kind = fileKindOfMediaType(row.media_type);
      const type = row.document_type;
      if (!kind || !isPackDocumentType(type)) throw new Error(`Unknown ${row.media_type}`);
      const again = await t.services.files.accept(
        { filename: row.display_name, data: download.data, truncated: false },
        allowedFileKinds[type],
      );
      expect(again.ok && again.file.sha256, row.display_name).toBe(row.sha256);
      expect(again.ok && again.file.kind).toBe(kind);
      if (again.ok) await t.services.files.remove(again.file.storedName);
      if (kind === 'xlsx') {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(download.data as unknown as ArrayBuffer);
        expect(workbook.worksheets.map((w) => w.name)).toEqual(['Stocktake summary', 'Caseloads']);
        expect(workbook.getWorksheet('Stocktake summary')?.getCell('A1').value).toBe('Theme');
      }
      if (kind === 'csv') expect(download.data.toString('utf8')).toMatch(/^Month,Open cases,/);
      if (kind === 'pdf')
        expect(download.data.toString('latin1')).toMatch(/^%PDF-1\.4\n[\s\S]+%%EOF\n$/);
    }
  });

  it('changes nothing when seeded again', async () => {
    const before = await counts();
    expect(before.closure_day).toBe(4);
    expect(before.spotlight_document).toBe(7 + 2 * 4);
    expect(before.files).toBe(7 + 2 * 4);
    const again = await seedDemoCouncil(t.services);
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
