/**
 * A hand-made style (b) 社会保险基金 package (喀什地区 2024): for 全地区 and 本级, the 收支平衡表,
 * the execution tables (收入, 支出, 结余: 2023年预算调整数 | 预计执行数 | %) and the plan tables
 * (2023年预计执行数 | 2024年预算数 | %), built from consistent numbers (2 decimals, 万元):
 * every sum, 其中 total, roll-forward, copied figure and percent agrees. 全地区 has transfers
 * (上级补助收入, 下级上解收入, 上解上级支出), booked to the enterprise pension fund's balance; 本级 has
 * none. The 平衡表 lists the funds in its own order, the other tables in another.
 */
import { Decimal } from '../../src/amount/decimal';
import {
  BALANCE_SHEET_ROWS,
  FUNDS,
  FundKey,
  FundTableKind,
  STYLE_B_FUND_ORDER,
  styleBRows,
} from '../../src/templates/si/funds';
import { WorkbookModel } from '../../src/workbook/model';
import { SiRow, siSheet, SiTable, SiValues } from './si-layout';

/** Two-period figures in cents: [budget or previous, actual or current]. */
type Pair = [number, number];

export interface FundFigures {
  /** Execution year (2023): adjusted budget and estimated outturn. */
  exec: Record<FundTableKind, Pair>;
  execSubs: Record<string, Pair>;
  /** Plan year (2024) budget. */
  plan: Record<FundTableKind, number>;
  planSubs: Record<string, number>;
  /** Year-end 2022 (the opening of 2023). */
  opening: number;
}

export interface StyleBScope {
  scopeWord: string;
  funds: Record<FundKey, FundFigures>;
  /** 平衡表 transfer lines in cents: [2023 estimate, 2024 budget]. */
  transfers: Record<'11017' | '11018' | '23018' | '23019', Pair | undefined>;
}

export interface StyleB {
  whole: StyleBScope;
  own: StyleBScope;
}

const BENEFIT_SUBS: Record<FundKey, string[]> = {
  enterprise: ['label:基本养老金'],
  residentPension: ['label:基础养老金'],
  civil: ['label:基本养老金'],
  employeeMedical: ['label:医疗待遇'],
  residentMedical: ['label:医疗待遇', 'criticalIllness'],
  injury: ['label:待遇'],
  unemployment: ['label:金'],
};

function scopeFigures(factor: number, transfers: StyleBScope['transfers'], scopeWord: string): StyleBScope {
  const funds = {} as Record<FundKey, FundFigures>;
  const f = (cents: number) => Math.floor(cents * factor);
  const net = (p: 0 | 1) =>
    (transfers['11017']?.[p] ?? 0) +
    (transfers['11018']?.[p] ?? 0) -
    (transfers['23018']?.[p] ?? 0) -
    (transfers['23019']?.[p] ?? 0);
  FUNDS.forEach((fund, i) => {
    const incB = f(3000_00 + 411_13 * i);
    const incA = incB + f(12_34 + 17 * i);
    const expB = f(2500_00 + 300_11 * i);
    const expA = expB - f(9_99 + 13 * i);
    const opening = f(5000_00 + 700_07 * i);
    const toEnterprise = fund.key === 'enterprise';
    const balA = opening + incA - expA + (toEnterprise ? net(0) : 0);
    const balB = opening + incB - expB;
    const incC = incA + f(50_00 + 100 * i);
    const expC = expA + f(40_00 + 50 * i);
    const balC = balA + incC - expC + (toEnterprise ? net(1) : 0);
    const part = (v: number, share: number) => Math.floor(v * share);
    const execSubs: Record<string, Pair> = {
      premium: [part(incB, 0.6), part(incA, 0.6)],
      subsidy: [part(incB, 0.25), part(incA, 0.25)],
      interest: [part(incB, 0.02), part(incA, 0.02)],
    };
    const planSubs: Record<string, number> = {
      premium: part(incC, 0.6),
      subsidy: part(incC, 0.25),
      interest: part(incC, 0.02),
    };
    const subs = BENEFIT_SUBS[fund.key];
    subs.forEach((k, j) => {
      const share = j === 0 ? (subs.length > 1 ? 0.85 : 0.9) : 0.05;
      execSubs[k] = [part(expB, share), part(expA, share)];
      planSubs[k] = part(expC, share);
    });
    funds[fund.key] = {
      exec: { income: [incB, incA], expense: [expB, expA], balance: [balB, balA] },
      execSubs,
      plan: { income: incC, expense: expC, balance: balC },
      planSubs,
      opening,
    };
  });
  return { scopeWord, funds, transfers };
}

