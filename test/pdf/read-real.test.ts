import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
function run(file: string) {
  return spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(__dirname, 'read-real.mts'), file], {
    encoding: 'utf8',
    cwd: root,
  });
}

describe('reading real PDFs (child process: pdf.js is ESM)', () => {
  it('reads the text of a published budget with page and box per cell', () => {
    const r = run('/work/shared/real/sh-putuo-commerce-2025-dept-budget.pdf');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { pages: number; rows: number; boxes: number; text: string };
    expect(out.pages).toBe(26);
    expect(out.rows).toBeGreaterThan(100);
    expect(out.text).toContain('收支');
  }, 120_000);

  it('a broken file: a clear message and exit 2, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
    const f = join(dir, 'broken.pdf');
    writeFileSync(f, '%PDF-1.4\nnot really a pdf');
    const r = run(f);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PDF 无法打开');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
