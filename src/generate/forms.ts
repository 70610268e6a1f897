/**
 * Workbooks of the forms beyond the standard 部门预算 (issue 12): the national 部门决算 (`final`, nine
 * tables), the Shanghai district 部门预算 / 单位预算 (`sh-dept`, `sh-unit`, nine tables) and the central
 * departments' 部门预算 (`central`, nine tables). Each table
 * laid out like its published form (layout.ts), with a formula in every derived cell the fill engine
 * knows from the forms' 填充 formulas, so the package stays live as the clerk types. Also the fund
 * forms (family `fund`): the one-fund 收支预算表 (`fund`), its 决算 annex (`fund-final`) and the
 * 收支执行情况表 (`fund-exec`), one sheet each.
 */
import { proposeFills, fillWrites } from '../fill/fill';
import { MemoryHost } from '../host/memory-host';
import { CENTRAL_TEMPLATES, FINAL_TEMPLATES, SH_TEMPLATES } from '../templates';
import { oneFund, oneFundFinal } from '../templates/funds/one-fund';
import execution, { EXEC_PARTS } from '../templates/funds/execution';
import { FUNCTION_CLASS_ROWS } from '../templates/dept/common';
import { TableTemplate } from '../templates/types';
import { WorkbookModel } from '../workbook/model';
import { GenRow, layoutTable, PanelRows } from './layout';

export type FormKind = 'final' | 'sh-dept' | 'sh-unit' | 'central';

export const FORM_KINDS: readonly FormKind[] = ['final', 'sh-dept', 'sh-unit', 'central'];

export interface FormTemplateOptions {
  organisation?: string;
  year?: number;
  /** Data rows of the coded tables (without their 合计 row, which is laid out first), by table number. */
  rows?: Partial<Record<number, GenRow[]>>;
  /** Both panels of a two-panel or coded-panels table, as printed (replacing the blank rows), by table number. */
  panels?: Partial<Record<number, PanelRows>>;
  /** The one data row of a one-row table (三公经费), by table number. */
  single?: Partial<Record<number, GenRow>>;
}

/** The 单位 variant of 表1 splits its 支出 预算数; the 部门 form prints one column. */
function formTemplates(kind: FormKind): TableTemplate[] {
  if (kind === 'final') return [...FINAL_TEMPLATES];
  // The central form's 表7 as printed with both years (not its one-year variant).
  if (kind === 'central') return CENTRAL_TEMPLATES.filter((t) => t.id === t.table);
  return SH_TEMPLATES.map((t) =>
    kind === 'sh-dept' && t.layout === 'two-panel' ? { ...t, columns: t.columns.filter((c) => !c.optional) } : t,
  );
}

function blankPanels(t: TableTemplate): PanelRows {
  const fixed = (panel: 'income' | 'expense') =>
    (t.fixedRows ?? []).filter((r) => r.panel === panel).map((r): GenRow => ({ name: r.name.zh }));
  const expenseFixed = fixed('expense');
  return {
    income: fixed('income'),
    // The classes by name, then the panel's own lines (本年支出合计 …, 支出总计).
    expense: [...FUNCTION_CLASS_ROWS.map(([code, name]): GenRow => ({ code, name })), ...expenseFixed],
  };
}

function rowsFor(t: TableTemplate, options: FormTemplateOptions): GenRow[] | PanelRows {
  if (t.layout === 'two-panel') return options.panels?.[t.no] ?? blankPanels(t);
  if (t.layout === 'coded-panels')
    return options.panels?.[t.no] ?? { income: [{ name: '人员经费合计' }], expense: [{ name: '公用经费合计' }] };
  if (t.layout === 'fixed') return [options.single?.[t.no] ?? { name: '金额' }];
  return [{ name: '合计' }, ...(options.rows?.[t.no] ?? [])];
}

