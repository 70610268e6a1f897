/**
 * The standard 部门预算公开 workbook: the 11 tables laid out like the published forms (title,
 * 编制部门, 单位：万元, grouped headers, column numbers, fixed rows), with formulas in every derived
 * cell the fill engine knows, so the package stays live as the clerk types.
 */
import { proposeFills, fillWrites } from '../fill/fill';
import { MemoryHost } from '../host/memory-host';
import { DEPARTMENT_TEMPLATES } from '../templates';
import { WorkbookModel } from '../workbook/model';
import { FUNCTION_CLASS_ROWS } from '../templates/dept/common';
import { GenRow, layoutTable, PanelRows } from './layout';

export interface DepartmentTemplateOptions {
  organisation?: string;
  year?: number;
  unit?: string;
  /** Include class 234 (抗疫特别国债安排的支出), as 2024 forms do (default false: the 2025 form). */
  class234?: boolean;
  /** Data rows to lay out (the clerk's 项 rows and economic 款), by table number. */
  rows?: Partial<Record<2 | 3 | 5 | 6 | 7 | 8 | 9 | 11, GenRow[]>>;
  /** Amounts of the fixed rows of tables 1, 4 and 10, by the row's printed label. */
  fixed?: Partial<Record<1 | 4 | 10, Record<string, Record<string, number>>>>;
}

const T1_INCOME = [
  '一、本年收入',
  '1. 一般公共预算拨款',
  '其中：一般财力',
  '上级一般公共预算安排转移支付',
  '2. 政府性基金预算拨款',
  '其中：政府性基金收入',
  '上级政府性基金安排转移支付',
  '3. 国有资本经营预算拨款',
  '其中：国有资本经营收入',
  '上级国有资本经营预算安排转移支付',
  '4. 财政专户核拨',
  '5. 单位资金',
  '其中：事业收入',
  '上级补助收入',
  '附属单位上缴收入',
  '事业单位经营收入',
  '其他收入',
  '二、上年结转结余',
  '1. 财政拨款结转',
  '其中：一般公共预算拨款',
  '政府性基金预算拨款',
  '国有资本经营预算拨款',
  '2. 非财政拨款结转结余',
  '其中：财政专户核拨',
  '单位资金',
];

function panel(income: string[], classes: [string, string][], incomeTotal: string, expenseTotal: string): PanelRows {
  const expense: GenRow[] = classes.map(([code, name]) => ({ code, name }));
  const inc: GenRow[] = income.map((name) => ({ name }));
  while (inc.length < expense.length) inc.push({});
  inc.push({ name: incomeTotal });
  expense.push({ name: expenseTotal });
  return { income: inc, expense };
}

export function departmentWorkbook(options: DepartmentTemplateOptions = {}): WorkbookModel {
  const t = (no: number) => DEPARTMENT_TEMPLATES[no - 1];
  const classes = FUNCTION_CLASS_ROWS.filter(([code]) => options.class234 || code !== '234');
  const o = { organisation: options.organisation ?? '', unit: options.unit ?? '万元' };
  const rowsOf = (no: 2 | 3 | 5 | 6 | 7 | 8 | 9 | 11): GenRow[] => [{ name: '总计' }, ...(options.rows?.[no] ?? [])];
  const total = (_name = '总计', no?: 2 | 3 | 5 | 6 | 7 | 8 | 9 | 11): GenRow[] =>
    no ? rowsOf(no) : [{ name: '总计' }];
  const sheets = [
    layoutTable(t(1), panel(T1_INCOME, classes, '收入总计', '支出总计'), { ...o, sheetName: '表1' }).sheet,
    layoutTable(t(2), total('总计', 2), { ...o, sheetName: '表2' }).sheet,
    layoutTable(t(3), total('总计', 3), { ...o, sheetName: '表3' }).sheet,
    layoutTable(
      t(4),
      panel(
        ['财政拨款（补助）', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
        classes,
        '收入总计',
        '支出总计',
      ),
      {
        ...o,
        sheetName: '表4',
      },
    ).sheet,
    layoutTable(t(5), total('总计', 5), { ...o, sheetName: '表5' }).sheet,
    layoutTable(t(6), total('总计', 6), { ...o, sheetName: '表6' }).sheet,
    layoutTable(t(7), total('总计', 7), { ...o, sheetName: '表7' }).sheet,
    layoutTable(t(8), total('总计', 8), { ...o, sheetName: '表8' }).sheet,
    layoutTable(t(9), total('总计', 9), { ...o, sheetName: '表9' }).sheet,
    layoutTable(
      t(10),
      [
        '合计',
        '因公出国（境）费',
        '公务接待费',
        '公务用车购置及运行费（小计）',
        '其中：公务用车购置费',
        '公务用车运行费',
      ].map((name) => ({ name })),
      { ...o, sheetName: '表10' },
    ).sheet,
    layoutTable(t(11), total('总计', 11), { ...o, sheetName: '表11' }).sheet,
  ];
  if (options.year) {
    for (const s of sheets) {
      const title = s.rows[0][0];
      if (title && typeof title.v === 'string') title.v = `${options.year}年${title.v}`;
    }
  }
  const model: WorkbookModel = { sheets };
  // Fixed-row amounts given by the caller.
  for (const [no, byLabel] of Object.entries(options.fixed ?? {})) {
    const sheet = sheets[Number(no) - 1];
    const template = t(Number(no));
    for (const row of sheet.rows) {
      const label = row?.map((c) => (typeof c?.v === 'string' ? c.v : '')).find((v) => v && byLabel[v]);
      if (!label) continue;
      for (const [key, v] of Object.entries(byLabel[label])) {
        // Tables 1, 4 and 10 have no code columns: the layout's columns are the template's.
        const col = template.columns.findIndex((c) => c.key === key);
        if (col >= 0) row[col] = { v, z: '#,##0.00' };
      }
    }
  }
  // Wire every derived cell with its formula (values 0 until the clerk types).
  const host = new MemoryHost(model);
  const { proposals } = proposeFills(model, { wireEmpty: true, rewire: true });
  void host.write(fillWrites(proposals));
  return host.workbook;
}
