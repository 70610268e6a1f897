/**
 * The one-fund 收支表's own items (family `fund`, src/templates/funds/one-fund.ts), which differ
 * from fund to fund and so are found by position, not by name:
 * FD2 本年收入小计 = Σ the income panel's main items above it, 本年支出小计 = Σ the expense panel's
 *     (a main item is a line that is not a `其中` breakdown: not prefixed 其中, not continuing a 其中
 *     run, not indented deeper than the line above; without a 小计 line, the 本年…合计 line);
 * FD7 the `其中` lines of an item together never exceed it (错误), and when they add up to it
 *     exactly in one column (a complete breakdown) they should in every column (警告); in the
 *     one-fund 收支表 and in the execution table's parts (./execution.ts).
 * Every amount column of the panel; the interval rule for rounding.
 */
import { formatAmount } from '../../amount/format';
import { Decimal } from '../../amount/decimal';
import { checkSum, cellRefOf, columnName, operand, where } from '../../engine/compare';
import { Rule, RuleContextApi } from '../../engine/types';
import { findingMessage, messageTemplate, perLanguage } from '../../i18n/messages';
import { RecognizedTable, TableRow } from '../../recognize/types';
import { normalizeLabel, stripNumbering } from '../../templates/types';
import { a1 } from '../../workbook/model';
import { fundLines } from './lines';
import { execGroups } from './execution';

/** The one-fund 收支预算表 and its 决算 annex (the same lines). */
const ONE_FUND_TABLES = ['fund.income-expense', 'fund.final'];
const oneFundTables = (ctx: RuleContextApi) => ONE_FUND_TABLES.flatMap((id) => ctx.tablesOf(id));
const SUBTOTAL: Record<'income' | 'expense', string[]> = {
  income: ['incomeSubtotal', 'incomeTotal'],
  expense: ['expenseSubtotal', 'expenseTotal'],
};

/** Rows without a label of their own ("×", empty) carry nothing. */
const isBlankLabel = (row: TableRow) => !normalizeLabel(row.name) || /^[×╳✕xX]$/.test(normalizeLabel(row.name));

export interface FundPanel {
  table: RecognizedTable;
  panel: 'income' | 'expense';
  /** The 小计 line (or the 合计 line when there is no 小计). */
  subtotal?: TableRow;
  /** Main items above it, each with its 其中 lines. */
  items: { row: TableRow; subs: TableRow[] }[];
  keys: string[];
}

/** Part headings of a stacked table (`收入`, `支出部分`): no item. */
const PART_HEADING = /^(?:[一二]、)?(?:收入|支出)(?:部分|项目)?$/;

/**
 * The rows of a panel: by their panel (two panels side by side), or, when the panels are stacked,
 * the income part down to its 总计 and the expense part after it.
 */
export function panelRows(t: RecognizedTable, panel: 'income' | 'expense'): TableRow[] {
  const rows = t.rows.filter((r) => !isBlankLabel(r) && !PART_HEADING.test(normalizeLabel(r.name)));
  if (t.template.layout === 'two-panel') return rows.filter((r) => r.panel === panel);
  const end = rows.findIndex((r) => r.key === 'incomeGrand');
  const cut = end >= 0 ? end + 1 : rows.findIndex((r) => r.key?.startsWith('expense') || r.key === 'surplus');
  if (cut < 0) return panel === 'income' ? rows : [];
  return panel === 'income' ? rows.slice(0, cut) : rows.slice(cut);
}

/** The amount column of a panel for last year (`prev`) or the budget (`cur`). */
export function slotKey(t: RecognizedTable, panel: 'income' | 'expense', slot: 'prev' | 'cur'): string | undefined {
  const key =
    t.template.layout === 'two-panel' ? `${panel === 'income' ? 'in' : 'ex'}${slot === 'prev' ? 'Prev' : 'Cur'}` : slot;
  return t.columns.has(key) ? key : undefined;
}

