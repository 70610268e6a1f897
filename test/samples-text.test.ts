/**
 * Issue 16 item 18: `samples/` holds a 情况说明 to try `--text` with (the published text of seed
 * 001, part three), and the page server names the right command when the page is not built.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/main';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { start } = require('../scripts/serve-playground.js');

const root = path.join(__dirname, '..');

describe('samples', () => {
  it('seed001-narrative.txt checks against the published sample: one N5 rounding warning, exit 0', async () => {
    let out = '';
    const code = await main(
      [
        'validate',
        path.join(root, 'samples/seed001-published.xlsx'),
        '--text',
        path.join(root, 'samples/seed001-narrative.txt'),
        '--format',
        'json',
      ],
      { stdout: (s) => (out += typeof s === 'string' ? s : Buffer.from(s).toString()), stderr: () => undefined },
    );
    expect(code).toBe(0);
    const report = JSON.parse(out);
    const text = report.files[0].findings.filter((f: { rule: string }) => /^N\d/.test(f.rule));
    expect(text.map((f: { severity: string; rule: string }) => `${f.severity} ${f.rule}`)).toEqual(['warning N5']);
  }, 60_000);

  it('the same text against the clean sample finds the published figures the corrected tables no longer hold', async () => {
    let out = '';
    const code = await main(
      [
        'validate',
        path.join(root, 'samples/seed001-clean.xlsx'),
        '--text',
        path.join(root, 'samples/seed001-narrative.txt'),
        '--format',
        'json',
      ],
      { stdout: (s) => (out += typeof s === 'string' ? s : Buffer.from(s).toString()), stderr: () => undefined },
    );
    expect(code).toBe(1);
    expect(JSON.parse(out).files[0].findings.some((f: { rule: string }) => f.rule === 'N1')).toBe(true);
  }, 60_000);
});

describe('serve-playground', () => {
  it('names npm run build:playground when the page is not built', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-page-'));
    try {
      await expect(start({ root: empty, port: 0 })).rejects.toThrow(/npm run build:playground/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('narrate', () => {
  it('says which year the draft uses and where it was read, on stderr', async () => {
    let out = '';
    let err = '';
    const code = await main(['narrate', path.join(root, 'samples/seed001-published.xlsx')], {
      stdout: (s) => (out += typeof s === 'string' ? s : Buffer.from(s).toString()),
      stderr: (s) => (err += s),
    });
    expect(code).toBe(0);
    expect(err).toMatch(/预算年度 2025，取自空表说明“/);
    expect(err).toMatch(/Budget year 2025, from the empty-table sentence/);
    expect(out).toContain('十一、关于阿图什市社会保险中心2025年上年结转结余预算情况说明');
  }, 60_000);
});
