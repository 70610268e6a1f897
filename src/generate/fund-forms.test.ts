/**
 * `template --kind fund|fund-final|fund-exec` (issue 12): the fund forms generated blank recognise
 * as their form; filled with the published Ningxia 2024 城乡居民基本医疗保险基金 figures
 * (test/fixtures/funds) — the 收支预算表 as printed, its 2023 column as the 决算 annex's 决算数, its
 * 2024 budget as the 执行情况表's 预算数 — they validate without an error or warning, through .xlsx.
 */
import { validateWorkbook } from '../engine/validate';
import { readXlsx } from '../xlsx/read';
import { writeXlsx } from '../xlsx/write';
import { NINGXIA_2024_RESIDENT_MEDICAL as NX, Line } from '../../test/fixtures/funds/ningxia-2024-resident-medical';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../cli/main';
import { FundFormKind, fundFormWorkbook } from './forms';
import { GenRow } from './layout';

const num = (a: string | null) => (a === null ? undefined : a === '×' ? '×' : Number(a));

/** The printed lines with the chosen columns under the form's keys. */
function panel(lines: Line[], p: 'in' | 'ex', prev: boolean, cur: boolean, final = false): GenRow[] {
  return lines.map(([label, a, b]) => ({
    name: label,
    values: final
      ? { [`${p}Cur`]: num(a) }
      : { ...(prev ? { [`${p}Prev`]: num(a) } : {}), ...(cur ? { [`${p}Cur`]: num(b) } : {}) },
  }));
}

async function roundTrip(kind: FundFormKind, o: Parameters<typeof fundFormWorkbook>[1]) {
  return validateWorkbook(await readXlsx(await writeXlsx(fundFormWorkbook(kind, o))));
}

describe('fund form workbooks', () => {
  it.each([
    ['fund', 'fund.income-expense', '2024年城乡居民基本医疗保险基金收支预算表'],
    ['fund-final', 'fund.final', '2024年城乡居民基本医疗保险基金收支决算表'],
    ['fund-exec', 'fund.execution', '2024年城乡居民基本医疗保险基金收支执行情况表'],
  ] as const)('%s blank: recognised as %s, no error', async (kind, id, title) => {
    const o = { organisation: '某县医疗保障局', year: 2024 };
    expect(fundFormWorkbook(kind, o).sheets[0].rows[0][0]?.v).toBe(title);
    const res = await roundTrip(kind, o);
    expect(res.sheets.map((s) => s.template)).toEqual([id]);
    expect(res.summary.errors).toBe(0);
  });

  it('fund filled with the published Ningxia table: zero errors and warnings; a +1 change is an error', async () => {
    const panels = { income: panel(NX.income, 'in', true, true), expense: panel(NX.expense, 'ex', true, true) };
    const res = await roundTrip('fund', { year: 2024, panels });
    expect(res.sheets.map((s) => s.template)).toEqual(['fund.income-expense']);
    expect(res.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const bad = panels.income.map((r, i) => (i === 0 ? { ...r, values: { ...r.values, inCur: 28220 } } : r));
    expect(
      (await roundTrip('fund', { year: 2024, panels: { ...panels, income: bad } })).summary.errors,
    ).toBeGreaterThan(0);
  });

  it('fund-final filled with the 2023 column as 决算数: zero errors and warnings', async () => {
    const panels = {
      income: panel(NX.income, 'in', false, false, true),
      expense: panel(NX.expense, 'ex', false, false, true),
    };
    const res = await roundTrip('fund-final', { year: 2023, panels });
    expect(res.sheets.map((s) => s.template)).toEqual(['fund.final']);
    expect(res.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('fund-exec filled with the 2024 budget as 预算数: zero errors and warnings', async () => {
    // The items above 小计 with their 其中 lines, each part's total the 小计 (no transfers budgeted).
    const items = (lines: Line[], stop: RegExp) =>
      lines
        .slice(
          0,
          lines.findIndex(([l]) => stop.test(l)),
        )
        .filter(([l]) => l !== '×')
        .map(([label, , b]): GenRow => ({ name: label, values: { budget: num(b) } }));
    const line = (lines: Line[], re: RegExp) => num(lines.find(([l]) => re.test(l))![2]);
    const rows: GenRow[] = [
      { name: '一、基金收入', values: { budget: line(NX.income, /本年收入小计/) } },
      ...items(NX.income, /本年收入小计/),
      { name: '二、基金支出', values: { budget: line(NX.expense, /本年支出小计/) } },
      ...items(NX.expense, /本年支出小计/),
      { name: '三、期初余额', values: { budget: line(NX.income, /上年结余/) } },
      { name: '四、期末余额', values: { budget: line(NX.expense, /年末滚存结余/) } },
    ];
    const res = await roundTrip('fund-exec', { year: 2024, unit: '万元', rows });
    expect(res.sheets.map((s) => s.template)).toEqual(['fund.execution']);
    expect(res.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const bad = rows.map((r, i) => (i === 0 ? { ...r, values: { budget: 78500 } } : r));
    expect((await roundTrip('fund-exec', { year: 2024, unit: '万元', rows: bad })).summary.errors).toBeGreaterThan(0);
  });

  it('budget-check template --kind fund-exec writes it', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fund-forms-')), 'exec.xlsx');
    const io = { stdout: () => undefined, stderr: () => undefined };
    expect(await main(['template', '--kind', 'fund-exec', '--year', '2024', '--out', out], io)).toBe(0);
    const res = validateWorkbook(await readXlsx(fs.readFileSync(out)));
    expect(res.sheets.map((s) => s.template)).toEqual(['fund.execution']);
  });
});
