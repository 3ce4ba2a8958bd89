import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { auditEntries, signInAs, textOf } from '../../../day/pages/day/test-support.js';
import {
  addEvidence,
  answerChild,
  autosave,
  childRows,
  openOwnRecord,
  recordRow,
  recordsPath,
  themeFields,
  withVersion,
} from '../record/test-support.js';

describe.each(testDialects())('submitting a record (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('warns what is missing, submits on time, and makes the record read-only to its author', async () => {
    t.clock.set('2027-01-14T15:00:00.000Z');
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member1', 2);
    const [random, proud] = await childRows(t, recordId);
    await answerChild(t, random?.id ?? '');
    await browser.post(`${path}/themes`, { ...withVersion(1), culture: 'Calm' });

    const check = await browser.get(`${path}/submit`);
    expect(check.statusCode).toBe(200);
    const text = textOf(check.body);
    expect(text).toContain('Your record is due by 15 January 2027. due in 1 working day');
    expect(text).not.toContain('Your record is late');
    expect(text).toContain('Your record is missing some things. You can still submit it');
    expect(text).toContain(
      'You have not written anything about: Quality of practice, How the team quality assures its work, Management oversight, challenge and support, Systemic issues.',
    );
    expect(text).toContain(
      `You have not answered every question about LCS ${proud?.case_number} (a worker is proud of).`,
    );
    expect(text).not.toContain(`LCS ${random?.case_number}`);
    expect(text).toContain('You have not added any evidence.');
    expect(check.body).toContain('<input type="hidden" name="version" value="2">');
    const views = await auditEntries(t, 'records.case-numbers-viewed', f.spotlightId);
    expect(views.at(-1)).toMatchObject({
      caseNumbers: [proud?.case_number],
      details: { view: 'record-submit' },
    });

    const submitted = await browser.post(`${path}/submit`, withVersion(2));
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toBe(path);
    const row = await recordRow(t, recordId);
    expect(row.status).toBe('submitted');
    expect(row.submitted_at).toBe('2027-01-14T15:00:00.000Z');
    expect(row.version).toBe(3);
    expect(await auditEntries(t, 'records.submitted', f.spotlightId)).toEqual([
      { actorName: 'Mo Member', caseNumbers: [], details: { late: false, again: false } },
    ]);

    const page = await browser.get(path);
    expect(page.body).toContain('Record submitted');
    const read = textOf(page.body);
    expect(read).toContain('Status Submitted Submitted 14 January 2027 at 3:00pm Due');
    expect(read).toContain(
      'You have submitted your record, so you cannot change it. Ask the Lead to reopen it if you need to change it.',
    );
    expect(page.body).not.toContain(`href="${path}/themes`);
    expect(page.body).not.toContain('Reopen this record');

    // Every change the author tries now is refused with a clear page; nothing changes.
    const themes = await browser.post(`${path}/themes`, {
      ...withVersion(3),
      culture: 'Changed after submitting',
    });
    expect(themes.statusCode).toBe(409);
    const refusal = textOf(themes.body);
    expect(refusal).toContain('Your record has been submitted');
    expect(refusal).toContain('Nothing has been changed');
    expect(refusal).toContain('Ask the Lead to reopen it if you need to change it');
    expect(refusal).toContain('What you entered This has not been saved');
    expect(refusal).toContain('Culture of the team Changed after submitting');
    const notes = await browser.post(`${path}/other-notes`, {
      ...withVersion(3),
      learning: 'Late thought',
    });
    expect(notes.statusCode).toBe(409);
    expect(textOf(notes.body)).toContain('Your record has been submitted');
    const auto = await autosave(browser, `${path}/themes`, { ...withVersion(3), culture: 'x' });
    expect(auto.statusCode).toBe(409);
    expect(auto.json()).toEqual({ conflict: true });
    const again = await browser.post(`${path}/submit`, withVersion(3));
    expect(again.statusCode).toBe(409);
    expect(textOf(again.body)).toContain('Your record has been submitted');
    // The forms send the author to the record instead.
    for (const part of ['themes', 'other-notes', 'submit']) {
      const form = await browser.get(`${path}/${part}`);
      expect(form.statusCode, part).toBe(303);
      expect(form.headers.location).toBe(path);
    }
    const after = await recordRow(t, recordId);
    expect(after.culture).toBe('Calm');
    expect(after.learning).toBeNull();
    expect(after.version).toBe(3);
    expect(await auditEntries(t, 'records.submitted', f.spotlightId)).toHaveLength(1);
  });

  it('says nothing is missing when everything is there', async () => {
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member2', 1);
    const [child] = await childRows(t, recordId);
    await answerChild(t, child?.id ?? '');
    await addEvidence(t, f, recordId, {
      theme: 'practice',
      source: 'case-record',
      kind: 'strength',
      seen: 'Good plan',
    });
    const form: Record<string, string> = withVersion(1);
    for (const field of themeFields) form[field] = `Notes on ${field}`;
    await browser.post(`${path}/themes`, form);
    const check = textOf((await browser.get(`${path}/submit`)).body);
    expect(check).toContain(
      'You have written about every theme, answered every question about the children you reviewed, and added evidence.',
    );
    expect(check).not.toContain('missing');
  });

  it('marks a record submitted after the day it was due as late, on the list too', async () => {
    t.clock.set('2027-01-18T10:00:00.000Z');
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member3', 0);
    const check = textOf((await browser.get(`${path}/submit`)).body);
    expect(check).toContain('due by 15 January 2027. 1 working day late');
    expect(check).toContain(
      'Your record is late: it was due by 15 January 2027. Submit it as soon as you can. The Lead will see that it was submitted late.',
    );
    const submitted = await browser.post(`${path}/submit`, withVersion(1));
    expect(submitted.statusCode).toBe(303);
    expect((await browser.get(path)).body).toContain('Record submitted late');
    expect((await recordRow(t, recordId)).status).toBe('submitted');
    expect((await auditEntries(t, 'records.submitted', f.spotlightId))[0]?.details).toEqual({
      late: true,
      again: false,
    });

    const lead = await signInAs(f, 'lead');
    const list = textOf((await lead.get(recordsPath(f))).body);
    expect(list).toContain('Milo Member ISRO Submitted late 18 January 2027 at 10:00am');
    expect(list).toContain('1 of 3 submitted Not submitted yet: Maya Member Mo Member');
    expect(list).toContain('Records are due by 15 January 2027. 1 working day late');
    const record = textOf((await lead.get(path)).body);
    expect(record).toContain(
      'Status Submitted late Submitted 18 January 2027 at 10:00am (late: it was due by 15 January 2027)',
    );
  });

  it('does not submit a record read before it was saved elsewhere', async () => {
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member1', 0);
    await autosave(browser, `${path}/themes`, { ...withVersion(1), culture: 'From another tab' });
    const stale = await browser.post(`${path}/submit`, withVersion(1));
    expect(stale.statusCode).toBe(409);
    const text = textOf(stale.body);
    expect(text).toContain('Your record was saved somewhere else after you opened this page');
    expect(stale.body).toContain('<input type="hidden" name="version" value="2">');
    expect((await recordRow(t, recordId)).status).toBe('draft');
    expect((await browser.post(`${path}/submit`, withVersion(2))).statusCode).toBe(303);
  });

  it('lets only the author submit', async () => {
    const f = await addSpotlightFixture(t);
    const { path, recordId } = await openOwnRecord(t, f, 'member2', 0);
    for (const key of ['member1', 'lead', 'qa', 'teamManager', 'otherReviewer'] as const) {
      const browser = await signInAs(f, key);
      expect((await browser.get(`${path}/submit`)).statusCode, key).toBe(403);
      expect((await browser.post(`${path}/submit`, withVersion(1))).statusCode, key).toBe(403);
    }
    expect((await recordRow(t, recordId)).status).toBe('draft');
  });
});
