/**
 * SI-TXT text vs tables for the 社会保险基金: the amounts the 情况说明 (or the 预算报告) quotes for the
 * fund must equal the tables. The smallest thing that works, until the narrative checker exists:
 *
 * - fund paragraphs are the lines that mention 社会保险基金 and the lines after them up to the next
 *   heading (`(五)…`, `五、…`);
 * - the year of a figure is the last year written before it in the paragraph (`2023 年，…收入完成
 *   44,570 万元` → 2023): the package's year is its 本年 column, the year before its 上年 column;
 * - a figure is an amount with its unit (`31,185 万元`, `1.2 亿元`); what it is comes from the words
 *   before it in its clause: 收入 / 支出 (the totals), 保险费收入, 财政补贴收入, 利息收入, 待遇支出,
 *   年末（滚存/累计）结余, 上年结余, 上级补助收入 …, a fund's name for that fund's line, 本级 for the
 *   本级 tables. Other figures (转移收入, 其他支出 …) are not in the tables and are skipped;
 * - a text figure with fewer decimals than the table is compared with the table's figure rounded
 *   the same way (half away from zero).
 *
 * A balance the text states correctly while the 结余表 is shifted by a year (SI-5) is a 提示, not
 * another error: the text agrees with the corrected table.
 */
import { Decimal } from '../../amount/decimal';
import { formatAmount } from '../../amount/format';
import { parseAmountText, Unit, UNIT_FACTOR } from '../../amount/parse';
import { roundHalfUp } from '../../amount/round';
import { ToleranceMode } from '../../amount/tolerance';
import { tableName } from '../../engine/compare';
import { Finding, Severity } from '../../engine/types';
import { findingMessage, hintFields, hintMessage, perLanguage } from '../../i18n/messages';
import { AmountCell, RecognizedTable, TableRow } from '../../recognize/types';
import { fundOfLabel, FundKey, FundTableKind } from '../../templates/si/funds';
import { normalizeLabel } from '../../templates/types';
import { sheetRef } from '../../workbook/model';
import { columnLabel, FundTable, hasValue, SHEET_COLUMNS, SiPackage, siPackages, siRowLabel } from './package';

export const TEXT_RULE_ID = 'SI-TXT';

type Measure =
  | { kind: FundTableKind; what: 'total' }
  | { kind: FundTableKind; what: 'sub'; sub: string }
  | { kind: 'balance'; what: 'closing' | 'opening' }
  | { kind: 'line'; code: string };

export interface FundQuote {
  line: number;
  sentence: string;
  quote: string;
  year?: number;
  own: boolean;
  fund?: FundKey;
  measure: Measure;
  /** In 万元. */
  value: Decimal;
  /** Decimals of the figure in 万元 (negative for 亿元 figures: 4.35 亿元 is to the nearest 100 万元). */
  decimals: number;
}

const HEADING =
  /^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分|\*\*)/;
const AMOUNT = /(\d[\d,\s]*(?:[.．]\s*\d+)?)\s*(亿元|万元|元)/g;
function classify(label: string): Measure | undefined {
  const n = normalizeLabel(label);
  if (/保险费收入|缴费收入/.test(n)) return { kind: 'income', what: 'sub', sub: 'premium' };
  if (/财政补贴收入/.test(n)) return { kind: 'income', what: 'sub', sub: 'subsidy' };
  if (/利息收入/.test(n)) return { kind: 'income', what: 'sub', sub: 'interest' };
  if (/待遇支出/.test(n)) return { kind: 'expense', what: 'sub', sub: 'benefits' };
  if (/上级补助收入/.test(n)) return { kind: 'line', code: '11017' };
  if (/下级上解收入/.test(n)) return { kind: 'line', code: '11018' };
  if (/补助下级支出/.test(n)) return { kind: 'line', code: '23018' };
  if (/上解上级支出/.test(n)) return { kind: 'line', code: '23019' };
  if (/(?:年末|年终)(?:滚存|累计)?结余/.test(n)) return { kind: 'balance', what: 'closing' };
  if (/上年(?:滚存|累计)?结余/.test(n)) return { kind: 'balance', what: 'opening' };
  if (/(?:社会保险基金|保险基金|基金)(?:预算)?收入|^收入/.test(n)) return { kind: 'income', what: 'total' };
  if (/(?:社会保险基金|保险基金|基金)(?:预算)?支出|^支出/.test(n)) return { kind: 'expense', what: 'total' };
  return undefined;
}

