import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import {
  addSpotlightFixture,
  type SpotlightFixture,
} from '../../../../../test/spotlight-fixture.js';
import { auditEntries, signInAs, textOf } from '../../../day/pages/day/test-support.js';
import {
  addChild,
  addEvidence,
  addRecord,
  boardHref,
  findingsHref,
  sectionOf,
  themeHref,
} from './test-support.js';

const caseNumbers = ['7001001', '7001002', '7001003', '8002001', '8002002', '8002003'];

/**
 * Two members' records for the practice theme: Mo's submitted, Maya's a draft. Case records show
 * both kinds; conversations and observation show strengths. Another Spotlight has evidence too.
 */
async function addScene(t: TestApp, f: SpotlightFixture) {
  const mo = await addRecord(t, f, 'member1', {
    status: 'submitted',
    notes: { practice: 'Supervision is monthly.\nCase notes are up to date.' },
  });
  const maya = await addRecord(t, f, 'member2', {
    notes: { practice: 'Workers feel <stretched> & tired' },
  });
  const ellie = await addChild(t, f, mo, {
    caseNumber: '7001001',
    kind: 'random',
    life: 'Settled at school.\nSees dad on Saturdays.',
    proportionate: 'about-right',
    proportionateWhy: 'Visits match the plan',
    goodEnough: 'yes',
    goodEnoughWhy: 'Warm and timely help',
  });
  await addChild(t, f, mo, {
    caseNumber: '7001002',
    kind: 'proud',
    proportionate: 'about-right',
    goodEnough: 'yes',
  });
  await addChild(t, f, mo, {
    caseNumber: '7001003',
    kind: 'challenging',
    proportionate: 'too-little',
    proportionateWhy: 'Visits were missed in the summer',
    goodEnough: 'no',
    goodEnoughWhy: 'No plan for three months',
  });
  const sam = await addChild(t, f, maya, {
    caseNumber: '8002001',
    system: 'EHM',
    kind: 'random',
    proportionate: 'about-right',
    goodEnough: 'yes',
  });
  for (const caseNumber of ['8002002', '8002003']) {
    await addChild(t, f, maya, {
      caseNumber,
      system: 'EHM',
      proportionate: 'about-right',
      goodEnough: 'yes',
    });
  }
  const ids = {
    planWithChild: await addEvidence(t, f, mo, {
      source: 'case-record',
      theme: 'practice',
      kind: 'strength',
      seen: 'Plans are written with the child.\nTheir views are quoted.',
      childId: ellie,
    }),
    homeVisit: await addEvidence(t, f, mo, {
      source: 'observation',
      theme: 'practice',
      kind: 'strength',
      seen: 'A warm home visit: the worker listened',
    }),
    supervisionHelps: await addEvidence(t, f, maya, {
      source: 'conversation',
      theme: 'practice',
      kind: 'strength',
      seen: 'Staff say supervision helps them think',
    }),
    chronologies: await addEvidence(t, f, maya, {
      source: 'case-record',
      theme: 'practice',
      kind: 'area',
      seen: 'Chronologies are out of date',
      childId: sam,
    }),
    displayBoard: await addEvidence(t, f, mo, {
      source: 'team-environment',
      theme: 'culture',
      kind: 'strength',
      seen: 'The display board celebrates success',
    }),
  };
  const other = await addRecord(t, f, 'otherReviewer', { spotlightId: f.otherSpotlightId });
  const otherChild = await addChild(t, f, other, {
    caseNumber: '9999999',
    spotlightId: f.otherSpotlightId,
  });
  await addEvidence(t, f, other, {
    source: 'case-record',
    theme: 'practice',
    kind: 'area',
    seen: 'Evidence from another Spotlight',
    childId: otherChild,
    spotlightId: f.otherSpotlightId,
  });
  return ids;
}

