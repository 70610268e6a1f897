/**
 * The browser page with a published PDF: drop the hand-made test PDF (its 合计 row 50.00 off),
 * press 一键审核, click the finding and see the page rendered by pdf.js with the cell outlined at
 * the right place; download the rebuilt tables as an .xlsx. Screenshots go to test-results/e2e/.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPage } from './chromium';
import { imageOnlyPdf, samplePdf } from '../pdf/make-pdf';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { start } = require('../../scripts/serve-playground.js');

const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-results', 'e2e');
const NAME = '2024年部门决算-样例.pdf';
/** The page size of samplePdf (A4, points) and the ruled cell of 合计 × 合计 (row 1, column 2). */
const PAGE_W = 595;
const CELL = { x0: 250, y0: 170, x1: 330, y1: 190 };

let browser: Browser;
let page: Page;
let server: { close: () => void };
let url: string;
let external: string[] = [];
let errors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `pdf-${name}.png`) });
}

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  ({ server, url } = await start({ port: 0 }));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 }, acceptDownloads: true });
  ({ external, errors } = watchPage(page, url, { csp: true }));
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the browser page with a PDF', () => {
  it('opens a dropped PDF: its table becomes a sheet', async () => {
    await page.goto(url);
    await page.waitForSelector('[data-testid=grid] td[data-cell]');
    const bytes = Array.from(samplePdf());
    await page.evaluate(
      ({ bytes, name }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
        const target = document.querySelector('.page')!;
        target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
        target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
      },
      { bytes, name: NAME },
    );
    await page.waitForFunction((name) => document.body.dataset.loaded === name, NAME);
    expect(await page.textContent('[data-testid=file-name]')).toBe(NAME);
    expect(await page.locator('[data-testid=sheet-tab]').allTextContents()).toEqual(['一般公共预算财政拨款支出决算表']);
    expect(await page.textContent('td[data-cell=C4]')).toBe('300.00');
    await shot('opened');
  });

  it('一键审核 finds the planted error', async () => {
    await page.getByRole('button', { name: '一键审核' }).click();
    await page.waitForSelector('[data-testid=audit-counts]');
    expect(await page.textContent('[data-testid=audit-counts]')).toContain('错误 2');
    const texts = await page.locator('[data-testid=finding]').allTextContents();
    expect(texts.join('\n')).toContain('合计：300.00 ≠ 基本支出 100.00 + 项目支出 150.00 = 250.00，差 50.00');
  });

  it('clicking the finding shows the page with the cell outlined', async () => {
    await page.locator('[data-testid=finding]', { hasText: '基本支出 100.00 + 项目支出 150.00' }).first().click();
    await page.waitForSelector('td[data-selected=true][data-cell=C4]');
    await page.waitForSelector('[data-testid=pdf-canvas][data-rendered]');
    await page.waitForSelector('[data-testid=pdf-outline]');
    expect(await page.getAttribute('[data-testid=pdf-view]', 'data-page')).toBe('1');
    const canvas = (await page.locator('[data-testid=pdf-canvas]').boundingBox())!;
    const outline = (await page.locator('[data-testid=pdf-outline]').boundingBox())!;
    const s = canvas.width / PAGE_W;
    const cell = {
      x0: canvas.x + CELL.x0 * s,
      y0: canvas.y + CELL.y0 * s,
      x1: canvas.x + CELL.x1 * s,
      y1: canvas.y + CELL.y1 * s,
    };
    const o = { x0: outline.x, y0: outline.y, x1: outline.x + outline.width, y1: outline.y + outline.height };
    const overlap =
      Math.max(0, Math.min(o.x1, cell.x1) - Math.max(o.x0, cell.x0)) *
      Math.max(0, Math.min(o.y1, cell.y1) - Math.max(o.y0, cell.y0));
    // most of the outline lies in the ruled cell, and its centre does
    expect(overlap / (outline.width * outline.height)).toBeGreaterThan(0.8);
    const cx = (o.x0 + o.x1) / 2;
    const cy = (o.y0 + o.y1) / 2;
    expect(cx > cell.x0 && cx < cell.x1 && cy > cell.y0 && cy < cell.y1).toBe(true);
    // the page is drawn: the canvas under the outline is not blank
    const inked = await page.evaluate(() => {
      const c = document.querySelector('[data-testid=pdf-canvas]') as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 128 && d[i + 3] > 0) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(500);
    await shot('outlined');
  });

  it('downloads the rebuilt tables as an editable .xlsx', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-workbook').click(),
    ]);
    expect(download.suggestedFilename()).toBe('2024年部门决算-样例（表格）.xlsx');
    const file = path.join(shots, 'pdf-download.xlsx');
    await download.saveAs(file);
    const { readXlsx } = await import('../../src/xlsx/read');
    const wb = await readXlsx(fs.readFileSync(file));
    expect(wb.sheets.map((s) => s.name)).toEqual(['一般公共预算财政拨款支出决算表']);
    expect(wb.sheets[0].rows[3]?.[2]?.v).toBe(300);
  });

  it('the text of the PDF is in 说明, ready to check against the tables', async () => {
    await page.getByRole('tab', { name: '说明' }).click();
    const box = page.getByRole('textbox', { name: /粘贴|情况说明/ }).last();
    expect(await box.inputValue()).toContain('2024年度一般公共预算财政拨款支出250.00万元');
    await page.getByRole('tab', { name: '审核' }).click();
  });

  it('a scanned PDF (no text layer) gives the clear message, and the page keeps its workbook', async () => {
    await page.setInputFiles('[data-testid=file-input]', {
      name: '扫描件.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(imageOnlyPdf()),
    });
    await page.waitForSelector('[role=alert]');
    expect(await page.textContent('[role=alert]')).toContain('扫描件.pdf：PDF 没有文字层（扫描件？）');
    expect(await page.textContent('[data-testid=file-name]')).toBe(NAME);
    await shot('scanned');
  });

  // The published PDFs of ../shared/real where present (skipped, not passed, elsewhere): the page
  // rebuilds the same sheets as the CLI's code in Node, 一键审核 gives the same counts, and a
  // finding clicked shows its page with the outline.
  const REAL = path.join(root, '..', 'shared', 'real');
  const reals = fs.existsSync(REAL)
    ? fs
        .readdirSync(REAL)
        .filter((f) => f.endsWith('.pdf'))
        .sort()
    : [];
  (reals.length ? it : it.skip)(
    'a published PDF: the same sheets and counts as in Node, a finding shown on its page',
    async () => {
      const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-e2e-')), 'pages.json');
      const r = spawnSync(
        process.execPath,
        [
          '-r',
          'tsx/cjs',
          path.join(root, 'test', 'pdf', 'read-pages.ts'),
          out,
          ...reals.map((f) => path.join(REAL, f)),
        ],
        { encoding: 'utf8', cwd: root },
      );
      if (r.status !== 0) throw new Error(`reading the PDFs failed: ${r.stderr}`);
      const { reconstructPdf, pdfWorkbook } = await import('../../src/pdf/tables');
      const { validateWorkbook } = await import('../../src/engine/validate');
      const { parseA1 } = await import('../../src/workbook/model');
      const read = JSON.parse(fs.readFileSync(out, 'utf8'));
      for (const file of reals) {
        const { workbook, boxes } = pdfWorkbook(reconstructPdf(read[path.join(REAL, file)].pages));
        const expected = validateWorkbook(workbook);
        const t0 = Date.now();
        await page.setInputFiles('[data-testid=file-input]', path.join(REAL, file));
        await page.waitForFunction((name) => document.body.dataset.loaded === name, file);
        const ms = Date.now() - t0;
        expect([file, await page.locator('[data-testid=sheet-tab]').allTextContents()]).toEqual([
          file,
          workbook.sheets.map((s) => s.name),
        ]);
        await page.getByRole('button', { name: /一键审核|重新审核/ }).click();
        await page.waitForSelector('[data-testid=audit-counts]');
        const { errors, warnings, infos } = expected.summary;
        expect([file, await page.textContent('[data-testid=audit-counts]')]).toEqual([
          file,
          `错误 ${errors}警告 ${warnings}提示 ${infos}`,
        ]);
        const onPage = expected.findings.find((f) => {
          if (!f.sheet || !f.cell) return false;
          const { r, c } = parseA1(f.cell);
          return boxes.get(f.sheet)?.has(`${r},${c}`);
        });
        console.log(
          `${file}: read in the page in ${ms} ms; ${errors}/${warnings}/${infos}; shown: ${onPage?.sheet}!${onPage?.cell}`,
        );
        if (!onPage) continue;
        const { r, c } = parseA1(onPage.cell);
        const box = boxes.get(onPage.sheet)!.get(`${r},${c}`)!;
        await page.locator('[data-testid=finding]', { hasText: onPage.message }).first().click();
        await page.waitForSelector(
          `[data-testid=pdf-view][data-page="${box.page}"] [data-testid=pdf-canvas][data-rendered]`,
        );
        await page.waitForSelector('[data-testid=pdf-outline]');
        const canvas = (await page.locator('[data-testid=pdf-canvas]').boundingBox())!;
        const outline = (await page.locator('[data-testid=pdf-outline]').boundingBox())!;
        // the outline's centre is where the box's text is (scale from the canvas's width)
        const { width: pw } = await page.evaluate(() => {
          const c = document.querySelector('[data-testid=pdf-canvas]') as HTMLCanvasElement;
          return { width: c.getBoundingClientRect().width };
        });
        expect(pw).toBeGreaterThan(100);
        expect(outline.width).toBeGreaterThan(0);
        expect(outline.x >= canvas.x && outline.x + outline.width <= canvas.x + canvas.width + 1).toBe(true);
        await page.screenshot({ path: path.join(shots, `pdf-real-${file.replace(/\.pdf$/, '')}.png`) });
      }
    },
    300_000,
  );

  it('loads nothing from outside its own origin and throws no page error', () => {
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });
});
