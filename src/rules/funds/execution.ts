/**
 * The 社会保险基金 execution table (family `fund`, 表2, src/templates/funds/execution.ts): the parts
 * 基金收入 / 基金支出 / 期初余额 / 期末余额 are fixed rows; each is followed by its fund lines, in any
 * order, told apart by the part above them and by the fund they name (a one-fund table lists its
 * items instead, perhaps with 其中 lines, which do not add up into the part).
 * FD8  each part line = Σ its fund lines, in every amount column (预算数, 当期, 累计, 上年同期);
 * FD10 预算执行进度 = 累计执行数 ÷ 预算数 (收入 and 支出 lines; balance lines only where a percent is given);
 * FD11 比上年同期增长 = (累计执行数 − 上年同期累计执行数) ÷ 上年同期累计执行数 (the same lines);
 * FD12 each fund's 期末余额 = 期初余额 + 收入 − 支出 in 预算数, 累计 and 上年同期 (the parts' own
 *      roll-forward is the audit formula FD9).
 * Percents are recomputed at the precision the column shows; a difference the amounts' rounding
 * explains is a 警告.
 */
import { Decimal } from '../../amount/decimal';
import { formatAmount } from '../../amount/format';
import { cellRefOf, checkSum, columnName, operand, where } from '../../engine/compare';
import { checkPercent, percentOf, percentPrecision } from '../../engine/percent';
import { Rule } from '../../engine/types';
import { findingMessage, messageTemplate, perLanguage } from '../../i18n/messages';
import { RecognizedTable, TableRow } from '../../recognize/types';
import { FundKey, fundOfLabel } from '../../templates/si/funds';
import { normalizeLabel, stripNumbering } from '../../templates/types';
import { a1 } from '../../workbook/model';
import { fundLines } from './lines';

const EXECUTION = 'fund.execution';
const PARTS = ['income', 'expense', 'opening', 'closing'] as const;
type Part = (typeof PARTS)[number];
const MONEY = ['budget', 'period', 'cumulative', 'lastYear'];

export interface ExecPart {
  part: Part;
  total: TableRow;
  lines: TableRow[];
  /** The 其中 lines under them (a one-fund table's items). */
  subs: TableRow[];
  byFund: Map<FundKey, TableRow>;
}

/** Each part line with the fund lines below it (up to the next part). */
export function execParts(t: RecognizedTable): ExecPart[] {
  const out: (ExecPart & { all: TableRow[] })[] = [];
  let cur: (typeof out)[number] | undefined;
  for (const row of t.rows) {
    const part = PARTS.find((p) => row.key === `${p}Total`);
    if (part) {
      cur = { part, total: row, lines: [], subs: [], byFund: new Map(), all: [] };
      out.push(cur);
    } else if (cur && normalizeLabel(row.name)) cur.all.push(row);
  }
  // A one-fund execution table lists items with their 其中 lines: only the main lines add up.
  for (const p of out) {
    const lines = fundLines(t, p.all);
    p.lines = lines.map((l) => l.row);
    p.subs = lines.flatMap((l) => l.subs);
    for (const row of p.lines) {
      const fund = fundOfLabel(stripNumbering(row.name));
      if (fund && !p.byFund.has(fund.key)) p.byFund.set(fund.key, row);
    }
  }
  return out;
}

/** Each part's main lines with their 其中 lines, and the money columns: for FD7 (./items.ts). */
export function execGroups(ctx: { tablesOf(id: string): RecognizedTable[] }) {
  return ctx.tablesOf(EXECUTION).flatMap((t) =>
    execParts(t).map((p) => ({
      table: t,
      items: fundLines(
        t,
        t.rows.filter((r) => p.lines.includes(r) || p.subs.includes(r)),
      ),
      keys: moneyKeys(t),
    })),
  );
}

const PART_NAMES: Record<Part, { zh: string; en: string }> = {
  income: { zh: '基金收入', en: 'income' },
  expense: { zh: '基金支出', en: 'expenditure' },
  opening: { zh: '期初余额', en: 'opening balance' },
  closing: { zh: '期末余额', en: 'closing balance' },
};

