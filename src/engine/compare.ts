/**
 * The one comparison every arithmetic rule goes through: a stated figure against the sum of
 * others, with the rounding-aware tolerance, unit conversion between tables, and the finding
 * written in plain finance language ("表3 总计 合计 1,114.26 ≠ 基本支出 388.20 + 项目支出 726.07 =
 * 1,114.27，差 0.01").
 */
import { Decimal, ZERO } from '../amount/decimal';
import { formatAmount } from '../amount/format';
import { Unit, UNIT_FACTOR } from '../amount/parse';
import { compareSum, Term } from '../amount/tolerance';
import { BilingualText, findingMessage, Hint, hintFields, hintMessage, message, perLanguage } from '../i18n/messages';
import { AmountCell, RecognizedTable, TableRow } from '../recognize/types';
import { sheetRef, a1 } from '../workbook/model';
import { Finding, Rule, RuleContextApi, Severity } from './types';
import { allTemplates } from '../templates';
import { workbookNote } from './note';

const UNIT_SHIFT: Record<Unit, number> = { 元: 4, 千元: 1, 万元: 0, 亿元: -4 };

/** One side of a comparison: a cell of a table, with the label it has in messages. */
export interface Operand {
  table: RecognizedTable;
  cell: AmountCell;
  label?: string;
  labelEn?: string;
  /** Subtracted instead of added (a roll-forward: 上年结余 + 收入 − 支出). Items only. */
  negate?: boolean;
}

export interface SumCheck {
  rule: Rule;
  /** The stated figure. */
  target: Operand;
  /** What it should equal the sum of. */
  items: Operand[];
  /** Where, for the message: `表3 总计 合计` (a function: built only when there is a finding). */
  where: BilingualText | (() => BilingualText);
  /** The two sides are the same quantity copied (no rounding excuse). Default: one item only. */
  copied?: boolean;
  /** A hint, or a function of the difference (actual − expected) giving one when it knows the likely cause. */
  hint?: Hint | ((difference: Decimal) => Hint | undefined);
  /** Severity of a real mismatch (default: the rule's). */
  severity?: Severity;
  /** Fewest decimals amounts are shown with in the message (default 2; 0 for tables in whole 万元). */
  minDecimals?: number;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `4` → 4, `十四` → 14, `二十` → 20. */
function printedNumber(no: string): number | undefined {
  if (/^\d+$/.test(no)) return Number(no);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(no);
  if (!m || (!m[2] && m[1] && m[3])) return undefined;
  if (!m[2]) return m[1] ? CN_DIGITS[m[1]] : m[3] ? CN_DIGITS[m[3]] : undefined;
  return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[3] ? CN_DIGITS[m[3]] : 0);
}

/**
 * How messages name a table: `表3`. A 社会保险基金 table goes by the number printed with its
 * title (the 本级 set is numbered on: 表4 … 表6), else by its title.
 */
export function tableName(t: RecognizedTable): BilingualText {
  if (t.template.family === 'si') {
    if (t.printedNo) {
      const n = printedNumber(t.printedNo);
      return { zh: `表${t.printedNo}`, en: `Table ${n ?? t.printedNo}` };
    }
    const own = /本级/.test(t.title.text);
    return { zh: `${own ? '本级' : ''}${t.template.title}`, en: `${own ? 'own-level ' : ''}${t.template.nameEn}` };
  }
  // The fund forms (one fund's 收支表 …) are published alone: named by their printed title.
  if (t.template.family === 'fund')
    return { zh: normalizeTitle(t.title.text) || t.template.title, en: t.template.nameEn };
  return { zh: `表${t.template.no}`, en: `Table ${t.template.no}` };
}

const normalizeTitle = (s: string) => s.replace(/[\s\u3000]+/g, '');

export function rowLabel(row: TableRow): BilingualText {
  if (row.kind === 'total') return { zh: row.name.replace(/\s+/g, '') || '总计', en: 'total' };
  const head = row.code ? `${row.code} ` : '';
  const name = row.project ? `${row.name ? `${row.name} ` : ''}${row.project}` : row.name;
  return { zh: `${head}${name}`.trim(), en: `${head}${name}`.trim() };
}

export function columnName(t: RecognizedTable, key: string): BilingualText {
  // A loop, not find(): no closure per call (asked for per row and column).
  for (const c of t.template.columns) if (c.key === key) return c.name;
  return { zh: key, en: key };
}

export function where(t: RecognizedTable, row: TableRow, key: string): BilingualText {
  const tn = tableName(t);
  const rl = rowLabel(row);
  const cn = columnName(t, key);
  return { zh: `${tn.zh} ${rl.zh} ${cn.zh}`, en: `${tn.en} ${rl.en}, ${cn.en}` };
}