/** The items of each panel of each one-fund table. */
export function fundPanels(ctx: RuleContextApi): FundPanel[] {
  const out: FundPanel[] = [];
  for (const t of oneFundTables(ctx)) {
    for (const panel of ['income', 'expense'] as const) {
      const rows = panelRows(t, panel);
      const subtotal = SUBTOTAL[panel].map((k) => rows.find((r) => r.key === k)).find(Boolean);
      const above = rows.filter((r) => !subtotal || r.r < subtotal.r).filter((r) => !r.key);
      const items = fundLines(t, above);
      const keys = (['prev', 'cur'] as const).map((s) => slotKey(t, panel, s)).filter((k): k is string => !!k);
      out.push({ table: t, panel, subtotal, items, keys });
    }
  }
  return out;
}

export const itemsRule: Rule = {
  id: 'FD2',
  scope: 'table',
  severity: 'error',
  family: 'fund',
  title: { zh: '基金收支表 小计 = Σ各项', en: 'One-fund table: subtotal = Σ items' },
  message: messageTemplate('FD2.items'),
  messageId: 'FD2.items',
  messageMany: messageTemplate('FD2.itemsMany'),
  messageManyId: 'FD2.itemsMany',
  run(ctx) {
    for (const p of fundPanels(ctx)) {
      if (!p.subtotal || p.items.length === 0) continue;
      for (const key of p.keys) {
        const target = operand(p.table, p.subtotal, key);
        if (!target) continue;
        const items = p.items
          .map(({ row }) => operand(p.table, row, key, { zh: stripNumbering(row.name), en: stripNumbering(row.name) }))
          .filter((o): o is NonNullable<typeof o> => !!o);
        checkSum(ctx, {
          rule: itemsRule,
          target,
          items,
          where: () => where(p.table, p.subtotal!, key),
          copied: false,
          minDecimals: 0,
        });
      }
    }
  },
};

const value = (row: TableRow, key: string): Decimal | null | undefined => {
  const c = row.amounts.get(key);
  return c && !c.invalid && !c.uncalculated ? c.value : undefined;
};

export const ofWhichRule: Rule = {
  id: 'FD7',
  scope: 'table',
  severity: 'error',
  family: 'fund',
  title: { zh: '基金表 “其中”不大于所属项', en: 'Fund tables: “of which” within its item' },
  message: { zh: '{where}', en: '{where}' },
  run(ctx) {
    for (const p of [...fundPanels(ctx), ...execGroups(ctx)]) {
      for (const { row, subs } of p.items) {
        if (subs.length === 0) continue;
        const sums = new Map<string, Decimal>();
        let complete = false;
        for (const key of p.keys) {
          const parent = value(row, key);
          if (parent === undefined || subs.some((s) => value(s, key) === undefined)) continue;
          const sum = subs.reduce((acc, s) => acc.plus(value(s, key) ?? new Decimal(0)), new Decimal(0));
          sums.set(key, sum);
          if (parent !== null && !parent.isZero() && sum.eq(parent)) complete = true;
        }
        for (const [key, sum] of sums) {
          const parent = value(row, key) ?? new Decimal(0);
          const over = sum.gt(parent);
          if (!over && !(complete && !sum.eq(parent))) continue;
          const cell = row.amounts.get(key)!;
          const k = over ? 'fund.ofWhichAbove' : 'fund.ofWhichIncomplete';
          const params = (lang: 'zh' | 'en') => ({
            where: where(p.table, row, key)[lang],
            actual: formatAmount(parent),
            sum: formatAmount(sum),
            difference: formatAmount(parent.minus(sum).abs()),
          });
          ctx.report({
            rule: ofWhichRule.id,
            severity: over ? 'error' : 'warning',
            sheet: p.table.sheet.name,
            cell: a1(cell.r, cell.c),
            related: subs.flatMap((s) => {
              const c = s.amounts.get(key);
              return c ? [cellRefOf({ table: p.table, cell: c })] : [];
            }),
            expected: sum.toFixed(),
            actual: parent.toFixed(),
            difference: parent.minus(sum).toFixed(),
            ...findingMessage(k, perLanguage(params('zh'), params('en'))),
          });
        }
      }
    }
  },
};

/**
 * FD3–FD6, across the panels: 本年收支结余 = 本年收入合计 − 本年支出合计; 年末滚存结余 = 上年结余 +
 * 本年收支结余; 收入总计 = 支出总计; this year's 上年结余 = last year's 年末滚存结余 (a copied figure).
 */
