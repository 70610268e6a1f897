/**
 * The browser page loads a pack (the bundled example) in 设置, opens the pack's sample workbook,
 * and 一键审核 reports the pack's formula at its cell. Screenshot in test-results/e2e/.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { start } = require('../../scripts/serve-playground.js');

const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-results', 'e2e');

let browser: Browser;
let page: Page;
let server: { close: () => void };
let url: string;
const errors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  ({ server, url } = await start({ port: 0 }));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

it('loads a pack in 设置 and reports its formula on the sample', async () => {
  await page.goto(url);
  await page.waitForSelector('[data-testid=grid] td[data-cell]');
  await page.setInputFiles('[data-testid=file-input]', path.join(root, 'samples', 'packs', 'example-package.xlsx'));
  await page.waitForFunction(() => document.body.dataset.loaded === 'example-package.xlsx');
  await page.getByTestId('tab-settings').click();
  await page.setInputFiles('[data-testid=pack-input]', path.join(root, 'samples', 'packs', 'example-pack.txt'));
  await page.getByText('示例地区补充表样与审核公式（example-pack.txt）：1 张表样，3 条公式').waitFor();
  await page.getByTestId('tab-audit').click();
  await page.getByRole('button', { name: '一键审核' }).click();
  await page.waitForSelector('[data-testid=audit-counts]');
  expect(await page.textContent('[data-testid=audit-counts]')).toContain('错误 1');
  const texts = await page.locator('[data-testid=finding]').allTextContents();
  expect(texts.join('\n')).toContain(
    '表12 2080109 社会保险经办机构 合计：30.00 ≠ 货物 12.50 + 工程 0.00 + 服务 18.00 = 30.50',
  );
  await page.locator('[data-testid=finding]', { hasText: 'E9' }).first().click();
  await page.waitForSelector('[data-testid=grid][data-sheet="表12"] td[data-selected=true][data-cell=E9]');
  await page.screenshot({ path: path.join(shots, 'packs-finding.png') });
  expect(errors).toEqual([]);
}, 120_000);
