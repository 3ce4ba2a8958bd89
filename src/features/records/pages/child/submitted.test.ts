import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { auditEntries, signInAs, textOf } from '../../../day/pages/day/test-support.js';
import {
  autosave,
  childRows,
  childUrl,
  evidenceRows,
  evidenceUrl,
  markSubmitted,
  openRecord,
  recordRow,
  recordUrl,
} from './test-support.js';

describe.each(testDialects())('a submitted record (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('refuses every change to its children and evidence with a clear page, changing nothing', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId, children } = await openRecord(t, f, 'member2', 1);
    const allocated = children[0];
    if (!allocated) throw new Error('no child');
    const maya = await signInAs(f, 'member2');
    await maya.post(`${recordUrl(f, recordId)}/children/new`, {
      caseSystem: 'LCS',
      caseNumber: '5550001',
    });
    const added = (await childRows(t, recordId)).find((c) => c.case_number === '5550001');
    if (!added) throw new Error('not added');
    const evidence = {
      theme: 'culture',
      source: 'team-environment',
      kind: 'strength',
      seen: 'A calm office.',
    };
    await maya.post(evidenceUrl(f, recordId), evidence);
    const [item] = await evidenceRows(t, recordId);
    if (!item) throw new Error('no item');

    t.clock.set('2026-11-26T09:20:00.000Z');
    await markSubmitted(t, recordId);
    const before = {
      record: await recordRow(t, recordId),
      children: await childRows(t, recordId),
      evidence: await evidenceRows(t, recordId),
      audit: (await auditEntries(t, 'records.child-saved', f.spotlightId)).length,
    };

    const attempts: [string, 'GET' | 'POST', Record<string, string>][] = [
      [childUrl(f, recordId, allocated.id), 'POST', { strengths: 'Late change', version: '1' }],
      [`${recordUrl(f, recordId)}/children/new`, 'GET', {}],
      [
        `${recordUrl(f, recordId)}/children/new`,
        'POST',
        { caseSystem: 'LCS', caseNumber: '5550002' },
      ],
      [`${childUrl(f, recordId, added.id)}/remove`, 'GET', {}],
      [`${childUrl(f, recordId, added.id)}/remove`, 'POST', {}],
      [evidenceUrl(f, recordId), 'GET', {}],
      [evidenceUrl(f, recordId), 'POST', evidence],
      [evidenceUrl(f, recordId, item.id), 'POST', { ...evidence, seen: 'Changed', version: '1' }],
      [`${evidenceUrl(f, recordId, item.id)}/remove`, 'GET', {}],
      [`${evidenceUrl(f, recordId, item.id)}/remove`, 'POST', {}],
    ];
    for (const [url, method, form] of attempts) {
      const label = `${method} ${url}`;
      const response = method === 'GET' ? await maya.get(url) : await maya.post(url, form);
      expect(response.statusCode, label).toBe(409);
      expect(response.body, label).toMatch(/<title>\s*Your record has been submitted - Spotlight/);
      expect(textOf(response.body), label).toContain('Nothing has been changed');
      expect(textOf(response.body), label).toContain('ask the Lead to reopen it');
    }
    // Autosave is told to stop.
    const auto = await autosave(maya, childUrl(f, recordId, allocated.id), {
      strengths: 'Late',
      version: '1',
    });
    expect(auto.statusCode).toBe(409);
    expect(auto.json()).toEqual({ conflict: true });
    const autoItem = await autosave(maya, evidenceUrl(f, recordId, item.id), {
      ...evidence,
      version: '1',
    });
    expect(autoItem.statusCode).toBe(409);

    // The pages still read well: read-only, with no form.
    const page = await maya.get(childUrl(f, recordId, allocated.id));
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('name="strengths"');
    const itemPage = await maya.get(evidenceUrl(f, recordId, item.id));
    expect(itemPage.statusCode).toBe(200);
    expect(itemPage.body).not.toContain('name="seen"');
    expect(textOf(itemPage.body)).toContain('You have submitted your record');

    expect(await recordRow(t, recordId)).toEqual(before.record);
    expect(await childRows(t, recordId)).toEqual(before.children);
    expect(await evidenceRows(t, recordId)).toEqual(before.evidence);
    expect(await auditEntries(t, 'records.child-saved', f.spotlightId)).toHaveLength(before.audit);
    for (const action of ['records.child-added', 'records.evidence-added']) {
      expect(await auditEntries(t, action, f.spotlightId), action).toHaveLength(1);
    }
    for (const action of [
      'records.child-removed',
      'records.evidence-changed',
      'records.evidence-removed',
    ]) {
      expect(await auditEntries(t, action, f.spotlightId), action).toEqual([]);
    }
  });
});
