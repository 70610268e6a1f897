/**
 * The browser page in a real browser: load a workbook through the file input, press 一键审核,
 * see the findings, click one and see the grid move, apply a fill, export the report, switch to
 * English. Screenshots of each step go to test-results/e2e/.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPage } from './chromium';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { start } = require('../../scripts/serve-playground.js');

const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-results', 'e2e');

let browser: Browser;
let page: Page;
let server: { close: () => void };
let url: string;
let external: string[] = [];
let errors: string[] = [];
let step = 0;

async function shot(name: string): Promise<void> {
  step++;
  await page.screenshot({ path: path.join(shots, `${String(step).padStart(2, '0')}-${name}.png`) });
}

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  ({ server, url } = await start({ port: 0 }));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  ({ external, errors } = watchPage(page, url));
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the browser page', () => {
  it('opens with the bundled sample', async () => {
    await page.goto(url);
    await page.waitForSelector('[data-testid=grid] td[data-cell]');
    expect(await page.textContent('[data-testid=file-name]')).toBe('seed001-published.xlsx');
    await shot('opened');
  });

  it('loads a workbook through the file input', async () => {
    await page.setInputFiles('[data-testid=file-input]', path.join(root, 'samples', 'seed001-typo.xlsx'));
    await page.waitForFunction(() => document.body.dataset.loaded === 'seed001-typo.xlsx');
    expect(await page.textContent('[data-testid=file-name]')).toBe('seed001-typo.xlsx');
    await shot('loaded');
  });

  it('一键审核 shows the findings', async () => {
    await page.getByRole('button', { name: '一键审核' }).click();
    await page.waitForSelector('[data-testid=audit-counts]');
    const counts = await page.textContent('[data-testid=audit-counts]');
    expect(counts).toContain('错误 5');
    expect(counts).toContain('警告 0');
    const texts = await page.locator('[data-testid=finding]').allTextContents();
    expect(texts).toHaveLength(5);
    expect(texts.join('\n')).toContain(
      '表3 20801 人力资源和社会保障管理事务 合计：302.20 ≠ 基本支出 287.48 + 项目支出 23.72 = 311.20，差 9.00',
    );
    await shot('audited');
  });

  it('clicking a finding activates its sheet and selects its cell in the grid', async () => {
    await page.locator('[data-testid=finding]', { hasText: 'E8' }).first().click();
    await page.waitForSelector('[data-testid=grid][data-sheet="表3"] td[data-selected=true]');
    expect(await page.getAttribute('td[data-selected=true]', 'data-cell')).toBe('E8');
    await page.locator('[data-testid=finding]', { hasText: 'D7' }).first().click();
    await page.waitForSelector('[data-testid=grid][data-sheet="表6"] td[data-selected=true][data-cell=D7]');
    await shot('selected');
  });

  it('a fill, once applied, changes the cell (and only the ticked ones)', async () => {
    await page.getByTestId('tab-fill').click();
    await page.getByTestId('fill-propose').click();
    await page.waitForSelector('[data-testid=fill-list]');
    // A value the user typed is only changed when ticked: 表3!F8 (287.48, wrong) starts unticked.
    const item = page.getByLabel(/^表3!F8：/);
    expect(await item.isChecked()).toBe(false);
    await item.check();
    await shot('fill-preview');
    await page.getByTestId('fill-apply').click();
    await page.getByTestId('sheet-tab').filter({ hasText: /^表3$/ }).click();
    await page.waitForSelector('[data-testid=grid][data-sheet="表3"]');
    expect(await page.textContent('td[data-cell=F8]')).toBe('278.48');
    await shot('filled');
  });

  it('exports the report into the workbook and as a download', async () => {
    await page.getByTestId('tab-audit').click();
    await page.getByRole('button', { name: '重新审核' }).click();
    await page.waitForSelector('[data-testid=audit-counts]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toBe('审核报告.xlsx');
    await page.waitForSelector('[data-testid=sheet-tab]:has-text("审核报告")');
    await page.getByTestId('sheet-tab').filter({ hasText: '审核报告' }).click();
    expect(await page.textContent('[data-testid=grid]')).toContain('审核报告');
    await shot('exported');
  });

  it('switches to English', async () => {
    await page.getByTestId('tab-settings').click();
    await page.getByText('English').click();
    await page.getByTestId('tab-audit').click();
    expect(await page.getByRole('button', { name: 'Validate again' }).count()).toBe(1);
    expect(await page.textContent('[data-testid=audit-counts]')).toMatch(/\d+ errors?/);
    await shot('english');
  });

  it('shows, for every fixture, the same findings as budget-check validate', async () => {
    const { validateWorkbook } = await import('../../src/engine/validate');
    const { readXlsx } = await import('../../src/xlsx/read');
    await page.getByTestId('tab-settings').click();
    await page.getByText('中文').click();
    await page.getByTestId('tab-audit').click();
    const dir = path.join(root, 'test', 'fixtures', 'xlsx');
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.xlsx'))
      .sort()) {
      const expected = validateWorkbook(await readXlsx(fs.readFileSync(path.join(dir, file))));
      await page.setInputFiles('[data-testid=file-input]', path.join(dir, file));
      await page.waitForFunction((name) => document.body.dataset.loaded === name, file);
      await page.getByRole('button', { name: '一键审核' }).click();
      await page.waitForSelector('[data-testid=audit-counts]');
      const { errors, warnings, infos } = expected.summary;
      expect([file, await page.textContent('[data-testid=audit-counts]')]).toEqual([
        file,
        `错误 ${errors}警告 ${warnings}提示 ${infos}`,
      ]);
      const shown = await page.locator('[data-testid=finding]').count();
      expect([file, shown]).toEqual([file, expected.findings.length]);
    }
    await shot('fixtures');
  });

  it('loads nothing from outside its own origin and throws no page error', () => {
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });
});
