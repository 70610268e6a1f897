/**
 * Published PDFs (issue 14): a 30-page PDF read, rebuilt and validated in a fresh process (the way
 * the CLI meets a file), time and peak memory. The 30-page PDF is made here (test/pdf/make-pdf.ts:
 * 29 pages of a ruled 30-row table of codes and amounts plus a page of text), so the suite runs
 * anywhere; the published PDFs of ../shared/real are measured too when that folder is present.
 *
 *   npx tsx bench/pdf.bench.ts            # prints the rows (does not touch bench/RESULTS.md)
 *
 * `run()` returns the rows in the harness's format, for bench/run.ts to list as a suite.
 * The budget of issue 14: under 2 s and bounded memory for 30 pages. The child runs under tsx's
 * CommonJS hook only: under its ESM loader (`--import tsx`) pdf.js's 3 MB of modules go through
 * tsx too (measured: +0.8 s and +170 MB), which the built CLI never pays.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Row } from './harness';
import { gridTable, makePdf, PdfPageSpec } from '../test/pdf/make-pdf';

/** 29 table pages (one 30-row table continued from page to page) and one page of text. */
export function thirtyPagePdf(): Uint8Array {
  const pages: PdfPageSpec[] = [];
  let code = 0;
  for (let p = 0; p < 29; p++) {
    const rows: string[][] = [];
    if (p === 0) rows.push(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    for (let i = 0; i < 30; i++) {
      code++;
      const basic = (code * 37) % 1000;
      const project = (code * 53) % 1000;
      rows.push([String(2010000 + code), `项目${code}`, `${basic + project}.00`, `${basic}.00`, `${project}.00`]);
    }
    const t = gridTable(rows, [70, 140, 80, 80, 80], { top: p === 0 ? 150 : 60 });
    const texts =
      p === 0
        ? [
            { x: 150, y: 100, size: 16, str: '一般公共预算财政拨款支出决算表' },
            { x: 470, y: 135, size: 10, str: '单位：万元' },
          ]
        : [];
    pages.push({ texts: [...texts, ...t.texts], lines: t.lines });
  }
  pages.push({
    texts: Array.from({ length: 30 }, (_, i) => ({
      x: 60,
      y: 80 + i * 22,
      size: 12,
      str: `第${i + 1}项说明：2024年度一般公共预算财政拨款支出${100 + i}.00万元，主要用于基本支出。`,
    })),
  });
  return makePdf(pages);
}

function measure(file: string): Record<string, number> {
  // tsx's CommonJS hook only: pdf.js (ESM) then loads through Node's own loader, as in the built CLI.
  const out = spawnSync(process.execPath, ['-r', 'tsx/cjs', path.join(__dirname, 'pdf-peak.ts'), file], {
    encoding: 'utf8',
    cwd: path.join(__dirname, '..'),
  });
  if (out.status !== 0) throw new Error(`pdf-peak run failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as Record<string, number>;
}

export function run(): Row[] {
  const rows: Row[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pdf-'));
  try {
    const file = path.join(dir, 'thirty.pdf');
    fs.writeFileSync(file, thirtyPagePdf());
    const m = measure(file);
    rows.push({
      suite: 'pdf',
      case: '30-page PDF (made) read + rebuilt + validated, fresh process',
      n: m.pages,
      ms: m.ms,
      readMs: Math.round(m.readMs),
      cpuMs: Math.round(m.cpuMs),
      peakMiB: Math.round(m.peakMiB),
      note: `${m.tables} table(s), ${m.findings} finding(s)`,
    });
    const real = path.join(__dirname, '..', '..', 'shared', 'real');
    if (fs.existsSync(real))
      for (const f of fs
        .readdirSync(real)
        .filter((x) => x.endsWith('.pdf'))
        .sort()) {
        const r = measure(path.join(real, f));
        rows.push({
          suite: 'pdf',
          case: `${f} read + rebuilt + validated, fresh process`,
          n: r.pages,
          ms: r.ms,
          readMs: Math.round(r.readMs),
          cpuMs: Math.round(r.cpuMs),
          peakMiB: Math.round(r.peakMiB),
          note: `${r.tables} table(s), ${r.findings} finding(s)`,
        });
      }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (require.main === module) {
  for (const r of run())
    process.stdout.write(
      `${r.case}: ${r.n} pages, ${r.ms.toFixed(0)} ms (read ${r.readMs} ms, CPU ${r.cpuMs} ms), peak ${r.peakMiB} MiB — ${r.note}\n`,
    );
}