/** The fund figures a text quotes, with their lines, sentences and years. */
export function fundQuotes(text: string): FundQuote[] {
  const out: FundQuote[] = [];
  const lines = text.split(/\r?\n/);
  let inSection = false;
  let year: number | undefined;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (/社会保险基金/.test(line)) {
      if (!inSection || HEADING.test(line)) year = undefined;
      inSection = true;
    } else if (HEADING.test(line)) {
      inSection = false;
    }
    if (!inSection) return;
    // 本级 holds for the rest of the paragraph, until a clause names the whole area again.
    let own = false;
    for (const sentence of line.split(/(?<=[。；;])/)) {
      for (const clause of sentence.split(/[，、：:；;。（）()]/)) {
        if (/本级/.test(clause)) own = true;
        else if (/全(?:地区|市|州|区|县|盟|旗)/.test(clause)) own = false;
        const yearHere = [...clause.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
        if (yearHere.length) year = yearHere[yearHere.length - 1];
        AMOUNT.lastIndex = 0;
        const m = AMOUNT.exec(clause.replace(/((?:19|20)\d{2})\s*年/g, (w) => w.replace(/\d/g, '年')));
        if (!m) continue;
        const label = clause.slice(0, m.index).replace(/((?:19|20)\d{2})\s*年/g, '');
        const measure = classify(label);
        if (!measure) continue;
        const p = parseAmountText(m[1].replace(/．/g, '.'));
        if (p.kind !== 'amount') continue;
        const factor = UNIT_FACTOR[m[2] as Unit];
        out.push({
          line: i + 1,
          sentence: sentence.trim(),
          quote: clause.slice(0, m.index + m[0].length).trim(),
          year,
          own,
          fund: fundOfLabel(label)?.key,
          measure,
          value: p.value.times(factor),
          decimals: p.decimals - Math.round(Math.log10(factor.toNumber())),
        });
      }
    }
  });
  return out;
}

interface Figure {
  table: RecognizedTable;
  row: TableRow;
  key: string;
  cell: AmountCell & { value: Decimal };
  /** The corrected balance when the 结余表 is shifted by a year. */
  corrected?: Decimal;
}

function get(
  ft: FundTable | undefined,
  fund: FundKey | undefined,
  pick: (rows: { row?: TableRow; subs: Map<string, TableRow> }) => TableRow | undefined,
) {
  if (!ft) return undefined;
  if (fund) {
    const line = ft.funds.get(fund);
    return line ? pick(line) : undefined;
  }
  return pick({ row: ft.total, subs: ft.totalSubs });
}

function figure(table: RecognizedTable | undefined, row: TableRow | undefined, key: string): Figure | undefined {
  const cell = row?.amounts.get(key);
  if (!table || !row || !hasValue(cell)) return undefined;
  return { table, row, key, cell };
}

/** The sum of a fund table's 待遇 rows when it has no 待遇 total (style (a)): a figure of its own. */
function benefitsSum(
  ft: FundTable | undefined,
  key: string,
  fund?: FundKey,
): { value: Decimal; rows: TableRow[] } | undefined {
  if (!ft) return undefined;
  const lines = fund ? [ft.funds.get(fund)].filter((l) => !!l) : [...ft.funds.values()];
  const rows = lines.flatMap((l) => [...l!.subs.entries()].filter(([k]) => k !== 'criticalIllness').map(([, r]) => r));
  const cells = rows.map((r) => r.amounts.get(key)).filter(hasValue);
  if (cells.length === 0) return undefined;
  return { value: cells.reduce((a, c) => a.plus(c.value), new Decimal(0)), rows };
}

function shiftCorrection(pkg: SiPackage): { prev: Decimal; cur: Decimal } | undefined {
  const bal = pkg.plan.balance?.total;
  const inc = pkg.plan.income?.total;
  const exp = pkg.plan.expense?.total;
  const v = (row: TableRow | undefined, key: string) => {
    const c = row?.amounts.get(key);
    return hasValue(c) ? c.value : undefined;
  };
  const [p, c, ip, ep, ic, ec] = [
    v(bal, 'prev'),
    v(bal, 'cur'),
    v(inc, 'prev'),
    v(exp, 'prev'),
    v(inc, 'cur'),
    v(exp, 'cur'),
  ];
  if (!p || !c || !ip || !ep || !ic || !ec) return undefined;
  if (c.eq(p.plus(ic).minus(ec)) || !c.eq(p.plus(ip).minus(ep))) return undefined;
  return { prev: c, cur: c.plus(ic).minus(ec) };
}

