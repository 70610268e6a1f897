/**
 * A synthetic, consistent package of any size for benchmarks: 表2 and 表3 with `rows` coded rows
 * (类/款/项 with exact sums), and 表1 around them. Deterministic.
 */
import { GenRow, layoutTable, PanelRows } from '../src/generate/layout';
import { DEPARTMENT_TEMPLATES } from '../src/templates';
import { WorkbookModel } from '../src/workbook/model';
import { rng } from './harness';

const cents = (n: number) => Math.round(n) / 100;

export function syntheticPackage(rows: number): WorkbookModel {
  const r = rng(7);
  // 30 classes × up to 99 款 × up to 99 项; choose the shape so the total row count is about `rows`.
  const classes = Array.from({ length: 30 }, (_, i) => String(201 + i));
  const perClass = Math.max(3, Math.ceil(rows / classes.length));
  const kuanPerClass = Math.min(99, Math.max(1, Math.round(Math.sqrt(perClass))));
  const xiangPerKuan = Math.min(99, Math.max(1, Math.ceil(perClass / kuanPerClass) - 1));
  const t2: GenRow[] = [];
  const t3: GenRow[] = [];
  const classTotals: Record<string, number> = {};
  let grand = 0;
  let grandBasic = 0;
  let count = 0;
  for (const lei of classes) {
    if (count >= rows) break;
    const classRows2: GenRow[] = [];
    const classRows3: GenRow[] = [];
    let classSum = 0;
    let classBasic = 0;
    for (let k = 1; k <= kuanPerClass && count < rows; k++) {
      const kuan = `${lei}${String(k).padStart(2, '0')}`;
      const items2: GenRow[] = [];
      const items3: GenRow[] = [];
      let kuanSum = 0;
      let kuanBasic = 0;
      for (let x = 1; x <= xiangPerKuan && count < rows; x++) {
        const code = `${kuan}${String(x).padStart(2, '0')}`;
        const total = Math.floor(r() * 1e7);
        const basic = Math.floor(total * r());
        kuanSum += total;
        kuanBasic += basic;
        items2.push({
          code,
          name: `项目${code}`,
          values: { total: cents(total), fiscal: cents(total), gpb: cents(total) },
        });
        items3.push({
          code,
          name: `项目${code}`,
          values: { total: cents(total), basic: cents(basic), project: cents(total - basic) },
        });
        count++;
      }
      classRows2.push(
        {
          code: kuan,
          name: `款${kuan}`,
          values: { total: cents(kuanSum), fiscal: cents(kuanSum), gpb: cents(kuanSum) },
        },
        ...items2,
      );
      classRows3.push(
        {
          code: kuan,
          name: `款${kuan}`,
          values: { total: cents(kuanSum), basic: cents(kuanBasic), project: cents(kuanSum - kuanBasic) },
        },
        ...items3,
      );
      classSum += kuanSum;
      classBasic += kuanBasic;
      count++;
    }
    t2.push(
      {
        code: lei,
        name: `类${lei}`,
        values: { total: cents(classSum), fiscal: cents(classSum), gpb: cents(classSum) },
      },
      ...classRows2,
    );
    t3.push(
      {
        code: lei,
        name: `类${lei}`,
        values: { total: cents(classSum), basic: cents(classBasic), project: cents(classSum - classBasic) },
      },
      ...classRows3,
    );
    classTotals[lei] = classSum;
    grand += classSum;
    grandBasic += classBasic;
    count++;
  }
  t2.unshift({ name: '总计', values: { total: cents(grand), fiscal: cents(grand), gpb: cents(grand) } });
  t3.unshift({
    name: '总计',
    values: { total: cents(grand), basic: cents(grandBasic), project: cents(grand - grandBasic) },
  });
  const t1: PanelRows = {
    income: [
      { name: '一、本年收入', values: { inAmount: cents(grand) } },
      { name: '1. 一般公共预算拨款', values: { inAmount: cents(grand) } },
      { name: '其中：一般财力', values: { inAmount: cents(grand) } },
      { name: '收入总计', values: { inAmount: cents(grand) } },
    ],
    expense: [
      ...classes.map((c) => ({
        code: c,
        name: `类${c}`,
        values: { exAmount: classTotals[c] !== undefined ? cents(classTotals[c]) : undefined },
      })),
      { name: '支出总计', values: { exAmount: cents(grand) } },
    ],
  };
  // The income panel's total sits on the same row as the expense total.
  while (t1.income.length < t1.expense.length) t1.income.splice(t1.income.length - 1, 0, {});
  const t = (no: number) => DEPARTMENT_TEMPLATES[no - 1];
  const o = { organisation: '基准测试单位' };
  return {
    sheets: [
      layoutTable(t(1), t1, { ...o, sheetName: '表1' }).sheet,
      layoutTable(t(2), t2, { ...o, sheetName: '表2' }).sheet,
      layoutTable(t(3), t3, { ...o, sheetName: '表3' }).sheet,
    ],
  };
}

export function dataRows(model: WorkbookModel): number {
  return model.sheets[1].rows.length - 5;
}
