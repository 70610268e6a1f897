import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfFile } from './make-pdf';

const root = join(__dirname, '..', '..');
function run(file: string) {
  return spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(__dirname, 'read-real.mts'), file], {
    encoding: 'utf8',
    cwd: root,
  });
}

// The published PDFs live beside the repository (../shared/real); a clone without them skips that test.
const REAL_PDF = join(root, '..', 'shared', 'real', 'sh-putuo-commerce-2025-dept-budget.pdf');

describe('reading real PDFs (child process: pdf.js is ESM)', () => {
  (existsSync(REAL_PDF) ? it : it.skip)(
    'reads the text of a published budget with page and box per cell',
    () => {
      const r = run(REAL_PDF);
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as { pages: number; rows: number; boxes: number; text: string };
      expect(out.pages).toBe(26);
      expect(out.rows).toBeGreaterThan(100);
      expect(out.text).toContain('收支');
    },
    120_000,
  );

  it('a broken file: a clear message and exit 2, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
    const f = join(dir, 'broken.pdf');
    writeFileSync(f, '%PDF-1.4\nnot really a pdf');
    const r = run(f);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PDF 无法打开');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('a page without a text layer (scanned): a clear message and exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
    const f = join(dir, 'scanned.pdf');
    const objs = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
      '<< /Length 0 >>\nstream\n\nendstream',
    ];
    writeFileSync(f, pdfFile(objs, '/Root 1 0 R'));
    const r = run(f);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('没有文字层');
  }, 120_000);
});
