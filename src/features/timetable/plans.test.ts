// The timetable's pages: who may see what, the "Plan a new year" form's errors, publishing a plan
// (which supersedes the one before), the list by month and the year calendar, and the rules the
// next plan is built from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type Agent, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';
import {
  buildCouncil,
  insertPlan,
  quarter,
  soundQuarter,
  type Council,
} from './pages/plans/test-support.js';

describe.each(testDialects())('the timetable (%s)', (dialect) => {
  let t: TestApp;
  let council: Council;
  let coordinator: Agent;
  let manager: Agent;
  let staff: Agent;
  let firstPlanId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { start: '2026-11-26T09:00:00.000Z' });
    council = await buildCouncil(t);
    coordinator = (await signedIn(t, 'qa-coordinator')).browser;
    manager = (await signedIn(t, 'team-manager')).browser;
    staff = (await signedIn(t, 'staff')).browser;
  });
  afterAll(async () => t?.close());

  const planStatus = async (id: string) =>
    (
      await t.services.database.db
        .selectFrom('timetable_plan')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  it('refuses staff the timetable, and managers the planning of a year', async () => {
    expect((await staff.get('/timetable')).statusCode).toBe(403);
    expect((await staff.get('/timetable/calendar')).statusCode).toBe(403);
    expect((await manager.get('/timetable')).statusCode).toBe(200);
    expect((await manager.get('/timetable/plans/new')).statusCode).toBe(403);
    expect((await manager.post('/timetable/plans/new', {})).statusCode).toBe(403);
  });

  it('says when no plan has been published', async () => {
    const page = await manager.get('/timetable');
    expect(page.body).toContain('No plan has been published yet.');
    expect(page.body).not.toContain('Plan a new year');
    const calendar = await manager.get('/timetable/calendar');
    expect(calendar.statusCode).toBe(200);
    expect(calendar.body).toContain('No plan has been published yet.');
    const mine = await coordinator.get('/timetable');
    expect(mine.body).toContain('href="/timetable/plans/new"');
  });

  it('shows the form with the guidance’s defaults', async () => {
    const page = await coordinator.get('/timetable/plans/new');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Plan a new year</h1>');
    expect(page.body).toMatch(/name="membersMin" type="text" spellcheck="false" value="3"/);
    expect(page.body).toMatch(/name="membersMax" type="text" spellcheck="false" value="4"/);
    expect(page.body).toMatch(
      /name="maxSpotlightsPerDay" type="text" spellcheck="false" value="2"/,
    );
  });

  it('asks again when the form is wrong, keeping what was typed', async () => {
    const response = await coordinator.post('/timetable/plans/new', {
      'from-day': '17',
      'from-month': '12',
      'from-year': '2027',
      'to-day': '4',
      'to-month': '1',
      'to-year': '2027',
      maxSpotlightsPerDay: '2',
      membersMin: '4',
      membersMax: '3',
      maxPerPersonPerYear: 'two',
      maxLeadsPerPersonPerYear: '12',
      closures: '24/12/2027\n31/02/2027\n2027-12-31',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<title>Error: Plan a new year');
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('End date must be after the start date');
    expect(response.body).toContain('href="#to-day"');
    expect(response.body).toContain(
      'Closure day on line 2 must be a real date, like 24/12/2027 or 2027-12-24',
    );
    expect(response.body).toContain(
      'Most times a person can be a member must be a whole number, like 2',
    );
    expect(response.body).toContain(
      'The most members in a Spotlight must be the same as or more than the fewest',
    );
    expect(response.body).toContain('name="from-day" type="text" value="17"');
    expect(response.body).toContain('24/12/2027\n31/02/2027\n2027-12-31</textarea>');
    expect(response.body).toMatch(
      /name="maxPerPersonPerYear" type="text" spellcheck="false" value="two"/,
    );

    const empty = await coordinator.post('/timetable/plans/new', { maxSpotlightsPerDay: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the start date');
    expect(empty.body).toContain('Enter the most Spotlights on one day');
    const plans = await t.services.database.db.selectFrom('timetable_plan').select('id').execute();
    expect(plans).toEqual([]);
  });

  it('keeps drafts from managers, and publishes after a confirmation', async () => {
    t.clock.advanceMinutes(10);
    const { planId } = await insertPlan(t, council, soundQuarter);
    firstPlanId = planId;
    expect((await manager.get(`/timetable/plans/${planId}`)).statusCode).toBe(403);

    const draft = await coordinator.get(`/timetable/plans/${planId}`);
    expect(draft.statusCode).toBe(200);
    expect(draft.body).toContain('The best possible plan was found.');
    expect(draft.body).toContain('Publish this plan');
    for (const team of Object.values(council.teams)) expect(draft.body).toContain(team.name);

    const confirm = await coordinator.get(`/timetable/plans/${planId}/publish`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Publish this plan?');
    expect(confirm.body).toContain('name="version" value="1"');

    t.clock.advanceMinutes(10);
    const published = await coordinator.post(`/timetable/plans/${planId}/publish`, {
      version: '1',
    });
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe(`/timetable/plans/${planId}`);
    expect(await planStatus(planId)).toBe('published');
    const page = await coordinator.get(`/timetable/plans/${planId}`);
    expect(page.body).toContain('Plan published');
    expect(page.body).toContain('Published the plan.');
    expect(page.body).not.toContain('Publish this plan</');

    const again = await coordinator.post(`/timetable/plans/${planId}/publish`, { version: '2' });
    expect(again.statusCode).toBe(409);
    const audit = await t.services.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('object_id', '=', planId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['timetable.plan-published']);
  });

  it('shows managers the published plan month by month, with names', async () => {
    const page = await manager.get('/timetable');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('January 2027');
    expect(page.body).toContain('February 2027');
    expect(page.body).toContain('Tuesday 12 January');
    expect(page.body).toContain(council.teams.a.name);
    expect(page.body).toContain(council.areas.north.name);
    expect(page.body).toContain('Sara Shah');
    expect(page.body).toContain(council.people['c-tm']?.name);
    expect(page.body).toContain('href="/timetable/calendar"');
    expect(page.body).not.toContain('Plan a new year');
    const plan = await manager.get(`/timetable/plans/${firstPlanId}`);
    expect(plan.statusCode).toBe(200);
    expect(plan.body).not.toContain('/spotlights/');
  });

  it('shows the year as a calendar: each month, its Spotlight days by name', async () => {
    const page = await manager.get('/timetable/calendar');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Timetable calendar</h1>');
    for (const month of ['January 2027', 'February 2027', 'March 2027']) {
      expect(page.body).toContain(`>${month}</h2>`);
    }
    expect(page.body).toContain('Tuesday 12 January');
    expect(page.body).toContain('Tuesday 16 February');
    expect(page.body).toContain('No Spotlights this month.');
    expect(page.body).not.toContain('<table');
  });

  it('builds the next plan’s rules from the directory and the published plan', async () => {
    await t.services.database.db
      .insertInto('person_unavailability')
      .values({
        id: crypto.randomUUID(),
        person_id: council.people['b-tm']?.id ?? '',
        from_date: '2028-02-01',
        to_date: '2028-02-14',
        reason: 'Annual leave',
        created_at: t.clock.now().toISOString(),
      })
      .execute();
    const next = await insertPlan(t, council, [], {
      settings: { ...quarter, from: '2028-01-04', to: '2028-03-31' },
    });
    const rules = await t.services.timetable.rulesForPlan(next.planId);
    const team = rules.teams.find((x) => x.id === council.teams.a.id);
    expect(team).toMatchObject({
      serviceArea: council.areas.north.id,
      lastSpotlight: '2027-01-12',
    });
    const ids = rules.people.map((p) => p.id);
    expect(ids).toContain(council.leaders.ruth.id);
    expect(ids).not.toContain(council.people['a-sw']?.id);
    expect(rules.people.find((p) => p.id === council.leaders.liam.id)).toMatchObject({
      canLead: true,
      canReview: false,
      serviceArea: council.areas.north.id,
    });
    expect(rules.people.find((p) => p.id === council.people['c-tm']?.id)).toMatchObject({
      team: council.teams.c.id,
      serviceArea: council.areas.south.id,
      role: 'team-manager',
      canLead: false,
      canReview: true,
      lastReviewed: [council.teams.a.id],
    });
    expect(rules.people.find((p) => p.id === council.people['b-tm']?.id)?.unavailable).toEqual([
      { from: '2028-02-01', to: '2028-02-14' },
    ]);
    expect(rules.membersPerSpotlight).toEqual({ min: 3, max: 4 });
  });

  it('supersedes the published plan when a newer one is published', async () => {
    t.clock.advanceMinutes(10);
    const { planId } = await insertPlan(t, council, soundQuarter.slice(0, 2));
    const confirm = await coordinator.get(`/timetable/plans/${planId}/publish`);
    expect(confirm.body).toContain('It replaces the plan for 4 January 2027 to 31 March 2027');
    t.clock.advanceMinutes(10);
    expect(
      (await coordinator.post(`/timetable/plans/${planId}/publish`, { version: '1' })).statusCode,
    ).toBe(303);
    expect(await planStatus(planId)).toBe('published');
    expect(await planStatus(firstPlanId)).toBe('superseded');

    const timetable = await manager.get('/timetable');
    expect(timetable.body).toContain(council.teams.b.name);
    expect(timetable.body).not.toContain(council.teams.c.name);
    const old = await coordinator.get(`/timetable/plans/${firstPlanId}`);
    expect(old.body).toContain('A newer plan has replaced this one.');
    expect(old.body).not.toContain('/spotlights/');
    const list = await coordinator.get('/timetable');
    expect(list.body).toContain('Replaced');
    expect(list.body).toContain('Published');
  });

  it('leaves a published plan for another period published, so its Spotlights go on', async () => {
    t.clock.advanceMinutes(10);
    const current = await insertPlan(t, council, soundQuarter.slice(0, 1), { status: 'published' });
    const nextYear = { ...quarter, from: '2028-01-03', to: '2028-03-31' };
    const { planId } = await insertPlan(t, council, [], { settings: nextYear });
    const confirm = await coordinator.get(`/timetable/plans/${planId}/publish`);
    expect(confirm.body).not.toContain('It replaces the plan');
    expect(
      (await coordinator.post(`/timetable/plans/${planId}/publish`, { version: '1' })).statusCode,
    ).toBe(303);
    expect(await planStatus(planId)).toBe('published');
    expect(await planStatus(current.planId)).toBe('published');
  });

  it('gives a page-not-found for a plan that does not exist', async () => {
    const response = await coordinator.get(`/timetable/plans/${crypto.randomUUID()}`);
    expect(response.statusCode).toBe(404);
  });
});
