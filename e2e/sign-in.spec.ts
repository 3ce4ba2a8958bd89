// Signing in and out, and the pages every visitor can read from the footer.
import { Layout } from './pages/layout.js';
import { SignInPage } from './pages/sign-in.page.js';
import { qaCoordinator } from './support/settings.js';
import { expect, test } from './support/test.js';

test('a QA coordinator signs in, reads the footer pages and signs out', async ({
  page,
  checkPage,
}) => {
  const signIn = new SignInPage(page);
  const layout = new Layout(page);

  // Signed out, the home page asks you to sign in.
  await page.goto('/');
  await signIn.expectShown();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await checkPage();

  // A wrong password: the error summary links to the field, and the email is kept.
  await signIn.signIn(qaCoordinator.email, 'not the right password');
  await layout.expectErrorSummary('Enter a correct email address and password');
  await expect(page).toHaveTitle(/^Error: Sign in - Spotlight/);
  await expect(signIn.email).toHaveValue(qaCoordinator.email);
  await expect(signIn.password).toHaveValue('');
  await checkPage();
  await layout.followErrorTo('Enter a correct email address and password', signIn.email);

  // The right password lands on the home page, with the user's name.
  await signIn.signIn(qaCoordinator.email, qaCoordinator.password);
  await expect(page).toHaveURL('/');
  await layout.expectHeading(`Welcome, ${qaCoordinator.name}`);
  await expect(page.getByText('QA coordinator', { exact: true })).toBeVisible();
  await checkPage();

  // The footer's pages open for a signed-in user.
  const footerPages = [
    { link: 'Accessibility statement', url: '/accessibility', heading: /accessibility statement/i },
    { link: 'Privacy notice', url: '/privacy', heading: /privacy notice/i },
    { link: 'Cookies', url: '/cookies', heading: /cookies/i },
  ] as const;
  for (const footerPage of footerPages) {
    await layout.openFooterLink(footerPage.link);
    await expect(page).toHaveURL(footerPage.url);
    await layout.expectHeading(footerPage.heading);
    await checkPage();
  }

  // Signing out says so, and the home page then asks to sign in again.
  await layout.signOut();
  await expect(page).toHaveURL('/signed-out');
  await layout.expectHeading('You have signed out');
  await checkPage();

  await page.goto('/');
  await signIn.expectShown();
  await checkPage();
});

test('the footer pages can be read without signing in', async ({ page, checkPage }) => {
  const layout = new Layout(page);
  await page.goto('/sign-in');
  await checkPage();
  for (const link of ['Accessibility statement', 'Privacy notice', 'Cookies'] as const) {
    await layout.openFooterLink(link);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
    await checkPage();
  }
});
