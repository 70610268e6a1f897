/** Debian's Chromium for the end-to-end tests, driven by playwright-core (no browser download). */
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * Records what a page of `origin` loads from elsewhere (blob: and data: URLs aside) and the errors
 * it throws; with `csp`, a Content Security Policy refusal logged to the console counts as an error.
 */
export function watchPage(
  page: Page,
  origin: string,
  options: { csp?: boolean } = {},
): { external: string[]; errors: string[] } {
  const seen = { external: [] as string[], errors: [] as string[] };
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
      seen.external.push(r.url());
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  if (options.csp)
    page.on('console', (m) => {
      // a CSP refusal shows up here, not as a page error
      if (m.type() === 'error' && /Content Security Policy|Refused/i.test(m.text())) seen.errors.push(m.text());
    });
  return seen;
}