export function formWorkbook(kind: FormKind, options: FormTemplateOptions = {}): WorkbookModel {
  const unitTitles = kind === 'sh-unit';
  const sheets = formTemplates(kind).map((t) => {
    const unit = kind === 'final' || kind === 'central' || t.no === 9 ? '万元' : '元';
    return layoutTable(t, rowsFor(t, options), {
      sheetName: `表${t.no}`,
      organisation: options.organisation ?? '',
      unit,
      unitTitles,
    }).sheet;
  });
  if (options.year) {
    for (const s of sheets) {
      const title = s.rows[0][0];
      if (title && typeof title.v === 'string') title.v = `${options.year}年${title.v}`;
    }
  }
  const model: WorkbookModel = { sheets };
  const host = new MemoryHost(model);
  const { proposals } = proposeFills(model, { wireEmpty: true, rewire: true });
  void host.write(fillWrites(proposals));
  return host.workbook;
}

export type FundFormKind = 'fund' | 'fund-final' | 'fund-exec';

export const FUND_FORM_KINDS: readonly FundFormKind[] = ['fund', 'fund-final', 'fund-exec'];

export interface FundFormOptions {
  organisation?: string;
  year?: number;
  /** The fund the table is of, as its title names it (default 城乡居民基本医疗保险基金). */
  fund?: string;
  /** 单位 line (default 万元 for the 收支表 and its 决算, 元 for the 执行情况表). */
  unit?: string;
  /** The 收支表 / 决算表's two panels, every line as printed (items, 其中 lines, 小计 … 总计). */
  panels?: PanelRows;
  /** The 执行情况表's lines as printed (parts 一、基金收入 … 四、期末余额 and the items under them). */
  rows?: GenRow[];
}

/** The items every 社会保险基金 has (a blank form's lines above 小计; a clerk renames them per fund). */
const FUND_ITEMS = {
  income: ['一、保险费收入', '二、财政补贴收入', '三、利息收入', '四、其他收入'],
  expense: ['一、社会保险待遇支出', '二、其他支出'],
};

function blankFundPanels(): PanelRows {
  const fixed = (panel: 'income' | 'expense') =>
    (oneFund.fixedRows ?? []).filter((r) => r.panel === panel && !r.optional).map((r): GenRow => ({ name: r.name.zh }));
  return {
    income: [...FUND_ITEMS.income.map((name) => ({ name })), ...fixed('income')],
    expense: [...FUND_ITEMS.expense.map((name) => ({ name })), ...fixed('expense')],
  };
}

function blankExecutionRows(): GenRow[] {
  const numbers = ['一', '二', '三', '四'];
  return EXEC_PARTS.flatMap((p, i): GenRow[] => [
    { name: `${numbers[i]}、${p.zh}` },
    ...(p.part === 'income' || p.part === 'expense'
      ? FUND_ITEMS[p.part].map((n) => ({ name: `  ${n.slice(2)}` }))
      : []),
  ]);
}

/**
 * One fund form as a workbook of one sheet: blank (the items every fund has, the fixed lines) or
 * filled with `panels` / `rows`, titled `<year>年<fund>收支预算表` (`…收支决算表`, `…收支执行情况表`).
 */
export function fundFormWorkbook(kind: FundFormKind, options: FundFormOptions = {}): WorkbookModel {
  const fund = options.fund ?? '城乡居民基本医疗保险基金';
  const [template, suffix, rows] =
    kind === 'fund-exec'
      ? [execution, '收支执行情况表', options.rows ?? blankExecutionRows()]
      : [
          kind === 'fund' ? oneFund : oneFundFinal,
          kind === 'fund' ? '收支预算表' : '收支决算表',
          options.panels ?? blankFundPanels(),
        ];
  const { sheet } = layoutTable(template, rows, {
    sheetName: fund.slice(0, 31),
    organisation: options.organisation ?? '',
    unit: options.unit ?? (kind === 'fund-exec' ? '元' : '万元'),
  });
  sheet.rows[0][0] = { v: `${options.year ? `${options.year}年` : ''}${fund}${suffix}` };
  const model: WorkbookModel = { sheets: [sheet] };
  const host = new MemoryHost(model);
  const { proposals } = proposeFills(model, { wireEmpty: true, rewire: true });
  void host.write(fillWrites(proposals));
  return host.workbook;
}
