// For the tests of the Spotlight page and "Your tasks": preparation rows written straight into the
// database, as the preparation pages would write them.
import { newId } from '../../../platform/ids.js';
import { agent, testPassword, type Agent, type TestApp } from '../../../../test/app.js';
import type { SpotlightFixture, SpotlightPersonKey } from '../../../../test/spotlight-fixture.js';

export async function addDocument(
  t: TestApp,
  spotlightId: string,
  documentType: string,
  byPersonId: string | null = null,
): Promise<void> {
  await t.services.database.db
    .insertInto('spotlight_document')
    .values({
      id: newId(),
      spotlight_id: spotlightId,
      document_type: documentType,
      display_name: `${documentType}.pdf`,
      stored_name: newId(),
      media_type: 'application/pdf',
      size_bytes: 1000,
      sha256: '0'.repeat(64),
      uploaded_by_person_id: byPersonId,
      uploaded_at: t.clock.now().toISOString(),
    })
    .execute();
}

export async function addNomination(
  t: TestApp,
  spotlightId: string,
  practitionerPersonId: string,
  kind: 'proud' | 'challenging',
  caseNumber: string,
): Promise<void> {
  await t.services.database.db
    .insertInto('nomination')
    .values({
      id: newId(),
      spotlight_id: spotlightId,
      practitioner_person_id: practitionerPersonId,
      kind,
      case_system: 'LCS',
      case_number: caseNumber,
      reason: null,
      entered_by_person_id: practitionerPersonId,
      entered_at: t.clock.now().toISOString(),
      late: 0,
      version: 1,
    })
    .execute();
}

export async function forwardNominations(
  t: TestApp,
  spotlightId: string,
  byPersonId: string,
  at: string,
): Promise<void> {
  await t.services.database.db
    .insertInto('spotlight_preparation')
    .values({
      spotlight_id: spotlightId,
      nominations_forwarded_at: at,
      nominations_forwarded_by_person_id: byPersonId,
      case_list_updated_at: null,
      case_list_updated_by_person_id: null,
      version: 1,
    })
    .execute();
}

/** A case list of `count` numbers: 'LCS-100000', 'LCS-100001', ... */
export async function addCaseList(t: TestApp, spotlightId: string, count: number): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => ({
    spotlight_id: spotlightId,
    position: i + 1,
    case_system: 'LCS',
    case_number: `${100000 + i}`,
  }));
  for (let i = 0; i < rows.length; i += 100) {
    await t.services.database.db
      .insertInto('case_list_entry')
      .values(rows.slice(i, i + 100))
      .execute();
  }
}

export async function confirmAccess(
  t: TestApp,
  spotlightId: string,
  personId: string,
): Promise<void> {
  await t.services.database.db
    .insertInto('recording_access')
    .values({
      spotlight_id: spotlightId,
      person_id: personId,
      confirmed_at: t.clock.now().toISOString(),
    })
    .execute();
}

/** The text of a page without its tags, spaces collapsed: for reading as a person would. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/**
 * A browser newly signed in as one of the fixture's people. Tests that move the clock need one:
 * a session signed in before the move has timed out after it.
 */
export async function signInNow(
  t: TestApp,
  f: SpotlightFixture,
  key: SpotlightPersonKey,
): Promise<Agent> {
  const browser = agent(t.app);
  await browser.get('/sign-in');
  const response = await browser.post('/sign-in', { email: f.email[key], password: testPassword });
  if (response.statusCode !== 303) throw new Error(`Sign-in failed for ${key}`);
  return browser;
}
