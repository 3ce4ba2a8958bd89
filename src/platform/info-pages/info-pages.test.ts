import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, buildTestApp, signedIn, type Agent, type TestApp } from '../../../test/app.js';
import { testDialects } from '../../../test/databases.js';

const pages = [
  {
    path: '/accessibility',
    title: 'Accessibility statement',
    h1: 'Accessibility statement for Spotlight',
  },
  { path: '/privacy', title: 'Privacy notice', h1: 'Privacy notice' },
  { path: '/cookies', title: 'Cookies', h1: 'Cookies' },
];

function headingsOf(html: string): string[] {
  return [...html.matchAll(/<h1[^>]*>([^<]*)<\/h1>/g)].map((m) => (m[1] ?? '').trim());
}

describe.each(testDialects())('accessibility, privacy and cookies pages (%s)', (dialect) => {
  let t: TestApp;
  let council: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    council = t.config.councilName;
  });
  afterAll(async () => t?.close());

  async function expectPages(browser: Agent) {
    for (const page of pages) {
      const response = await browser.get(page.path);
      expect(response.statusCode, page.path).toBe(200);
      expect(headingsOf(response.body), page.path).toEqual([page.h1]);
      expect(response.body).toContain(`<title>${page.title} - Spotlight - ${council}</title>`);
    }
  }

  it('shows each page to a signed-out visitor', async () => {
    await expectPages(agent(t.app));
  });

  it('shows each page to a signed-in user, who stays signed in', async () => {
    const { user, browser } = await signedIn(t, 'staff');
    await expectPages(browser);
    const cookies = await browser.get('/cookies');
    expect(cookies.body).toContain('Sign out');
    expect((await browser.get('/')).body).toContain(`Welcome, ${user.name}`);
  });

  it('links to all three pages from the footer of other pages', async () => {
    const signedOut = await agent(t.app).get('/sign-in');
    const { browser } = await signedIn(t, 'qa-coordinator');
    const home = await browser.get('/');
    for (const html of [signedOut.body, home.body]) {
      const footer = html.slice(html.indexOf('<footer'));
      for (const page of pages) expect(footer).toContain(`href="${page.path}"`);
    }
    for (const page of pages) {
      const footer = (await browser.get(page.path)).body.split('<footer')[1] ?? '';
      expect(footer).toContain('href="/accessibility"');
    }
  });

  it('names the council that runs Spotlight and the bodies that enforce the rules', async () => {
    const statement = (await agent(t.app).get('/accessibility')).body;
    expect(statement).toContain(
      `Spotlight is run by the Quality Assurance and Safeguarding Team of ${council}`,
    );
    expect(statement).toContain('WCAG) version 2.2 at level AA');
    expect(statement).toContain('partially compliant');
    expect(statement).toContain('Equality Advisory and Support Service');
    expect(statement).toContain('26 November 2026');

    const privacy = (await agent(t.app).get('/privacy')).body;
    expect(privacy).toContain(`${council} is the data controller`);
    expect(privacy).toContain('never holds children’s names');
    expect(privacy).toContain('Article 6(1)(e)');
    expect(privacy).toContain('0303 123 1113');
  });

  it('lists the one session cookie and how long it lasts', async () => {
    const page = (await agent(t.app).get('/cookies')).body;
    expect(page).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--s">The cookie Spotlight uses</caption>',
    );
    expect(page).toContain('spotlight-session');
    expect(page).toContain('after 30 minutes without activity, 12 hours after you signed in');
    expect(page).toContain('does not show a cookie banner');
    expect(page.match(/<tr class="govuk-table__row">/g)).toHaveLength(2);
  });

  it('states the time limits this council has set', async () => {
    const other = await buildTestApp(dialect, {
      env: {
        SESSION_IDLE_MINUTES: '1',
        SESSION_ABSOLUTE_HOURS: '8',
        COUNCIL_NAME: 'Fenmoor Council',
      },
    });
    try {
      const page = await agent(other.app).get('/cookies');
      expect(page.body).toContain('after 1 minute without activity, 8 hours after you signed in');
      expect(page.body).toContain('<title>Cookies - Spotlight - Fenmoor Council</title>');
    } finally {
      await other.close();
    }
  });
});
