import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import {
  auditEntries,
  blns,
  escaped,
  signInAs,
  textOf,
} from '../../../day/pages/day/test-support.js';
import {
  autosave,
  hiddenFields,
  openOwnRecord,
  otherNoteFields,
  recordRow,
  withVersion,
} from '../record/test-support.js';

const kept = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
    .trim();

describe.each(testDialects())('the other notes of a record (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('saves what was learnt, the conversations and the observations, with Save and by autosave', async () => {
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member1', 0);
    const form = await browser.get(`${path}/other-notes`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('data-autosave');
    expect(form.body).toContain('data-autosave-status');
    expect(form.body).toContain('Complaints, compliments, practice reviews and audits');
    expect(form.body).toContain(
      'Who you spoke to (by role), what they told you, and how teams work together.',
    );
    for (const field of otherNoteFields) expect(form.body).toContain(`name="${field}"`);

    const saved = await browser.post(`${path}/other-notes`, {
      ...withVersion(1),
      learning: 'Two complaints about missed visits; visits are now booked ahead.',
      conversations: 'The duty manager said transfers wait.',
      then: 'record',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(path);
    let row = await recordRow(t, recordId);
    expect(row.learning).toBe('Two complaints about missed visits; visits are now booked ahead.');
    expect(row.conversations).toBe('The duty manager said transfers wait.');
    expect(row.observations).toBeNull();
    expect(row.version).toBe(2);

    const auto = await autosave(browser, `${path}/other-notes`, {
      ...withVersion(2),
      observations: 'Display board of the team’s values',
    });
    expect(auto.statusCode).toBe(200);
    expect(auto.json()).toMatchObject({ saved: true, version: 3 });
    row = await recordRow(t, recordId);
    expect(row.observations).toBe('Display board of the team’s values');
    // An autosave sends the whole form: fields left empty are saved empty.
    expect(row.learning).toBeNull();
    // Entries in the same millisecond have no order between them.
    const audit = await auditEntries(t, 'records.saved', f.spotlightId);
    expect(
      audit.map((e) => e.details).sort((a, b) => Number(a.version) - Number(b.version)),
    ).toEqual([
      { part: 'other-notes', version: 2 },
      { part: 'other-notes', version: 3 },
    ]);
    const record = await browser.get(path);
    expect(textOf(record.body)).toContain('Observations of the team Written');
  });

  it('shows errors in the GOV.UK way, and a conflict page that loses nothing', async () => {
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member2', 0);
    const tooLong = await browser.post(`${path}/other-notes`, {
      ...withVersion(1),
      conversations: 'z'.repeat(10_001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('There is a problem');
    expect(tooLong.body).toContain(
      'Notes on conversations with team members and other Team Managers must be 10,000 characters or fewer',
    );
    expect(tooLong.body).toContain('href="#conversations"');

    await autosave(browser, `${path}/other-notes`, { ...withVersion(1), learning: 'Tab one' });
    const stale = await browser.post(`${path}/other-notes`, {
      ...withVersion(1),
      learning: 'Tab two',
    });
    expect(stale.statusCode).toBe(409);
    expect(textOf(stale.body)).toContain(
      'Complaints, compliments, practice reviews and audits Different Saved now Tab one What you entered Tab two',
    );
    const resaved = await browser.post(`${path}/other-notes`, hiddenFields(stale.body));
    expect(resaved.statusCode).toBe(303);
    expect((await recordRow(t, recordId)).learning).toBe('Tab two');
  });

  it('stores naughty strings in every field and shows them escaped', async () => {
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member3', 0);
    const reader = await signInAs(f, 'qa');
    const strings = [...blns, '<script>alert(1)</script>'];
    const scripts = (html: string) => html.toLowerCase().split('<script').length;
    const layoutScripts = scripts((await reader.get(path)).body);
    let version = 1;
    for (let start = 0; start < strings.length; start += otherNoteFields.length) {
      const batch = strings.slice(start, start + otherNoteFields.length);
      const form: Record<string, string> = withVersion(version);
      batch.forEach((naughty, i) => {
        form[otherNoteFields[i] ?? ''] = naughty;
      });
      const label = JSON.stringify(batch);
      expect((await browser.post(`${path}/other-notes`, form)).statusCode, label).toBe(303);
      version += 1;
      const row = await recordRow(t, recordId);
      const stored = [row.learning, row.conversations, row.observations];
      batch.forEach((naughty, i) => expect(stored[i] ?? '', label).toBe(kept(naughty)));
      const page = await reader.get(path);
      expect(page.statusCode, label).toBe(200);
      for (const naughty of batch) {
        for (const line of kept(naughty)
          .split('\n')
          .filter((l) => l.trim() !== '')) {
          expect(page.body, label).toContain(escaped(line));
        }
      }
      expect(scripts(page.body), label).toBe(layoutScripts);
    }
  });
});