export function cleanStyleB(): StyleB {
  return {
    whole: scopeFigures(
      1,
      { '11017': [1000_00, 1200_00], '11018': [50_00, 60_00], '23018': undefined, '23019': [200_00, 150_00] },
      '全地区',
    ),
    own: scopeFigures(0.55, { '11017': undefined, '11018': undefined, '23018': undefined, '23019': undefined }, '本级'),
  };
}

const money = (cents: number | undefined) => (cents === undefined ? undefined : cents / 100);
const ratio = (a: number, b: number) => (b === 0 ? undefined : new Decimal(a).div(b).toDecimalPlaces(4).toNumber());

function sumFunds(s: StyleBScope, pick: (f: FundFigures) => number | undefined): number {
  return STYLE_B_FUND_ORDER.reduce((acc, k) => acc + (pick(s.funds[k]) ?? 0), 0);
}

export interface StyleBOptions {
  /** Each scope's seven tables stacked on one sheet. */
  stacked?: boolean;
  /** The execution and plan tables print codes (102, 10201, 1020101 …). */
  codes?: boolean;
  /** 其中 rows marked by indentation only (no 其中 prefix). */
  indentOnly?: boolean;
  /** Amounts and percents stored as text (`1,234.56`, `100.20%`). */
  asText?: boolean;
  /** The 平衡表 with a 收入/支出 group row above its header. */
  groupRow?: boolean;
  /** The plan tables list the funds in reverse order. */
  reversePlan?: boolean;
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];

function itemRows(s: StyleBScope, kind: FundTableKind, role: 'exec' | 'plan', o: StyleBOptions): SiRow[] {
  const std = styleBRows(kind, s.scopeWord);
  let rows = std;
  if (role === 'plan' && o.reversePlan) {
    const head = std.filter((r) => !r.fund);
    const byFund = STYLE_B_FUND_ORDER.map((k) => std.filter((r) => r.fund === k)).reverse();
    rows = [...head, ...byFund.flat()];
  }
  return rows.map((r) => {
    const values: SiValues = {};
    const pick = (f: FundFigures, p: 0 | 1 | 'plan'): number | undefined => {
      if (r.sub) return p === 'plan' ? f.planSubs[r.sub] : f.execSubs[r.sub]?.[p];
      return p === 'plan' ? f.plan[kind] : f.exec[kind][p];
    };
    const value = (p: 0 | 1 | 'plan'): number | undefined => {
      if (r.fund) return pick(s.funds[r.fund], p);
      if (r.sub === 'benefits') {
        return sumFunds(s, (f) =>
          Object.entries(p === 'plan' ? f.planSubs : f.execSubs)
            .filter(([k]) => k.startsWith('label:'))
            .reduce((a, [, v]) => a + (typeof v === 'number' ? v : v[p as 0 | 1]), 0),
        );
      }
      return sumFunds(s, (f) => pick(f, p));
    };
    const [a, b] = role === 'exec' ? [value(0), value(1)] : [value(1), value('plan')];
    if (role === 'exec') Object.assign(values, { budget: money(a), actual: money(b) });
    else Object.assign(values, { prev: money(a), cur: money(b) });
    values.pct = a !== undefined && b !== undefined ? ratio(b, a) : undefined;
    let name = r.name;
    let code: string | undefined;
    if (o.codes) {
      const fund = r.fund ? FUNDS.find((x) => x.key === r.fund) : undefined;
      if (!r.sub) code = fund ? fund.codes[kind] : { income: '102', expense: '209', balance: '23009' }[kind];
    }
    if (o.indentOnly && r.sub) name = `    ${name.replace(/^其中[:：]/, '')}`;
    return { code, name, values };
  });
}

