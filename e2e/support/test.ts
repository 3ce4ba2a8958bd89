// The `test` every journey uses. Its `checkPage` fixture runs axe (WCAG 2.2 AA) and the reflow
// check on the page in front of the user; and every page the test loads must be checked, or the
// test fails at the end naming the pages it skipped.
import { test as base, expect, type Response } from '@playwright/test';
import { ScriptFreeCopies, expectNoAxeViolations, expectNoSidewaysScroll } from './axe.js';

export { expect };

interface Visit {
  what: string;
  checked: boolean;
}

function withoutHash(url: string): string {
  return url.split('#')[0] ?? url;
}

export const test = base.extend<{ checkPage: () => Promise<void> }>({
  checkPage: async ({ page, browser, javaScriptEnabled }, use, testInfo) => {
    // Every HTML page the browser loads, in order. Response events arrive before the page's
    // content can be seen, so the page in front of the user is always the last one here.
    const visits: Visit[] = [];
    const record = (response: Response) => {
      const request = response.request();
      if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
      if (response.status() >= 300 && response.status() < 400) return;
      if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) return;
      visits.push({
        what: `${request.method()} ${withoutHash(response.url())} (${response.status()})`,
        checked: false,
      });
    };
    page.on('response', record);
    const copies = javaScriptEnabled === false ? new ScriptFreeCopies(browser) : undefined;

    await use(async () => {
      await page.waitForLoadState('load');
      const current = visits.at(-1);
      const here = withoutHash(page.url());
      expect(current?.what ?? 'no page', 'the page being checked is the last one loaded').toContain(
        ` ${here} (`,
      );
      await expectNoAxeViolations(page, copies);
      await expectNoSidewaysScroll(page);
      if (current) current.checked = true;
    });

    page.off('response', record);
    await copies?.close();
    if (testInfo.status !== testInfo.expectedStatus) return; // already failed: say nothing more
    const unchecked = visits.filter((v) => !v.checked).map((v) => v.what);
    expect(unchecked, 'pages the journey visited without checkPage()').toEqual([]);
  },
});
