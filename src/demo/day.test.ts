import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, buildTestApp, type Agent, type TestApp } from '../../test/app.js';
import { testDialects } from '../../test/databases.js';
import { drawChild } from '../core/random-draw.js';
import type { Spotlight } from '../features/spotlight/spotlight.service.js';
import type { RequestContext } from '../platform/context.js';
import { fromDbCount, fromDbJson } from '../platform/db/convert.js';
import { demoPriorities, demoPracticalities } from './demo-day.js';
import { demoLedSpotlight } from './demo-preparation.js';
import { demoActors, demoContext } from './demo-timetable.js';
import { demoPassword, seedDemoCouncil, type DemoSignIn } from './seed.js';

type Table =
  | 'spotlight_day'
  | 'random_draw'
  | 'allocation'
  | 'dip_sample_target'
  | 'nomination'
  | 'audit_event';
const tables: readonly Table[] = [
  'spotlight_day',
  'random_draw',
  'allocation',
  'dip_sample_target',
  'nomination',
  'audit_event',
];

describe.each(testDialects())('the demo council’s day (%s)', (dialect) => {
  let t: TestApp;
  let signIns: DemoSignIn[];
  let lead: RequestContext;
  let spotlight: Spotlight;
  let signInIds: Set<string>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    ({ signIns } = await seedDemoCouncil(t.services));
    const actors = await demoActors(t.services);
    const leader = actors.get('senior-leader');
    if (!leader) throw new Error('No demo senior leader');
    lead = demoContext(leader);
    const found = await demoLedSpotlight(t.services, leader);
    if (!found) throw new Error('The demo senior leader leads no Spotlight');
    spotlight = found;
    signInIds = new Set([...actors.values()].map((a) => a.personId));
  });
  afterAll(async () => t?.close());

  const db = () => t.services.database.db;
  const allocations = () =>
    db().selectFrom('allocation').selectAll().where('spotlight_id', '=', spotlight.id).execute();
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
  async function signInAs(role: string): Promise<Agent> {
    const browser = agent(t.app);
    await browser.get('/sign-in');
    const email = signIns.find((s) => s.role === role)?.email ?? '';
    const response = await browser.post('/sign-in', { email, password: demoPassword });
    expect(response.statusCode, role).toBe(303);
    return browser;
  }

  it('is the Assessment Team South Spotlight on 1 March 2027, with four team members', () => {
    expect(spotlight.team.name).toBe('Assessment Team South');
    expect(spotlight.date).toBe('2027-03-01');
    expect(spotlight.members).toHaveLength(4);
  });

  it('has the priorities the Lead agreed with the Team Manager and Head of Service', async () => {
    const { saved } = await t.services.day.priorities(lead, spotlight.id);
    expect(saved?.priorities).toEqual(demoPriorities);
    expect(saved?.agreedWith).toBe(
      `Michael O’Brien (Team Manager) and ${spotlight.team.headOfService?.name} (Head of Service)`,
    );
    expect(saved?.practicalities).toBe(demoPracticalities);
    expect(saved?.recordedBy).toBe(lead.actor?.name);
    expect(saved?.version).toBe(1);
  });

  it('allocates three different children to each team member, as Spotlight proposed', async () => {
    const rows = await allocations();
    expect(rows).toHaveLength(3 * spotlight.members.length);
    for (const member of spotlight.members) {
      const kinds = rows.filter((r) => r.member_person_id === member.id).map((r) => r.kind);
      expect(kinds.sort(), member.name).toEqual(['challenging', 'proud', 'random']);
    }
    expect(new Set(rows.map((r) => r.case_number)).size).toBe(rows.length);

    const caseList = await t.services.caseList.view(lead, spotlight.id);
    const listed = new Set(caseList.entries.map((e) => e.caseNumber));
    const nominated = await db()
      .selectFrom('nomination')
      .select(['id', 'case_number', 'practitioner_person_id'])
      .where('spotlight_id', '=', spotlight.id)
      .execute();
    const nominatedNumbers = new Set(nominated.map((n) => n.case_number));
    for (const row of rows) {
      expect(listed.has(row.case_number), row.kind).toBe(true);
      if (row.kind === 'random') {
        expect(row.draw_id).not.toBeNull();
        expect(nominatedNumbers.has(row.case_number)).toBe(false);
      } else {
        expect(nominated.find((n) => n.id === row.nomination_id)?.case_number).toBe(
          row.case_number,
        );
      }
    }
    // Nominated children come from more than one practitioner.
    const byPractitioner = new Set(
      rows
        .filter((r) => r.nomination_id)
        .map((r) => nominated.find((n) => n.id === r.nomination_id)?.practitioner_person_id),
    );
    expect(byPractitioner.size).toBeGreaterThan(1);

    const audit = await db()
      .selectFrom('audit_event')
      .select(['actor_name', 'actor_account_id'])
      .where('action', '=', 'day.allocation-proposed')
      .where('object_id', '=', spotlight.id)
      .execute();
    expect(audit).toEqual([
      { actor_name: lead.actor?.name, actor_account_id: lead.actor?.accountId },
    ]);
  });

  it('keeps every random draw so that re-running it gives the same child', async () => {
    const random = (await allocations()).filter((r) => r.kind === 'random');
    const draws = await db()
      .selectFrom('random_draw')
      .selectAll()
      .where('spotlight_id', '=', spotlight.id)
      .execute();
    expect(draws).toHaveLength(spotlight.members.length);
    for (const row of random) {
      const draw = draws.find((d) => d.id === row.draw_id);
      expect(draw?.chosen_case_number).toBe(row.case_number);
      expect(draw?.member_person_id).toBe(row.member_person_id);
      const again = drawChild({
        seed: draw?.seed ?? '',
        pool: fromDbJson<string[]>(draw?.pool ?? '[]', []),
        exclusions: fromDbJson<string[]>(draw?.exclusions ?? '[]', []),
      });
      expect(again?.chosen).toBe(row.case_number);
      const checked = await t.services.allocation.draw(lead, spotlight.id, row.draw_id ?? '', true);
      expect(checked.rerun).toMatchObject({ known: true, same: true, chosen: row.case_number });
    }
  });

  it('sets a dip-sampling target for each team member, one of whom has begun', async () => {
    const page = await t.services.dipSampling.page(lead, spotlight.id);
    expect(page.canLead).toBe(true);
    const everyone = page.everyone ?? [];
    expect(everyone.map((e) => e.member.id)).toEqual(spotlight.members.map((m) => m.id));
    for (const row of everyone) {
      expect(row.targets, row.member.name).toHaveLength(1);
      expect(row.targets[0]?.focus).toBeTruthy();
    }
    const begun = everyone.filter((e) => e.done > 0);
    expect(begun).toHaveLength(1);
    expect(begun[0]?.done).toBeLessThan(begun[0]?.howMany ?? 0);
    expect(signInIds.has(begun[0]?.member.id ?? '')).toBe(false);
    const progress = await db()
      .selectFrom('audit_event')
      .select('actor_name')
      .where('action', '=', 'day.dip-sampling-progress')
      .execute();
    expect(progress).toEqual([{ actor_name: begun[0]?.member.name }]);
  });

  it('shows the senior leader the morning on their Spotlight’s pages', async () => {
    const browser = await signInAs('Senior leader');
    const priorities = await browser.get(`/spotlights/${spotlight.id}/day/priorities`);
    expect(priorities.statusCode).toBe(200);
    expect(priorities.body).toContain('Whether supervision is reflective and recorded');
    const allocation = await browser.get(`/spotlights/${spotlight.id}/day/allocation`);
    expect(allocation.statusCode).toBe(200);
    const first = (await allocations())[0]?.case_number ?? '';
    expect(allocation.body).toContain(first);
    const dip = await browser.get(`/spotlights/${spotlight.id}/day/dip-sampling`);
    expect(dip.statusCode).toBe(200);
    expect(dip.body).toContain('supervision records');
  });

  it('changes nothing when seeded again', async () => {
    const before = await counts();
    expect(before.spotlight_day).toBe(1);
    // Last year's two Spotlights (demo-last-year.ts) add three children for each of 6 members.
    expect(before.allocation).toBe(12 + 18);
    const again = await seedDemoCouncil(t.services);
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