interface Identity {
  id: string;
  title: { zh: string; en: string };
  copied: boolean;
  /** [target row, panel], then the items: [row, panel, sign]. */
  target: [string, 'income' | 'expense'];
  items: [string, 'income' | 'expense', 1 | -1][];
  /** Which column of the target and of the items: the same year (default), or the budget against last year. */
  slots?: ['cur', 'prev'];
  /** Only on these tables (default: both one-fund forms). */
  tables?: string[];
}

const IDENTITIES: Identity[] = [
  {
    id: 'FD3',
    title: { zh: '本年收支结余 = 本年收入合计 − 本年支出合计', en: 'Surplus of the year = income − expenditure' },
    copied: false,
    target: ['surplus', 'expense'],
    items: [
      ['incomeTotal', 'income', 1],
      ['expenseTotal', 'expense', -1],
    ],
  },
  {
    id: 'FD4',
    title: { zh: '年末滚存结余 = 上年结余 + 本年收支结余', en: 'Closing balance = opening + surplus of the year' },
    copied: false,
    target: ['closing', 'expense'],
    items: [
      ['opening', 'income', 1],
      ['surplus', 'expense', 1],
    ],
  },
  {
    id: 'FD5',
    title: { zh: '收入总计 = 支出总计', en: 'Grand totals balance' },
    copied: true,
    target: ['incomeGrand', 'income'],
    items: [['expenseGrand', 'expense', 1]],
  },
  {
    id: 'FD6',
    title: { zh: '本年的上年结余 = 上年的年末滚存结余', en: 'This year’s opening = last year’s closing' },
    copied: true,
    target: ['opening', 'income'],
    items: [['closing', 'expense', 1]],
    slots: ['cur', 'prev'],
    // A 决算's 预算数 and 决算数 are the same year: only the budget form carries last year.
    tables: ['fund.income-expense'],
  },
];

/** FD3–FD6 say what the audit formulas' identities say. */
const IDENTITY_MESSAGE = 'formula.identity';

/** An item named by its line (and its column, when that differs from the target's). */
function itemLabel(t: RecognizedTable, r: TableRow, key: string, withColumn: boolean): { zh: string; en: string } {
  const name = stripNumbering(r.name);
  const col = columnName(t, key);
  return withColumn ? { zh: `${name} ${col.zh}`, en: `${name}, ${col.en}` } : { zh: name, en: name };
}

function rowOf(t: RecognizedTable, key: string, panel: 'income' | 'expense'): TableRow | undefined {
  return panelRows(t, panel).find((r) => r.key === key);
}

export const identityRules: Rule[] = IDENTITIES.map((d) => {
  const rule: Rule = {
    id: d.id,
    scope: 'table',
    severity: 'error',
    family: 'fund',
    title: d.title,
    message: messageTemplate(IDENTITY_MESSAGE),
    messageId: IDENTITY_MESSAGE,
    run(ctx) {
      for (const t of (d.tables ?? ONE_FUND_TABLES).flatMap((id) => ctx.tablesOf(id))) {
        const pairs: ['prev' | 'cur', 'prev' | 'cur'][] = d.slots
          ? [d.slots]
          : [
              ['prev', 'prev'],
              ['cur', 'cur'],
            ];
        for (const [ts, is] of pairs) {
          const row = rowOf(t, d.target[0], d.target[1]);
          const key = slotKey(t, d.target[1], ts);
          if (!row || !key) continue;
          const target = operand(t, row, key);
          if (!target) continue;
          const items = [];
          for (const [k, panel, sign] of d.items) {
            const r = rowOf(t, k, panel);
            const ik = slotKey(t, panel, is);
            const op = r && ik ? operand(t, r, ik, itemLabel(t, r, ik, is !== ts)) : undefined;
            if (!op) continue;
            items.push(sign === -1 ? { ...op, negate: true } : op);
          }
          if (items.length !== d.items.length) continue;
          checkSum(ctx, { rule, target, items, where: () => where(t, row, key), copied: d.copied, minDecimals: 0 });
        }
      }
    },
  };
  return rule;
});
