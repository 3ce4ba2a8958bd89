import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { auditEntries, signInAs } from '../nominations/test-support.js';
import { returnPath } from './handlers.js';

describe('where confirming access returns to', () => {
  it('is a page of the Spotlight, never another site or page', () => {
    expect(returnPath('/spotlights/abc/recording-access', 'abc')).toBe(
      '/spotlights/abc/recording-access',
    );
    for (const bad of ['https://evil.test/', '//evil.test', '/admin/users', '/spotlights/../x', 7])
      expect(returnPath(bad, 'abc')).toBe('/spotlights/abc');
  });
});

describe.each(testDialects())('access to the team’s recording system (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const url = (spotlightId: string) => `/spotlights/${spotlightId}/recording-access`;

  it('lets members confirm access, once, and shows the Lead who has not', async () => {
    const f = await addSpotlightFixture(t, { recordingSystem: 'EHM' });
    const mo = await signInAs(f, 'member1');
    const page = await mo.get(url(f.spotlightId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('I have access to EHM');
    expect(page.body.replace(/\s+/g, ' ')).toContain('Due 13 January 2027');

    const confirmed = await mo.post(url(f.spotlightId), {});
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`/spotlights/${f.spotlightId}`);
    const again = await mo.post(url(f.spotlightId), { returnTo: url(f.spotlightId) });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(url(f.spotlightId));
    const after = await mo.get(url(f.spotlightId));
    expect(after.body).toContain('You had already confirmed you have access to EHM');
    expect(after.body).not.toContain('I have access to EHM');
    const audit = await auditEntries(t, 'preparation.recording-access-confirmed', f.spotlightId);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorName).toBe('Mo Member');

    const maya = await signInAs(f, 'member2');
    const offsite = await maya.post(url(f.spotlightId), { returnTo: 'https://evil.test/' });
    expect(offsite.headers.location).toBe(`/spotlights/${f.spotlightId}`);

    const lead = await signInAs(f, 'lead');
    const leadPage = await lead.get(url(f.spotlightId));
    const text = leadPage.body.replace(/\s+/g, ' ');
    expect(text).toContain('<strong>2 of 4</strong> have confirmed access');
    expect(text).toMatch(
      /Lena Lead<\/th> <td class="govuk-table__cell">Lead<\/td> <td[^>]*> <strong[^>]*> Not yet/,
    );
    expect(text).toMatch(
      /Mo Member<\/th> <td class="govuk-table__cell">Team member<\/td> <td[^>]*> <strong[^>]*> Confirmed on 26 November 2026/,
    );
    expect(text).toMatch(
      /Milo Member<\/th> <td class="govuk-table__cell">Team member<\/td> <td[^>]*> <strong[^>]*> Not yet/,
    );
    expect(text).toContain('I have access to EHM');

    const rows = await t.services.database.db
      .selectFrom('recording_access')
      .select('person_id')
      .where('spotlight_id', '=', f.spotlightId)
      .execute();
    expect(rows.map((r) => r.person_id).sort()).toEqual(
      [f.personId.member1, f.personId.member2].sort(),
    );
  });

  it('gives the Spotlight page each person’s confirmation', async () => {
    const f = await addSpotlightFixture(t);
    const mo = await signInAs(f, 'member1');
    await mo.post(url(f.spotlightId), {});
    const ctx = {
      actor: {
        accountId: 'test',
        personId: f.personId.lead,
        name: 'Lena Lead',
        role: 'senior-leader' as const,
      },
      requestId: 'test',
    };
    const status = await t.services.recordingAccess.status(ctx, f.spotlightId);
    expect(status).toEqual([
      { personId: f.personId.lead, name: 'Lena Lead', part: 'Lead', confirmedAt: null },
      {
        personId: f.personId.member2,
        name: 'Maya Member',
        part: 'Team member',
        confirmedAt: null,
      },
      {
        personId: f.personId.member3,
        name: 'Milo Member',
        part: 'Team member',
        confirmedAt: null,
      },
      {
        personId: f.personId.member1,
        name: 'Mo Member',
        part: 'Team member',
        confirmedAt: '2026-11-26T09:00:00.000Z',
      },
    ]);
  });

  it('shows the QA team and the Team Manager who has confirmed, without a button', async () => {
    const f = await addSpotlightFixture(t);
    for (const key of ['qa', 'hosQa', 'teamManager'] as const) {
      const browser = await signInAs(f, key);
      const page = await browser.get(url(f.spotlightId));
      expect(page.statusCode, key).toBe(200);
      expect(page.body).toContain('Mo Member');
      expect(page.body).not.toContain('I have access to');
      expect((await browser.post(url(f.spotlightId), {})).statusCode, key).toBe(403);
    }
  });

  it('refuses practitioners and outsiders, and records the refusal', async () => {
    const f = await addSpotlightFixture(t);
    for (const key of ['practitioner1', 'otherReviewer', 'otherManager'] as const) {
      const browser = await signInAs(f, key);
      expect((await browser.get(url(f.spotlightId))).statusCode, key).toBe(403);
      expect((await browser.post(url(f.spotlightId), {})).statusCode, key).toBe(403);
    }
    const refusals = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
    expect(refusals).toHaveLength(6);
    const rows = await t.services.database.db
      .selectFrom('recording_access')
      .select('person_id')
      .where('spotlight_id', '=', f.spotlightId)
      .execute();
    expect(rows).toEqual([]);
  });
});