describe.each(testDialects())('the triangulation board (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('shows each theme with its counts and how many records are submitted', async () => {
    const f = await addSpotlightFixture(t);
    await addScene(t, f);
    for (const key of ['lead', 'member3', 'qa', 'hosQa'] as const) {
      const page = await (await signInAs(f, key)).get(boardHref(f));
      expect(page.statusCode, key).toBe(200);
      const text = textOf(page.body);
      expect(text).toContain('1 of 3 records submitted');
      expect(text).toContain('Not submitted yet: Maya Member, Milo Member');
      expect(text).toContain(
        'Quality of practice Strengths 3 Areas for development 1 Kinds of source 3 Team members who added evidence 2 Key findings 0 From a draft record 2 items of evidence',
      );
      expect(text).toContain(
        'Culture of the team Strengths 1 Areas for development 0 Kinds of source 1 Team members who added evidence 1 Key findings 0 See',
      );
      expect(text).toContain(
        'Systemic issues Strengths 0 Areas for development 0 Kinds of source 0 Team members who added evidence 0 Key findings 0 See',
      );
      expect(text).toContain('Help about right for 5 children, too little for 1');
      expect(text).toContain('Good enough for my own family: 5 yes, 1 no');
      expect(page.body).toContain(`href="${themeHref(f, 'quality-assurance')}"`);
      // Counts only: no case numbers on this page, so nothing to audit.
      for (const n of [...caseNumbers, '9999999']) expect(page.body).not.toContain(n);
    }
    expect(await auditEntries(t, 'triangulation.case-numbers-viewed', f.spotlightId)).toEqual([]);
  });

  it('shows every member’s evidence side by side, grouped by source, with the draft tag', async () => {
    const f = await addSpotlightFixture(t);
    await addScene(t, f);
    const page = await (await signInAs(f, 'member3')).get(themeHref(f, 'practice'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<title>\s*Triangulation: Quality of practice - Spotlight/);

    const evidence = sectionOf(page.body, 'evidence', 'notes');
    // Sources in the guidance's order; only sources with evidence.
    const order = ['Case record', 'Conversation with staff', 'Observation of practice'].map((n) =>
      evidence.indexOf(`>${n}</h3>`),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(evidence).not.toContain('Team environment');
    expect(evidence).not.toContain('display board');
    expect(page.body).not.toContain('Evidence from another Spotlight');
    expect(page.body).not.toContain('9999999');

    // Case records: Mo's strength beside Maya's area for development, in two halves that stack.
    const caseRecords = sectionOf(evidence, 'source-case-record', 'source-conversation');
    expect(caseRecords.match(/govuk-grid-column-one-half/g)).toHaveLength(2);
    const [strengths, areas] = caseRecords.split(
      '<h4 class="govuk-heading-s">Areas for development',
    );
    expect(textOf(`<main>${strengths ?? ''}</main>`)).toContain(
      'Strengths Plans are written with the child. Their views are quoted. Mo Member – LCS 7001001',
    );
    expect(strengths).toContain('Plans are written with the child.<br>Their views are quoted.');
    expect(strengths).not.toContain('From a draft record');
    expect(textOf(`<main>${areas ?? ''}</main>`)).toContain(
      'Chronologies are out of date Maya Member – EHM 8002001 From a draft record',
    );
    const conversation = sectionOf(evidence, 'source-conversation', 'source-observation');
    expect(textOf(`<main>${conversation}</main>`)).toContain(
      'Staff say supervision helps them think Maya Member From a draft record',
    );
    expect(textOf(`<main>${conversation}</main>`)).toContain(
      'No areas for development from this source.',
    );
    expect(textOf(page.body)).toContain('2 items of evidence are from a draft record');
  });

  it('says where the sources agree or conflict', async () => {
    const f = await addSpotlightFixture(t);
    await addScene(t, f);
    const page = await (await signInAs(f, 'lead')).get(themeHref(f, 'practice'));
    const summary = textOf(`<main>${sectionOf(page.body, 'agree-or-conflict', 'evidence')}</main>`);
    expect(summary).toContain(
      'Strengths were seen in conversations with staff and observation of practice.',
    );
    expect(summary).toContain(
      'Case records show areas for development, but conversations with staff and observation of practice describe strengths: talk this through.',
    );
    expect(summary).toContain(
      'Case records show both strengths and areas for development: talk this through.',
    );
    expect(summary).toContain(
      'Case record 1 1 Conversation with staff 1 0 Observation of practice 1 0',
    );

    const culture = await (await signInAs(f, 'lead')).get(themeHref(f, 'culture'));
    expect(textOf(culture.body)).toContain(
      'Strengths were seen only in the team environment so far: look for another source to check it against.',
    );
    const systemic = await (await signInAs(f, 'lead')).get(themeHref(f, 'systemic'));
    expect(textOf(systemic.body)).toContain('No evidence has been recorded for this theme yet.');
  });

  it('shows what team members wrote and what children experience, and audits the case numbers shown', async () => {
    const f = await addSpotlightFixture(t);
    await addScene(t, f);
    const page = await (await signInAs(f, 'qa')).get(themeHref(f, 'practice'));
    const notes = sectionOf(page.body, 'notes', 'children');
    expect(notes).toContain('Supervision is monthly.<br>Case notes are up to date.');
    expect(notes).toContain('Workers feel &lt;stretched&gt; &amp; tired');
    expect(textOf(`<main>${notes}</main>`)).toContain('Maya Member From a draft record');

    const children = sectionOf(page.body, 'children', 'key-findings');
    const text = textOf(`<main>${children}</main>`);
    expect(text).toContain('Help about right for 5 children, too little for 1');
    expect(text).toContain('Good enough for my own family: 5 yes, 1 no');
    expect(text).toContain(
      'LCS 7001001 Why chosen Chosen at random Reviewed by Mo Member What life is like for the child Settled at school. Sees dad on Saturdays. Is the help proportionate? About right Visits match the plan Good enough for my own family? Yes Warm and timely help',
    );
    expect(children).toContain('Settled at school.<br>Sees dad on Saturdays.');
    expect(text).toContain(
      'LCS 7001003 Why chosen A worker found challenging Reviewed by Mo Member What life is like for the child Not written yet Is the help proportionate? Too little Visits were missed in the summer Good enough for my own family? No No plan for three months',
    );
    expect(text).toContain(
      'EHM 8002001 Why chosen Chosen at random Reviewed by Maya Member From a draft record',
    );
    for (const n of caseNumbers) expect(children).toContain(n);
    // The same children on every theme's page.
    const culture = await (await signInAs(f, 'qa')).get(themeHref(f, 'culture'));
    for (const n of caseNumbers) expect(culture.body).toContain(n);

    const audit = await auditEntries(t, 'triangulation.case-numbers-viewed', f.spotlightId);
    // Entries in the same millisecond have no order between them.
    const byView = (view: string) => audit.find((a) => a.details.view === view);
    expect(audit).toHaveLength(2);
    expect(byView('triangulation-practice')?.actorName).toBe('Priya QA');
    expect([...(byView('triangulation-practice')?.caseNumbers ?? [])].sort()).toEqual(caseNumbers);
    expect([...(byView('triangulation-culture')?.caseNumbers ?? [])].sort()).toEqual(caseNumbers);
  });

  it('gives members and the QA team the board read-only', async () => {
    const f = await addSpotlightFixture(t);
    await addScene(t, f);
    const lead = await signInAs(f, 'lead');
    const added = await lead.post(`${findingsHref(f, 'practice')}/new`, {
      kind: 'strength',
      text: 'Plans are written with children',
    });
    expect(added.statusCode).toBe(303);
    const leadPage = await lead.get(themeHref(f, 'practice'));
    expect(leadPage.body).toContain(`href="${findingsHref(f, 'practice')}/new"`);
    const [findingId] = /key-findings\/([0-9a-f-]{36})"/.exec(leadPage.body)?.slice(1) ?? [];
    expect(findingId).toBeDefined();

    for (const key of ['member1', 'member2', 'qa', 'hosQa'] as const) {
      const browser = await signInAs(f, key);
      const page = await browser.get(themeHref(f, 'practice'));
      expect(page.statusCode, key).toBe(200);
      expect(textOf(page.body)).toContain('Plans are written with children');
      expect(page.body, key).not.toContain('/key-findings/');
      expect(page.body).not.toContain('Add a key finding');
      const base = findingsHref(f, 'practice');
      expect((await browser.get(`${base}/new`)).statusCode, key).toBe(403);
      expect((await browser.get(`${base}/${findingId}`)).statusCode, key).toBe(403);
      expect((await browser.get(`${base}/${findingId}/remove`)).statusCode, key).toBe(403);
      const posts = [
        browser.post(`${base}/new`, { kind: 'area', text: 'Mine' }),
        browser.post(`${base}/new`, {}),
        browser.post(`${base}/${findingId}`, { kind: 'area', text: 'Mine', version: '1' }),
        browser.post(`${base}/${findingId}/remove`),
      ];
      for (const response of await Promise.all(posts)) expect(response.statusCode, key).toBe(403);
    }
    const rows = await t.services.database.db
      .selectFrom('key_finding')
      .select(['text', 'version'])
      .where('spotlight_id', '=', f.spotlightId)
      .execute();
    expect(rows).toEqual([{ text: 'Plans are written with children', version: 1 }]);
  });

  it('refuses outsiders, and audits it', async () => {
    const f = await addSpotlightFixture(t);
    await addScene(t, f);
    const urls = [boardHref(f), themeHref(f, 'practice'), `${findingsHref(f, 'practice')}/new`];
    for (const key of ['teamManager', 'otherReviewer', 'headOfService', 'practitioner1'] as const) {
      const browser = await signInAs(f, key);
      for (const url of urls) {
        const page = await browser.get(url);
        expect(page.statusCode, `${key} ${url}`).toBe(403);
        for (const n of caseNumbers) expect(page.body).not.toContain(n);
      }
      const post = await browser.post(`${findingsHref(f, 'practice')}/new`, {
        kind: 'strength',
        text: 'Not mine to add',
      });
      expect(post.statusCode, key).toBe(403);
    }
    const refusals = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
    expect(refusals.filter((r) => r.actorName === 'Tina Morgan')).toHaveLength(4);
    expect(refusals.filter((r) => r.actorName === 'Olly Other')).toHaveLength(4);
    expect(await auditEntries(t, 'triangulation.case-numbers-viewed', f.spotlightId)).toEqual([]);
  });

  it('answers a theme that does not exist with page not found', async () => {
    const f = await addSpotlightFixture(t);
    const lead = await signInAs(f, 'lead');
    for (const slug of ['not-a-theme', 'quality_assurance', 'Culture', '%00', 'culture%20']) {
      const url = `${boardHref(f)}/${slug}`;
      expect((await lead.get(url)).statusCode, slug).toBe(404);
      expect((await lead.get(`${url}/key-findings/new`)).statusCode, slug).toBe(404);
      expect(
        (await lead.post(`${url}/key-findings/new`, { kind: 'strength', text: 'x' })).statusCode,
      ).toBe(404);
    }
    expect((await lead.get(`${themeHref(f, 'culture')}/key-findings/nope`)).statusCode).toBe(404);
    const page = await lead.get(`/spotlights/${f.otherSpotlightId}/triangulation`);
    expect(page.statusCode).toBe(403);
  });
});
