import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { newId } from '../../../../platform/ids.js';
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
  childRow,
  childUrl,
  hiddenFields,
  keptText,
  openRecord,
  recordRow,
  recordUrl,
  shownLines,
} from './test-support.js';

const answers = {
  documentsRead: 'LCS 1234567: the assessment (March), the child’s plan & 3 visit records.',
  lifeForChild: 'Sam goes to school most days.\r\n\r\nHe says home is "calmer" now.',
  proportionate: 'about-right',
  proportionateWhy: 'Visits match the plan; nothing more than needed.',
  goodEnough: 'yes',
  goodEnoughWhy: 'The worker knows the family well.',
  strengths: 'Direct work with Sam is recorded in his words.',
  areasToDevelop: 'Supervision notes do not show challenge.',
};

describe.each(testDialects())('a child reviewed, in a record (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('lets the author answer the questions and save with a button, audited with the case number', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId, children } = await openRecord(t, f, 'member1');
    expect(children.map((c) => c.kind)).toEqual(['random', 'proud', 'challenging']);
    const child = children[0];
    if (!child) throw new Error('no child');
    const url = childUrl(f, recordId, child.id);
    const mo = await signInAs(f, 'member1');

    const page = await mo.get(url);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain(`Case number LCS ${child.case_number}`);
    expect(text).toContain('Why chosen Chosen at random');
    expect(page.body).toMatch(/<form method="post" action="[^"]+" novalidate data-autosave>/);
    expect(page.body).toContain('<input type="hidden" name="version" value="1">');
    expect(page.body).toContain('<p class="govuk-body-s" role="status" data-autosave-status></p>');
    for (const field of Object.keys(answers)) expect(page.body).toContain(`name="${field}"`);
    expect(text).toContain('Which documents and parts of the record did you read?');
    expect(text).toContain(
      'Is the help proportionate? Are we intervening too much, or too little, in the child’s life?',
    );
    expect(text).toContain('Would this be good enough for my own family?');
    expect(page.body).not.toContain('Remove this child from your record');
    expect(await auditEntries(t, 'records.case-numbers-viewed', f.spotlightId)).toEqual([
      { actorName: 'Mo Member', caseNumbers: [child.case_number], details: { view: 'child' } },
    ]);

    t.clock.set('2026-11-26T09:10:00.000Z');
    const saved = await mo.post(url, { ...answers, version: '1', then: 'stay' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(url);
    const row = await childRow(t, child.id);
    expect(row).toMatchObject({
      documents_read: answers.documentsRead,
      life_for_child: 'Sam goes to school most days.\n\nHe says home is "calmer" now.',
      proportionate: 'about-right',
      proportionate_why: answers.proportionateWhy,
      good_enough: 'yes',
      good_enough_why: answers.goodEnoughWhy,
      strengths: answers.strengths,
      areas_to_develop: answers.areasToDevelop,
      version: 2,
      updated_at: '2026-11-26T09:10:00.000Z',
    });
    // The record is marked changed, but its version (for the notes' form) stays.
    const record = await recordRow(t, recordId);
    expect(record.updated_at).toBe('2026-11-26T09:10:00.000Z');
    expect(record.version).toBe(1);
    expect(await auditEntries(t, 'records.child-saved', f.spotlightId)).toEqual([
      { actorName: 'Mo Member', caseNumbers: [child.case_number], details: { version: 2 } },
    ]);

    const again = await mo.get(url);
    expect(textOf(again.body)).toContain('Saved');
    expect(again.body).toContain('<input type="hidden" name="version" value="2">');
    expect(again.body).toContain(escaped(answers.documentsRead));
    expect(again.body).toMatch(/name="proportionate" type="radio" value="about-right" checked/);

    // "Save and return to your record"; half-done answers are fine while drafting.
    const back = await mo.post(url, {
      strengths: 'Only this for now',
      version: '2',
      then: 'record',
    });
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe(recordUrl(f, recordId));
    expect(await childRow(t, child.id)).toMatchObject({
      documents_read: null,
      proportionate: null,
      good_enough: null,
      strengths: 'Only this for now',
      version: 3,
    });
  });

  it('answers autosave with JSON: saved, conflict, or not saved until put right', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId, children } = await openRecord(t, f, 'member2', 1);
    const child = children[0];
    if (!child) throw new Error('no child');
    const url = childUrl(f, recordId, child.id);
    const maya = await signInAs(f, 'member2');
    await maya.get(url);

    t.clock.set('2026-11-26T09:05:00.000Z');
    const ok = await autosave(maya, url, { lifeForChild: 'Settled at home', version: '1' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ saved: true, version: 2, savedAt: '9:05am' });
    expect((await childRow(t, child.id))?.life_for_child).toBe('Settled at home');

    const stale = await autosave(maya, url, { lifeForChild: 'Older text', version: '1' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({ conflict: true });

    const tooLong = await autosave(maya, url, {
      lifeForChild: 'x'.repeat(5001),
      proportionate: 'not-an-answer',
      version: '2',
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json()).toEqual({
      saved: false,
      errors: [
        'What life is like for the child must be 5,000 characters or fewer',
        'Select whether the help is too much, about right or too little',
      ],
    });
    expect(await childRow(t, child.id)).toMatchObject({
      life_for_child: 'Settled at home',
      version: 2,
    });
    expect(await auditEntries(t, 'records.child-saved', f.spotlightId)).toHaveLength(1);
  });

  it('gives a stale save a conflict page with both texts, and loses nothing', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId, children } = await openRecord(t, f, 'member1');
    const child = children[1];
    if (!child) throw new Error('no child');
    const url = childUrl(f, recordId, child.id);
    const mo = await signInAs(f, 'member1');
    const first = await mo.post(url, {
      lifeForChild: 'Saved in the <other> tab',
      version: '1',
    });
    expect(first.statusCode).toBe(303);
    const stale = await mo.post(url, {
      lifeForChild: 'Typed in this tab\nover two lines',
      goodEnough: 'no',
      version: '1',
      then: 'record',
    });
    expect(stale.statusCode).toBe(409);
    const text = textOf(stale.body);
    expect(text).toContain('Your answers about this child were saved somewhere else');
    expect(text).toContain('What you entered has not been saved');
    expect(stale.body).toContain('Saved in the &lt;other&gt; tab');
    expect(stale.body).toContain('Typed in this tab<br />\nover two lines');
    expect(text).toContain(`LCS ${child.case_number}`);
    expect(stale.body).toContain('<input type="hidden" name="version" value="2">');
    expect(stale.body).toContain('Save what you entered');
    expect(stale.body).toContain('Keep what is saved now');
    expect(await childRow(t, child.id)).toMatchObject({
      life_for_child: 'Saved in the <other> tab',
      good_enough: null,
      version: 2,
    });
    // The conflict page shows the case number, so it is audited as viewed.
    const views = await auditEntries(t, 'records.case-numbers-viewed', f.spotlightId);
    expect(views).toContainEqual({
      actorName: 'Mo Member',
      caseNumbers: [child.case_number],
      details: { view: 'child' },
    });

    // "Save what you entered" posts what was typed at the version saved now.
    const fields = hiddenFields(stale.body);
    expect(fields).toMatchObject({
      lifeForChild: 'Typed in this tab\nover two lines',
      version: '2',
    });
    const resaved = await mo.post(url, { ...fields, then: 'record' });
    expect(resaved.statusCode).toBe(303);
    expect(resaved.headers.location).toBe(recordUrl(f, recordId));
    expect(await childRow(t, child.id)).toMatchObject({
      life_for_child: 'Typed in this tab\nover two lines',
      good_enough: 'no',
      version: 3,
    });
  });

  it('refuses answers that are too long in the GOV.UK way, keeping what was typed', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId, children } = await openRecord(t, f, 'member3', 1);
    const child = children[0];
    if (!child) throw new Error('no child');
    const url = childUrl(f, recordId, child.id);
    const milo = await signInAs(f, 'member3');
    const response = await milo.post(url, {
      documentsRead: 'a'.repeat(5001),
      lifeForChild: 'Fine <b>here</b>',
      strengths: 'b'.repeat(5001),
      areasToDevelop: 'c'.repeat(5001),
      version: '1',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/<title>\s*Error: A child you reviewed - Spotlight/);
    expect(response.body).toContain('There is a problem');
    const summary = response.body.slice(response.body.indexOf('govuk-error-summary'));
    const order = ['#documentsRead', '#strengths', '#areasToDevelop'].map((href) =>
      summary.indexOf(`href="${href}"`),
    );
    expect(order.every((position) => position > -1)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(response.body).toContain('Which documents you read must be 5,000 characters or fewer');
    expect(response.body).toContain('Strengths must be 5,000 characters or fewer');
    expect(response.body).toContain('Areas to develop must be 5,000 characters or fewer');
    expect(response.body).toContain('Fine &lt;b&gt;here&lt;/b&gt;');
    expect(response.body).toContain('a'.repeat(5001));
    expect(await childRow(t, child.id)).toMatchObject({ documents_read: null, version: 1 });

    // At the limit, counted in characters (an emoji is one).
    const emoji = '👩🏽‍⚕️';
    const atLimit = emoji.repeat(Math.floor(5000 / [...emoji].length));
    const ok = await milo.post(url, {
      documentsRead: atLimit,
      strengths: 'z'.repeat(5000),
      version: '1',
    });
    expect(ok.statusCode).toBe(303);
    expect((await childRow(t, child.id))?.documents_read).toBe(atLimit);

    // A version missing or odd is a form that was tampered with.
    const odd = await milo.post(url, { strengths: 'ok', version: 'x' });
    expect(odd.statusCode).toBe(400);
    expect(odd.body).toContain('The form was not complete');
  });

  it('stores naughty strings in every field and shows them escaped', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId, children } = await openRecord(t, f, 'member1', 1);
    const child = children[0];
    if (!child) throw new Error('no child');
    const url = childUrl(f, recordId, child.id);
    const mo = await signInAs(f, 'member1');
    const lead = await signInAs(f, 'lead');
    const scripts = (html: string) => html.toLowerCase().split('<script').length;
    const layoutScripts = scripts((await lead.get(url)).body);
    const strings = [...blns, 'Null\u0000in the middle', '<script>alert(1)</script>'];
    const fields = [
      'documentsRead',
      'lifeForChild',
      'proportionateWhy',
      'goodEnoughWhy',
      'strengths',
      'areasToDevelop',
    ] as const;
    const columns = [
      'documents_read',
      'life_for_child',
      'proportionate_why',
      'good_enough_why',
      'strengths',
      'areas_to_develop',
    ] as const;
    let version = 1;
    for (let start = 0; start < strings.length; start += fields.length) {
      const batch = strings.slice(start, start + fields.length);
      const form: Record<string, string> = { version: String(version), then: 'stay' };
      batch.forEach((naughty, i) => {
        form[fields[i] ?? 'strengths'] = naughty;
      });
      const label = `batch from #${start}: ${JSON.stringify(batch)}`;
      const response = await mo.post(url, form);
      expect(response.statusCode, label).toBe(303);
      version += 1;
      const row = await childRow(t, child.id);
      batch.forEach((naughty, i) => {
        const stored = row?.[columns[i] ?? 'strengths'] ?? '';
        expect(stored, label).toBe(keptText(naughty));
        expect(hasControlCharacter(stored), label).toBe(false);
      });
      // The Lead reads them, escaped; the author sees them in the form, escaped.
      const page = await lead.get(url);
      expect(page.statusCode, label).toBe(200);
      for (const naughty of batch) {
        if (keptText(naughty) === '') continue;
        expect(page.body, JSON.stringify(naughty)).toContain(
          shownLines(keptText(naughty), escaped),
        );
      }
      expect(scripts(page.body), `no injected script, ${label}`).toBe(layoutScripts);
      const form2 = await mo.get(url);
      expect(form2.statusCode, label).toBe(200);
      expect(scripts(form2.body), `no injected script in the form, ${label}`).toBe(layoutScripts);
    }
  });

  it('shows the answers read-only to the Lead, other members, the QA team, and the author once submitted', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId, children } = await openRecord(t, f, 'member1');
    const child = children[2];
    if (!child) throw new Error('no child');
    const url = childUrl(f, recordId, child.id);
    const mo = await signInAs(f, 'member1');
    expect((await mo.post(url, { ...answers, version: '1' })).statusCode).toBe(303);

    for (const key of ['lead', 'member2', 'qa', 'hosQa'] as const) {
      const browser = await signInAs(f, key);
      const page = await browser.get(url);
      expect(page.statusCode, key).toBe(200);
      expect(page.body, key).not.toContain('name="documentsRead"');
      expect(page.body, key).not.toContain('data-autosave');
      const text = textOf(page.body);
      expect(text, key).toContain('A child Mo Member reviewed');
      expect(text, key).toContain(`LCS ${child.case_number}`);
      expect(text, key).toContain('A worker found challenging');
      expect(page.body, key).toContain(escaped(answers.documentsRead));
      expect(page.body, key).toContain(
        'Sam goes to school most days.<br />\n<br />\nHe says home is &quot;calmer&quot; now.',
      );
      expect(text, key).toContain('Is the help proportionate? About right');
      expect(text, key).toContain('Would this be good enough for my own family? Yes');
      const post = await browser.post(url, { strengths: 'Not mine to change', version: '2' });
      expect(post.statusCode, key).toBe(403);
      const auto = await autosave(browser, url, { strengths: 'Not mine', version: '2' });
      expect(auto.statusCode, key).toBe(403);
    }
    expect(await childRow(t, child.id)).toMatchObject({ strengths: answers.strengths, version: 2 });
    const views = await auditEntries(t, 'records.case-numbers-viewed', f.spotlightId);
    expect(views.map((v) => v.actorName).sort()).toEqual(
      ['Lena Lead', 'Maya Member', 'Priya QA', 'Helen Safeguarding'].sort(),
    );
    expect(views.every((v) => v.caseNumbers.join() === child.case_number)).toBe(true);

    // Once submitted, the author reads it too.
    await t.services.database.db
      .updateTable('member_record')
      .set({ status: 'submitted', submitted_at: t.clock.now().toISOString() })
      .where('id', '=', recordId)
      .execute();
    const mine = await mo.get(url);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).not.toContain('name="documentsRead"');
    expect(textOf(mine.body)).toContain('You have submitted your record');
  });

  it('refuses people outside the Spotlight Team and the QA team, and audits it', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId, children } = await openRecord(t, f, 'member1', 1);
    const child = children[0];
    if (!child) throw new Error('no child');
    const url = childUrl(f, recordId, child.id);
    for (const key of ['otherReviewer', 'teamManager', 'practitioner1', 'headOfService'] as const) {
      const browser = await signInAs(f, key);
      const page = await browser.get(url);
      expect(page.statusCode, key).toBe(403);
      expect(page.body).not.toContain(child.case_number);
      expect((await browser.post(url, { strengths: 'x', version: '1' })).statusCode, key).toBe(403);
    }
    expect(await auditEntries(t, 'records.case-numbers-viewed', f.spotlightId)).toEqual([]);
    expect(await auditEntries(t, 'spotlight.access-refused', f.spotlightId)).toHaveLength(8);
    expect((await childRow(t, child.id))?.version).toBe(1);
  });

  it('finds no child of another record, nor one that does not exist', async () => {
    const f = await addSpotlightFixture(t);
    const mine = await openRecord(t, f, 'member1', 1);
    const theirs = await openRecord(t, f, 'member2', 1);
    const theirChild = theirs.children[0];
    if (!theirChild) throw new Error('no child');
    const mo = await signInAs(f, 'member1');
    const wrong = childUrl(f, mine.recordId, theirChild.id);
    expect((await mo.get(wrong)).statusCode).toBe(404);
    expect((await mo.post(wrong, { strengths: 'x', version: '1' })).statusCode).toBe(404);
    expect((await mo.get(childUrl(f, mine.recordId, newId()))).statusCode).toBe(404);
    expect((await mo.get(childUrl(f, mine.recordId, 'not an id'))).statusCode).toBe(404);
    expect((await mo.get(childUrl(f, newId(), theirChild.id))).statusCode).toBe(404);
    // A record of another Spotlight is not found through this one.
    const other = await addSpotlightFixture(t);
    const elsewhere = await openRecord(t, other, 'member1', 1);
    const elsewhereChild = elsewhere.children[0];
    if (!elsewhereChild) throw new Error('no child');
    const across = `${recordUrl(f, elsewhere.recordId)}/children/${elsewhereChild.id}`;
    expect((await mo.get(across)).statusCode).toBe(404);
    expect((await childRow(t, theirChild.id))?.version).toBe(1);
  });
});
