/**
 * PDFs through the CLI without ../shared: a small text PDF written by hand (test/pdf/make-pdf.ts)
 * is rebuilt into its table, and `budget-check validate` on a folder mixing it with a workbook
 * reports the planted error at its cell and page; an image-only PDF (no text layer) gives a clear
 * bilingual message and exit code 2, no stack trace. The CLI and pdf.js run in child processes
 * (pdf.js is ESM only).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encryptedPdf, imageOnlyPdf, samplePdf } from './make-pdf';
import { reconstructPdf } from '../../src/pdf/tables';
import type { PdfPageText } from '../../src/pdf/layout';
import { writeXlsx } from '../../src/xlsx/write';
import { readXlsx } from '../../src/xlsx/read';
import { layOutPackage } from '../helpers/real-layout';
import { COMMERCE_2025_DEPT_BUDGET } from '../fixtures/real/data/sh-putuo-commerce-2025-dept-budget';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const run = (script: string, args: string[]) =>
  spawnSync(tsx, [join(__dirname, script), ...args], { encoding: 'utf8', cwd: root });

describe('PDFs through the CLI (no ../shared needed)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-cli-'));

  it('a hand-made text PDF: its table rebuilt cell by cell, with page and box', () => {
    const f = join(dir, 'table.pdf');
    writeFileSync(f, samplePdf());
    const out = join(dir, 'pages.json');
    const r = spawnSync(process.execPath, ['-r', 'tsx/cjs', join(__dirname, 'read-pages.ts'), out, f], {
      encoding: 'utf8',
      cwd: root,
    });
    expect(r.status).toBe(0);
    const pages = (JSON.parse(readFileSync(out, 'utf8')) as Record<string, { pages: PdfPageText[] }>)[f].pages;
    const doc = reconstructPdf(pages);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0];
    expect(t.title).toBe('一般公共预算财政拨款支出决算表');
    expect(t.sheet.name).toBe('一般公共预算财政拨款支出决算表');
    const grid = t.sheet.rows.map((row) => Array.from(row, (c) => c?.v ?? null));
    expect(grid).toEqual([
      ['一般公共预算财政拨款支出决算表'],
      [null, null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [null, '合计', 300, 100, 150],
      ['201', '一般公共服务支出', 250, 100, 150],
      ['20106', '财政事务', 250, 100, 150],
      ['2010601', '行政运行', 250, 100, 150],
    ]);
    expect(t.boxes.get('3,2')).toMatchObject({ page: 1 });
    expect(doc.narrative.map((l) => l.text)).toEqual(['2024年度一般公共预算财政拨款支出250.00万元。']);
  }, 120_000);

  it('validate on a folder mixing .pdf and .xlsx: both checked, the PDF finding names its page', async () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    // A cover line, and a placeholder and a wrong year planted in the text.
    writeFileSync(
      join(folder, 'a-table.pdf'),
      samplePdf([
        { x: 150, y: 60, size: 14, str: '上海市某某局2024年度部门决算' },
        { x: 40, y: 330, size: 12, str: 'XX单位2023年度部门决算公开说明如下。' },
      ]),
    );
    writeFileSync(join(folder, 'b-budget.xlsx'), await writeXlsx(layOutPackage(COMMERCE_2025_DEPT_BUDGET).workbook));
    const r = run('cli.mts', ['validate', folder, '--format', 'json']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as {
      files: {
        file: string;
        source?: string;
        findings: { rule: string; cell: string; sheet: string; page?: number; severity: string }[];
      }[];
    };
    expect(report.files.map((f) => f.file.split('/').pop())).toEqual(['a-table.pdf', 'b-budget.xlsx']);
    const [pdf, xlsx] = report.files;
    expect(pdf.source).toBe('pdf');
    const errors = pdf.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const cellErrors = errors.filter((e) => /^F/.test(e.rule));
    expect(cellErrors.length).toBeGreaterThan(0);
    for (const e of cellErrors) expect([e.sheet, e.cell, e.page]).toEqual(['一般公共预算财政拨款支出决算表', 'C4', 1]);
    // The whole-document checks: the placeholder and the wrong year, on page 1.
    const doc = errors.filter((e) => /^PDF[23]$/.test(e.rule)).map((e) => `${e.rule}:${e.page}`);
    expect(doc).toEqual(['PDF2:1', 'PDF3:1']);
    expect(xlsx.source).toBeUndefined();
    expect(xlsx.findings.every((f) => f.page === undefined)).toBe(true);
    // The text report names the page.
    const text = run('cli.mts', ['validate', join(folder, 'a-table.pdf')]);
    expect(text.stdout).toContain('第1页 C4');
  }, 240_000);

  it('extract: the tables of a PDF as an editable workbook (a sheet per table, as printed) and its text', async () => {
    const f = join(dir, 'extract.pdf');
    writeFileSync(f, samplePdf());
    const xlsx = join(dir, 'extract.xlsx');
    const txt = join(dir, 'extract.txt');
    const r = run('cli.mts', ['extract', f, '--out', xlsx, '--text', txt]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('已把 1 页中的 1 张表写入');
    const m = await readXlsx(readFileSync(xlsx));
    expect(m.sheets.map((s) => s.name)).toEqual(['一般公共预算财政拨款支出决算表']);
    expect(Array.from(m.sheets[0].rows[3], (c) => c?.v ?? null)).toEqual([null, '合计', 300, 100, 150]);
    expect(readFileSync(txt, 'utf8')).toContain('2024年度一般公共预算财政拨款支出250.00万元');
    // a scan: exit 2, the reason in both languages
    const scan = join(dir, 'scan-extract.pdf');
    writeFileSync(scan, imageOnlyPdf());
    const bad = run('cli.mts', ['extract', scan, '--out', join(dir, 'scan.xlsx')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/扫描件.*\/.*scan/s);
  }, 120_000);

  it('a PDF with a password: a clear bilingual message and exit code 2, no stack trace', () => {
    const f = join(dir, 'locked.pdf');
    writeFileSync(f, encryptedPdf());
    const r = run('cli.mts', ['validate', f, '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    const report = JSON.parse(r.stdout) as { files: { error?: string; errorEn?: string }[] };
    expect(JSON.stringify(report.files[0])).toMatch(/密码|加密/);
    expect(JSON.stringify(report.files[0])).toMatch(/password|encrypt/i);
  }, 120_000);

  it('an image-only PDF: a clear bilingual message and exit code 2, no stack trace', () => {
    const f = join(dir, 'scan.pdf');
    writeFileSync(f, imageOnlyPdf());
    const r = run('cli.mts', ['validate', f]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('PDF 没有文字层（扫描件？），无法审核');
    const en = run('cli.mts', ['validate', f, '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stdout).toContain('The PDF has no text layer (a scan?)');
    expect(r.stdout + r.stderr + en.stdout + en.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
