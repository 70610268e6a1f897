/**
 * `--forms none` (ValidateOptions.builtinForms: false): the built-in forms are switched off and
 * every sheet goes to the inference (G0–G4). On the real tables and the seeds: no sheet is
 * recognised as a declared form, zero false errors, and every within-table discrepancy of
 * expected.ts is reported at its cell.
 */
import * as path from 'path';
import { main } from '../../src/cli/main';
import { validateWorkbook } from '../../src/engine/validate';
import { Finding } from '../../src/engine/types';
import { a1 } from '../../src/workbook/model';
import { PACKAGES } from '../fixtures/real/check-real';
import { EXPECTED } from '../fixtures/real/expected';
import { layOutPackage } from '../helpers/real-layout';
import { cleanSeed001, publishedSeed001, seed001Workbook } from '../helpers/seed001';
import { publishedSeed000, seed000Workbook } from '../helpers/seed000';

jest.setTimeout(120_000);

const laid = PACKAGES.map((p) => ({ pkg: p, ...layOutPackage(p) }));

function expectedCells(): string[] {
  const out: string[] = [];
  for (const e of EXPECTED) {
    if (e.rule === 'cross-table') continue;
    const t = laid.flatMap((l) => l.tables).find((x) => x.table.id === e.table)!;
    const [panelName, label] = e.row.includes(': ') ? e.row.split(': ') : [undefined, e.row];
    const k = panelName ? t.table.panels.findIndex((p) => p.name === panelName) : 0;
    const panel = t.table.panels[k];
    const i = panel.rows.findIndex((r) => {
      const code = [r.code ?? ''].flat().join('');
      return r.label === label || `${code} ${r.label}` === label;
    });
    const j = panel.columns.findIndex((c) => c.label === e.column);
    const { r, c } = t.at(k, i, j);
    out.push(`${t.sheet.name}!${a1(r, c)}`);
  }
  return out.sort();
}

describe('--forms none (builtinForms: false)', () => {
  it('real tables: nothing declared, zero false errors, every within-table discrepancy at its cell', () => {
    const all: Finding[] = [];
    for (const l of laid) {
      const res = validateWorkbook(l.workbook, { builtinForms: false });
      expect(res.sheets.every((s) => s.template === null)).toBe(true);
      all.push(...res.findings);
    }
    expect(all.filter((f) => f.severity === 'error')).toEqual([]);
    const got = all
      .filter((f) => /^G[1-6]$/.test(f.rule) && f.severity === 'warning')
      .map((f) => `${f.sheet}!${f.cell}`)
      .sort();
    expect(got).toEqual(expectedCells());
  });

  it('seeds: every sheet goes to the inference, no false error on the clean seed', () => {
    const clean = validateWorkbook(seed001Workbook(cleanSeed001()), { builtinForms: false });
    expect(clean.sheets.filter((s) => s.template !== null)).toEqual([]);
    expect(clean.findings.filter((f) => f.rule === 'G0').length).toBeGreaterThan(0);
    expect(clean.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // the published seeds: no false error (ratio columns are not summed, a code printed without
    // its lower digits is read as the code its rows imply)
    for (const wb of [seed001Workbook(publishedSeed001()), seed000Workbook(publishedSeed000())]) {
      const res = validateWorkbook(wb, { builtinForms: false });
      expect(res.sheets.filter((s) => s.template !== null)).toEqual([]);
      expect(res.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
    // the true rounding discrepancy of the published seed001 (21011 行政事业单位医疗) at its cells
    const pub = validateWorkbook(seed001Workbook(publishedSeed001()), { builtinForms: false });
    const g = pub.findings.filter((f) => /^G\d$/.test(f.rule) && f.severity === 'warning' && f.sheet === '表2');
    expect(g.map((f) => f.cell)).toEqual(expect.arrayContaining(['E21', 'F21', 'G21']));
    // the code printed without its lower digits (208 above 2080109) is read as 20801, and said so
    const lost = pub.findings.filter((f) => f.rule === 'G4' && f.severity === 'info' && f.sheet === '表2');
    expect(lost.map((f) => f.message)).toEqual([
      expect.stringContaining('编码“208”少了下级位数，按其下各行读作 20801'),
    ]);
  });
});

describe('budget-check validate --forms none', () => {
  it('checks the published sample by inference only: no form recognised, G findings, no error, exit 0', async () => {
    let out = '';
    const code = await main(
      ['validate', path.join(__dirname, '../../samples/seed001-published.xlsx'), '--forms', 'none', '--format', 'json'],
      { stdout: (s) => (out += typeof s === 'string' ? s : Buffer.from(s).toString()), stderr: () => undefined },
    );
    expect(code).toBe(0);
    const text = JSON.stringify(JSON.parse(out));
    expect(text).toContain('"G0"');
    expect(text).not.toContain('"H1"');
    expect(text).not.toContain('"error"');
  });
});