export function cellRefOf(op: { table: RecognizedTable; cell: { r: number; c: number } }): string {
  return sheetRef(op.table.sheet.name, op.cell.r, op.cell.c);
}

/** A cell's value converted into another table's unit, with its decimals shifted accordingly. */
function termIn(op: Operand, unit: Unit): Term & { empty: boolean } {
  const from = op.table.unit;
  const v = op.negate && op.cell.value ? op.cell.value.negated() : (op.cell.value ?? ZERO);
  const empty = op.cell.value === null;
  if (from === unit) return { value: v, decimals: op.cell.decimals, empty };
  return {
    value: v.times(UNIT_FACTOR[from]).div(UNIT_FACTOR[unit]),
    decimals: op.cell.decimals + UNIT_SHIFT[from] - UNIT_SHIFT[unit],
    empty,
  };
}

function fmt(d: Decimal, decimals: number, min = 2): string {
  return formatAmount(d, { decimals: Math.max(min, Math.min(decimals, 6)) });
}

/** Whether an operand cannot be compared (unreadable, or a formula without a value). */
const unusableOp = (o: Operand) => o.cell.invalid !== undefined || o.cell.uncalculated;

/** Whether the target or any item cannot be compared (no array made: this runs per compared cell). */
function unusable(target: Operand, items: readonly Operand[]): boolean {
  if (unusableOp(target)) return true;
  for (const o of items) if (unusableOp(o)) return true;
  return false;
}

/** Whether a cell holds no amount, without making its Decimal (a cell with cents has one). */
const holdsNothing = (cell: Operand['cell']) => cell.cents === undefined && cell.value === null;

