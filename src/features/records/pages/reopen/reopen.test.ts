import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agent,
  buildTestApp,
  testPassword,
  type Agent,
  type TestApp,
} from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { auditEntries, escaped, signInAs, textOf } from '../../../day/pages/day/test-support.js';
import { openOwnRecord, recordRow, recordsPath, withVersion } from '../record/test-support.js';

describe.each(testDialects())('reopening a record (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  /** Days later the old sessions have ended: sign in again. */
  async function signInAfresh(email: string): Promise<Agent> {
    const browser = agent(t.app);
    await browser.get('/sign-in');
    await browser.post('/sign-in', { email, password: testPassword });
    await browser.get('/');
    return browser;
  }

  it('lets the Lead reopen a submitted record with a reason, so its author can change it again', async () => {
    t.clock.set('2027-01-14T16:00:00.000Z');
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member1', 0);
    await browser.post(`${path}/themes`, { ...withVersion(1), culture: 'Calm' });
    expect((await browser.post(`${path}/submit`, withVersion(2))).statusCode).toBe(303);

    const lead = await signInAs(f, 'lead');
    const record = await lead.get(path);
    expect(record.body).toContain(`href="${path}/reopen"`);
    expect(textOf(record.body)).toContain('Reopen this record');
    const form = await lead.get(`${path}/reopen`);
    expect(form.statusCode).toBe(200);
    expect(textOf(form.body)).toContain(
      'Team member Mo Member Submitted 14 January 2027 at 4:00pm',
    );
    expect(form.body).toContain('<input type="hidden" name="version" value="3">');

    // A reason is required, and short.
    const none = await lead.post(`${path}/reopen`, { ...withVersion(3), reason: '  ' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toMatch(/<title>\s*Error: Reopen a Team Member Information Record/);
    expect(none.body).toContain('There is a problem');
    expect(none.body).toContain('href="#reason"');
    expect(none.body).toContain('Enter why you are reopening the record');
    const long = await lead.post(`${path}/reopen`, { ...withVersion(3), reason: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('The reason must be 500 characters or fewer');
    expect(long.body).toContain(`${'x'.repeat(501)}</textarea>`);
    expect((await recordRow(t, recordId)).status).toBe('submitted');

    const reason = 'Please add the <b>supervision</b> dip sample & what you found';
    const reopened = await lead.post(`${path}/reopen`, { ...withVersion(3), reason });
    expect(reopened.statusCode).toBe(303);
    expect(reopened.headers.location).toBe(path);
    const row = await recordRow(t, recordId);
    expect(row.status).toBe('draft');
    expect(row.reopened_at).toBe('2027-01-14T16:00:00.000Z');
    expect(row.reopened_by_person_id).toBe(f.personId.lead);
    expect(row.reopen_reason).toBe(reason);
    expect(row.version).toBe(4);
    expect(await auditEntries(t, 'records.reopened', f.spotlightId)).toEqual([
      {
        actorName: 'Lena Lead',
        caseNumbers: [],
        details: { recordId, member: 'Mo Member' },
      },
    ]);
    const after = await lead.get(path);
    expect(after.body).toContain('Record reopened: Mo Member can change it again');
    expect(textOf(after.body)).toContain('Status Reopened Submitted before it was reopened');
    expect(after.body).toContain(escaped(reason));
    expect(textOf(after.body)).not.toContain('Reopen this record');

    // The author sees why, and can change and submit it again, days after the deadline: being
    // asked to change it does not make a record that came in on time late.
    t.clock.set('2027-01-19T10:00:00.000Z');
    const author = await signInAfresh(f.email.member1);
    const mine = await author.get(path);
    expect(textOf(mine.body)).toContain(
      'Lena Lead reopened your record on 14 January 2027 at 4:00pm',
    );
    expect(mine.body).toContain(escaped(reason));
    const saved = await author.post(`${path}/themes`, {
      ...withVersion(4),
      culture: 'Calm, and supervision is monthly',
    });
    expect(saved.statusCode).toBe(303);
    expect((await author.post(`${path}/submit`, withVersion(5))).statusCode).toBe(303);
    const list = textOf((await (await signInAfresh(f.email.lead)).get(recordsPath(f))).body);
    expect(list).toContain('Mo Member Team Manager Submitted 14 January 2027 at 4:00pm');
    expect(list).not.toContain('Submitted late');
    expect(
      (await auditEntries(t, 'records.submitted', f.spotlightId)).map((e) => e.details),
    ).toEqual([
      { late: false, again: false },
      { late: false, again: true },
    ]);
  });

  it('says clearly that a draft cannot be reopened', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId, path } = await openOwnRecord(t, f, 'member2', 0);
    const lead = await signInAs(f, 'lead');
    const page = await lead.get(`${path}/reopen`);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain(
      'This record has not been submitted, so there is nothing to reopen. Maya Member can still change it.',
    );
    expect(page.body).not.toContain('name="reason"');
    const post = await lead.post(`${path}/reopen`, { ...withVersion(1), reason: 'Why not' });
    expect(post.statusCode).toBe(409);
    expect(textOf(post.body)).toContain(
      'This record has not been submitted, so there is nothing to reopen.',
    );
    const row = await recordRow(t, recordId);
    expect(row.reopened_at).toBeNull();
    expect(row.version).toBe(1);
  });

  it('refuses anyone but the Lead', async () => {
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member3', 0);
    await browser.post(`${path}/submit`, withVersion(1));
    for (const key of [
      'member3',
      'member1',
      'qa',
      'hosQa',
      'teamManager',
      'otherReviewer',
    ] as const) {
      const other = await signInAs(f, key);
      expect((await other.get(`${path}/reopen`)).statusCode, key).toBe(403);
      const post = await other.post(`${path}/reopen`, { ...withVersion(2), reason: 'Let me in' });
      expect(post.statusCode, key).toBe(403);
      expect(textOf((await other.get(path)).body), key).not.toContain('Reopen this record');
    }
    expect((await recordRow(t, recordId)).status).toBe('submitted');
    const refused = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
    expect(
      refused.filter((r) => r.actorName === 'Milo Member').map((r) => r.details.needed),
    ).toEqual([['spotlight:lead'], ['spotlight:lead']]);
  });
});
