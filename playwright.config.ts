// Browser tests: the same journeys in Debian's Chromium on a desktop screen, with JavaScript off,
// and at 320 CSS pixels wide (WCAG reflow). Never downloads a browser.
import { defineConfig, devices } from '@playwright/test';
import { e2eBaseUrl } from './e2e/support/settings.js';

const chromium = {
  ...devices['Desktop Chrome'],
  headless: true,
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  fullyParallel: false,
  reporter: 'list',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: e2eBaseUrl,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npx tsx e2e/start-server.ts',
    url: `${e2eBaseUrl}/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
  projects: [
    {
      name: 'desktop',
      use: { ...chromium, viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'no-javascript',
      use: { ...chromium, viewport: { width: 1280, height: 800 }, javaScriptEnabled: false },
      // The timeout warning is JavaScript; without it the server asks people to sign in again
      // (proved in test/security/sessions.test.ts with the server's clock).
      testIgnore: /session-timeout-warning/,
    },
    {
      name: 'mobile-320',
      use: { ...chromium, viewport: { width: 320, height: 640 } },
    },
  ],
});
