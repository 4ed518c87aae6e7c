import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { generate } from 'otplib';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestUser } from './factories';
import { createTestApp, type TestContext } from './test-app';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(__dirname, '..', '..', 'test-results', 'screenshots');

/**
 * Browser tests need Debian's Chromium. Without it they are skipped with the reason printed,
 * except in CI (CI=true), where .ci/run installs it and a missing browser is a failure.
 */
export const describeBrowser: jest.Describe = (() => {
  if (existsSync(CHROMIUM_PATH)) return describe;
  if (process.env.CI)
    throw new Error(
      `Chromium ontbreekt op ${CHROMIUM_PATH}; .ci/run installeert het (apt-get install chromium).`,
    );
  console.warn(
    `Browsertests overgeslagen: geen Chromium op ${CHROMIUM_PATH} (apt-get install -y chromium, of zet CHROMIUM_PATH).`,
  );
  return describe.skip;
})();

export interface BrowserContext {
  ctx: TestContext;
  baseUrl: string;
  browser: Browser;
  /** A page in its own browser context (own cookies), as axe-core requires. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** The real app on a loopback port and a headless Chromium to drive it. */
export async function startBrowserApp(): Promise<BrowserContext> {
  const ctx = await createTestApp();
  const server: Server = await new Promise((resolve) => {
    const s = ctx.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    ctx,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async newPage() {
      const context = await browser.newContext();
      return context.newPage();
    },
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await ctx.close();
    },
  };
}

/** axe-core on the current page: the serious and critical violations (should be none). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the login form with the keyboard only. */
export async function keyboardLogin(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/inloggen`);
  await page.keyboard.press('Tab'); // skip link
  await page.locator('#veld-email').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  // The form post is a navigation (to the next page, or the form again with an error).
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

/**
 * Signs a test user in with the keyboard only, second factor included: curators and admins have
 * TOTP enrolled (buildUser), so after the password the login asks for a code. A code works once
 * per user (replay guard); the guard is cleared first, so a test may sign the same user in twice.
 */
export async function keyboardLoginAs(page: Page, b: BrowserContext, user: TestUser) {
  await keyboardLogin(page, b.baseUrl, user.email, user.password);
  const step = new URL(page.url()).pathname;
  if (step === '/inloggen') throw new Error(`Inloggen mislukt voor ${user.email}`);
  if (step !== '/inloggen/code') return;
  if (!user.totpSecret) throw new Error(`${user.email} heeft geen tweede factor, maar de login vraagt erom`);
  await b.ctx.db.dataSource.query(`UPDATE users SET totp_last_step = NULL WHERE id = $1`, [user.id]);
  await page.locator('#veld-code').focus();
  await page.keyboard.type(await generate({ secret: user.totpSecret }));
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  if (new URL(page.url()).pathname.startsWith('/inloggen')) {
    throw new Error(`Inloggen met de tweede factor mislukt voor ${user.email}`);
  }
}