/** Where a cell is: a fund line is named with its part (`表 基金支出：失业保险基金 累计执行数`). */
function execWhere(t: RecognizedTable, row: TableRow, key: string): { zh: string; en: string } {
  const p = execParts(t).find((x) => x.lines.includes(row));
  if (!p) return where(t, row, key);
  const base = where(t, row, key);
  const name = stripNumbering(row.name);
  return {
    zh: base.zh.replace(row.name.trim(), `${PART_NAMES[p.part].zh}：${name}`),
    en: base.en.replace(row.name.trim(), `${PART_NAMES[p.part].en}: ${name}`),
  };
}

const moneyKeys = (t: RecognizedTable) => MONEY.filter((k) => t.columns.has(k));

export const partSums: Rule = {
  id: 'FD8',
  scope: 'table',
  severity: 'error',
  family: 'fund',
  title: { zh: '执行情况表 各部分 = Σ各基金', en: 'Execution table: each part = Σ its funds' },
  message: messageTemplate('FD8.funds'),
  messageId: 'FD8.funds',
  messageMany: messageTemplate('FD8.fundsMany'),
  messageManyId: 'FD8.fundsMany',
  run(ctx) {
    for (const t of ctx.tablesOf(EXECUTION)) {
      for (const p of execParts(t)) {
        if (p.lines.length === 0) continue;
        for (const key of moneyKeys(t)) {
          const target = operand(t, p.total, key);
          if (!target) continue;
          const items = p.lines
            .map((r) => operand(t, r, key, { zh: stripNumbering(r.name), en: stripNumbering(r.name) }))
            .filter((o): o is NonNullable<typeof o> => !!o);
          checkSum(ctx, { rule: partSums, target, items, where: () => where(t, p.total, key), minDecimals: 0 });
        }
      }
    }
  },
};

export const fundRollForward: Rule = {
  id: 'FD12',
  scope: 'table',
  severity: 'error',
  family: 'fund',
  title: {
    zh: '执行情况表 各基金 期末余额 = 期初余额 + 收入 − 支出',
    en: 'Execution table: each fund’s closing = opening + income − expenditure',
  },
  // What the audit formulas' identities say.
  message: messageTemplate('formula.identity'),
  messageId: 'formula.identity',
  run(ctx) {
    for (const t of ctx.tablesOf(EXECUTION)) {
      const parts = new Map(execParts(t).map((p) => [p.part, p]));
      const closing = parts.get('closing');
      if (!closing) continue;
      for (const [fund, row] of closing.byFund) {
        const of = (part: Part) => parts.get(part)?.byFund.get(fund);
        const opening = of('opening');
        const income = of('income');
        const expense = of('expense');
        if (!opening || !income || !expense) continue;
        for (const key of ['budget', 'cumulative', 'lastYear'].filter((k) => t.columns.has(k))) {
          const target = operand(t, row, key);
          const named = (r: TableRow, zh: string, en: string) => operand(t, r, key, { zh, en });
          const items = [
            named(opening, '期初余额', 'opening'),
            named(income, '收入', 'income'),
            named(expense, '支出', 'expenditure'),
          ];
          if (!target || items.some((o) => !o)) continue;
          items[2] = { ...items[2]!, negate: true };
          checkSum(ctx, {
            rule: fundRollForward,
            target,
            items: items as NonNullable<(typeof items)[number]>[],
            where: () => execWhere(t, row, key),
            minDecimals: 0,
          });
        }
      }
    }
  },
};

/** The lines a percent is expected on: 收入 and 支出 (balances only where one is given). */
function percentRows(t: RecognizedTable, key: string): TableRow[] {
  return execParts(t).flatMap((p) => {
    const rows = [p.total, ...p.lines, ...p.subs];
    if (p.part === 'income' || p.part === 'expense') return rows;
    return rows.filter((r) => {
      const c = r.amounts.get(key);
      return !!c && c.value !== null;
    });
  });
}

export const progress: Rule = {
  id: 'FD10',
  scope: 'table',
  severity: 'error',
  family: 'fund',
  title: { zh: '执行情况表 预算执行进度 = 累计 ÷ 预算', en: 'Execution table: progress = year to date ÷ budget' },
  message: { zh: '{where}', en: '{where}' },
  run(ctx) {
    for (const t of ctx.tablesOf(EXECUTION)) {
      if (!t.columns.has('progress') || !t.columns.has('cumulative') || !t.columns.has('budget')) continue;
      const precision = percentPrecision(t, 'progress');
      for (const row of percentRows(t, 'progress')) {
        checkPercent(ctx, {
          rule: progress,
          table: t,
          row,
          pct: 'progress',
          num: 'cumulative',
          den: 'budget',
          precision,
          where: execWhere(t, row, 'progress'),
          denName: columnName(t, 'budget'),
        });
      }
    }
  },
};

