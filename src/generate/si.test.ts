import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validateWorkbook } from '../engine/validate';
import { derivations, refKey } from '../fill/derive';
import { fillWrites, proposeFills } from '../fill/fill';
import { MemoryHost } from '../host/memory-host';
import { recognizeWorkbook } from '../recognize/recognize';
import { RecognizedTable, TableRow } from '../recognize/types';
import { balanceSheet, fundTable, scopeOf, semanticRows, semanticSheetRows } from '../rules/si/package';
import { readXlsx } from '../xlsx/read';
import { writeXlsx } from '../xlsx/write';
import { a1, CellValue, WorkbookModel } from '../workbook/model';
import { correctedSeed000, seed000Workbook } from '../../test/helpers/seed000';
import { cleanStyleB, styleBWorkbook } from '../../test/helpers/si-style-b';
import { fundWorkbook } from './si';

type FormulaCell = { sheet: string; r: number; c: number; f: string; v: CellValue };

function formulaCells(m: WorkbookModel): FormulaCell[] {
  return m.sheets.flatMap((s) =>
    s.rows.flatMap((row, r) =>
      (row ?? [])
        .map((cell, c) => (cell?.f ? { sheet: s.name, r, c, f: cell.f, v: cell.v } : null))
        .filter((x): x is FormulaCell => x !== null),
    ),
  );
}

function rowsOf(t: RecognizedTable): Map<string, TableRow> {
  const bs = balanceSheet(t);
  if (bs) return semanticSheetRows(bs);
  const ft = fundTable(t);
  return ft ? semanticRows(ft) : new Map();
}

/** The amount cells of `generated` matched to the same cells of `source`, by table and row meaning. */
function matchCells(generated: WorkbookModel, source: WorkbookModel) {
  const src = new Map(recognizeWorkbook(source).tables.map((t) => [`${t.template.id}|${scopeOf(t)}`, t]));
  const out: { sheet: string; r: number; c: number; v: number; z?: string }[] = [];
  for (const t of recognizeWorkbook(generated).tables) {
    const s = src.get(`${t.template.id}|${scopeOf(t)}`);
    if (!s) throw new Error(`no ${t.template.id} in the source`);
    const srcRows = rowsOf(s);
    for (const [key, row] of rowsOf(t)) {
      const from = srcRows.get(key);
      if (!from) continue;
      for (const spec of t.template.columns) {
        if (spec.role !== 'amount' || spec.key === 'pct' || (row.panel && spec.panel !== row.panel)) continue;
        const c = t.columns.get(spec.key);
        const sc = s.columns.get(spec.key);
        if (c === undefined || sc === undefined) continue;
        const cell = s.sheet.rows[from.r]?.[sc];
        if (typeof cell?.v === 'number') out.push({ sheet: t.sheet.name, r: row.r, c, v: cell.v, z: cell.z });
      }
    }
  }
  return out;
}

/**
 * The clerk's work: the source package's figures typed into the generated workbook's input cells,
 * and over a formula only where the package leaves it underived (a fund balance that takes the
 * transfers); then every formula computed (the fill engine, as the pane would).
 */
async function typeAndCompute(generated: WorkbookModel, source: WorkbookModel): Promise<WorkbookModel> {
  const m: WorkbookModel = JSON.parse(JSON.stringify(generated));
  const cells = matchCells(m, source);
  const sheet = (name: string) => m.sheets.find((s) => s.name === name)!;
  for (const x of cells) if (!sheet(x.sheet).rows[x.r][x.c]?.f) sheet(x.sheet).rows[x.r][x.c] = { v: x.v, z: x.z };
  const formulas = formulaCells(m);
  for (const x of formulas) sheet(x.sheet).rows[x.r][x.c] = undefined;
  const derived = new Set(
    derivations(recognizeWorkbook(m).tables).map((d) => `${d.target.table.sheet.name}!${a1(d.target.r, d.target.c)}`),
  );
  for (const x of cells) {
    if (!derived.has(`${x.sheet}!${a1(x.r, x.c)}`) && !sheet(x.sheet).rows[x.r][x.c])
      sheet(x.sheet).rows[x.r][x.c] = { v: x.v, z: x.z };
  }
  const host = new MemoryHost(m);
  await host.write(fillWrites(proposeFills(m, { wireEmpty: true, rewire: true }).proposals));
  return host.workbook;
}

