import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Headless Chromium for the UI tests: the system one unless CHROMIUM_PATH names another; it never goes online. */
export function launchTestBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A fresh browser context logged in to the UI at `baseUrl` with an API token, once the UI shows who is in. */
export async function logInWithToken(
  browser: Browser,
  baseUrl: string,
  token: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  // Waits are bounded by the test's own timeout, not Playwright's 30 s: a loaded CI machine is slow, not wrong.
  context.setDefaultTimeout(0);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('API token').fill(token);
  await page.keyboard.press('Enter');
  await page.getByTestId('actor').waitFor();
  return { context, page };
}