/** Runs one comparison and reports a finding when the sides disagree. Returns the status. */
export function checkSum(ctx: RuleContextApi, check: SumCheck): 'equal' | 'rounding' | 'mismatch' | 'skipped' {
  if (unusable(check.target, check.items)) return 'skipped';
  const unit = check.target.table.unit;
  // Fast path: every side an exact number of cents in one unit, and the sums agree.
  if (check.target.cell.cents !== undefined || holdsNothing(check.target.cell)) {
    let sum = 0;
    let exact = true;
    for (const it of check.items) {
      if (it.table.unit !== unit) exact = false;
      else if (it.cell.cents !== undefined) sum += it.negate ? -it.cell.cents : it.cell.cents;
      else if (!holdsNothing(it.cell)) exact = false;
      if (!exact) break;
    }
    if (exact && Math.abs(sum) < 9e15) {
      const target = check.target.cell.cents ?? 0;
      if (target === sum) {
        if (!holdsNothing(check.target.cell)) return 'equal';
        for (const i of check.items) if (!holdsNothing(i.cell)) return 'equal';
        return 'skipped';
      }
    }
  }
  const target = termIn(check.target, unit);
  const items = check.items.map((i) => termIn(i, unit));
  if (target.empty && items.every((i) => i.empty)) return 'skipped';
  // An empty cell is an exact zero: it adds no rounding uncertainty.
  const exactZero = (t: Term & { empty: boolean }): Term => (t.empty ? { value: ZERO, decimals: 30 } : t);
  const copied = check.copied ?? check.items.length === 1;
  const cmp = compareSum(exactZero(target), items.map(exactZero), ctx.tolerance, copied);
  if (cmp.status === 'equal') return 'equal';
  const severity: Severity = cmp.status === 'rounding' ? 'warning' : (check.severity ?? check.rule.severity);
  if (cmp.status === 'rounding' && check.rule.severity === 'info') return 'rounding';
  const decimals = Math.max(target.decimals, ...items.map((i) => i.decimals));
  const min = check.minDecimals ?? 2;
  const shown = Math.min(
    Math.max(min, target.empty ? min : target.decimals, ...items.filter((i) => !i.empty).map((i) => i.decimals)),
    6,
  );
  const expected = items.reduce((a, b) => a.plus(b.value), ZERO);
  const emptyText = message('compare.empty');
  const actualText = (lang: 'zh' | 'en') => (target.empty ? emptyText[lang] : fmt(target.value, shown, min));
  const itemsText = (lang: 'zh' | 'en') => {
    // Empty items are zero: listing them adds nothing.
    const shownItems = check.items.map((op, k) => ({ op, k })).filter(({ k }) => !items[k].empty);
    if (shownItems.length === 0) return emptyText[lang];
    if (shownItems.length > 6) return `${message('compare.items', { n: shownItems.length })[lang]}`;
    return shownItems
      .map(({ op, k }, i) => {
        const label = lang === 'zh' ? op.label : (op.labelEn ?? op.label);
        const value = items[k].empty
          ? emptyText[lang]
          : fmt(op.negate ? items[k].value.negated() : items[k].value, shown, min);
        const term = label ? `${label} ${value}` : value;
        return i === 0 ? (op.negate ? `− ${term}` : term) : `${op.negate ? '−' : '+'} ${term}`;
      })
      .join(' ');
  };
  const targetLabel = (lang: 'zh' | 'en') =>
    (lang === 'zh' ? check.target.label : (check.target.labelEn ?? check.target.label)) ?? '';
  const whereText = typeof check.where === 'function' ? check.where() : check.where;
  const params = (lang: 'zh' | 'en') => ({
    where: whereText[lang],
    target: targetLabel(lang),
    actual: actualText(lang),
    items: itemsText(lang),
    expected: fmt(expected, shown, min),
    difference: fmt(cmp.difference.abs(), shown, min),
  });
  const fill = (template: string, p: Record<string, string>) =>
    template.replace(/\{(\w+)\}/g, (w, k: string) => (p[k] !== undefined ? p[k] : w)).replace(/\s{2,}/g, ' ');
  const listed = check.items.filter((_op, k) => !items[k].empty).length;
  const template = listed > 6 && check.rule.messageMany ? check.rule.messageMany : check.rule.message;
  const withCount = (lang: 'zh' | 'en') => ({ ...params(lang), n: String(listed), rounding: '' });
  let zh = fill(template.zh, withCount('zh'));
  let en = fill(template.en, withCount('en'));
  let roundingNote: BilingualText | undefined;
  if (cmp.status === 'rounding') {
    const tolDecimals = min < 2 ? Math.max(decimals, cmp.tolerance.decimalPlaces()) : decimals;
    roundingNote = message('compare.rounding', { tolerance: fmt(cmp.tolerance, tolDecimals, min) });
    zh += roundingNote.zh;
    en += roundingNote.en;
  }
  const finding: Finding = {
    rule: check.rule.id,
    severity,
    sheet: check.target.table.sheet.name,
    cell: a1(check.target.cell.r, check.target.cell.c),
    related: check.items.map(cellRefOf),
    expected: expected.toFixed(),
    actual: target.value.toFixed(),
    difference: cmp.difference.toFixed(),
    message: zh,
    messageEn: en,
  };
  // Messages as data: the rule's catalogue id and the parameters, when they render the same text.
  const messageId = template === check.rule.messageMany ? check.rule.messageManyId : check.rule.messageId;
  if (messageId) {
    const p = perLanguage(
      { ...withCount('zh'), rounding: roundingNote?.zh ?? '' },
      { ...withCount('en'), rounding: roundingNote?.en ?? '' },
    );
    const data = findingMessage(messageId, p);
    if (data.message === zh && data.messageEn === en) Object.assign(finding, data);
  }
  const given = typeof check.hint === 'function' ? check.hint(cmp.difference) : check.hint;
  const hint =
    given ??
    (cmp.status === 'mismatch'
      ? transpositionHint(cmp.difference, {
          target: target.empty ? undefined : { value: target.value, decimals: shown },
          items: items.map((t, k) => ({
            value: t.value,
            decimals: shown,
            negate: check.items[k].negate,
            empty: t.empty,
          })),
        })
      : undefined);
  if (hint) Object.assign(finding, hintFields(hint));
  ctx.report(finding);
  return cmp.status;
}

const PLACES_ZH = ['分位', '角位', '个位', '十位', '百位', '千位', '万位', '十万位', '百万位', '千万位', '亿位'];
const PLACES_EN = [
  'hundredths',
  'tenths',
  'units',
  'tens',
  'hundreds',
  'thousands',
  'ten-thousands',
  'hundred-thousands',
  'millions',
  'ten-millions',
  'hundred-millions',
];

/** A figure of a comparison, for finding the transposition in it. */
export interface TranspositionValue {
  value: Decimal;
  /** Decimals to show it with. */
  decimals?: number;
  /** Subtracted in the sum. */
  negate?: boolean;
  empty?: boolean;
}

/**
 * The figure among `values` two of whose adjacent digits, swapped, change it by exactly `change`
 * (in cents, place `k` and `k + 1` of its cents): the corrected figure, or undefined.
 */
function swapFor(value: Decimal, change: number, k: number): Decimal | undefined {
  const cents = value.times(100);
  if (!cents.isInteger() || cents.isZero()) return undefined;
  const digits = cents.abs().toFixed(0);
  const len = digits.length;
  if (k + 1 >= len) return undefined;
  const hi = len - 1 - (k + 1);
  const lo = len - 1 - k;
  const a = Number(digits[hi]);
  const b = Number(digits[lo]);
  // Swapping a (place k+1) and b (place k) changes |value| by (b − a) × 9 × 10^k.
  const sign = cents.isNegative() ? -1 : 1;
  if ((b - a) * sign !== change) return undefined;
  if (hi === 0 && b === 0) return undefined; // 70.00 → 07.00 is a lost digit, not a transposition
  const swapped = digits.slice(0, hi) + digits[lo] + digits[hi] + digits.slice(lo + 1);
  return new Decimal(swapped).times(sign).div(100);
}