const STYLES = [
  {
    style: 'a' as const,
    options: { year: 2024, region: '阿图什市' },
    templates: ['income', 'expense', 'balance', 'income', 'expense', 'balance'].map((k) => `si.a.${k}`),
    source: () => seed000Workbook(correctedSeed000()),
    title: '表1 2024年阿图什市社会保险基金预算收入表',
  },
  {
    style: 'b' as const,
    options: { year: 2024, region: '喀什地区', organisation: '喀什地区社会保险事业管理局' },
    templates: [0, 1].flatMap(() => [
      'si.b.balance-sheet',
      ...['income', 'expense', 'balance'].map((k) => `si.b.exec.${k}`),
      ...['income', 'expense', 'balance'].map((k) => `si.b.plan.${k}`),
    ]),
    source: () => styleBWorkbook(cleanStyleB()),
    title: '表一 喀什地区2023年社会保险基金预算执行情况和2024年社会保险基金预算安排平衡表',
  },
];

describe.each(STYLES)('standard fund workbook, style ($style)', ({ style, options, templates, source, title }) => {
  it('lays out every table, recognised table by table after an .xlsx round trip, formulas in derived cells', async () => {
    const blank = fundWorkbook(style, options);
    const back = await readXlsx(await writeXlsx(blank));
    const res = validateWorkbook(back);
    expect(res.sheets.map((s) => s.template)).toEqual(templates);
    expect(res.findings).toEqual([]);
    expect(back.sheets[0].rows[0][0]?.v).toBe(title);
    const tables = recognizeWorkbook(back).tables;
    expect(tables.map(scopeOf)).toEqual(templates.map((_, i) => (i < templates.length / 2 ? 'whole' : 'own')));
    // Every derived cell holds its formula; the percents are portable (no BUDGET.* function).
    const formulas = formulaCells(back);
    const targets = derivations(tables).map((d) => refKey(d.target));
    const withFormula = new Set(formulas.map((x) => `${x.sheet}\u0000${x.r}\u0000${x.c}`));
    expect(targets.filter((k) => !withFormula.has(k))).toEqual([]);
    expect(formulas.length).toBe(targets.length);
    expect(formulas.some((x) => /BUDGET\./i.test(x.f))).toBe(false);
    expect(
      formulas.filter((x) => x.f.startsWith('=IF(')).every((x) => /^=IF\(([A-Z]+\d+)=0,"",[A-Z]+\d+\/\1\)$/.test(x.f)),
    ).toBe(true);
  });

  it('filled with consistent numbers (the input cells only) validates with zero errors, through the same formulas', async () => {
    const blank = fundWorkbook(style, options);
    const filled = await typeAndCompute(blank, source());
    const res = validateWorkbook(await readXlsx(await writeXlsx(filled)));
    expect(res.findings.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
    const before = new Map(formulaCells(blank).map((x) => [`${x.sheet}!${a1(x.r, x.c)}`, x.f]));
    const after = formulaCells(filled);
    // Only fund balances that take the transfers (style (b), 全地区) were typed over.
    expect(after.filter((x) => before.get(`${x.sheet}!${a1(x.r, x.c)}`) !== x.f)).toEqual([]);
    expect(before.size - after.length).toBe(style === 'a' ? 0 : 7);
    // The formulas reproduce every figure of the source package.
    const cells = matchCells(filled, source());
    expect(cells.length).toBeGreaterThan(style === 'a' ? 60 : 300);
    const differ = cells.filter((x) => filled.sheets.find((t) => t.name === x.sheet)!.rows[x.r][x.c]?.v !== x.v);
    expect(differ).toEqual([]);
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
  (soffice ? it : it.skip)(
    'opens and recalculates in LibreOffice with no error in any formula cell and the same values',
    async () => {
      const m = await typeAndCompute(fundWorkbook(style, options), source());
      const expected = formulaCells(m);
      // No cached results: LibreOffice has to compute every formula itself.
      for (const x of expected) m.sheets.find((s) => s.name === x.sheet)!.rows[x.r][x.c]!.v = null;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-si-'));
      const input = path.join(dir, 'in', 'funds.xlsx');
      fs.mkdirSync(path.dirname(input));
      fs.writeFileSync(input, await writeXlsx(m));
      execFileSync(
        soffice!,
        ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', dir, input],
        { stdio: 'ignore', timeout: 120000 },
      );
      const back = await readXlsx(fs.readFileSync(path.join(dir, 'funds.xlsx')));
      const bad: string[] = [];
      for (const x of expected) {
        const v = back.sheets.find((s) => s.name === x.sheet)!.rows[x.r]?.[x.c]?.v;
        // A percent without a divisor is "" (exceljs reads an empty text result as none).
        const ok = x.v === '' ? v === null || v === '' : typeof v === 'number' && Math.abs(v - (x.v as number)) <= 1e-9;
        if (!ok) bad.push(`${x.sheet} ${a1(x.r, x.c)} ${x.f}: ${JSON.stringify(v)} ≠ ${JSON.stringify(x.v)}`);
      }
      expect(bad).toEqual([]);
      const res = validateWorkbook(back);
      expect(res.findings.filter((f) => f.severity === 'error')).toEqual([]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    180000,
  );
});
