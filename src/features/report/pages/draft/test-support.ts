// For the drafting pages' tests: addresses, the rows the pages write, and a second browser signed
// in as the Lead (the Lead in two tabs).
import { agent, testPassword, type Agent, type TestApp } from '../../../../../test/app.js';
import type { SpotlightFixture } from '../../../../../test/spotlight-fixture.js';

export const reportUrl = (f: SpotlightFixture) => `/spotlights/${f.spotlightId}/report`;
export const sectionUrl = (f: SpotlightFixture, key: string) => `${reportUrl(f)}/sections/${key}`;
export const recommendationsUrl = (f: SpotlightFixture) => `${reportUrl(f)}/recommendations`;

/** Another browser signed in as the Lead: a second tab with its own session. */
export async function secondLeadTab(t: TestApp, f: SpotlightFixture): Promise<Agent> {
  const browser = agent(t.app);
  await browser.get('/sign-in');
  const response = await browser.post('/sign-in', { email: f.email.lead, password: testPassword });
  if (response.statusCode !== 303) throw new Error(`Sign-in failed with ${response.statusCode}`);
  await browser.get('/');
  return browser;
}

export async function sectionRow(t: TestApp, f: SpotlightFixture, key: string) {
  return t.services.database.db
    .selectFrom('report_section')
    .selectAll()
    .where('spotlight_id', '=', f.spotlightId)
    .where('section_key', '=', key)
    .executeTakeFirstOrThrow();
}

export async function recommendationRows(t: TestApp, f: SpotlightFixture) {
  return t.services.database.db
    .selectFrom('recommendation')
    .selectAll()
    .where('spotlight_id', '=', f.spotlightId)
    .orderBy('position')
    .execute();
}

/** The version number in the page's form. */
export function versionIn(html: string): string {
  const found = /name="version" value="(\d+)"/.exec(html);
  if (!found?.[1]) throw new Error('No version in the form');
  return found[1];
}
