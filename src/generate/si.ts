/**
 * The standard 社会保险基金预算 workbook of either published style, laid out like the forms (title
 * with the years, region and 本级; 单位：万元; headers with years; the standard rows of
 * si-fund-rows.json, with codes where the style prints them), with a formula in every cell the fill
 * engine derives (Σ funds, 其中 totals, roll-forward, 平衡表 totals, copied figures, percents), so
 * the package stays live as the clerk types.
 * - style (a) (seed 000): 收入表, 支出表, 结余表 for the whole area and for 本级: 表1 … 表6;
 * - style (b): 收支平衡表, the 收入/支出/结余 execution tables and plan tables, for the whole area and
 *   for 本级: 表一 … 表十四.
 */
import { fillWrites, proposeFills } from '../fill/fill';
import { MemoryHost } from '../host/memory-host';
import { SI_TEMPLATES } from '../templates';
import { BALANCE_SHEET_ROWS, FundTableKind, STYLE_A_ROWS, styleBRows } from '../templates/si/funds';
import { TableTemplate } from '../templates/types';
import { SheetModel, WorkbookModel } from '../workbook/model';
import { formatWidths, GenRow, layoutTable, PanelRows } from './layout';

export interface FundWorkbookOptions {
  /** 编制单位 (left out when absent). */
  organisation?: string;
  /** The budget year (titles and headers; without it, 上年/本年). */
  year?: number;
  /** The area as the titles name it (`阿图什市`, `喀什地区`). */
  region?: string;
}

const KINDS: FundTableKind[] = ['income', 'expense', 'balance'];
const KIND_WORDS: Record<FundTableKind, string> = { income: '收入', expense: '支出', balance: '结余' };
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];
const NOTE_A = '备注：请根据社会保险基金统筹级次填列数据，并按全表格式公开。';

function template(id: string): TableTemplate {
  const t = SI_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}

/** The template without its code column (style (b) execution and plan tables print none). */
function withoutCodes(t: TableTemplate): TableTemplate {
  return { ...t, columns: t.columns.filter((c) => c.role !== 'code') };
}

interface Spec {
  template: TableTemplate;
  /** Laid out with this template (a copy without codes for the uncoded forms). */
  layout?: TableTemplate;
  sheetName: string;
  title: string;
  headers: Record<string, string>;
  rows: GenRow[] | PanelRows;
  note?: string;
}

/** The area word of a 合计 row: 全市, 全县, 全地区. */
function areaWord(region: string): string {
  const m = /(市|县|区|旗|州|盟)$/.exec(region);
  if (!m || /地区$/.test(region)) return '全地区';
  return `全${m[1]}`;
}

function styleA(o: FundWorkbookOptions): Spec[] {
  const y = o.year;
  const region = o.region ?? '';
  const specs: Spec[] = [];
  for (const own of [false, true]) {
    KINDS.forEach((kind, i) => {
      const no = i + 1 + (own ? 3 : 0);
      const balance = kind === 'balance';
      const headers: Record<string, string> = y
        ? balance
          ? { prev: `${y - 1}年年末累计结余预计数`, cur: `${y}年年末累计结余预算数` }
          : { prev: `${y - 1}年完成数`, cur: `${y}年预算数` }
        : {};
      specs.push({
        template: template(`si.a.${kind}`),
        sheetName: `表${no}`,
        title: `表${no} ${y ? `${y}年` : ''}${region}${own ? '本级' : ''}社会保险基金预算${KIND_WORDS[kind]}表`,
        headers,
        rows: STYLE_A_ROWS[kind].map((r) => ({ code: r.code, name: r.name })),
        note: NOTE_A,
      });
    });
  }
  return specs;
}

function styleB(o: FundWorkbookOptions): Spec[] {
  const y = o.year;
  const region = o.region ?? '';
  const prev = y ? `${y - 1}年` : '';
  const cur = y ? `${y}年` : '';
  const specs: Spec[] = [];
  for (const own of [false, true]) {
    const first = own ? 8 : 1;
    const area = `${region}${own ? '本级' : ''}`;
    const word = own ? '本级' : areaWord(region);
    const bs = template('si.b.balance-sheet');
    specs.push({
      template: bs,
      sheetName: `表${CN[first - 1]}`,
      title: `表${CN[first - 1]} ${area}${prev}社会保险基金预算执行情况和${cur}社会保险基金预算安排平衡表`,
      headers: {
        inCode: '科目代码',
        inName: '科目名称',
        exCode: '科目代码',
        exName: '科目名称',
        ...(y
          ? { inPrev: `${prev}预计执行数`, inCur: `${cur}预算数`, exPrev: `${prev}预计执行数`, exCur: `${cur}预算数` }
          : {}),
      },
      rows: {
        income: BALANCE_SHEET_ROWS.income.map((r) => ({ code: r.code, name: r.name })),
        expense: BALANCE_SHEET_ROWS.expense.map((r) => ({ code: r.code, name: r.name })),
      },
    });
    KINDS.forEach((kind, i) => {
      const t = template(`si.b.exec.${kind}`);
      specs.push({
        template: t,
        layout: withoutCodes(t),
        sheetName: `表${CN[first + i]}`,
        title: `表${CN[first + i]} ${area}${prev}社会保险基金预算${KIND_WORDS[kind]}执行情况表`,
        headers: { name: '项目', ...(y ? { budget: `${prev}预算调整数`, actual: `${prev}预计执行数` } : {}) },
        rows: styleBRows(kind, word).map((r) => ({ name: r.name })),
      });
    });
    KINDS.forEach((kind, i) => {
      const t = template(`si.b.plan.${kind}`);
      specs.push({
        template: t,
        layout: withoutCodes(t),
        sheetName: `表${CN[first + 3 + i]}`,
        title: `表${CN[first + 3 + i]} ${area}${cur}社会保险基金预算${KIND_WORDS[kind]}安排表`,
        headers: { name: '项目', ...(y ? { prev: `${prev}预计执行数`, cur: `${cur}预算数` } : {}) },
        rows: styleBRows(kind, word).map((r) => ({ name: r.name })),
      });
    });
  }
  return specs;
}

function lay(spec: Spec, organisation: string | undefined): SheetModel {
  const t = spec.layout ?? spec.template;
  const { sheet, columns, dataStart } = layoutTable(t, spec.rows, { sheetName: spec.sheetName, note: spec.note });
  sheet.rows[0][0] = { v: spec.title };
  // The 编制单位 line only when there is one (the fund forms usually print none).
  if (organisation) sheet.rows[1][0] = { v: `编制单位：${organisation}` };
  else sheet.rows[1][0] = undefined;
  // Header labels with the years: the leaf row, the one just above the data.
  for (const [key, text] of Object.entries(spec.headers)) {
    const c = columns.get(key);
    if (c === undefined) continue;
    const leaf = sheet.rows[dataStart - 1]?.[c] ? dataStart - 1 : dataStart - 2;
    sheet.rows[leaf][c] = { v: text };
  }
  formatWidths(sheet);
  return sheet;
}

/** The standard fund workbook of a style, every derived cell a live formula (values 0 until typed). */
export function fundWorkbook(style: 'a' | 'b', options: FundWorkbookOptions = {}): WorkbookModel {
  const specs = style === 'a' ? styleA(options) : styleB(options);
  const model: WorkbookModel = { sheets: specs.map((s) => lay(s, options.organisation)) };
  const host = new MemoryHost(model);
  const { proposals } = proposeFills(model, { wireEmpty: true, rewire: true });
  void host.write(fillWrites(proposals));
  return host.workbook;
}
