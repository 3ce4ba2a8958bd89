// Helpers for the preparation pages' tests: audit entries about a Spotlight, its nominations as
// stored, and every address a page links or posts to (none may hold a case number).
import type { Agent, TestApp } from '../../../../../test/app.js';
import type {
  SpotlightFixture,
  SpotlightPersonKey,
} from '../../../../../test/spotlight-fixture.js';
import { fromDbJson } from '../../../../platform/db/convert.js';

export async function auditEntries(t: TestApp, action: string, spotlightId: string) {
  const rows = await t.services.database.db
    .selectFrom('audit_event')
    .select(['actor_name', 'case_numbers', 'details', 'at'])
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

export async function nominationRows(t: TestApp, spotlightId: string) {
  return t.services.database.db
    .selectFrom('nomination')
    .selectAll()
    .where('spotlight_id', '=', spotlightId)
    .orderBy('practitioner_person_id')
    .orderBy('kind')
    .execute();
}

/** Every href and form action on a page. */
export function urlsIn(html: string): string[] {
  return [...html.matchAll(/(?:href|action)="([^"]*)"/g)].map((m) => m[1] ?? '');
}

/** A browser signed in as the fixture's person, holding a form token for that session. */
export async function signInAs(f: SpotlightFixture, key: SpotlightPersonKey): Promise<Agent> {
  const browser = await f.as(key);
  await browser.get('/');
  return browser;
}
