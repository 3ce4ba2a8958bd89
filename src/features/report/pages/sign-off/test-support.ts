// For the review and sign-off tests: the report's row, its comments and versions as saved.
import { agent, testPassword, type Agent, type TestApp } from '../../../../../test/app.js';
import type {
  SpotlightFixture,
  SpotlightPersonKey,
} from '../../../../../test/spotlight-fixture.js';

export const reportPath = (f: SpotlightFixture) => `/spotlights/${f.spotlightId}/report`;

export async function reportRow(t: TestApp, f: SpotlightFixture) {
  return t.services.database.db
    .selectFrom('report')
    .selectAll()
    .where('spotlight_id', '=', f.spotlightId)
    .executeTakeFirstOrThrow();
}

export async function commentRows(t: TestApp, f: SpotlightFixture) {
  return t.services.database.db
    .selectFrom('report_comment')
    .selectAll()
    .where('spotlight_id', '=', f.spotlightId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function versionRows(t: TestApp, f: SpotlightFixture) {
  return t.services.database.db
    .selectFrom('report_version')
    .selectAll()
    .where('spotlight_id', '=', f.spotlightId)
    .orderBy('number')
    .execute();
}

/** Changes a section's words directly, as the drafting pages would between two versions. */
export async function setSummary(t: TestApp, f: SpotlightFixture, body: string) {
  await t.services.database.db
    .updateTable('report_section')
    .set({ body })
    .where('spotlight_id', '=', f.spotlightId)
    .where('section_key', '=', 'summary')
    .execute();
}

/** Days later the old sessions have ended: a new browser signed in afresh. */
export async function signInAfresh(
  t: TestApp,
  f: SpotlightFixture,
  key: SpotlightPersonKey,
): Promise<Agent> {
  const browser = agent(t.app);
  await browser.get('/sign-in');
  await browser.post('/sign-in', { email: f.email[key], password: testPassword });
  await browser.get('/');
  return browser;
}
