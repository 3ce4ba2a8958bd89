import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import {
  allocationRows,
  auditEntries,
  drawRows,
  nominated,
  noCaseNumbersIn,
  prepare,
  signInAs,
  textOf,
} from './test-support.js';

const allNominated = [1, 2, 3].flatMap((n) => [nominated(n, 'proud'), nominated(n, 'challenging')]);

describe.each(testDialects())('allocating children to the Spotlight Team (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const pageOf = (spotlightId: string) => `/spotlights/${spotlightId}/day/allocation`;

  it('lets the Lead propose three children for each member, saved with the draws and audited', async () => {
    const f = await addSpotlightFixture(t);
    await prepare(t, f);
    const lena = await signInAs(f, 'lead');
    const before = await lena.get(pageOf(f.spotlightId));
    expect(before.statusCode).toBe(200);
    const text = textOf(before.body);
    expect(text).toContain('Allocation of children');
    expect(text).toContain('56 children');
    expect(text).toContain('6 children named by 3 practitioners, forwarded on 26 November 2026');
    expect(before.body).toContain('Propose an allocation');

    const proposed = await lena.post(`${pageOf(f.spotlightId)}/propose`);
    expect(proposed.statusCode).toBe(303);
    expect(proposed.headers.location).toBe(pageOf(f.spotlightId));

    const rows = await allocationRows(t, f.spotlightId);
    expect(rows).toHaveLength(9);
    const members = [f.personId.member1, f.personId.member2, f.personId.member3];
    for (const m of members) {
      expect(rows.filter((r) => r.member_person_id === m).map((r) => r.kind)).toEqual([
        'challenging',
        'proud',
        'random',
      ]);
    }
    expect(new Set(rows.map((r) => r.case_number)).size).toBe(9);
    // Each practitioner's two children go to two different members.
    const named = rows.filter((r) => r.kind !== 'random');
    expect(named.map((r) => r.case_number).sort()).toEqual([...allNominated].sort());
    for (const m of members) {
      const mine = named.filter((r) => r.member_person_id === m).map((r) => r.case_number);
      expect(mine[0]?.[3]).not.toBe(mine[1]?.[3]);
    }
    const random = rows.filter((r) => r.kind === 'random');
    const draws = await drawRows(t, f.spotlightId);
    expect(draws).toHaveLength(3);
    for (const r of random) {
      expect(allNominated).not.toContain(r.case_number);
      const draw = draws.find((d) => d.id === r.draw_id);
      expect(draw).toMatchObject({
        chosen_case_number: r.case_number,
        member_person_id: r.member_person_id,
        algorithm: 'hmac-sha256-v1',
        drawn_by_person_id: f.personId.lead,
        replaces_draw_id: null,
      });
      expect(draw?.pool).toHaveLength(56);
      for (const n of allNominated) expect(draw?.exclusions).toContain(n);
      expect(draw?.seed).toMatch(/^[0-9a-f]{32}\/[1-3]$/);
    }
    const audit = await auditEntries(t, 'day.allocation-proposed', f.spotlightId);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorName).toBe('Lena Lead');
    expect(audit[0]?.caseNumbers.sort()).toEqual(rows.map((r) => r.case_number).sort());

    const after = await lena.get(pageOf(f.spotlightId));
    expect(after.body).toContain('Spotlight has proposed an allocation');
    expect(after.body).not.toContain('Propose an allocation</button>');
    expect(textOf(after.body)).toContain('Named by Pat Practitioner: Reason');
    expect(after.body).toContain('/change"');
    noCaseNumbersIn(
      proposed,
      rows.map((r) => r.case_number),
    );
    noCaseNumbersIn(
      after,
      rows.map((r) => r.case_number),
    );
  });

  it('shows each member their three children, with how the random one was chosen; the QA coordinator may look', async () => {
    const f = await addSpotlightFixture(t);
    await prepare(t, f);
    await (await signInAs(f, 'lead')).post(`${pageOf(f.spotlightId)}/propose`);
    const rows = await allocationRows(t, f.spotlightId);
    const mine = rows.filter((r) => r.member_person_id === f.personId.member1);

    const mo = await signInAs(f, 'member1');
    const page = await mo.get(pageOf(f.spotlightId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Mo Member (you)');
    for (const r of rows) expect(page.body).toContain(`LCS ${r.case_number}`);
    const randomDraw = mine.find((r) => r.kind === 'random')?.draw_id;
    expect(page.body).toContain(`href="${pageOf(f.spotlightId)}/draws/${randomDraw}"`);
    expect(page.body).not.toContain('Propose an allocation');
    expect(page.body).not.toContain('/change"');
    noCaseNumbersIn(
      page,
      rows.map((r) => r.case_number),
    );
    const viewed = await auditEntries(t, 'day.allocation-viewed', f.spotlightId);
    expect(viewed.at(-1)?.actorName).toBe('Mo Member');
    expect(viewed.at(-1)?.caseNumbers.sort()).toEqual(rows.map((r) => r.case_number).sort());

    const qa = await signInAs(f, 'qa');
    const qaPage = await qa.get(pageOf(f.spotlightId));
    expect(qaPage.statusCode).toBe(200);
    expect(qaPage.body).toContain(`LCS ${mine[0]?.case_number}`);
    expect(qaPage.body).not.toContain('/change"');
  });

  it('refuses the page to others, audited, and the Lead’s actions to members', async () => {
    const f = await addSpotlightFixture(t);
    await prepare(t, f);
    for (const key of ['otherReviewer', 'teamManager', 'practitioner1', 'otherManager'] as const) {
      const refusedBefore = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
      const response = await (await signInAs(f, key)).get(pageOf(f.spotlightId));
      expect(response.statusCode, key).toBe(403);
      expect(response.body).not.toContain(nominated(1, 'proud'));
      const refused = await auditEntries(t, 'spotlight.access-refused', f.spotlightId);
      expect(refused.length).toBe(refusedBefore.length + 1);
    }
    const mo = await signInAs(f, 'member1');
    expect((await mo.post(`${pageOf(f.spotlightId)}/propose`)).statusCode).toBe(403);
    expect(await allocationRows(t, f.spotlightId)).toHaveLength(0);

    await (await signInAs(f, 'lead')).post(`${pageOf(f.spotlightId)}/propose`);
    const rows = await allocationRows(t, f.spotlightId);
    const random = rows.find((r) => r.kind === 'random');
    const changeUrl = `${pageOf(f.spotlightId)}/${random?.id}/change`;
    expect((await mo.get(changeUrl)).statusCode).toBe(403);
    const post = await mo.post(changeUrl, { version: '1', reason: 'Because' });
    expect(post.statusCode).toBe(403);
    const addUrl = `${pageOf(f.spotlightId)}/members/${f.personId.member1}/random/add`;
    expect((await mo.post(addUrl, {})).statusCode).toBe(403);
    expect(await allocationRows(t, f.spotlightId)).toEqual(rows);
    expect(await drawRows(t, f.spotlightId)).toHaveLength(3);
  });

  it('refuses a second proposal with 409 and changes nothing', async () => {
    const f = await addSpotlightFixture(t);
    await prepare(t, f);
    const lena = await signInAs(f, 'lead');
    await lena.post(`${pageOf(f.spotlightId)}/propose`);
    const rows = await allocationRows(t, f.spotlightId);
    const again = await lena.post(`${pageOf(f.spotlightId)}/propose`);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('An allocation already exists');
    expect(await allocationRows(t, f.spotlightId)).toEqual(rows);
    expect(await drawRows(t, f.spotlightId)).toHaveLength(3);
    expect(await auditEntries(t, 'day.allocation-proposed', f.spotlightId)).toHaveLength(1);
  });

  it('says plainly when the nominations have not come and the case list is empty', async () => {
    const f = await addSpotlightFixture(t);
    const lena = await signInAs(f, 'lead');
    const page = await lena.get(pageOf(f.spotlightId));
    const text = textOf(page.body);
    expect(text).toContain('Not forwarded yet');
    expect(text).toContain(
      'The Team Manager has not forwarded the practitioners’ nominations yet, so Spotlight cannot allocate children workers are proud of or found challenging. Ask Tina Morgan to forward them',
    );
    expect(text).toContain(
      'The team’s case list is empty, so Spotlight cannot choose children at random. Ask Tina Morgan to add the team’s open cases',
    );
    const proposed = await lena.post(`${pageOf(f.spotlightId)}/propose`);
    expect(proposed.statusCode).toBe(303);
    expect(await allocationRows(t, f.spotlightId)).toHaveLength(0);
    const after = await lena.get(pageOf(f.spotlightId));
    expect(textOf(after.body)).toContain('Spotlight could not allocate any child yet');
  });

  it('allocates random children before the nominations come, then lets the Lead fill the places', async () => {
    const f = await addSpotlightFixture(t);
    await prepare(t, f, { forwarded: false });
    const lena = await signInAs(f, 'lead');
    await lena.post(`${pageOf(f.spotlightId)}/propose`);
    const rows = await allocationRows(t, f.spotlightId);
    expect(rows.map((r) => r.kind)).toEqual(['random', 'random', 'random']);
    // Nominated children are never drawn, forwarded or not.
    for (const r of rows) expect(allNominated).not.toContain(r.case_number);
    const page = textOf((await lena.get(pageOf(f.spotlightId))).body);
    expect(page).toContain('Some team members have fewer than three children');
    expect(page).toContain(
      'Mo Member has no child a worker is proud of. The Team Manager has not forwarded the practitioners’ nominations yet.',
    );

    await t.services.database.db
      .updateTable('spotlight_preparation')
      .set({ nominations_forwarded_at: t.clock.now().toISOString() })
      .where('spotlight_id', '=', f.spotlightId)
      .execute();
    const addUrl = `${pageOf(f.spotlightId)}/members/${f.personId.member2}/proud/add`;
    const listed = await lena.get(pageOf(f.spotlightId));
    expect(listed.body).toContain(`href="${addUrl}"`);
    const form = await lena.get(addUrl);
    expect(form.statusCode).toBe(200);
    expect(textOf(form.body)).toContain('Choose the child a worker is proud of for Maya Member');
    expect(form.body).toContain(`LCS ${nominated(2, 'proud')}`);
    expect(form.body).not.toContain(`LCS ${nominated(2, 'challenging')}`);

    const empty = await lena.post(addUrl, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#nominationId"');
    expect(empty.body).toContain('Select a child');

    const { id: nominationId } = await t.services.database.db
      .selectFrom('nomination')
      .select('id')
      .where('case_number', '=', nominated(2, 'proud'))
      .where('spotlight_id', '=', f.spotlightId)
      .executeTakeFirstOrThrow();
    const added = await lena.post(addUrl, { nominationId });
    expect(added.statusCode).toBe(303);
    const now = await allocationRows(t, f.spotlightId);
    expect(
      now.find((r) => r.member_person_id === f.personId.member2 && r.kind === 'proud'),
    ).toMatchObject({
      case_number: nominated(2, 'proud'),
      nomination_id: nominationId,
      version: 1,
    });
    const audit = await auditEntries(t, 'day.allocation-changed', f.spotlightId);
    expect(audit.at(-1)?.caseNumbers).toEqual([nominated(2, 'proud')]);
    // The place is taken now: the add page goes to the change page.
    const again = await lena.get(addUrl);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toMatch(/\/change$/);
  });
});
