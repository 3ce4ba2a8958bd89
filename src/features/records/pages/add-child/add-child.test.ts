import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { auditEntries, signInAs, textOf } from '../../../day/pages/day/test-support.js';
import {
  allocateCaseNumber,
  childRow,
  childRows,
  childUrl,
  evidenceRows,
  evidenceUrl,
  openRecord,
  recordUrl,
} from '../child/test-support.js';

describe.each(testDialects())('adding and removing another child reviewed (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('adds a child by case number, sent only in the form, and goes to their page', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId } = await openRecord(t, f, 'member1');
    const mo = await signInAs(f, 'member1');
    const url = `${recordUrl(f, recordId)}/children/new`;
    const form = await mo.get(url);
    expect(form.statusCode).toBe(200);
    const text = textOf(form.body);
    expect(text).toContain('Add another child you reviewed');
    expect(text).toContain('LCS numbers are 6 to 8 digits, like 123456.');
    expect(text).toContain('EHM numbers are EHM then 6 to 8 digits, like EHM123456.');
    // The team's recording system is chosen to start with.
    expect(form.body).toMatch(/name="caseSystem" type="radio" value="LCS" checked/);

    const added = await mo.post(url, { caseSystem: 'LCS', caseNumber: ' 12-345 67 ' });
    expect(added.statusCode).toBe(303);
    const rows = await childRows(t, recordId);
    expect(rows).toHaveLength(4);
    const child = rows.find((r) => r.case_number === '1234567');
    expect(child).toMatchObject({
      kind: 'other',
      position: 4,
      allocation_id: null,
      case_system: 'LCS',
      version: 1,
    });
    expect(added.headers.location).toBe(childUrl(f, recordId, child?.id ?? ''));
    expect(String(added.headers.location)).not.toContain('1234567');
    expect(await auditEntries(t, 'records.child-added', f.spotlightId)).toEqual([
      {
        actorName: 'Mo Member',
        caseNumbers: ['1234567'],
        details: { recordId, childId: child?.id, caseSystem: 'LCS' },
      },
    ]);
    const page = await mo.get(String(added.headers.location));
    expect(textOf(page.body)).toContain('Child added. Answer the questions about them below');
    expect(textOf(page.body)).toContain('Case number LCS 1234567');
    expect(textOf(page.body)).toContain('Why chosen Also reviewed');
    expect(page.body).toContain('Remove this child from your record');

    // An EHM number, in the EHM format.
    const ehm = await mo.post(url, { caseSystem: 'EHM', caseNumber: 'ehm 7654321' });
    expect(ehm.statusCode).toBe(303);
    expect((await childRows(t, recordId)).map((r) => r.case_number)).toContain('EHM7654321');
  });

  it('refuses a number in the wrong format, or none, in the GOV.UK way', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId } = await openRecord(t, f, 'member2', 0);
    const maya = await signInAs(f, 'member2');
    const url = `${recordUrl(f, recordId)}/children/new`;

    const nothing = await maya.post(url, {});
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toMatch(/<title>\s*Error: Add another child you reviewed - Spotlight/);
    expect(nothing.body).toContain('There is a problem');
    expect(nothing.body).toContain('Select whether the child’s record is in LCS or EHM');
    expect(nothing.body).toContain('Enter the child’s LCS or EHM number');
    const summary = nothing.body.slice(nothing.body.indexOf('govuk-error-summary'));
    expect(summary.indexOf('href="#caseSystem"')).toBeLessThan(
      summary.indexOf('href="#caseNumber"'),
    );

    const wrong = await maya.post(url, { caseSystem: 'LCS', caseNumber: '12<b>3' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain(
      'Enter the LCS number in the right format. LCS numbers are 6 to 8 digits, like 123456',
    );
    expect(wrong.body).toContain('value="12&lt;b&gt;3"');

    const ehmAsLcs = await maya.post(url, { caseSystem: 'EHM', caseNumber: '1234567' });
    expect(ehmAsLcs.statusCode).toBe(400);
    expect(ehmAsLcs.body).toContain('Enter the EHM number in the right format');

    const tampered = await maya.post(url, { caseSystem: 'Other', caseNumber: '1234567' });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain('Select whether the child’s record is in LCS or EHM');

    expect(await childRows(t, recordId)).toEqual([]);
    expect(await auditEntries(t, 'records.child-added', f.spotlightId)).toEqual([]);
  });

  it('refuses a child already in the record, and more than the most a member may add', async () => {
    const f = await addSpotlightFixture(t);
    await allocateCaseNumber(t, f, 'member3', 'random', '7000001');
    const { recordId } = await openRecord(t, f, 'member3', 0);
    const milo = await signInAs(f, 'member3');
    const url = `${recordUrl(f, recordId)}/children/new`;

    const allocated = await milo.post(url, { caseSystem: 'LCS', caseNumber: '7000001' });
    expect(allocated.statusCode).toBe(400);
    expect(allocated.body).toContain('This child is already in your record');

    expect((await milo.post(url, { caseSystem: 'LCS', caseNumber: '7000002' })).statusCode).toBe(
      303,
    );
    const twice = await milo.post(url, { caseSystem: 'LCS', caseNumber: '7000-002' });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('This child is already in your record');

    for (let n = 3; n <= 13; n += 1) {
      const response = await milo.post(url, { caseSystem: 'LCS', caseNumber: `${7000000 + n}` });
      expect(response.statusCode, `child ${n}`).toBe(303);
    }
    expect(await childRows(t, recordId)).toHaveLength(13);
    const tooMany = await milo.post(url, { caseSystem: 'LCS', caseNumber: '7000099' });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain(
      'You can add up to 12 children besides the children allocated to you',
    );
    const full = await milo.get(url);
    expect(full.statusCode).toBe(200);
    expect(full.body).not.toContain('name="caseNumber"');
    expect(textOf(full.body)).toContain('You have added 12 children');
    expect(await childRows(t, recordId)).toHaveLength(13);
  });

  it('removes a child the author added, keeping evidence about them, after asking', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId, children } = await openRecord(t, f, 'member1', 1);
    const mo = await signInAs(f, 'member1');
    await mo.post(`${recordUrl(f, recordId)}/children/new`, {
      caseSystem: 'LCS',
      caseNumber: '8000001',
    });
    const added = (await childRows(t, recordId)).find((r) => r.case_number === '8000001');
    if (!added) throw new Error('not added');
    const evidence = await mo.post(evidenceUrl(f, recordId), {
      theme: 'practice',
      source: 'case-record',
      kind: 'strength',
      seen: 'A clear chronology.',
      child: added.id,
    });
    expect(evidence.statusCode).toBe(303);

    const removeUrl = `${childUrl(f, recordId, added.id)}/remove`;
    const ask = await mo.get(removeUrl);
    expect(ask.statusCode).toBe(200);
    const text = textOf(ask.body);
    expect(text).toContain('Remove this child from your record?');
    expect(text).toContain('LCS 8000001, a child you added.');
    expect(text).toContain(
      'Your 1 evidence item about this child will be kept, as evidence not about one child.',
    );
    expect(await auditEntries(t, 'records.case-numbers-viewed', f.spotlightId)).toContainEqual({
      actorName: 'Mo Member',
      caseNumbers: ['8000001'],
      details: { view: 'remove-child' },
    });

    // Nobody else may remove it.
    const maya = await signInAs(f, 'member2');
    expect((await maya.get(removeUrl)).statusCode).toBe(403);
    expect((await maya.post(removeUrl, {})).statusCode).toBe(403);

    const removed = await mo.post(removeUrl, {});
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(recordUrl(f, recordId));
    expect(await childRow(t, added.id)).toBeUndefined();
    const [kept] = await evidenceRows(t, recordId);
    expect(kept).toMatchObject({ seen: 'A clear chronology.', record_child_id: null });
    expect(await auditEntries(t, 'records.child-removed', f.spotlightId)).toEqual([
      {
        actorName: 'Mo Member',
        caseNumbers: ['8000001'],
        details: { recordId, childId: added.id, evidenceKept: 1 },
      },
    ]);
    expect((await mo.post(removeUrl, {})).statusCode).toBe(404);

    // A child the Lead allocated cannot be removed here.
    const allocated = children[0];
    if (!allocated) throw new Error('no child');
    const allocatedRemove = `${childUrl(f, recordId, allocated.id)}/remove`;
    expect((await mo.get(allocatedRemove)).statusCode).toBe(404);
    expect((await mo.post(allocatedRemove, {})).statusCode).toBe(404);
    expect(await childRow(t, allocated.id)).toBeDefined();
    expect((await mo.get(childUrl(f, recordId, allocated.id))).body).not.toContain(
      'Remove this child from your record',
    );
  });

  it('refuses the Lead, other members, the QA team and outsiders', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId } = await openRecord(t, f, 'member1', 0);
    const url = `${recordUrl(f, recordId)}/children/new`;
    for (const key of ['lead', 'member2', 'qa', 'otherReviewer', 'teamManager'] as const) {
      const browser = await signInAs(f, key);
      expect((await browser.get(url)).statusCode, key).toBe(403);
      const post = await browser.post(url, { caseSystem: 'LCS', caseNumber: '1234567' });
      expect(post.statusCode, key).toBe(403);
    }
    expect(await childRows(t, recordId)).toEqual([]);
  });
});