function sheetRows(s: StyleBScope) {
  const line = (code: string, p: 0 | 1): number | undefined => {
    const t = s.transfers[code as keyof StyleBScope['transfers']];
    return t?.[p];
  };
  const panel = (kind: 'income' | 'expense') =>
    BALANCE_SHEET_ROWS[kind].map((std) => {
      const values: SiValues = {};
      const [prevKey, curKey] = kind === 'income' ? ['inPrev', 'inCur'] : ['exPrev', 'exCur'];
      const fund = FUNDS.find((f) => f.codes[kind] === std.code);
      const totals = (p: 0 | 1) => (p === 0 ? sumFunds(s, (f) => f.exec[kind][1]) : sumFunds(s, (f) => f.plan[kind]));
      const opening = sumFunds(s, (f) => f.opening);
      const balA = sumFunds(s, (f) => f.exec.balance[1]);
      const balC = sumFunds(s, (f) => f.plan.balance);
      const at = (p: 0 | 1): number | undefined => {
        if (fund) return p === 0 ? s.funds[fund.key].exec[kind][1] : s.funds[fund.key].plan[kind];
        switch (std.code) {
          case '102':
          case '209':
            return totals(p);
          case '11008':
            return p === 0 ? opening : balA;
          case '23009':
            return p === 0 ? balA : balC;
          case undefined: {
            const grand =
              kind === 'income'
                ? totals(p) + (p === 0 ? opening : balA) + (line('11017', p) ?? 0) + (line('11018', p) ?? 0)
                : totals(p) + (p === 0 ? balA : balC) + (line('23018', p) ?? 0) + (line('23019', p) ?? 0);
            return grand;
          }
          default:
            return line(std.code, p);
        }
      };
      values[prevKey] = money(at(0));
      values[curKey] = money(at(1));
      return { code: std.code, name: std.name, values };
    });
  return { income: panel('income'), expense: panel('expense') };
}

const KIND_WORDS: Record<FundTableKind, string> = { income: '收入', expense: '支出', balance: '结余' };

/** The 7 tables of one scope as layout specs (表一 … 表七, or 表八 … 表十四 for 本级). */
export function styleBTables(s: StyleBScope, first: number, o: StyleBOptions = {}): SiTable[] {
  const region = s.scopeWord === '本级' ? '喀什地区本级' : '喀什地区';
  const common = { noInTitle: true, numFmt: '#,##0.00', pctFmt: '0.00%', amountsAsText: o.asText, pctAsText: o.asText };
  const tables: SiTable[] = [
    {
      ...common,
      template: 'si.b.balance-sheet',
      printedNo: CN[first - 1],
      title: `${region}2023年社会保险基金预算执行情况和2024年社会保险基金预算安排平衡表`,
      headers: {
        inCode: '科目代码',
        inName: '科目名称',
        inPrev: '2023年预计执行数',
        inCur: '2024年预算数',
        exCode: '科目代码',
        exName: '科目名称',
        exPrev: '2023年预计执行数',
        exCur: '2024年预算数',
      },
      rows: sheetRows(s),
      groupRow: o.groupRow,
    },
  ];
  (['income', 'expense', 'balance'] as FundTableKind[]).forEach((kind, i) => {
    tables.push({
      ...common,
      template: `si.b.exec.${kind}`,
      printedNo: CN[first + i],
      title: `${region}2023年社会保险基金预算${KIND_WORDS[kind]}执行情况表`,
      headers: { name: '项目', budget: '2023年预算调整数', actual: '2023年预计执行数', pct: '预计执行数为预算数的%' },
      rows: itemRows(s, kind, 'exec', o),
      codes: o.codes,
    });
  });
  (['income', 'expense', 'balance'] as FundTableKind[]).forEach((kind, i) => {
    tables.push({
      ...common,
      template: `si.b.plan.${kind}`,
      printedNo: CN[first + 3 + i],
      title: `${region}2024年社会保险基金预算${KIND_WORDS[kind]}安排表`,
      headers: { name: '项目', prev: '2023年预计执行数', cur: '2024年预算数', pct: '预算数为上年预计执行数的%' },
      rows: itemRows(s, kind, 'plan', o),
      codes: o.codes,
    });
  });
  return tables;
}

/** The package: 14 sheets (表一 … 表十四), or two sheets with each scope's tables stacked. */
export function styleBWorkbook(b: StyleB, o: StyleBOptions = {}): WorkbookModel {
  const whole = styleBTables(b.whole, 1, o);
  const own = styleBTables(b.own, 8, o);
  if (o.stacked) return { sheets: [siSheet('全地区', whole), siSheet('本级', own)] };
  return { sheets: [...whole, ...own].map((t) => siSheet(`表${t.printedNo}`, [t])) };
}
