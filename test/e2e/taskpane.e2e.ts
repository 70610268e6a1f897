/**
 * The add-in's own task pane page (dist/taskpane.html, as Office loads it) under its
 * Content-Security-Policy in Chromium. Office.js is replaced by a small stand-in served from
 * Office's own address, so the policy is exercised exactly as in Office: the pane, Fluent UI and
 * the custom functions must start without a single violation, an injected inline script must be
 * refused, and no request may leave the add-in's origin.
 */
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { start } = require('../../scripts/serve-playground.js');

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Just enough of Office.js for the pane to start outside Office. */
const OFFICE_STUB = `
window.Office = {
  onReady: function (cb) { var info = { host: 'Excel', platform: 'OfficeOnline' }; if (cb) setTimeout(function () { cb(info); }); return Promise.resolve(info); },
  context: { displayLanguage: 'zh-CN', requirements: { isSetSupported: function () { return true; } } },
  actions: { associate: function () {} },
  addin: { showAsTaskpane: function () { return Promise.resolve(); } },
  HostType: { Excel: 'Excel' },
};
window.CustomFunctions = { associate: function () {}, Error: function () {}, ErrorCode: {} };
`;

let browser: Browser;
let page: Page;
let server: { close: () => void };
let url: string;
const violations: string[] = [];
const external: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(dist, 'taskpane.html')))
    execSync('npm run build:addin', { cwd: root, stdio: 'inherit' });
  ({ server, url } = await start({ port: 0, root: dist, index: 'taskpane.html' }));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 420, height: 800 } });
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: OFFICE_STUB }));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(url) && u !== OFFICE_JS && !u.startsWith('data:') && !u.startsWith('blob:')) external.push(u);
  });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const cspOf = (p: Page) => p.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

describe('the task pane under its Content-Security-Policy', () => {
  it('starts, renders the pane and loads the functions without a violation', async () => {
    await page.goto(`${url}taskpane.html`);
    await page
      .getByRole('button', { name: /一键审核/ })
      .first()
      .waitFor();
    // Switch through the tabs so that every panel's styles are inserted.
    for (const tab of ['填充', '模板', '说明', '设置', '审核']) await page.getByRole('tab', { name: tab }).click();
    expect(await cspOf(page)).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('refuses an injected inline script (the policy is in force)', async () => {
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = true';
      document.body.appendChild(s);
    });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect((await cspOf(page)).some((v) => v.startsWith('script-src'))).toBe(true);
  });

  it('makes no request outside its own origin (besides Office.js)', () => {
    expect(external).toEqual([]);
  });
});
