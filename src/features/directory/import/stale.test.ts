import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, buildTestApp, signedIn, testPassword, type TestApp } from '../../../../test/app.js';
import { testDialects } from '../../../../test/databases.js';
import { csvFile, previewUrl, upload } from './test-support.js';

describe.each(testDialects())('uploads nobody confirmed (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const imports = () =>
    t.services.database.db.selectFrom('directory_import').select(['rows', 'status']).execute();

  it('are kept for a day, then forgotten, so their names and emails do not linger', async () => {
    const { user, browser } = await signedIn(t, 'qa-coordinator');
    const file = csvFile(
      'Name,Email,Job role\r\nRowan Tate,rowan.tate@council.test,Social Worker\r\n',
    );
    const url = previewUrl(await upload(browser, file));

    t.clock.advanceMinutes(23 * 60);
    expect(await t.services.directoryImport.abandonStale()).toBe(0);
    expect(await imports()).toEqual([
      { status: 'pending', rows: expect.stringContaining('rowan.tate') as unknown },
    ]);

    t.clock.advanceMinutes(2 * 60);
    expect(await t.services.directoryImport.abandonStale()).toBe(1);
    const [stale] = await imports();
    expect(stale?.status).toBe('abandoned');
    expect(stale?.rows).not.toContain('rowan.tate');

    // Coming back to it the next day, there is nothing left to confirm.
    const again = agent(t.app);
    await again.get('/sign-in');
    expect(
      (await again.post('/sign-in', { email: user.email, password: testPassword })).statusCode,
    ).toBe(303);
    const confirm = await again.post(`${url}/confirm`);
    expect(confirm.statusCode).not.toBe(303);
    const person = await t.services.database.db
      .selectFrom('person')
      .select('id')
      .where('email', '=', 'rowan.tate@council.test')
      .executeTakeFirst();
    expect(person).toBeUndefined();
  });
});
