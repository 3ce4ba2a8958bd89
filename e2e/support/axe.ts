/// <reference lib="dom" />
// Axe (WCAG 2.2 AA) and the reflow check. Axe needs timers, which do not run in a page with
// JavaScript switched off; there it checks a copy of the page, as loaded, in a helper page whose
// content security policy blocks every script of the page, so the copy is still the no-JS page.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** Copies of no-JS pages, checked in one helper browser context that may run axe. */
export class ScriptFreeCopies {
  private context: BrowserContext | undefined;

  constructor(private readonly browser: Browser) {}

  async analyze(page: Page): Promise<AxeResults> {
    const url = page.url().split('#')[0] ?? page.url();
    const html = await page.content();
    this.context ??= await this.browser.newContext({ locale: 'en-GB', javaScriptEnabled: true });
    const copy = await this.context.newPage();
    try {
      await copy.setViewportSize(page.viewportSize() ?? { width: 1280, height: 800 });
      await copy.route(url, (route) =>
        route.fulfill({
          status: 200,
          headers: {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': "script-src 'none'",
          },
          body: html,
        }),
      );
      await copy.goto(url);
      return await new AxeBuilder({ page: copy }).withTags(wcagTags).analyze();
    } finally {
      await copy.close();
    }
  }

  async close(): Promise<void> {
    await this.context?.close();
  }
}

/** Axe finds nothing to report on the page (with JavaScript off: on a script-free copy). */
export async function expectNoAxeViolations(
  page: Page,
  scriptFreeCopies?: ScriptFreeCopies,
): Promise<void> {
  const results = scriptFreeCopies
    ? await scriptFreeCopies.analyze(page)
    : await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const described = results.violations.map(
    (v) =>
      `- ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}\n` +
      v.nodes.map((n) => `    at ${n.target.join(' ')}`).join('\n'),
  );
  expect(described, `Accessibility problems (axe) on ${page.url()}`).toEqual([]);
}

/** WCAG 1.4.10 reflow: no sideways scrolling (tested on every page; it matters at 320 px). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    content: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(
    widths.content,
    `${page.url()} is ${widths.content} px wide in a ${widths.window} px window: it scrolls sideways`,
  ).toBeLessThanOrEqual(widths.window + 1);
}
