// Changing a Spotlight of a plan by hand: a change that breaks a rule is shown with the broken rule
// in words and saved only on "Save anyway"; a stale form gets the conflict page; a date outside the
// plan gets an error summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type Agent, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';
import { checkPlan } from '../../core/rota/check-plan.js';
import { toPlanned } from './timetable.model.js';
import {
  buildCouncil,
  editForm,
  insertPlan,
  soundQuarter,
  type Council,
  type TeamKey,
} from './pages/plans/test-support.js';

describe.each(testDialects())('changing a Spotlight by hand (%s)', (dialect) => {
  let t: TestApp;
  let council: Council;
  let coordinator: Agent;
  let coordinatorName: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { start: '2026-11-26T09:00:00.000Z' });
    council = await buildCouncil(t);
    const signed = await signedIn(t, 'qa-coordinator', { name: 'Quinn Coordinator' });
    coordinator = signed.browser;
    coordinatorName = signed.user.name;
  });
  afterAll(async () => t?.close());

  async function storedSpotlight(spotlightId: string) {
    const db = t.services.database.db;
    const row = await db
      .selectFrom('spotlight')
      .selectAll()
      .where('id', '=', spotlightId)
      .executeTakeFirstOrThrow();
    const members = await db
      .selectFrom('spotlight_member')
      .select('person_id')
      .where('spotlight_id', '=', spotlightId)
      .execute();
    return { ...row, members: members.map((m) => m.person_id).sort() };
  }

  async function planWithAudit() {
    const plan = await insertPlan(t, council, soundQuarter);
    const url = (team: TeamKey) =>
      `/timetable/plans/${plan.planId}/spotlights/${plan.spotlightIds[team]}`;
    return { ...plan, url };
  }

  it('starts from a plan that breaks no rule', async () => {
    const { planId } = await planWithAudit();
    const rules = await t.services.timetable.rulesForPlan(planId);
    const { spotlights } = await t.services.timetable.getPlan(
      {
        actor: { accountId: 'x', personId: 'x', name: 'x', role: 'qa-coordinator' },
        requestId: 'test',
      },
      planId,
    );
    expect(spotlights).toHaveLength(4);
    expect(checkPlan(rules, toPlanned(spotlights))).toEqual([]);
  });

  it('shows the Spotlight’s date, Lead and members in the form', async () => {
    const { url } = await planWithAudit();
    const page = await coordinator.get(url('a'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Change ${council.teams.a.name}’s Spotlight`);
    expect(page.body).toContain('name="date-day" type="text" value="12"');
    expect(page.body).toMatch(new RegExp(`<option value="${council.leaders.sara.id}" selected>`));
    expect(page.body).toMatch(
      new RegExp(`<option value="${council.people['c-tm']?.id}" selected>`),
    );
    // The social worker who cannot review is not offered.
    expect(page.body).not.toContain(council.people['c-sw']?.id);
  });

  it('warns when a move lands on a weekend, saves nothing, then saves on "Save anyway"', async () => {
    const { planId, spotlightIds, url } = await planWithAudit();
    const before = await storedSpotlight(spotlightIds.a);
    const form = editForm(council, {
      date: '2027-01-16',
      lead: 'sara',
      members: ['c-tm', 'd-ssw', 'b-isro'],
    });
    const warning = await coordinator.post(url('a'), form);
    expect(warning.statusCode).toBe(200);
    expect(warning.body).toContain('This change breaks the planning rules');
    expect(warning.body).toContain(
      `${council.teams.a.name}’s Spotlight on 16 January 2027: 16 January 2027 is not a working day`,
    );
    expect(warning.body).not.toMatch(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} is/,
    );
    expect(warning.body).toContain('Save anyway');
    expect(warning.body).toContain('Change it');
    expect(warning.body).toContain('name="confirmRuleBreaks" value="yes"');
    expect(await storedSpotlight(spotlightIds.a)).toEqual(before);

    // "Change it": the form again, as it was typed.
    const again = await coordinator.post(url('a'), { ...form, changeIt: 'yes' });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('name="date-day" type="text" value="16"');
    expect(await storedSpotlight(spotlightIds.a)).toEqual(before);

    t.clock.advanceMinutes(5);
    const saved = await coordinator.post(url('a'), { ...form, confirmRuleBreaks: 'yes' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/timetable/plans/${planId}`);
    const after = await storedSpotlight(spotlightIds.a);
    expect(after.date).toBe('2027-01-16');
    expect(after.version).toBe(2);

    const page = await coordinator.get(`/timetable/plans/${planId}`);
    expect(page.body).toContain(
      `Moved ${council.teams.a.name}’s Spotlight from 12 January 2027 to 16 January 2027.`,
    );
    expect(page.body).toContain('Saved although it breaks these rules:');
    expect(page.body).toContain('16 January 2027 is not a working day');
    expect(page.body).toContain(coordinatorName);

    const change = await t.services.database.db
      .selectFrom('plan_change')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('kind', '=', 'moved')
      .executeTakeFirstOrThrow();
    expect(change.spotlight_id).toBe(spotlightIds.a);
    expect(JSON.parse(change.warnings ?? '[]')).toMatchObject([{ rule: 'working-day' }]);
    const audit = await t.services.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'timetable.spotlight-changed')
      .where('object_id', '=', spotlightIds.a)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('warns when a member comes from the visited team, naming them', async () => {
    const { planId, spotlightIds, url } = await planWithAudit();
    const before = await storedSpotlight(spotlightIds.c);
    const form = editForm(council, {
      date: '2027-02-09',
      lead: 'liam',
      members: ['a-tm', 'b-ssw', 'c-isro'],
    });
    const warning = await coordinator.post(url('c'), form);
    expect(warning.statusCode).toBe(200);
    const isro = council.people['c-isro']?.name ?? '';
    expect(warning.body).toContain(
      `${isro} is a member of ${council.teams.c.name}’s Spotlight on 9 February 2027 but works in that team`,
    );
    expect(await storedSpotlight(spotlightIds.c)).toEqual(before);

    t.clock.advanceMinutes(5);
    const saved = await coordinator.post(url('c'), { ...form, confirmRuleBreaks: 'yes' });
    expect(saved.statusCode).toBe(303);
    const after = await storedSpotlight(spotlightIds.c);
    expect(after.members).toEqual(
      [
        council.people['a-tm']?.id,
        council.people['b-ssw']?.id,
        council.people['c-isro']?.id,
      ].sort(),
    );
    const page = await coordinator.get(`/timetable/plans/${planId}`);
    expect(page.body).toContain(
      `Changed the members of ${council.teams.c.name}’s Spotlight: took off ${council.people['d-tl']?.name} and added ${isro}.`,
    );
    expect(page.body).toContain('but works in that team');
  });

  it('saves a change that breaks no rule straight away, with its history', async () => {
    const { planId, spotlightIds, url } = await planWithAudit();
    t.clock.advanceMinutes(5);
    const saved = await coordinator.post(
      url('d'),
      editForm(council, { date: '2027-02-17', lead: 'liam', members: ['a-tl', 'b-tm', 'c-ssw'] }),
    );
    expect(saved.statusCode).toBe(303);
    const after = await storedSpotlight(spotlightIds.d);
    expect(after.date).toBe('2027-02-17');
    expect(after.lead_person_id).toBe(council.leaders.liam.id);
    const page = await coordinator.get(`/timetable/plans/${planId}`);
    expect(page.body).toContain('Spotlight changed');
    expect(page.body).toContain(
      `Changed the Lead of ${council.teams.d.name}’s Spotlight from Ruth Okafor to Liam Lewis.`,
    );
    expect(page.body).not.toContain('Saved although it breaks these rules');
  });

  it('refuses a form read before somebody else saved, with the conflict page', async () => {
    const { spotlightIds, url } = await planWithAudit();
    const form = editForm(council, {
      date: '2027-01-20',
      lead: 'sara',
      members: ['c-tl', 'd-isro', 'a-ssw'],
    });
    const first = await coordinator.post(url('b'), form);
    expect(first.statusCode).toBe(303);
    const stale = await coordinator.post(url('b'), { ...form, 'date-day': '21' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Somebody else changed this');
    expect((await storedSpotlight(spotlightIds.b)).date).toBe('2027-01-20');
  });

  it('asks for a real date within the plan, keeping what was typed', async () => {
    const { spotlightIds, url } = await planWithAudit();
    const outside = await coordinator.post(
      url('a'),
      editForm(council, { date: '2027-05-04', lead: 'sara', members: ['c-tm', 'd-ssw', 'b-isro'] }),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('There is a problem');
    expect(outside.body).toContain(
      'Date must be between 4 January 2027 and 31 March 2027, the plan’s start and end dates',
    );
    expect(outside.body).toContain('name="date-month" type="text" value="5"');

    const unreal = await coordinator.post(url('a'), {
      ...editForm(council, {
        date: '2027-02-12',
        lead: 'sara',
        members: ['c-tm', 'd-ssw', 'b-isro'],
      }),
      'date-day': '30',
    });
    expect(unreal.statusCode).toBe(400);
    expect(unreal.body).toContain('Date must be a real date');
    expect(unreal.body).toContain('<title>Error: ');

    const twice = await coordinator.post(
      url('a'),
      editForm(council, { date: '2027-01-12', lead: 'sara', members: ['c-tm', 'c-tm', 'b-isro'] }),
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('Select a different person for each member place');
    expect((await storedSpotlight(spotlightIds.a)).version).toBe(1);
  });

  it('saves nothing when nothing was changed', async () => {
    const { planId, spotlightIds, url } = await planWithAudit();
    const same = await coordinator.post(
      url('a'),
      editForm(council, { date: '2027-01-12', lead: 'sara', members: ['b-isro', 'c-tm', 'd-ssw'] }),
    );
    expect(same.statusCode).toBe(303);
    expect((await coordinator.get(`/timetable/plans/${planId}`)).body).toContain(
      'You did not change anything',
    );
    expect((await storedSpotlight(spotlightIds.a)).version).toBe(1);
  });

  it('lets only the QA coordinator change a Spotlight', async () => {
    const { url } = await planWithAudit();
    const { browser } = await signedIn(t, 'head-of-service');
    expect((await browser.get(url('a'))).statusCode).toBe(403);
    const post = await browser.post(
      url('a'),
      editForm(council, { date: '2027-01-13', lead: 'sara', members: ['c-tm', 'd-ssw', 'b-isro'] }),
    );
    expect(post.statusCode).toBe(403);
  });
});
