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
  evidenceRows,
  evidenceUrl,
  hiddenFields,
  keptText,
  openRecord,
  recordRow,
  recordUrl,
  shownLines,
} from '../child/test-support.js';

const strength = {
  theme: 'oversight',
  source: 'conversation',
  kind: 'strength',
  seen: 'The Team Manager reads every assessment before it is signed off.\r\nWorkers say it helps.',
};

describe.each(testDialects())('evidence items in a record (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('adds an item, about a child or not, and shows what each question means', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId, children } = await openRecord(t, f, 'member1');
    const [random, proud] = children;
    if (!random || !proud) throw new Error('no children');
    const mo = await signInAs(f, 'member1');

    const form = await mo.get(evidenceUrl(f, recordId));
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain('data-autosave');
    expect(form.body).not.toContain('name="version"');
    const text = textOf(form.body);
    expect(text).toContain('Add evidence');
    expect(text).toContain('Culture of the team What is the culture of the team?');
    expect(text).toContain('Complaint, compliment or practice review');
    expect(text).toContain('Area for development');
    expect(text).toContain('What did you see, hear or read?');
    expect(text).toContain('Which child is this about? (optional)');
    expect(text).toContain(`LCS ${random.case_number} Chosen at random`);
    expect(text).toContain('Not about one child');
    expect(form.body).toMatch(/name="child" type="radio" value="none" checked/);
    const views = await auditEntries(t, 'records.case-numbers-viewed', f.spotlightId);
    expect(views).toEqual([
      {
        actorName: 'Mo Member',
        caseNumbers: children.map((c) => c.case_number),
        details: { view: 'evidence' },
      },
    ]);

    t.clock.set('2026-11-26T09:07:00.000Z');
    const saved = await mo.post(evidenceUrl(f, recordId), { ...strength, child: 'none' });
    expect(saved.statusCode).toBe(303);
    const [item] = await evidenceRows(t, recordId);
    expect(item).toMatchObject({
      theme: 'oversight',
      source: 'conversation',
      kind: 'strength',
      seen: 'The Team Manager reads every assessment before it is signed off.\nWorkers say it helps.',
      record_child_id: null,
      spotlight_id: f.spotlightId,
      version: 1,
    });
    expect(saved.headers.location).toBe(evidenceUrl(f, recordId, item?.id));
    expect((await recordRow(t, recordId)).updated_at).toBe('2026-11-26T09:07:00.000Z');
    expect((await recordRow(t, recordId)).version).toBe(1);
    const page = await mo.get(String(saved.headers.location));
    expect(textOf(page.body)).toContain('Evidence added');
    expect(page.body).toContain('data-autosave');
    expect(page.body).toContain('<input type="hidden" name="version" value="1">');

    t.clock.set('2026-11-26T09:08:00.000Z');
    const aboutChild = await mo.post(evidenceUrl(f, recordId), {
      theme: 'practice',
      source: 'case-record',
      kind: 'area',
      seen: 'No visit recorded for six weeks.',
      child: proud.id,
      then: 'record',
    });
    expect(aboutChild.statusCode).toBe(303);
    expect(aboutChild.headers.location).toBe(recordUrl(f, recordId));
    const rows = await evidenceRows(t, recordId);
    expect(rows[1]).toMatchObject({ kind: 'area', record_child_id: proud.id });

    const added = await auditEntries(t, 'records.evidence-added', f.spotlightId);
    expect(added).toEqual([
      {
        actorName: 'Mo Member',
        caseNumbers: [],
        details: {
          recordId,
          itemId: item?.id,
          theme: 'oversight',
          source: 'conversation',
          kind: 'strength',
        },
      },
      {
        actorName: 'Mo Member',
        caseNumbers: [proud.case_number],
        details: {
          recordId,
          itemId: rows[1]?.id,
          theme: 'practice',
          source: 'case-record',
          kind: 'area',
        },
      },
    ]);
    // What was seen never goes into the audit log.
    expect(JSON.stringify(added)).not.toContain('six weeks');
  });

  it('shows the errors in the GOV.UK way, keeping what was typed', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId } = await openRecord(t, f, 'member2', 1);
    const maya = await signInAs(f, 'member2');
    const nothing = await maya.post(evidenceUrl(f, recordId), { seen: '   ' });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toMatch(/<title>\s*Error: Add evidence - Spotlight/);
    expect(nothing.body).toContain('There is a problem');
    const summary = nothing.body.slice(nothing.body.indexOf('govuk-error-summary'));
    const order = ['#theme', '#source', '#kind', '#seen'].map((href) =>
      summary.indexOf(`href="${href}"`),
    );
    expect(order.every((position) => position > -1)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const message of [
      'Select the theme this evidence is about',
      'Select where the evidence came from',
      'Select whether this is a strength or an area for development',
      'Enter what you saw, heard or read',
    ]) {
      expect(nothing.body).toContain(message);
    }

    const tooLong = await maya.post(evidenceUrl(f, recordId), {
      ...strength,
      seen: `<i>${'x'.repeat(5000)}</i>`,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('What you saw, heard or read must be 5,000 characters or fewer');
    expect(tooLong.body).toContain(`&lt;i&gt;${'x'.repeat(5000)}&lt;/i&gt;`);
    expect(tooLong.body).toMatch(/name="theme" type="radio" value="oversight" checked/);

    // A child who is not in this record (removed meanwhile, or made up).
    const notHere = await maya.post(evidenceUrl(f, recordId), { ...strength, child: newId() });
    expect(notHere.statusCode).toBe(400);
    expect(notHere.body).toContain('Select one of the children in your record');
    const odd = await maya.post(evidenceUrl(f, recordId), { ...strength, child: 'x y\u0000' });
    expect(odd.statusCode).toBe(400);

    expect(await evidenceRows(t, recordId)).toEqual([]);
    expect(await auditEntries(t, 'records.evidence-added', f.spotlightId)).toEqual([]);
  });

  it('changes an item with a button or autosave, and shows a stale save both versions', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId, children } = await openRecord(t, f, 'member3');
    const child = children[0];
    if (!child) throw new Error('no child');
    const milo = await signInAs(f, 'member3');
    await milo.post(evidenceUrl(f, recordId), strength);
    const [item] = await evidenceRows(t, recordId);
    if (!item) throw new Error('no item');
    const url = evidenceUrl(f, recordId, item.id);

    const changed = await milo.post(url, {
      ...strength,
      kind: 'area',
      child: child.id,
      version: '1',
      then: 'stay',
    });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe(url);
    expect((await evidenceRows(t, recordId))[0]).toMatchObject({
      kind: 'area',
      record_child_id: child.id,
      version: 2,
    });
    expect(textOf((await milo.get(url)).body)).toContain('Saved');
    expect(await auditEntries(t, 'records.evidence-changed', f.spotlightId)).toEqual([
      {
        actorName: 'Milo Member',
        caseNumbers: [child.case_number],
        details: {
          recordId,
          itemId: item.id,
          theme: 'oversight',
          source: 'conversation',
          kind: 'area',
          version: 2,
        },
      },
    ]);

    const auto = await autosave(milo, url, {
      ...strength,
      seen: 'Autosaved text',
      child: child.id,
      version: '2',
    });
    expect(auto.statusCode).toBe(200);
    expect(auto.json()).toMatchObject({ saved: true, version: 3 });
    const staleAuto = await autosave(milo, url, { ...strength, seen: 'Old tab', version: '2' });
    expect(staleAuto.statusCode).toBe(409);
    expect(staleAuto.json()).toEqual({ conflict: true });
    const blank = await autosave(milo, url, { ...strength, seen: '', version: '3' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json()).toEqual({ saved: false, errors: ['Enter what you saw, heard or read'] });
    expect((await evidenceRows(t, recordId))[0]).toMatchObject({
      seen: 'Autosaved text',
      version: 3,
    });

    const stale = await milo.post(url, {
      theme: 'culture',
      source: 'observation',
      kind: 'strength',
      seen: 'Typed in <another> tab',
      child: 'none',
      version: '2',
      then: 'record',
    });
    expect(stale.statusCode).toBe(409);
    const text = textOf(stale.body);
    expect(text).toContain('This evidence was saved somewhere else');
    expect(text).toContain('What you entered has not been saved');
    expect(text).toContain('Theme Management oversight, challenge and support Culture of the team');
    expect(text).toContain(`Which child it is about LCS ${child.case_number} Not about one child`);
    expect(stale.body).toContain('Autosaved text');
    expect(stale.body).toContain('Typed in &lt;another&gt; tab');
    expect(stale.body).toContain('<input type="hidden" name="version" value="3">');
    expect((await evidenceRows(t, recordId))[0]?.version).toBe(3);

    const resaved = await milo.post(url, { ...hiddenFields(stale.body), then: 'record' });
    expect(resaved.statusCode).toBe(303);
    expect(resaved.headers.location).toBe(recordUrl(f, recordId));
    expect((await evidenceRows(t, recordId))[0]).toMatchObject({
      theme: 'culture',
      source: 'observation',
      seen: 'Typed in <another> tab',
      record_child_id: null,
      version: 4,
    });
  });

  it('removes an item after asking', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId, children } = await openRecord(t, f, 'member1', 1);
    const child = children[0];
    if (!child) throw new Error('no child');
    const mo = await signInAs(f, 'member1');
    await mo.post(evidenceUrl(f, recordId), { ...strength, child: child.id });
    const [item] = await evidenceRows(t, recordId);
    if (!item) throw new Error('no item');
    const removeUrl = `${evidenceUrl(f, recordId, item.id)}/remove`;
    const ask = await mo.get(removeUrl);
    expect(ask.statusCode).toBe(200);
    const text = textOf(ask.body);
    expect(text).toContain('Remove this evidence?');
    expect(text).toContain('Theme Management oversight, challenge and support');
    expect(text).toContain(`Which child it is about LCS ${child.case_number}`);

    expect((await (await signInAs(f, 'lead')).post(removeUrl, {})).statusCode).toBe(403);
    const removed = await mo.post(removeUrl, {});
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(recordUrl(f, recordId));
    expect(await evidenceRows(t, recordId)).toEqual([]);
    expect(await auditEntries(t, 'records.evidence-removed', f.spotlightId)).toEqual([
      {
        actorName: 'Mo Member',
        caseNumbers: [child.case_number],
        details: {
          recordId,
          itemId: item.id,
          theme: 'oversight',
          source: 'conversation',
          kind: 'strength',
        },
      },
    ]);
    expect((await mo.post(removeUrl, {})).statusCode).toBe(404);
    expect((await mo.get(evidenceUrl(f, recordId, item.id))).statusCode).toBe(404);
  });

  it('shows items read-only to the Lead, other members and the QA team, and refuses outsiders', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId, children } = await openRecord(t, f, 'member1');
    const child = children[1];
    if (!child) throw new Error('no child');
    const mo = await signInAs(f, 'member1');
    await mo.post(evidenceUrl(f, recordId), { ...strength, child: child.id });
    const [item] = await evidenceRows(t, recordId);
    if (!item) throw new Error('no item');
    const url = evidenceUrl(f, recordId, item.id);

    for (const key of ['lead', 'member2', 'qa'] as const) {
      const browser = await signInAs(f, key);
      const page = await browser.get(url);
      expect(page.statusCode, key).toBe(200);
      expect(page.body, key).not.toContain('name="seen"');
      const text = textOf(page.body);
      expect(text, key).toContain('Evidence from Mo Member');
      expect(text, key).toContain('Where it came from Conversation with staff');
      expect(text, key).toContain(`Which child it is about LCS ${child.case_number}`);
      expect(page.body, key).toContain(
        'The Team Manager reads every assessment before it is signed off.<br />\nWorkers say it helps.',
      );
      expect((await browser.post(url, { ...strength, version: '1' })).statusCode, key).toBe(403);
      expect((await browser.get(evidenceUrl(f, recordId))).statusCode, key).toBe(403);
      expect((await browser.post(evidenceUrl(f, recordId), strength)).statusCode, key).toBe(403);
    }
    const views = await auditEntries(t, 'records.case-numbers-viewed', f.spotlightId);
    // Each reader saw only the case number of the child the item is about.
    const byReaders = views
      .filter((view) => view.actorName !== 'Mo Member')
      .sort((a, b) => String(a.actorName).localeCompare(String(b.actorName)));
    expect(byReaders).toEqual(
      ['Lena Lead', 'Maya Member', 'Priya QA'].map((actorName) => ({
        actorName,
        caseNumbers: [child.case_number],
        details: { view: 'evidence' },
      })),
    );

    for (const key of ['otherReviewer', 'teamManager', 'practitioner1'] as const) {
      const browser = await signInAs(f, key);
      const page = await browser.get(url);
      expect(page.statusCode, key).toBe(403);
      expect(page.body, key).not.toContain('assessment');
      expect((await browser.post(url, { ...strength, version: '1' })).statusCode, key).toBe(403);
    }
    expect(await evidenceRows(t, recordId)).toHaveLength(1);
    expect((await evidenceRows(t, recordId))[0]?.version).toBe(1);
  });

  it('finds no item of another record, nor one that does not exist', async () => {
    const f = await addSpotlightFixture(t);
    const mine = await openRecord(t, f, 'member1', 0);
    const theirs = await openRecord(t, f, 'member2', 0);
    const maya = await signInAs(f, 'member2');
    await maya.post(evidenceUrl(f, theirs.recordId), strength);
    const [item] = await evidenceRows(t, theirs.recordId);
    if (!item) throw new Error('no item');
    const mo = await signInAs(f, 'member1');
    const wrong = evidenceUrl(f, mine.recordId, item.id);
    expect((await mo.get(wrong)).statusCode).toBe(404);
    expect((await mo.post(wrong, { ...strength, version: '1' })).statusCode).toBe(404);
    expect((await mo.get(`${wrong}/remove`)).statusCode).toBe(404);
    expect((await mo.post(`${wrong}/remove`, {})).statusCode).toBe(404);
    expect((await mo.get(evidenceUrl(f, mine.recordId, newId()))).statusCode).toBe(404);
    expect((await evidenceRows(t, theirs.recordId))[0]?.version).toBe(1);
  });

  it('stores naughty strings as typed (without hidden control characters) and shows them escaped', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId } = await openRecord(t, f, 'member1', 0);
    const mo = await signInAs(f, 'member1');
    const lead = await signInAs(f, 'lead');
    await mo.post(evidenceUrl(f, recordId), strength);
    const [item] = await evidenceRows(t, recordId);
    if (!item) throw new Error('no item');
    const url = evidenceUrl(f, recordId, item.id);
    const scripts = (html: string) => html.toLowerCase().split('<script').length;
    const layoutScripts = scripts((await lead.get(url)).body);
    const strings = [...blns, 'Null\u0000in the middle', '<script>alert(1)</script>'];
    let version = 1;
    // Several at a time, one a line: each stored without hidden control characters.
    for (let start = 0; start < strings.length; start += 8) {
      const batch = strings.slice(start, start + 8);
      const seen = batch.join('\n');
      const label = `batch from #${start}: ${JSON.stringify(batch)}`;
      if (keptText(seen) === '') continue;
      const response = await mo.post(url, { ...strength, seen, version: String(version) });
      expect(response.statusCode, label).toBe(303);
      version += 1;
      const [row] = await evidenceRows(t, recordId);
      expect(row?.seen, label).toBe(keptText(seen));
      expect(hasControlCharacter(row?.seen ?? ''), label).toBe(false);
      const page = await lead.get(url);
      expect(page.body, label).toContain(shownLines(keptText(seen), escaped));
      expect(scripts(page.body), label).toBe(layoutScripts);
      const form = await mo.get(url);
      expect(form.body, label).toContain(escaped(keptText(seen)));
      expect(scripts(form.body), label).toBe(layoutScripts);
    }
    // Blank once cleaned: "Enter what you saw, heard or read", never a 500.
    for (const blank of strings.filter((s) => keptText(s) === '')) {
      const response = await autosave(mo, url, {
        ...strength,
        seen: blank,
        version: String(version),
      });
      expect(response.statusCode, JSON.stringify(blank)).toBe(422);
    }
  });
});
