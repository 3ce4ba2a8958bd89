// For the tests of a record's children and evidence pages: a member's record made as the record
// page would make it (with the children the Lead allocated), rows read straight from the database,
// autosave requests, and the hidden fields of a conflict page.
import type { LightMyRequestResponse } from 'fastify';
import type { Agent, TestApp } from '../../../../../test/app.js';
import type {
  SpotlightFixture,
  SpotlightPersonKey,
} from '../../../../../test/spotlight-fixture.js';
import { spotlightPeople } from '../../../../../test/spotlight-fixture.js';
import { newId } from '../../../../platform/ids.js';
import { allocate } from '../../../day/pages/day/test-support.js';

export const recordUrl = (f: SpotlightFixture, recordId: string) =>
  `/spotlights/${f.spotlightId}/records/${recordId}`;
export const childUrl = (f: SpotlightFixture, recordId: string, childId: string) =>
  `${recordUrl(f, recordId)}/children/${childId}`;
export const evidenceUrl = (f: SpotlightFixture, recordId: string, itemId = 'new') =>
  `${recordUrl(f, recordId)}/evidence/${itemId}`;

/**
 * The member's record, made the first time they open it, with `allocated` children allocated to
 * them by the Lead first. Returns the record's id and its children, in order.
 */
export async function openRecord(
  t: TestApp,
  f: SpotlightFixture,
  member: SpotlightPersonKey,
  allocated = 3,
) {
  if (allocated > 0) await allocate(t, f.spotlightId, f.personId[member], allocated);
  const recordId = await t.services.recordAccess.ensureOwn(
    {
      actor: {
        accountId: newId(),
        personId: f.personId[member],
        name: spotlightPeople[member].name,
        role: 'staff',
      },
      requestId: 'test',
    },
    f.spotlightId,
  );
  return { recordId, children: await childRows(t, recordId) };
}

/** Allocates one child with a known case number (before the member's record is made). */
export async function allocateCaseNumber(
  t: TestApp,
  f: SpotlightFixture,
  member: SpotlightPersonKey,
  kind: 'random' | 'proud' | 'challenging',
  caseNumber: string,
) {
  await t.services.database.db
    .insertInto('allocation')
    .values({
      id: newId(),
      spotlight_id: f.spotlightId,
      member_person_id: f.personId[member],
      kind,
      case_system: 'LCS',
      case_number: caseNumber,
      nomination_id: null,
      draw_id: null,
      updated_by_person_id: null,
      updated_at: t.clock.now().toISOString(),
      version: 1,
    })
    .execute();
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
    .orderBy('case_number')
    .execute();
}

export async function childRow(t: TestApp, childId: string) {
  return t.services.database.db
    .selectFrom('record_child')
    .selectAll()
    .where('id', '=', childId)
    .executeTakeFirst();
}

export async function evidenceRows(t: TestApp, recordId: string) {
  return t.services.database.db
    .selectFrom('evidence_item')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The record has been submitted (as the submit page would leave it). */
export async function markSubmitted(t: TestApp, recordId: string) {
  await t.services.database.db
    .updateTable('member_record')
    .set({ status: 'submitted', submitted_at: t.clock.now().toISOString() })
    .where('id', '=', recordId)
    .execute();
}

/** A POST as the autosave script sends it: the same form, with the header X-Autosave: 1. */
export async function autosave(
  browser: Agent,
  url: string,
  form: Record<string, string>,
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams({ _csrf: await browser.csrfToken(), ...form });
  return browser.request({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-autosave': '1' },
    payload: body.toString(),
  });
}

/** The hidden fields of a page's form (but the form token), as "Save what you entered" posts them. */
export function hiddenFields(html: string): Record<string, string> {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  const unescape = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&#92;/g, '\\')
      .replace(/&amp;/g, '&');
  return Object.fromEntries(
    [...main.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
      .filter((m) => m[1] !== '_csrf')
      .map((m) => [m[1] ?? '', unescape(m[2] ?? '')]),
  );
}

/** Text over several lines as the record keeps it: one kind of line break, no control characters. */
export function keptText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
      .trim()
  );
}

/** What `escape | nl2br` makes of text on a page. */
export function shownLines(text: string, escaped: (s: string) => string): string {
  return escaped(text).replace(/\n/g, '<br />\n');
}
