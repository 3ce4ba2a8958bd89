import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, signedIn, type Agent, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';
import type { RequestContext } from '../../platform/context.js';
import type { Role } from '../../platform/policy.js';

function contextFor(user: { accountId: string; id: string; name: string; role: Role }) {
  return {
    actor: { accountId: user.accountId, personId: user.id, name: user.name, role: user.role },
    requestId: `req-${user.name.toLowerCase().replace(/\s+/g, '-')}`,
  } satisfies RequestContext;
}

/** The rows of the audit table (without its header row). */
function rowsIn(html: string): string[] {
  const body = /<tbody class="govuk-table__body">([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return body.split('<tr class="govuk-table__row">').slice(1);
}

describe.each(testDialects())('the audit log (%s)', (dialect) => {
  let t: TestApp;
  let qa: Agent;
  let ann: ReturnType<typeof contextFor>;
  let bob: ReturnType<typeof contextFor>;
  let annAccount: string;
  beforeAll(async () => {
    // Entries are written on earlier days, then the clock comes back to today for the pages.
    t = await buildTestApp(dialect, { start: '2026-03-10T10:00:00.000Z' });
    const annUser = await addUser(t, 'senior-leader', { name: 'Ann Auditee' });
    const bobUser = await addUser(t, 'team-manager', { name: 'Bob Builder' });
    annAccount = annUser.accountId;
    ann = contextFor(annUser);
    bob = contextFor(bobUser);
    await t.services.audit.record(ann, {
      action: 'test.record-read',
      objectType: 'record',
      objectId: 'c7d2b1f0-1111-4aaa-8bbb-000000000001',
      caseNumbers: ['LCS100001', 'EHM200002'],
    });
    t.clock.set('2026-06-15T08:30:00.000Z');
    await t.services.audit.record(bob, { action: 'person.created', objectType: 'person' });
    // Half past midnight on 1 July in the UK (summer time), though still 30 June in UTC.
    t.clock.set('2026-06-30T23:30:00.000Z');
    await t.services.audit.record(bob, {
      action: 'test.record-read',
      caseNumbers: ['LCS300003'],
    });
    t.clock.set('2026-11-26T09:00:00.000Z');
    qa = (await signedIn(t, 'qa-coordinator', { name: 'Quinn Coordinator' })).browser;
  });
  afterAll(async () => t?.close());

  it('shows every entry newest first with readable actions', async () => {
    const page = await qa.get('/admin/audit');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Audit log</h1>');
    expect(page.body).toContain('app-table-wrapper');
    const rows = rowsIn(page.body);
    expect(rows[0]).toContain('Signed in');
    expect(rows[0]).toContain('Quinn Coordinator');
    const last = rows.at(-1) ?? '';
    expect(last).toContain('10 March 2026 at 10:00am');
    expect(last).toContain('Ann Auditee');
    expect(last).toContain('test.record-read');
    expect(last).toContain('LCS100001');
    expect(last).toContain('EHM200002');
    expect(last).toContain('req-ann-auditee');
    expect(page.body).toContain('Added a person to the directory');
    expect(page.body).toMatch(/<option value="person.created">Added a person to the directory/);
    expect(page.body).toContain(`<option value="${annAccount}">Ann Auditee</option>`);
  });

  it('filters by action and by who did it', async () => {
    const byAction = await qa.get('/admin/audit?action=person.created');
    const actionRows = rowsIn(byAction.body);
    expect(actionRows).toHaveLength(1);
    expect(actionRows[0]).toContain('Bob Builder');
    expect(byAction.body).toContain('<option value="person.created" selected>');

    const byActor = await qa.get(`/admin/audit?actor=${annAccount}`);
    const actorRows = rowsIn(byActor.body);
    expect(actorRows).toHaveLength(1);
    expect(actorRows[0]).toContain('LCS100001');
    expect(byActor.body).not.toContain('Bob Builder</td>');
  });

  it('filters by UK dates, including the whole of the last day', async () => {
    const june = await qa.get(
      '/admin/audit?from-day=1&from-month=6&from-year=2026&to-day=30&to-month=6&to-year=2026',
    );
    expect(june.statusCode).toBe(200);
    const juneRows = rowsIn(june.body);
    expect(juneRows).toHaveLength(1);
    expect(juneRows[0]).toContain('Added a person to the directory');

    const july = await qa.get(
      '/admin/audit?from-day=1&from-month=7&from-year=2026&to-day=1&to-month=7&to-year=2026',
    );
    const julyRows = rowsIn(july.body);
    expect(julyRows).toHaveLength(1);
    expect(julyRows[0]).toContain('LCS300003');
    expect(julyRows[0]).toContain('1 July 2026 at ');
  });

  it('shows an error summary for dates that are not real', async () => {
    const notReal = await qa.get('/admin/audit?from-day=31&from-month=2&from-year=2026');
    expect(notReal.statusCode).toBe(400);
    expect(notReal.body).toContain('There is a problem');
    expect(notReal.body).toContain('Date from must be a real date');
    expect(notReal.body).toContain('href="#from-day"');
    expect(notReal.body).toContain('value="31"');

    const partial = await qa.get('/admin/audit?to-day=4&to-year=2026');
    expect(partial.statusCode).toBe(400);
    expect(partial.body).toContain('Date to must include a month');
    expect(partial.body).toContain('href="#to-month"');

    const backwards = await qa.get(
      '/admin/audit?from-day=2&from-month=6&from-year=2026&to-day=1&to-month=6&to-year=2026',
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('Date to must be the same as or after date from');
  });

  it('shows only entries with case numbers, and records that they were seen', async () => {
    const viewings = async () =>
      (
        await t.services.audit.list(
          { actor: { ...ann.actor, role: 'qa-coordinator' }, requestId: 'check' },
          { action: 'audit-log.viewed' },
          1,
        )
      ).events;
    const before = (await viewings()).length;

    // A minute apart, so the two viewings below are in a known order.
    t.clock.advanceMinutes(1);
    const page = await qa.get('/admin/audit?action=test.record-read&caseNumbers=yes');
    const rows = rowsIn(page.body);
    expect(rows).toHaveLength(2);
    expect(page.body).toContain('LCS300003');
    expect(page.body).toContain('LCS100001');
    expect(page.body).toContain('name="caseNumbers" type="checkbox" value="yes" checked');
    t.clock.advanceMinutes(1);
    const onlyCaseNumbers = rowsIn((await qa.get('/admin/audit?caseNumbers=yes')).body);
    expect(onlyCaseNumbers.join('')).not.toContain('Added a person to the directory');
    expect(onlyCaseNumbers.every((row) => /LCS|EHM/.test(row))).toBe(true);

    const after = await viewings();
    expect(after).toHaveLength(before + 2);
    const firstViewing = after[1];
    expect(firstViewing?.actorName).toBe('Quinn Coordinator');
    expect([...(firstViewing?.caseNumbers ?? [])].sort()).toEqual([
      'EHM200002',
      'LCS100001',
      'LCS300003',
    ]);

    // A page without case numbers records nothing.
    await qa.get('/admin/audit?action=person.created');
    expect(await viewings()).toHaveLength(before + 2);
  });

  it('shows 50 entries a page and keeps the filters in the page links', async () => {
    for (let i = 0; i < 55; i++) {
      await t.services.audit.record(bob, { action: 'test.bulk', objectType: 'person' });
    }
    const first = await qa.get('/admin/audit?action=test.bulk');
    expect(rowsIn(first.body)).toHaveLength(50);
    expect(first.body).toContain('Showing 1 to 50 of 55 entries');
    expect(first.body).toContain('govuk-pagination');
    expect(first.body).toContain('href="/admin/audit?action=test.bulk&amp;page=2"');
    const second = await qa.get('/admin/audit?action=test.bulk&page=2');
    expect(rowsIn(second.body)).toHaveLength(5);
    expect(second.body).toContain('Showing 51 to 55 of 55 entries');
    expect(second.body).toContain('href="/admin/audit?action=test.bulk"');
  });

  it('has no way to change or delete an entry', async () => {
    const routes = t.app.routeInventory.filter((route) => route.url.startsWith('/admin/audit'));
    expect(routes.map((route) => route.method).sort()).toEqual(['GET', 'HEAD']);
  });
});
