// The sign-in page: email address and password.
import { expect, type Page } from '@playwright/test';
import { Layout } from './layout.js';

export class SignInPage extends Layout {
  constructor(page: Page) {
    super(page);
  }

  readonly email = this.page.getByLabel('Email address');
  readonly password = this.page.getByLabel('Password', { exact: true });

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(/\/sign-in(\?|$)/);
    await this.expectHeading('Sign in to Spotlight');
    await expect(this.page).toHaveTitle(/Sign in - Spotlight/);
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
}
