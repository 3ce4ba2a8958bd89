import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import {
  addSpotlightFixture,
  type SpotlightFixture,
  type SpotlightPersonKey,
} from '../../../../../test/spotlight-fixture.js';
import { auditEntries, nominationRows, signInAs, urlsIn } from './test-support.js';

const form = (fields: Record<string, string> = {}) => ({
  proudVersion: '0',
  challengingVersion: '0',
  proudSystem: 'LCS',
  proudNumber: '',
  proudReason: '',
  challengingSystem: 'LCS',
  challengingNumber: '',
  challengingReason: '',
  ...fields,
});

describe.each(testDialects())('the Team Manager collates the nominations (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const paths = (f: SpotlightFixture) => {
    const base = `/spotlights/${f.spotlightId}/nominations`;
    return {
      base,
      mine: `${base}/mine`,
      forward: `${base}/forward`,
      practitioner: (key: SpotlightPersonKey) => `${base}/practitioners/${f.personId[key]}`,
    };
  };

  /** Pat names both, Sol names one; Sam names nobody. */
  async function someNominations(f: SpotlightFixture) {
    const p = paths(f);
    const pat = await signInAs(f, 'practitioner1');
    await pat.post(p.mine, form({ proudNumber: '1111111', challengingNumber: '2222222' }));
    const sol = await signInAs(f, 'practitioner2');
    await sol.post(p.mine, form({ proudNumber: '3333333', proudReason: 'Warm, steady work' }));
  }

  it('shows the Team Manager who has and has not nominated, and audits the view', async () => {
    const f = await addSpotlightFixture(t);
    await someNominations(f);
    const manager = await signInAs(f, 'teamManager');
    const page = await manager.get(paths(f).base);
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/\s+/g, ' ');
    expect(text).toContain('<strong>1 of 3 practitioners</strong> has named both children');
    expect(text).toContain('Pat Practitioner');
    expect(text).toContain('Sam Senior');
    // The managers collate: they are not in the list themselves.
    expect(text).not.toContain(
      '<th scope="row" class="govuk-table__header app-break-words">Tina Morgan',
    );
    expect(text).toMatch(/Not yet <\/strong>/);
    expect(text).toContain('LCS 3333333');
    expect(text).toContain('Due 7 January 2027');
    expect(text).toContain('due in 27 working days');
    expect(text).toContain('Forward the list to the Spotlight Team');
    expect(page.body).toContain(`href="${paths(f).practitioner('practitioner3')}"`);
    const viewed = await auditEntries(t, 'preparation.nominations-viewed', f.spotlightId);
    expect(viewed.at(-1)?.caseNumbers.sort()).toEqual(['1111111', '2222222', '3333333']);
    expect(viewed.at(-1)?.actorName).toBe('Tina Morgan');
  });

  it('lets the Team Manager add for someone, then forward, with the confirm page first', async () => {
    const f = await addSpotlightFixture(t);
    await someNominations(f);
    const p = paths(f);
    const manager = await signInAs(f, 'teamManager');
    const formPage = await manager.get(p.practitioner('practitioner3'));
    expect(formPage.statusCode).toBe(200);
    expect(formPage.body).toContain('Nominations for Sam Senior');
    const added = await manager.post(
      p.practitioner('practitioner3'),
      form({ proudNumber: '5555555', challengingNumber: '6666666' }),
    );
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(p.base);
    const sam = (await nominationRows(t, f.spotlightId)).filter(
      (r) => r.practitioner_person_id === f.personId.practitioner3,
    );
    expect(sam.map((r) => r.entered_by_person_id)).toEqual([
      f.personId.teamManager,
      f.personId.teamManager,
    ]);
    const saved = (await auditEntries(t, 'preparation.nomination-saved', f.spotlightId)).filter(
      (entry) => entry.details.practitionerPersonId === f.personId.practitioner3,
    );
    expect(saved).toHaveLength(1);
    expect(saved[0]?.caseNumbers.sort()).toEqual(['5555555', '6666666']);
    expect(saved[0]?.actorName).toBe('Tina Morgan');

    const confirm = await manager.get(p.forward);
    expect(confirm.statusCode).toBe(200);
    const confirmText = confirm.body.replace(/\s+/g, ' ');
    expect(confirmText).toContain('<strong>2 of 3 practitioners</strong> have named both children');
    expect(confirmText).toContain('Sol Worker: no challenging child');
    expect(confirmText).toContain('You can forward the list anyway');

    const forwarded = await manager.post(p.forward, {});
    expect(forwarded.statusCode).toBe(303);
    expect(forwarded.headers.location).toBe(p.base);
    const prep = await t.services.database.db
      .selectFrom('spotlight_preparation')
      .selectAll()
      .where('spotlight_id', '=', f.spotlightId)
      .executeTakeFirstOrThrow();
    expect(prep.nominations_forwarded_by_person_id).toBe(f.personId.teamManager);
    expect(prep.nominations_forwarded_at).toBe('2026-11-26T09:00:00.000Z');
    const after = await manager.get(p.base);
    expect(after.body).toContain('Nominations forwarded to the Spotlight Team');
    expect(after.body).toContain('Forwarded on 26 November 2026 at 9:00am by Tina Morgan');
    expect(after.body).not.toContain('Forward the list to the Spotlight Team');

    // Forwarding twice is harmless.
    const twice = await manager.post(p.forward, {});
    expect(twice.statusCode).toBe(303);
    expect(await auditEntries(t, 'preparation.nominations-forwarded', f.spotlightId)).toHaveLength(
      1,
    );
    expect((await manager.get(p.base)).body).toContain('You had already forwarded the nominations');
  });

  it('after forwarding, only the Team Manager changes nominations, and each change is audited', async () => {
    const f = await addSpotlightFixture(t);
    await someNominations(f);
    const p = paths(f);
    const manager = await signInAs(f, 'teamManager');
    await manager.post(p.forward, {});

    const pat = await signInAs(f, 'practitioner1');
    const readOnly = await pat.get(p.mine);
    expect(readOnly.statusCode).toBe(200);
    expect(readOnly.body).toContain(
      'Your Team Manager has forwarded the list; ask them if something needs to change.',
    );
    expect(readOnly.body).toContain('LCS 1111111');
    expect(readOnly.body).not.toContain('Save nominations');
    const refused = await pat.post(
      p.mine,
      form({ proudVersion: '1', challengingVersion: '1', proudNumber: '9999999' }),
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Your Team Manager has forwarded the list');
    expect((await nominationRows(t, f.spotlightId)).map((r) => r.case_number)).not.toContain(
      '9999999',
    );

    const changed = await manager.post(
      p.practitioner('practitioner1'),
      form({
        proudVersion: '1',
        challengingVersion: '1',
        proudNumber: '1111111',
        challengingNumber: '7777777',
      }),
    );
    expect(changed.statusCode).toBe(303);
    const audit = await auditEntries(
      t,
      'preparation.nomination-changed-after-forwarding',
      f.spotlightId,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.caseNumbers.sort()).toEqual(['2222222', '7777777']);
    expect(audit[0]?.actorName).toBe('Tina Morgan');
  });

  it('shows the Lead the forwarded list, and nothing before it is forwarded', async () => {
    const f = await addSpotlightFixture(t);
    await someNominations(f);
    const p = paths(f);
    const lead = await signInAs(f, 'lead');
    const viewsBefore = await auditEntries(t, 'preparation.nominations-viewed', f.spotlightId);
    const before = await lead.get(p.base);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain(
      'The Team Manager has not forwarded the list yet. It is due on 7 January 2027.',
    );
    expect(before.body).not.toContain('1111111');
    expect(await auditEntries(t, 'preparation.nominations-viewed', f.spotlightId)).toHaveLength(
      viewsBefore.length,
    );

    const manager = await signInAs(f, 'teamManager');
    await manager.post(p.forward, {});
    for (const key of ['lead', 'member2'] as const) {
      const browser = await signInAs(f, key);
      const list = await browser.get(p.base);
      expect(list.statusCode).toBe(200);
      const text = list.body.replace(/\s+/g, ' ');
      expect(text).toContain('Forwarded on 26 November 2026 at 9:00am by Tina Morgan');
      expect(text).toContain('Sol Worker</th> <td class="govuk-table__cell">Proud of</td>');
      expect(text).toContain('LCS 3333333');
      expect(text).toContain('Warm, steady work');
      expect(text).not.toContain('Add or change');
      const viewed = await auditEntries(t, 'preparation.nominations-viewed', f.spotlightId);
      expect(viewed.at(-1)?.caseNumbers.sort()).toEqual(['1111111', '2222222', '3333333']);
      for (const url of urlsIn(list.body)) expect(url).not.toMatch(/1111111|2222222|3333333/);
    }
  });

  it('refuses the QA team, outsiders and other teams’ managers, and records the refusal', async () => {
    const f = await addSpotlightFixture(t);
    await someNominations(f);
    const p = paths(f);
    for (const key of ['qa', 'hosQa', 'otherReviewer', 'otherManager'] as const) {
      const browser = await signInAs(f, key);
      const refusedBefore = (await auditEntries(t, 'spotlight.access-refused', f.spotlightId))
        .length;
      for (const url of [p.base, p.mine, p.forward, p.practitioner('practitioner1')]) {
        const response = await browser.get(url);
        expect(response.statusCode, `${key} ${url}`).toBe(403);
        expect(response.body).not.toContain('1111111');
      }
      expect((await browser.post(p.forward, {})).statusCode).toBe(403);
      expect(
        (await browser.post(p.practitioner('practitioner1'), form({ proudNumber: '8888888' })))
          .statusCode,
      ).toBe(403);
      const refused = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
      expect(refused.length).toBeGreaterThanOrEqual(refusedBefore + 6);
    }
    expect((await nominationRows(t, f.spotlightId)).map((r) => r.case_number)).not.toContain(
      '8888888',
    );
    const prep = await t.services.database.db
      .selectFrom('spotlight_preparation')
      .select('nominations_forwarded_at')
      .where('spotlight_id', '=', f.spotlightId)
      .executeTakeFirst();
    expect(prep?.nominations_forwarded_at ?? null).toBeNull();
  });

  it('sends practitioners to their own form, and keeps them to it', async () => {
    const f = await addSpotlightFixture(t);
    const p = paths(f);
    const pat = await signInAs(f, 'practitioner1');
    const overview = await pat.get(p.base);
    expect(overview.statusCode).toBe(303);
    expect(overview.headers.location).toBe(p.mine);
    expect((await pat.get(p.practitioner('practitioner2'))).statusCode).toBe(403);
    expect((await pat.get(p.forward)).statusCode).toBe(403);
    expect((await pat.post(p.forward, {})).statusCode).toBe(403);
    // The Team Manager is sent from "mine" to the team's page.
    const manager = await signInAs(f, 'teamManager');
    const mine = await manager.get(p.mine);
    expect(mine.statusCode).toBe(303);
    expect(mine.headers.location).toBe(p.base);
    // Someone who is not a practitioner of the team has no form.
    expect((await manager.get(`${p.base}/practitioners/${f.personId.lead}`)).statusCode).toBe(404);
    expect(
      (await manager.get(`${p.base}/practitioners/${f.personId.teamManager}`)).statusCode,
    ).toBe(404);
  });
});
