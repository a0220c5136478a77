// Debian's Chromium (/usr/bin/chromium, or CSRCRAFT_CHROMIUM) driven by npm playwright-core,
// headless, in a fresh temporary profile that is removed on close. No browser is ever
// downloaded: playwright-core has no browsers of its own and is only given this executable.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CSRCRAFT_CHROMIUM ?? '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A browser with a fresh profile: resolves to { context, page, profile, close() }. The
 * context is Playwright's persistent context over that profile; `page` is its first tab.
 * `acceptDownloads` lets a test read what the page saves (Playwright's `download` event and
 * `download.path()`); off by default, so a download nobody expects fails. `locale` (e.g.
 * `zh-CN`) is the language the browser reports to the page (navigator.language and
 * Accept-Language); Chromium's own, en-US, by default. `args` are added to ARGS.
 */
export async function launch({ timeout = 60_000, acceptDownloads = false, locale, args = [] } = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (scripts/setup) or set CSRCRAFT_CHROMIUM`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'csrcraft-browser-profile-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: [...ARGS, ...args],
      headless: true,
      timeout,
      acceptDownloads,
      ...(locale ? { locale } : {}),
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    profile,
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}
