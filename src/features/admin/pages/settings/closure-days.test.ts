// The council's closure days: added and removed by the QA coordinator, refused on days that are not
// working days anyway, audited, and counted by every deadline from then on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type Agent, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { deadlineOf } from '../../../../core/deadlines.js';
import type { RequestContext } from '../../../../platform/context.js';

const day = (date: string, reason = '') => {
  const [year, month, dayOfMonth] = date.split('-') as [string, string, string];
  return { 'date-day': dayOfMonth, 'date-month': month, 'date-year': year, reason };
};

const auditor: RequestContext = {
  actor: { accountId: 'x', personId: 'x', name: 'QA', role: 'qa-coordinator' },
  requestId: 'test',
};

describe.each(testDialects())('closure days (%s)', (dialect) => {
  let t: TestApp;
  let qa: Agent;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    qa = (await signedIn(t, 'qa-coordinator')).browser;
  });
  afterAll(async () => t?.close());

  const audited = async (action: string) =>
    (await t.services.audit.list(auditor, { action }, 1)).events;

  it('starts with none, and links back to the settings', async () => {
    const page = await qa.get('/admin/closure-days');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Closure days</h1>');
    expect(page.body).toContain('There are no closure days to come.');
    expect(page.body).toContain('href="/admin/settings"');
  });

  it('adds closure days, lists them by date, and counts them as days off', async () => {
    const added = await qa.post('/admin/closure-days', day('2027-12-29', 'Council closed'));
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/admin/closure-days');
    expect(
      (await qa.post('/admin/closure-days', { ...day('2027-12-24'), 'date-month': 'Dec' }))
        .statusCode,
    ).toBe(303);

    const page = await qa.get('/admin/closure-days');
    expect(page.body).toContain('24 December 2027 added as a closure day');
    expect(page.body).toContain('2 closure days to come');
    const first = page.body.indexOf('<th scope="row" class="govuk-table__header">24 December 2027');
    const second = page.body.indexOf(
      '<th scope="row" class="govuk-table__header">29 December 2027',
    );
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(page.body).toContain('Council closed');
    expect(page.body).toContain('href="/admin/closure-days/2027-12-29/remove"');

    expect(await t.services.councilSettings.calendar()).toEqual({
      region: 'england-and-wales',
      closures: ['2027-12-24', '2027-12-29'],
    });
    const events = await audited('closure-day.added');
    expect(events.map((e) => e.objectId).sort()).toEqual(['2027-12-24', '2027-12-29']);
    expect(events.find((e) => e.objectId === '2027-12-29')?.details).toEqual({
      date: '2027-12-29',
      reason: 'Council closed',
    });
  });

  it('refuses a weekend, a bank holiday, a repeat and bad dates, keeping what was typed', async () => {
    const cases: [Record<string, string>, string][] = [
      [day('2027-12-25'), '25 December 2027 is a Saturday, so it is not a working day anyway'],
      [
        day('2027-12-27'),
        '27 December 2027 is a bank holiday (Christmas Day (substitute day)), so it is not a working day anyway',
      ],
      [day('2027-12-29'), 'That day is already a closure day'],
      [day('2027-02-30'), 'Closure day must be a real date'],
      [{ ...day('2027-01-06'), 'date-month': '' }, 'Closure day must include a month'],
      [{ reason: 'x' }, 'Enter the closure day'],
    ];
    for (const [form, message] of cases) {
      const response = await qa.post('/admin/closure-days', { ...form, reason: 'Typed reason' });
      expect(response.statusCode, message).toBe(400);
      expect(response.body).toContain('<title>Error: Closure days');
      expect(response.body).toContain(`${message}</a>`);
      expect(response.body).toContain('value="Typed reason"');
    }
    const long = await qa.post('/admin/closure-days', day('2027-01-06', 'r'.repeat(201)));
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('<a href="#reason">Reason must be 200 characters or fewer</a>');
    const control = await qa.post('/admin/closure-days', day('2027-01-06', 'a\tb'));
    expect(control.statusCode).toBe(400);
    const huge = await qa.post('/admin/closure-days', {
      'date-day': '9'.repeat(50_000),
      'date-month': '\u0000',
      'date-year': 'x',
    });
    expect(huge.statusCode).toBe(400);
    expect((await t.services.councilSettings.closureDays()).map((d) => d.date)).toEqual([
      '2027-12-24',
      '2027-12-29',
    ]);
  });

  it('follows the council’s nation: a Scottish holiday is refused only in Scotland', async () => {
    // St Andrew's Day, Tuesday 30 November 2027.
    const settings = await t.services.councilSettings.settings();
    await t.services.councilSettings.save(auditor, { ...settings, region: 'scotland' }, 0);
    const refused = await qa.post('/admin/closure-days', day('2027-11-30'));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('is a bank holiday (St Andrew');
    const back = await t.services.councilSettings.settings();
    await t.services.councilSettings.save(auditor, { ...back, region: 'england-and-wales' }, 1);
    expect((await qa.post('/admin/closure-days', day('2027-11-30'))).statusCode).toBe(303);
    await t.services.councilSettings.removeClosureDay(auditor, '2027-11-30');
  });

  it('asks before removing one, then removes it and audits it', async () => {
    const confirm = await qa.get('/admin/closure-days/2027-12-29/remove');
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Remove this closure day?');
    expect(confirm.body).toContain('29 December 2027 (Council closed) will be a working day again');
    const removed = await qa.post('/admin/closure-days/2027-12-29/remove');
    expect(removed.statusCode).toBe(303);
    expect((await qa.get('/admin/closure-days')).body).toContain(
      '29 December 2027 is no longer a closure day',
    );
    expect((await t.services.councilSettings.calendar()).closures).toEqual(['2027-12-24']);
    const events = await audited('closure-day.removed');
    expect(events.map((e) => e.objectId)).toContain('2027-12-29');
  });

  it('answers 404 for a date that is not a closure day or not a date', async () => {
    for (const date of ['2027-12-29', '2027-02-30', 'not-a-date', '2027-12-24x']) {
      expect((await qa.get(`/admin/closure-days/${date}/remove`)).statusCode, date).toBe(404);
      expect((await qa.post(`/admin/closure-days/${date}/remove`)).statusCode, date).toBe(404);
    }
  });

  it('keeps other roles out', async () => {
    const manager = (await signedIn(t, 'hos-qa')).browser;
    expect((await manager.get('/admin/closure-days')).statusCode).toBe(403);
    expect((await manager.post('/admin/closure-days', day('2027-01-06'))).statusCode).toBe(403);
    expect((await manager.post('/admin/closure-days/2027-12-24/remove')).statusCode).toBe(403);
    expect((await t.services.councilSettings.calendar()).closures).toEqual(['2027-12-24']);
  });

  it('moves a Spotlight’s deadlines past a closure day', async () => {
    const f = await addSpotlightFixture(t);
    const before = await t.services.spotlights.find(f.spotlightId);
    expect(deadlineOf(before?.deadlines ?? [], 'documents')).toBe('2027-01-07');
    expect((await qa.post('/admin/closure-days', day('2027-01-07'))).statusCode).toBe(303);
    const after = await t.services.spotlights.find(f.spotlightId);
    expect(deadlineOf(after?.deadlines ?? [], 'documents')).toBe('2027-01-06');
  });

  it('fills the new year plan’s closure days with those to come', async () => {
    const page = await qa.get('/timetable/plans/new');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/name="closures"[^>]*>\s*2027-01-07\n2027-12-24<\/textarea>/);
  });
});
