// What every page has: the header (with "Sign out" once signed in) and the footer's links.
import { expect, type Locator, type Page } from '@playwright/test';

export class Layout {
  constructor(readonly page: Page) {}

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async expectHeading(name: string | RegExp): Promise<void> {
    await expect(this.heading(name)).toBeVisible();
  }

  /** The success banner shown after a change. */
  successBanner(): Locator {
    return this.page.getByRole('alert', { name: 'Success' });
  }

  /** The GOV.UK error summary, found by its title. */
  errorSummary(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'There is a problem' });
  }

  async expectErrorSummary(...messages: string[]): Promise<void> {
    const summary = this.errorSummary();
    await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(this.page).toHaveTitle(/^Error: /);
    for (const message of messages) {
      await expect(summary.getByRole('link', { name: message })).toBeVisible();
    }
  }

  /** Follows an error summary link and checks it lands on the field it names. */
  async followErrorTo(message: string, field: Locator): Promise<void> {
    await this.errorSummary().getByRole('link', { name: message }).click();
    await expect(field).toBeFocused();
  }

  private footer(): Locator {
    return this.page.getByRole('contentinfo');
  }

  async openFooterLink(name: 'Accessibility statement' | 'Privacy notice' | 'Cookies') {
    await this.footer().getByRole('link', { name, exact: true }).click();
  }

  /**
   * The header's "Sign out" button. On a narrow screen with JavaScript the navigation folds into
   * a "Menu" button, which has to be opened first.
   */
  async signOut(): Promise<void> {
    const header = this.page.getByRole('banner');
    const menu = header.getByRole('button', { name: 'Menu' });
    const signOut = header.getByRole('button', { name: 'Sign out' });
    if ((await menu.isVisible()) && !(await signOut.isVisible())) await menu.click();
    await signOut.click();
  }

  async followNavigation(name: string): Promise<void> {
    const header = this.page.getByRole('banner');
    const menu = header.getByRole('button', { name: 'Menu' });
    const link = header.getByRole('link', { name, exact: true });
    if ((await menu.isVisible()) && !(await link.isVisible())) await menu.click();
    await link.click();
  }
}
