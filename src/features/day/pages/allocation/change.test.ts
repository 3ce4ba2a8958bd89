import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import {
  addSpotlightFixture,
  type SpotlightFixture,
} from '../../../../../test/spotlight-fixture.js';
import {
  addNomination,
  allocationRows,
  auditEntries,
  drawRows,
  noCaseNumbersIn,
  prepare,
  signInAs,
  textOf,
} from './test-support.js';

describe.each(testDialects())('the Lead changing an allocated child (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const base = (f: SpotlightFixture) => `/spotlights/${f.spotlightId}/day/allocation`;

  async function proposed() {
    const f = await addSpotlightFixture(t);
    await prepare(t, f);
    const lena = await signInAs(f, 'lead');
    await lena.post(`${base(f)}/propose`);
    const rows = await allocationRows(t, f.spotlightId);
    const of = (kind: string) =>
      rows.find((r) => r.member_person_id === f.personId.member1 && r.kind === kind) ??
      (() => {
        throw new Error(`No ${kind} child`);
      })();
    return { f, lena, rows, random: of('random'), proud: of('proud') };
  }

  it('needs a reason to draw again, shown with the GOV.UK error summary', async () => {
    const { f, lena, random, rows } = await proposed();
    const url = `${base(f)}/${random.id}/change`;
    const form = await lena.get(url);
    expect(form.statusCode).toBe(200);
    expect(textOf(form.body)).toContain('Draw a child again for Mo Member');
    expect(form.body).toContain('Why are you drawing again?');
    expect(form.body).toContain(`action="${url}"`);
    noCaseNumbersIn(
      form,
      rows.map((r) => r.case_number),
    );

    const empty = await lena.post(url, { version: '1', reason: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<title>Error: Draw a child again for Mo Member');
    expect(empty.body).toContain('There is a problem');
    expect(empty.body).toContain('href="#reason"');
    expect(empty.body).toContain(
      'Enter why you are drawing again, for example the child’s case is closed',
    );
    const long = await lena.post(url, { version: '1', reason: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('The reason must be 500 characters or fewer');
    expect(long.body).toContain('x'.repeat(501));
    expect(await allocationRows(t, f.spotlightId)).toEqual(rows);
    expect(await drawRows(t, f.spotlightId)).toHaveLength(3);
  });

  it('draws again with a reason: records the new draw, keeps the old one viewable with why', async () => {
    const { f, lena, random } = await proposed();
    const url = `${base(f)}/${random.id}/change`;
    const reason = 'The child’s case closed last week <b>bold</b>';
    const redrawn = await lena.post(url, { version: '1', reason });
    expect(redrawn.statusCode).toBe(303);
    expect(redrawn.headers.location).toBe(base(f));

    const after = (await allocationRows(t, f.spotlightId)).find((r) => r.id === random.id);
    expect(after?.version).toBe(2);
    expect(after?.case_number).not.toBe(random.case_number);
    expect(after?.draw_id).not.toBe(random.draw_id);
    const draws = await drawRows(t, f.spotlightId);
    expect(draws).toHaveLength(4);
    const fresh = draws.find((d) => d.id === after?.draw_id);
    expect(fresh).toMatchObject({
      chosen_case_number: after?.case_number,
      replaces_draw_id: random.draw_id,
      reason,
      member_person_id: f.personId.member1,
    });
    // Everything allocated, the replaced child included, was left out.
    expect(fresh?.exclusions).toContain(random.case_number);
    const audit = await auditEntries(t, 'day.child-redrawn', f.spotlightId);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.caseNumbers).toEqual([random.case_number, after?.case_number]);

    const listed = await lena.get(base(f));
    expect(listed.body).toContain('A new child was drawn at random for Mo Member');
    const newDraw = await lena.get(`${base(f)}/draws/${fresh?.id}`);
    expect(newDraw.statusCode).toBe(200);
    const text = textOf(newDraw.body);
    expect(text).toContain(`The Lead drew again in place of LCS ${random.case_number}`);
    expect(newDraw.body).toContain('The child’s case closed last week &lt;b&gt;bold&lt;/b&gt;');
    expect(newDraw.body).toContain(`href="${base(f)}/draws/${random.draw_id}"`);
    const oldDraw = await lena.get(`${base(f)}/draws/${random.draw_id}`);
    expect(oldDraw.statusCode).toBe(200);
    expect(textOf(oldDraw.body)).toContain('so this child is no longer allocated');
    expect(oldDraw.body).toContain(`href="${base(f)}/draws/${fresh?.id}"`);
  });

  it('changes a proud child to another nomination, and refuses a stale change with 409', async () => {
    const { f, lena, proud, rows } = await proposed();
    const extra = await addPerson(t, { name: 'Ezra Extra' });
    const spareId = await addNomination(t, f, extra.id, 'proud', '7909001', 'Good <i>work</i>');
    const url = `${base(f)}/${proud.id}/change`;
    const form = await lena.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('LCS 7909001');
    expect(form.body).toContain('Named by Ezra Extra: Good &lt;i&gt;work&lt;/i&gt;');
    // Children already allocated are not offered.
    for (const r of rows.filter((row) => row.kind === 'proud'))
      expect(form.body).not.toContain(`value="${r.nomination_id}"`);

    const none = await lena.post(url, { version: '1' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('href="#nominationId"');
    const made = await lena.post(url, { version: '1', nominationId: 'not-a-nomination' });
    expect(made.statusCode).toBe(400);
    expect(made.body).toContain('Select one of the children listed');

    const changed = await lena.post(url, { version: '1', nominationId: spareId });
    expect(changed.statusCode).toBe(303);
    const after = (await allocationRows(t, f.spotlightId)).find((r) => r.id === proud.id);
    expect(after).toMatchObject({
      case_number: '7909001',
      nomination_id: spareId,
      version: 2,
      updated_by_person_id: f.personId.lead,
    });
    const audit = await auditEntries(t, 'day.allocation-changed', f.spotlightId);
    expect(audit.at(-1)?.caseNumbers).toEqual([proud.case_number, '7909001']);

    // The same form sent again, read at version 1: somebody changed the child since.
    const stale = await lena.post(url, { version: '1', nominationId: proud.nomination_id ?? '' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Somebody else changed this child while you were working on it');
    expect(stale.body).toContain('name="version" value="2"');
    expect((await allocationRows(t, f.spotlightId)).find((r) => r.id === proud.id)).toEqual(after);
  });

  it('refuses a stale redraw with 409, keeping the reason typed', async () => {
    const { f, lena, random } = await proposed();
    const url = `${base(f)}/${random.id}/change`;
    expect((await lena.post(url, { version: '1', reason: 'First tab' })).statusCode).toBe(303);
    const stale = await lena.post(url, { version: '1', reason: 'Second tab' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Second tab');
    expect(await drawRows(t, f.spotlightId)).toHaveLength(4);
    const tampered = await lena.post(url, { reason: 'No version' });
    expect(tampered.statusCode).toBe(409);
  });

  it('takes odd text in the reason without failing', async () => {
    const { f, lena, random } = await proposed();
    const url = `${base(f)}/${random.id}/change`;
    let version = 1;
    for (const reason of [
      '\u0000Null\u0007 byte',
      '👩‍👧 emoji '.repeat(40),
      '<script>alert(1)</script>',
      "'; DROP TABLE allocation; --",
    ]) {
      const response = await lena.post(url, { version: String(version), reason });
      expect(response.statusCode, reason).toBe(303);
      version += 1;
    }
    const reasons = (await drawRows(t, f.spotlightId)).map((d) => d.reason).filter(Boolean);
    expect(reasons).toContain('Null byte');
    expect(reasons).toHaveLength(4);
    const shown = await lena.get(
      `${base(f)}/draws/${(await allocationRows(t, f.spotlightId)).find((r) => r.id === random.id)?.draw_id}`,
    );
    expect(shown.body).not.toContain('<script>alert(1)</script>');
    const wrongKind = await lena.get(`${base(f)}/members/${f.personId.member1}/sideways/add`);
    expect(wrongKind.statusCode).toBe(404);
    const stranger = await lena.get(`${base(f)}/members/${f.personId.otherReviewer}/proud/add`);
    expect(stranger.statusCode).toBe(404);
  });
});