const pctText = (v: Decimal, d: number) => `${formatAmount(v.times(100), { decimals: d, grouping: false })}%`;

export const growth: Rule = {
  id: 'FD11',
  scope: 'table',
  severity: 'error',
  family: 'fund',
  title: {
    zh: '执行情况表 比上年同期增长 = (累计 − 上年同期) ÷ 上年同期',
    en: 'Execution table: growth = (year to date − last year) ÷ last year',
  },
  message: { zh: '{where}', en: '{where}' },
  run(ctx) {
    for (const t of ctx.tablesOf(EXECUTION)) {
      if (!t.columns.has('growth') || !t.columns.has('cumulative') || !t.columns.has('lastYear')) continue;
      const precision = percentPrecision(t, 'growth');
      for (const row of percentRows(t, 'growth')) {
        const pct = row.amounts.get('growth');
        const num = row.amounts.get('cumulative');
        const den = row.amounts.get('lastYear');
        if (!pct || !num || !den || [pct, num, den].some((c) => c.invalid || c.uncalculated)) continue;
        if (num.value === null || den.value === null || den.value.isZero()) continue;
        const stated = percentOf(t, pct);
        const d = stated ? Math.min(stated.decimals, precision) : precision;
        const ratio = (n: Decimal, m: Decimal) =>
          n
            .minus(m)
            .div(m)
            .toDecimalPlaces(d + 2, Decimal.ROUND_HALF_UP);
        const expected = ratio(num.value, den.value);
        const params = (lang: 'zh' | 'en', extra: Record<string, string>) => ({
          where: execWhere(t, row, 'growth')[lang],
          num: formatAmount(num.value!, { decimals: num.decimals }),
          den: formatAmount(den.value!, { decimals: den.decimals }),
          expected: pctText(expected, d),
          ...extra,
        });
        const report = (severity: 'error' | 'warning', key: string, extra: Record<string, string>) =>
          ctx.report({
            rule: growth.id,
            severity,
            sheet: t.sheet.name,
            cell: a1(pct.r, pct.c),
            related: [cellRefOf({ table: t, cell: num }), cellRefOf({ table: t, cell: den })],
            expected: expected.toFixed(),
            ...(stated ? { actual: stated.value.toFixed(), difference: stated.value.minus(expected).toFixed() } : {}),
            ...findingMessage(key, perLanguage(params('zh', extra), params('en', extra))),
          });
        if (!stated) {
          report('warning', 'fund.growthMissing', {});
          continue;
        }
        const shown = stated.value.toDecimalPlaces(d + 2, Decimal.ROUND_HALF_UP);
        if (shown.eq(expected)) continue;
        // The amounts are rounded too: any values they may stand for give an acceptable percent.
        const hn = new Decimal(5).times(new Decimal(10).pow(-num.decimals - 1));
        const hd = new Decimal(5).times(new Decimal(10).pow(-den.decimals - 1));
        const a = den.value.abs().plus(hd);
        const b = den.value.abs().minus(hd);
        const bounds = [
          ratio(num.value.minus(hn), den.value.isNeg() ? a.neg() : a),
          ratio(num.value.plus(hn), den.value.isNeg() ? a.neg() : a),
        ];
        if (b.gt(0)) {
          const bb = den.value.isNeg() ? b.neg() : b;
          bounds.push(ratio(num.value.minus(hn), bb), ratio(num.value.plus(hn), bb));
        }
        const lo = Decimal.min(...bounds);
        const hi = Decimal.max(...bounds);
        const rounding = shown.gte(lo) && shown.lte(hi);
        report(rounding ? 'warning' : 'error', rounding ? 'fund.growthRounding' : 'fund.growthWrong', {
          actual: pctText(stated.value, stated.decimals),
          low: pctText(lo, d),
          high: pctText(hi, d),
        });
      }
    }
  },
};

export const EXECUTION_RULES: Rule[] = [partSums, progress, growth, fundRollForward];
