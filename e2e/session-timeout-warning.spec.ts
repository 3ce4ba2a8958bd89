// The GOV.UK timeout warning: two minutes before an idle session ends, Spotlight asks whether to
// stay signed in; staying keeps the session; letting time run out signs out and brings the user
// back to the same page after signing in again. The page's clock is Playwright's, not real time.
import { Layout } from './pages/layout.js';
import { SignInPage } from './pages/sign-in.page.js';
import { qaCoordinator } from './support/settings.js';
import { expect, test } from './support/test.js';

test('the timeout warning keeps a session alive or signs out when time is up', async ({
  page,
  checkPage,
}) => {
  await page.clock.install();
  const signIn = new SignInPage(page);
  const layout = new Layout(page);

  await page.goto('/cookies');
  await checkPage();
  await page.goto('/sign-in?returnTo=%2Fcookies');
  await checkPage();
  await signIn.signIn(qaCoordinator.email, qaCoordinator.password);
  await expect(page).toHaveURL('/cookies');
  await checkPage();

  const warning = page.getByRole('dialog', { name: 'You’re about to be signed out' });
  await expect(warning).toBeHidden();

  // 28 minutes without activity: the warning appears and says how long is left.
  await page.clock.fastForward('28:01');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('2 minutes');
  await checkPage();

  // Staying signed in closes it, and the session really is still there.
  const keptAlive = page.waitForResponse((response) =>
    response.url().endsWith('/session/keep-alive'),
  );
  await warning.getByRole('button', { name: 'Stay signed in' }).click();
  expect((await keptAlive).status()).toBe(200);
  await expect(warning).toBeHidden();

  // Letting it run out signs the user out and asks them to sign in again, then returns them here.
  await page.clock.fastForward('28:01');
  await expect(warning).toBeVisible();
  await page.clock.fastForward('02:00');
  await signIn.expectShown();
  await expect(
    page.getByText('You were signed out because you had not used Spotlight for a while'),
  ).toBeVisible();
  await checkPage();
  await signIn.signIn(qaCoordinator.email, qaCoordinator.password);
  await expect(page).toHaveURL('/cookies');
  await layout.expectHeading(/cookies/i);
  await checkPage();
});