/**
 * The figures among `figures` whose two adjacent digits, swapped back, explain `difference` (the
 * stated figure minus the sum of the items): at most two, items first, formatted (`287.48` →
 * `278.48`); with the digits' gap `d` and place `k` (in cents) of a 9 × d × 10^k difference.
 * Undefined when the difference is not of that form.
 */
export function transpositions(
  difference: Decimal,
  figures: { target?: TranspositionValue; items?: readonly TranspositionValue[] } = {},
): { d: number; k: number; found: { actual: string; fixed: string }[] } | undefined {
  const cents = difference.abs().times(100);
  if (!cents.isInteger() || cents.isZero() || !cents.mod(9).isZero()) return undefined;
  const dk = cents.div(9).toFixed(0);
  if (!/^[1-8]0*$/.test(dk)) return undefined;
  const d = Number(dk[0]);
  const k = dk.length - 1;
  const sign = difference.isNegative() ? -1 : 1;
  const found: { actual: string; fixed: string }[] = [];
  const seen = new Set<string>();
  const consider = (v: TranspositionValue | undefined, change: number) => {
    if (!v || v.empty || found.length >= 2) return;
    const fixed = swapFor(v.value, change, k);
    if (!fixed) return;
    const show = (x: Decimal) => formatAmount(x, { decimals: Math.max(2, Math.min(v.decimals ?? 2, 6)) });
    const key = `${show(v.value)}→${show(fixed)}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ actual: show(v.value), fixed: show(fixed) });
  };
  // An item typed wrong: it should be larger by the difference (smaller when subtracted).
  for (const it of figures.items ?? []) consider(it, (it.negate ? -1 : 1) * sign * d);
  // The stated figure typed wrong: it should be smaller by the difference.
  consider(figures.target, -sign * d);
  return { d, k, found };
}

/**
 * An accountant's rule of thumb: when a difference is 9 × d × 10^k (d from 1 to 8), two adjacent
 * digits that differ by d were probably typed the wrong way round (278.48 → 287.48 gives 9.00).
 * With the figures compared, the hint names the one whose digits, swapped back, make the sides
 * agree (`287.48 可能应为 278.48`); when none does, it names the places and the digits' gap
 * (`十位与个位上相差 3 的两个数字`) rather than an example that would not fit. `difference` is
 * the stated figure minus the sum of the items.
 */
export function transpositionHint(
  difference: Decimal,
  figures: { target?: TranspositionValue; items?: readonly TranspositionValue[] } = {},
): Hint | undefined {
  const t = transpositions(difference, figures);
  if (!t) return undefined;
  const { d, k, found } = t;
  const difText = formatAmount(difference.abs());
  const examples = (lang: 'zh' | 'en') =>
    found.length
      ? found.map((f) => message('compare.transposedCell', f)[lang]).join(message('compare.or')[lang])
      : message('compare.transposedPlaces', {
          d,
          high: (lang === 'zh' ? PLACES_ZH : PLACES_EN)[k + 1] ?? `10^${k - 1}`,
          low: (lang === 'zh' ? PLACES_ZH : PLACES_EN)[k] ?? `10^${k - 2}`,
        })[lang];
  const p = (lang: 'zh' | 'en') => ({ difference: difText, examples: examples(lang) });
  return hintMessage('compare.transposed', perLanguage(p('zh'), p('en')));
}

/**
 * One 提示 per rule and missing table: a cross-table rule whose table is absent. Not when the
 * workbook holds no standard table of the rule's family at all (a 社会保险基金 workbook is not
 * missing the department tables, nor is a workbook holding only a pack's own table).
 */
export function reportMissingTable(ctx: RuleContextApi, rule: Rule, title: string): void {
  // A pack's own new table (not a variant of a standard one) does not make a package of the family.
  const standard = (t: (typeof ctx.tables)[number]) => allTemplates().some((b) => b.table === t.template.table);
  if (rule.family !== 'any' && !ctx.tables.some((t) => t.template.family === rule.family && standard(t))) return;
  const params = { title, rule: { zh: `${rule.id} ${rule.title.zh}`, en: `${rule.id} ${rule.title.en}` } };
  ctx.report(workbookNote(rule.id, 'compare.missingTable', params));
}

/** The amount cell of a row's column, as an operand. */
export function operand(
  table: RecognizedTable,
  row: TableRow,
  key: string,
  label?: BilingualText,
): Operand | undefined {
  const cell = row.amounts.get(key);
  if (!cell) return undefined;
  return { table, cell, label: label?.zh, labelEn: label?.en };
}
