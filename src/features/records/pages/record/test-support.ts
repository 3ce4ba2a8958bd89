// For the records pages' tests: addresses, a member's record opened as they would open it, rows
// read straight from the database, evidence written as the evidence pages would write it, and the
// hidden fields of a page's form.
import type { Agent, TestApp } from '../../../../../test/app.js';
import type {
  SpotlightFixture,
  SpotlightPersonKey,
} from '../../../../../test/spotlight-fixture.js';
import { newId } from '../../../../platform/ids.js';
import { allocate, signInAs } from '../../../day/pages/day/test-support.js';

export const recordsPath = (f: SpotlightFixture) => `/spotlights/${f.spotlightId}/records`;
export const recordPath = (f: SpotlightFixture, recordId: string) =>
  `${recordsPath(f)}/${recordId}`;

export const themeFields = ['culture', 'practice', 'qualityAssurance', 'oversight', 'systemic'];
export const otherNoteFields = ['learning', 'conversations', 'observations'];

/**
 * A member with `children` children allocated opens "Your Team Member Information Record": the
 * record is made, and the browser lands on it.
 */
export async function openOwnRecord(
  t: TestApp,
  f: SpotlightFixture,
  key: SpotlightPersonKey,
  children = 3,
): Promise<{ browser: Agent; recordId: string; path: string }> {
  if (children > 0) await allocate(t, f.spotlightId, f.personId[key], children);
  const browser = await signInAs(f, key);
  const response = await browser.get(`${recordsPath(f)}/mine`);
  if (response.statusCode !== 303) throw new Error(`mine answered ${response.statusCode}`);
  const location = String(response.headers.location);
  const recordId = location.slice(location.lastIndexOf('/') + 1);
  if (location !== recordPath(f, recordId)) throw new Error(`mine went to ${location}`);
  return { browser, recordId, path: location };
}

export async function recordRow(t: TestApp, recordId: string) {
  return t.services.database.db
    .selectFrom('member_record')
    .selectAll()
    .where('id', '=', recordId)
    .executeTakeFirstOrThrow();
}

export async function childRows(t: TestApp, recordId: string) {
  return t.services.database.db
    .selectFrom('record_child')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('position')
    .execute();
}

/** Answers every question about a child, as the child page would. */
export async function answerChild(t: TestApp, childId: string, words = 'Answered') {
  await t.services.database.db
    .updateTable('record_child')
    .set({
      documents_read: `${words}: assessment and plan`,
      life_for_child: `${words}: settled at school`,
      proportionate: 'about-right',
      proportionate_why: `${words}: visits match the plan`,
      good_enough: 'yes',
      good_enough_why: `${words}: timely and kind`,
      strengths: `${words}: the child's voice is clear`,
      areas_to_develop: `${words}: chronology out of date`,
    })
    .where('id', '=', childId)
    .execute();
}

/** An evidence item, written as the evidence pages would write it. */
export async function addEvidence(
  t: TestApp,
  f: SpotlightFixture,
  recordId: string,
  item: { theme: string; source: string; kind: string; seen: string; childId?: string },
): Promise<string> {
  const id = newId();
  const now = t.clock.now().toISOString();
  await t.services.database.db
    .insertInto('evidence_item')
    .values({
      id,
      record_id: recordId,
      spotlight_id: f.spotlightId,
      theme: item.theme,
      source: item.source,
      kind: item.kind,
      seen: item.seen,
      record_child_id: item.childId ?? null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

/** HTML escapes undone, as a browser reads an attribute. */
export function unescaped(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#92;/g, '\\')
    .replace(/&amp;/g, '&');
}

/** The hidden fields of the page's forms other than the CSRF token and the sign-out form's. */
export function hiddenFields(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
      .filter((m) => !['_csrf', 'timedOut', 'returnTo'].includes(m[1] ?? ''))
      .map((m) => [m[1] ?? '', unescaped(m[2] ?? '')]),
  );
}

/** The form as the page holds it, for posting it back. */
export const withVersion = (version: number, fields: Record<string, string> = {}) => ({
  ...fields,
  version: String(version),
});

/** An autosave, as autosave.mjs sends it. */
export async function autosave(browser: Agent, url: string, form: Record<string, string>) {
  const body = new URLSearchParams({ _csrf: await browser.csrfToken(), ...form });
  return browser.request({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-autosave': '1',
    },
    payload: body.toString(),
  });
}
