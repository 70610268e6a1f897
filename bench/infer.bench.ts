/**
 * Structure inference (src/infer, `--forms none`) on a coded table of about 1,000 and 10,000 rows
 * (classes × 10 款 × 9 项, a 合计 row, 合计 = 基本支出 + 项目支出): the time per row must stay flat
 * (linear), the ratio is the 10k time per row ÷ the 1k time per row (goal ≤ 1.5).
 */
import { validateWorkbook } from '../src/engine/validate';
import { inferPack } from '../src/infer/pack';
import { SheetModel, WorkbookModel } from '../src/workbook/model';
import { PACKAGES } from '../test/fixtures/real/check-real';
import { cleanRealTables, measureMutations, summarise } from '../test/helpers/infer-mutations';
import { layOutPackage } from '../test/helpers/real-layout';
import { Row, time } from './harness';

export function codedTable(classes: number, percent = false): WorkbookModel {
  const rows: SheetModel['rows'] = [
    [{ v: '大表' }],
    [{ v: '单位：万元' }],
    [
      { v: '科目编码' },
      { v: '科目名称' },
      { v: '合计' },
      { v: '基本支出' },
      { v: '项目支出' },
      ...(percent ? [{ v: '基本支出占比(%)' }] : []),
    ],
  ];
  const data: [string, string, number, number][] = [];
  for (let l = 0; l < classes; l++) {
    const lei = String(200 + l);
    const kuans: [string, string, number, number][] = [];
    for (let k = 1; k <= 10; k++) {
      const kuan = `${lei}${String(k).padStart(2, '0')}`;
      const items: [string, string, number, number][] = [];
      for (let x = 1; x <= 9; x++) items.push([`${kuan}${String(x).padStart(2, '0')}`, `项${x}`, x, 1]);
      kuans.push([kuan, `款${k}`, 45, 9], ...items);
    }
    data.push([lei, `类${l}`, 450, 90], ...kuans);
  }
  const f = (v: number) => ({ v, z: '#,##0.00' });
  const pct = (a: number, b: number) => (percent ? [{ v: Math.round((a / (a + b)) * 10000) / 100 }] : []);
  rows.push([
    { v: '' },
    { v: '合计' },
    f(classes * 540),
    f(classes * 450),
    f(classes * 90),
    ...pct(classes * 450, classes * 90),
  ]);
  for (const [code, name, a, b] of data) rows.push([{ v: code }, { v: name }, f(a + b), f(a), f(b), ...pct(a, b)]);
  return { sheets: [{ name: '大表', rows, merges: [] }] };
}

export function run(): Row[] {
  const out: Row[] = [];
  let perRow1k = 0;
  for (const classes of [10, 100]) {
    const wb = codedTable(classes);
    const n = wb.sheets[0].rows.length;
    const ms = time(() => validateWorkbook(wb, { builtinForms: false }), 3);
    const perRow = ms / n;
    if (classes === 10) perRow1k = perRow;
    out.push({
      suite: 'infer',
      case: 'validate --forms none (inference only) on a coded table',
      n,
      ms,
      perSecond: Math.round((n / ms) * 1000),
      ratio: classes === 10 ? 1 : perRow / perRow1k,
      note: `${(perRow * 1000).toFixed(1)} µs/row${classes === 10 ? '' : '; ratio = µs/row ÷ µs/row at 1k (linear: ≈ 1, goal ≤ 1.5)'}`,
    });
  }
  // G5 (a percent column: the candidate search) and the pack writer, at 10k rows
  // a fresh model each run: table finding is cached per sheet model
  const n = codedTable(100, true).sheets[0].rows.length;
  const msPct = time(() => validateWorkbook(codedTable(100, true), { builtinForms: false }), 3);
  out.push({
    suite: 'infer',
    case: 'validate --forms none on a coded table with a percent column (G5), table finding included',
    n,
    ms: msPct,
    perSecond: Math.round((n / msPct) * 1000),
    note: `${((msPct / n) * 1000).toFixed(1)} µs/row`,
  });
  const msPack = time(() => inferPack(codedTable(100), { builtinForms: false }), 3);
  out.push({
    suite: 'infer',
    case: 'inferPack (budget-check infer) on a coded table: infer, write, check the pack against the sheet',
    n,
    ms: msPack,
    perSecond: Math.round((n / msPack) * 1000),
    note: `${((msPack / n) * 1000).toFixed(1)} µs/row`,
  });
  // Detection: single-cell mutations of the clean real tables (the figure the test's floors guard)
  const laid = PACKAGES.map((p) => layOutPackage(p));
  const clean = cleanRealTables(laid);
  const t0 = performance.now();
  const m = summarise(measureMutations(clean));
  out.push({
    suite: 'infer',
    case: `single-cell mutations of the ${clean.length} clean real tables, forms off`,
    n: m.n,
    ms: performance.now() - t0,
    ratio: m.reported / m.n,
    note: `ratio = share reported (goal ≥ 0.90); at the mutated cell ${((100 * m.atCell) / m.n).toFixed(1)}% (goal ≥ 75%), as 错误 ${((100 * m.errors) / m.n).toFixed(1)}%`,
  });
  return out;
}
