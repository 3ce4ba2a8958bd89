import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/app.js';
import { testDialects } from '../../../../../test/databases.js';
import { addSpotlightFixture } from '../../../../../test/spotlight-fixture.js';
import { eligibleChildren } from '../../../../core/random-draw.js';
import {
  allocationRows,
  auditEntries,
  drawRows,
  noCaseNumbersIn,
  prepare,
  signInAs,
  textOf,
} from './test-support.js';

describe.each(testDialects())('how a child was chosen at random (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  async function drawn() {
    const f = await addSpotlightFixture(t);
    await prepare(t, f);
    await (await signInAs(f, 'lead')).post(`/spotlights/${f.spotlightId}/day/allocation/propose`);
    const rows = await allocationRows(t, f.spotlightId);
    const random = rows.find(
      (r) => r.member_person_id === f.personId.member2 && r.kind === 'random',
    );
    const draw = (await drawRows(t, f.spotlightId)).find((d) => d.id === random?.draw_id);
    if (!random || !draw) throw new Error('No random child');
    const url = `/spotlights/${f.spotlightId}/day/allocation/draws/${draw.id}`;
    return { f, rows, random, draw, url };
  }

  it('explains the draw in plain words and numbers, audited', async () => {
    const { f, rows, draw, url } = await drawn();
    const maya = await signInAs(f, 'member2');
    const page = await maya.get(url);
    expect(page.statusCode).toBe(200);
    const eligible = eligibleChildren(draw.pool, draw.exclusions);
    const leftOut = 56 - eligible.length;
    const number = eligible.indexOf(draw.chosen_case_number) + 1;
    expect(textOf(page.body)).toContain(
      `Spotlight took the team’s case list of 56 children, left out ${leftOut} children (the nominated children and those already allocated), numbered the remaining ${eligible.length} in order, and used the recorded code ${draw.seed} to pick number ${number}: LCS ${draw.chosen_case_number}.`,
    );
    expect(page.body).toContain('hmac-sha256-v1');
    expect(textOf(page.body)).toContain(`The ${leftOut} children left out`);
    expect(page.body).toContain('Maya Member');
    expect(page.body).toContain('Check this draw');
    noCaseNumbersIn(
      page,
      rows.map((r) => r.case_number),
    );
    const audit = await auditEntries(t, 'day.draw-viewed', f.spotlightId);
    expect(audit.at(-1)?.actorName).toBe('Maya Member');
    expect(audit.at(-1)?.caseNumbers).toContain(draw.chosen_case_number);
    // The QA coordinator may look; others may not.
    expect((await (await signInAs(f, 'qa')).get(url)).statusCode).toBe(200);
    for (const key of ['otherReviewer', 'teamManager', 'practitioner2'] as const)
      expect((await (await signInAs(f, key)).get(url)).statusCode, key).toBe(403);
    const elsewhere = `/spotlights/${f.otherSpotlightId}/day/allocation/draws/${draw.id}`;
    expect((await (await signInAs(f, 'qa')).get(elsewhere)).statusCode).toBe(404);
  });

  it('re-runs the draw from what is recorded and finds the same child', async () => {
    const { f, draw, url } = await drawn();
    const mo = await signInAs(f, 'member1');
    const checked = await mo.post(`${url}/check`);
    expect(checked.statusCode).toBe(200);
    expect(textOf(checked.body)).toContain(
      `Drawing again from the same list gave the same child: LCS ${draw.chosen_case_number}`,
    );
    const audit = await auditEntries(t, 'day.draw-viewed', f.spotlightId);
    expect(audit.at(-1)?.details).toEqual({ view: 'check' });
  });

  it('says plainly when the recorded child is not what the draw gives', async () => {
    const { f, draw, url, rows } = await drawn();
    const eligible = eligibleChildren(draw.pool, draw.exclusions);
    const other = eligible.find((n) => n !== draw.chosen_case_number) ?? '';
    await t.services.database.db
      .updateTable('random_draw')
      .set({ chosen_case_number: other })
      .where('id', '=', draw.id)
      .execute();
    const checked = await (await signInAs(f, 'lead')).post(`${url}/check`);
    expect(checked.statusCode).toBe(200);
    expect(textOf(checked.body)).toContain(
      `Drawing again from the same list gave a different child: LCS ${draw.chosen_case_number}, not LCS ${other}`,
    );
    noCaseNumbersIn(checked, [...rows.map((r) => r.case_number), other]);

    await t.services.database.db
      .updateTable('random_draw')
      .set({ algorithm: 'dice-v0' })
      .where('id', '=', draw.id)
      .execute();
    const unknown = await (await signInAs(f, 'lead')).post(`${url}/check`);
    expect(textOf(unknown.body)).toContain(
      'Spotlight cannot re-run draws made with the method “dice-v0”',
    );
  });
});
