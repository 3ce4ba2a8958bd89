import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { auditEntries, signInAs, textOf } from '../../../day/pages/day/test-support.js';
import { childRows, openOwnRecord, recordsPath, withVersion } from '../record/test-support.js';

describe.each(testDialects())('the list of records (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('shows the Lead who has submitted and who has not, without case numbers', async () => {
    t.clock.set('2026-11-26T09:00:00.000Z');
    const f = await addSpotlightFixture(t);
    const mo = await openOwnRecord(t, f, 'member1');
    const maya = await openOwnRecord(t, f, 'member2');
    expect((await maya.browser.post(`${maya.path}/submit`, withVersion(1))).statusCode).toBe(303);
    const caseNumbers = [
      ...(await childRows(t, mo.recordId)),
      ...(await childRows(t, maya.recordId)),
    ].map((c) => c.case_number);

    const lead = await signInAs(f, 'lead');
    const before = (await auditEntries(t, 'records.case-numbers-viewed', f.spotlightId)).length;
    const page = await lead.get(recordsPath(f));
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Records are due by 15 January 2027. due in 33 working days');
    expect(text).toContain('1 of 3 submitted Not submitted yet: Milo Member Mo Member');
    expect(text).toContain(
      'Maya Member Senior Social Worker Submitted 26 November 2026 at 9:00am Read the record of Maya Member',
    );
    expect(text).toContain('Milo Member ISRO Not started Not yet');
    expect(text).toContain('Mo Member Team Manager Draft Not yet Read the record of Mo Member');
    expect(page.body).toContain(`href="${mo.path}"`);
    expect(page.body).not.toContain('Your Team Member Information Record');
    for (const caseNumber of caseNumbers) expect(page.body).not.toContain(caseNumber);
    expect((await auditEntries(t, 'records.case-numbers-viewed', f.spotlightId)).length).toBe(
      before,
    );
  });

  it('gives each member a clear way to their own record, made with their children', async () => {
    const f = await addSpotlightFixture(t);
    const member = await signInAs(f, 'member3');
    const page = await member.get(recordsPath(f));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      `<a class="govuk-link govuk-!-font-weight-bold" href="${recordsPath(f)}/mine">Your Team Member Information Record</a>`,
    );
    expect(textOf(page.body)).toContain('0 of 3 submitted');
    // Not started yet: their own row leads to their record too.
    expect(page.body).toContain(
      `<a class="govuk-link" href="${recordsPath(f)}/mine">Open your record</a>`,
    );
    const mine = await member.get(`${recordsPath(f)}/mine`);
    expect(mine.statusCode).toBe(303);
    const again = await member.get(recordsPath(f));
    expect(textOf(again.body)).toContain('Milo Member ISRO Draft Not yet Open your record');
  });

  it('lets the QA team look, and refuses the Lead and the QA team a record of their own', async () => {
    const f = await addSpotlightFixture(t);
    for (const key of ['qa', 'hosQa', 'lead'] as const) {
      const browser = await signInAs(f, key);
      expect((await browser.get(recordsPath(f))).statusCode, key).toBe(200);
      const mine = await browser.get(`${recordsPath(f)}/mine`);
      expect(mine.statusCode, key).toBe(403);
    }
    const refused = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
    expect(refused.map((r) => r.details.needed)).toEqual([
      ['spotlight:write-record'],
      ['spotlight:write-record'],
      ['spotlight:write-record'],
    ]);
    const records = await t.services.database.db
      .selectFrom('member_record')
      .select('id')
      .where('spotlight_id', '=', f.spotlightId)
      .execute();
    expect(records).toEqual([]);
  });
});