function resolve(
  q: FundQuote,
  pkg: SiPackage,
  period: 'P' | 'C',
): Figure | { value: Decimal; table: RecognizedTable; key: string; rows: TableRow[] } | undefined {
  const m = q.measure;
  const bs = pkg.balanceSheet;
  if (m.kind === 'line') {
    const panel = m.code.startsWith('1') ? 'income' : 'expense';
    return bs ? figure(bs.table, bs[panel].lines.get(m.code), SHEET_COLUMNS[period][panel]) : undefined;
  }
  if (m.kind === 'balance' && (m.what === 'closing' || m.what === 'opening')) {
    // The closing balance of a period; an opening balance is the closing balance of the year before.
    const closingOf: 'P' | 'C' | 'before' = m.what === 'closing' ? period : period === 'C' ? 'P' : 'before';
    const shift = shiftCorrection(pkg);
    if (closingOf === 'before') {
      return bs ? figure(bs.table, bs.income.lines.get('11008'), SHEET_COLUMNS.P.income) : undefined;
    }
    const plan = pkg.plan.balance;
    const exec = pkg.exec.balance;
    const f =
      figure(
        plan?.table,
        get(plan, q.fund, (l) => l.row),
        closingOf === 'C' ? 'cur' : 'prev',
      ) ??
      (closingOf === 'P'
        ? figure(
            exec?.table,
            get(exec, q.fund, (l) => l.row),
            'actual',
          )
        : undefined) ??
      (bs && !q.fund ? figure(bs.table, bs.expense.lines.get('23009'), SHEET_COLUMNS[closingOf].expense) : undefined);
    if (f && shift && !q.fund && plan && f.table === plan.table)
      f.corrected = closingOf === 'C' ? shift.cur : shift.prev;
    return f;
  }
  if (m.kind === 'balance') return undefined;
  const kind: FundTableKind = m.kind;
  const plan = pkg.plan[kind];
  const exec = pkg.exec[kind];
  const [ft, key] = period === 'C' ? [plan, 'cur'] : plan ? [plan, 'prev'] : [exec, 'actual'];
  if (m.what === 'total') {
    const f = figure(
      ft?.table,
      get(ft, q.fund, (l) => l.row),
      key,
    );
    if (f || !bs) return f;
    const panel = kind;
    const row = q.fund ? bs[panel].funds.get(q.fund) : bs[panel].total;
    return figure(bs.table, row, SHEET_COLUMNS[period][panel]);
  }
  const sub = m.sub;
  const row = get(ft, q.fund, (l) => l.subs.get(sub));
  if (row) return figure(ft!.table, row, key);
  if (sub === 'benefits' && ft) {
    const s = benefitsSum(ft, key, q.fund);
    if (s) return { value: s.value, table: ft.table, key, rows: s.rows };
  }
  return undefined;
}

export interface FundTextOptions {
  /** A fixed tolerance accepts differences up to its amount; `auto` (default) compares at the text's decimals. */
  tolerance?: ToleranceMode;
}

/** Compares the fund figures quoted in `text` with the SI tables. Findings carry the sentence and its line. */
export function checkFundText(text: string, tables: readonly RecognizedTable[], ctx: FundTextOptions = {}): Finding[] {
  const packages = siPackages({ tables });
  const findings: Finding[] = [];
  for (const q of fundQuotes(text)) {
    if (q.year === undefined) continue;
    const scope = q.own ? 'own' : 'whole';
    const pkg =
      packages.find((p) => p.scope === scope && p.year === q.year) ??
      packages.find((p) => p.scope === scope && p.year === q.year! + 1);
    if (!pkg) continue;
    const period = pkg.year === q.year ? 'C' : 'P';
    const f = resolve(q, pkg, period);
    if (!f) continue;
    const table = f.table;
    const tableValue = 'cell' in f ? f.cell.value : f.value;
    const toWan = UNIT_FACTOR[table.unit];
    const inWan = tableValue.times(toWan);
    const rounded = roundHalfUp(inWan, q.decimals);
    const difference = q.value.minus(rounded);
    if (difference.isZero()) continue;
    if (ctx.tolerance?.kind === 'fixed' && q.value.minus(inWan).abs().lte(ctx.tolerance.amount)) continue;
    const corrected = 'cell' in f ? f.corrected?.times(toWan) : undefined;
    const agreesCorrected = corrected !== undefined && roundHalfUp(corrected, q.decimals).eq(q.value);
    const rows = 'cell' in f ? [f.row] : f.rows;
    const where = (lang: 'zh' | 'en'): string => {
      const tn = tableName(table)[lang];
      const rl = 'cell' in f ? siRowLabel(f.row)[lang] : lang === 'zh' ? '各险种待遇支出之和' : 'the funds’ benefits';
      return `${tn} ${rl} ${columnLabel(table, f.key)[lang]}`;
    };
    const shown = (v: Decimal) => formatAmount(v, { decimals: Math.max(0, q.decimals) });
    const params = (lang: 'zh' | 'en') => ({
      line: q.line,
      quote: q.quote,
      where: where(lang),
      table: shown(inWan),
      difference: shown(difference.abs()),
      corrected: corrected ? shown(corrected) : '',
    });
    const severity: Severity = agreesCorrected ? 'info' : 'error';
    const key = agreesCorrected ? 'SI-TXT.shifted' : 'SI-TXT.mismatch';
    const finding: Finding = {
      rule: TEXT_RULE_ID,
      severity,
      sheet: '',
      cell: '',
      related:
        'cell' in f
          ? [sheetRef(table.sheet.name, f.cell.r, f.cell.c)]
          : rows.map((r) => sheetRef(table.sheet.name, r.r, table.columns.get(f.key) ?? 0)),
      expected: rounded.toFixed(),
      actual: q.value.toFixed(),
      difference: difference.toFixed(),
      ...findingMessage(key, perLanguage(params('zh'), params('en'))),
      sentence: q.sentence,
      line: q.line,
    };
    if (agreesCorrected) {
      Object.assign(finding, hintFields(hintMessage('SI-TXT.shiftedHint', { table: tableName(table) })));
    }
    findings.push(finding);
  }
  return findings;
}
