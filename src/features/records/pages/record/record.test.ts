import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { auditEntries, signInAs, textOf } from '../../../day/pages/day/test-support.js';
import {
  addEvidence,
  answerChild,
  childRows,
  openOwnRecord,
  recordsPath,
  withVersion,
} from './test-support.js';

describe.each(testDialects())('the record page (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('shows its author each part of their draft, with where to change it', async () => {
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member1');
    const children = await childRows(t, recordId);
    const [random, proud] = children;
    await answerChild(t, random?.id ?? '');
    await t.services.database.db
      .updateTable('record_child')
      .set({ documents_read: 'Only the plan' })
      .where('id', '=', proud?.id ?? '')
      .execute();
    const long = `${'Supervision notes show reflection. '.repeat(10)}END`;
    const itemId = await addEvidence(t, f, recordId, {
      theme: 'oversight',
      source: 'case-record',
      kind: 'strength',
      seen: long,
      childId: random?.id ?? '',
    });
    await browser.post(`${path}/themes`, { ...withVersion(1), culture: 'Warm and busy' });

    const page = await browser.get(path);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Your Team Member Information Record');
    expect(text).toContain('Culture of the team Written');
    expect(text).toContain('Quality of practice Not written yet');
    expect(page.body).toContain(`href="${path}/themes#culture"`);
    for (const [i, child] of children.entries()) {
      expect(text).toContain(`LCS ${child.case_number}`);
      expect(page.body).toContain(`href="${path}/children/${child.id}"`);
      const progress = ['All questions answered', 'In progress', 'Not started'][i];
      const why = ['Chosen at random', 'A worker is proud of', 'A worker found challenging'][i];
      expect(text).toContain(`Why chosen ${why} Questions ${progress}`);
    }
    expect(page.body).toContain(`href="${path}/children/new"`);
    expect(text).toContain('Add another child you reviewed');
    // Evidence: theme, source, strength or area, and the first 200 characters of what was seen.
    expect(text).toContain(
      `Theme Management oversight, challenge and support Source Case record Strength or area Strength What you saw ${long.slice(0, 200).trimEnd()}…`,
    );
    expect(text).not.toContain('END');
    expect(text).toContain(`About LCS ${random?.case_number}`);
    expect(page.body).toContain(`href="${path}/evidence/${itemId}"`);
    expect(page.body).toContain(`href="${path}/evidence/new"`);
    expect(page.body).toContain(`href="${path}/other-notes#learning"`);
    expect(page.body).toContain(`href="${path}/submit"`);
    expect(text).toContain('Give your record to the Lead no later than 15 January 2027');

    // The case numbers shown are audited.
    const views = await auditEntries(t, 'records.case-numbers-viewed', f.spotlightId);
    expect(views.at(-1)).toEqual({
      actorName: 'Mo Member',
      caseNumbers: children.map((c) => c.case_number),
      details: { view: 'record' },
    });
  });

  it('shows the Lead, the other members and the QA team the whole record, read-only', async () => {
    const f = await addSpotlightFixture(t);
    const { browser, recordId, path } = await openOwnRecord(t, f, 'member2', 2);
    const [random, proud] = await childRows(t, recordId);
    await answerChild(t, random?.id ?? '', 'Seen');
    await browser.post(`${path}/themes`, {
      ...withVersion(1),
      practice: 'Plans are clear.\n\nVisits are on time.',
    });
    await browser.post(`${path}/other-notes`, {
      ...withVersion(2),
      observations: 'A board of thank-you cards',
    });
    await addEvidence(t, f, recordId, {
      theme: 'culture',
      source: 'team-environment',
      kind: 'strength',
      seen: 'Cards on the wall\nfrom families',
    });
    await addEvidence(t, f, recordId, {
      theme: 'systemic',
      source: 'conversation',
      kind: 'area',
      seen: 'Transfers wait weeks',
      childId: proud?.id ?? '',
    });

    for (const key of ['lead', 'member1', 'qa', 'hosQa'] as const) {
      const reader = await signInAs(f, key);
      const page = await reader.get(path);
      expect(page.statusCode, key).toBe(200);
      expect(page.body, key).not.toContain('<form method="post" action="/spotlights');
      expect(page.body).not.toContain(`href="${path}/themes`);
      const text = textOf(page.body);
      expect(text).toContain('Team member Maya Member Status Draft Submitted Not submitted yet');
      expect(text).toContain(
        'Maya Member has not submitted this record yet, so it may still change.',
      );
      expect(page.body).toContain('<p class="govuk-body app-break-words">Plans are clear.</p>');
      expect(page.body).toContain('<p class="govuk-body app-break-words">Visits are on time.</p>');
      expect(text).toContain(`LCS ${random?.case_number} Why chosen Chosen at random`);
      expect(text).toContain('Is the help proportionate? About right Seen: visits match the plan');
      expect(text).toContain(
        'Would this be good enough for my own family? Yes Seen: timely and kind',
      );
      expect(text).toContain('Strengths Seen: the child’s voice is clear');
      expect(text).toContain(`LCS ${proud?.case_number} Why chosen A worker is proud of`);
      expect(text).toContain('Is the help proportionate? Not answered');
      // Evidence grouped by theme, in the order of the themes.
      const evidence = text.slice(text.indexOf('Evidence Culture of the team'));
      expect(evidence).toContain(
        `Culture of the team Strength: Team environment Cards on the wall from families Systemic issues Area for development: Conversation with staff (LCS ${proud?.case_number}) Transfers wait weeks`,
      );
      expect(page.body).toContain('Cards on the wall<br>from families');
      expect(text).toContain('Observations of the team A board of thank-you cards');
      expect(text).not.toContain('Reopen this record');
      const views = await auditEntries(t, 'records.case-numbers-viewed', f.spotlightId);
      expect(views.at(-1)?.caseNumbers.sort()).toEqual(
        [random?.case_number ?? '', proud?.case_number ?? ''].sort(),
      );
    }
  });

  it('refuses anyone outside the Spotlight Team and the QA team, including the visited team', async () => {
    const f = await addSpotlightFixture(t);
    const { path } = await openOwnRecord(t, f, 'member3');
    const before = (await auditEntries(t, 'records.case-numbers-viewed', f.spotlightId)).length;
    for (const key of [
      'otherReviewer',
      'teamManager',
      'headOfService',
      'practitioner1',
      'otherManager',
    ] as const) {
      const browser = await signInAs(f, key);
      for (const url of [path, recordsPath(f), `${recordsPath(f)}/mine`]) {
        const response = await browser.get(url);
        expect(response.statusCode, `${key} ${url}`).toBe(403);
        expect(response.body).toContain('You do not have permission to view this page');
      }
    }
    expect((await auditEntries(t, 'records.case-numbers-viewed', f.spotlightId)).length).toBe(
      before,
    );
    const refused = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
    expect(refused.filter((r) => r.actorName === 'Tina Morgan')).toHaveLength(3);
  });

  it('answers a record that is not there, or of another Spotlight, with not found', async () => {
    const f = await addSpotlightFixture(t);
    const { recordId } = await openOwnRecord(t, f, 'member1', 0);
    const lead = await signInAs(f, 'lead');
    expect((await lead.get(`${recordsPath(f)}/no-such-record`)).statusCode).toBe(404);
    expect((await lead.get(`${recordsPath(f)}/${'%00'}`)).statusCode).toBe(404);
    const other = `/spotlights/${f.otherSpotlightId}/records/${recordId}`;
    expect((await (await signInAs(f, 'qa')).get(other)).statusCode).toBe(404);
  });
});
