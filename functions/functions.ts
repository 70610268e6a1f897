/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The BUDGET custom functions. Each is a thin wrapper over the core (src/): it reads cells or
 * ranges, maps cell by cell (ranges spill same-shaped arrays), and turns failures into Excel
 * errors. The JSDoc tags below generate functions.json at build time; Chinese descriptions come
 * from functions/translations.zh-CN.json through the build, and scripts/metadata-options-plugin.js
 * adds allowErrorForDataTypeAny (an error cell in a range is that cell's error, not the whole
 * spill's).
 *
 * The first half of this file is the computation (synchronous, used by the tests, the benchmark
 * and the narrative); the second half the registered functions: each asks Excel for its
 * arguments' addresses (`@requiresParameterAddresses`) so that blank cells that some desktop
 * builds pass as 0 are read as blank (functions/blanks.ts), then computes.
 */
import { Decimal, ZERO } from '../src/amount/decimal';
import { parseAmount } from '../src/amount/parse';
import { roundHalfUp, roundHalfUpNumber } from '../src/amount/round';
import { message } from '../src/i18n/messages';
import { payableMonths, ZeroExpenditureError } from '../src/metrics/balance';
import { ZERO_BASES, ZeroBase, zeroBaseYoy } from '../src/metrics/change';
import { ChangePhrase } from '../src/metrics/describe';
import { changeFast, exactCents, ratioFast, yoyFast } from '../src/metrics/fast';
import { shares } from '../src/metrics/shares';
import {
  CellFailure,
  cellOf,
  digitsArg,
  EMPTY,
  flatten,
  guardCell,
  guarded,
  mapCells,
  matrix,
  matrixShape,
  Out,
  readAmount,
  Scalar,
  scalarArg,
  toExcelError,
} from './cells';
import { AddressedInvocation, restoreBlanks } from './blanks';

function zeroBaseArg(v: unknown): ZeroBase {
  const s = scalarArg(v);
  if (s === null || s === undefined || s === '') return 'error';
  const k = String(s).trim().toLowerCase();
  const aliases: Record<string, ZeroBase> = {
    '0': 'error',
    '1': 'hundred',
    '2': 'blank',
    '100': 'hundred',
    '100%': 'hundred',
  };
  const mode = (ZERO_BASES as readonly string[]).includes(k) ? (k as ZeroBase) : aliases[k];
  if (!mode) {
    throw new CellFailure('value', message('metric.badOption', { value: String(s), allowed: ZERO_BASES.join('/') }));
  }
  return mode;
}

function yoyCell(c: Scalar, p: Scalar, mode: ZeroBase): Out {
  if (typeof c === 'number' && typeof p === 'number' && p !== 0) {
    const fast = yoyFast(c, p);
    if (fast === fast) return fast;
  }
  const cur = readAmount(c);
  const pri = readAmount(p);
  if (cur === undefined || pri === undefined) return EMPTY;
  if (pri.isZero()) {
    if (mode === 'error') throw new CellFailure('div0');
    const r = zeroBaseYoy(cur, mode);
    return r === null ? EMPTY : r.toNumber();
  }
  return cur.minus(pri).div(pri.abs()).toNumber();
}

/**
 * Year-over-year change as a fraction (format the cell as %): (current − prior) / |prior|.
 */
export function yoy(current: any[][], prior: any[][], zero_base?: string): any[][] {
  return guarded(() => {
    const mode = zeroBaseArg(zero_base);
    const cell = (c: Scalar, p: Scalar) => yoyCell(c, p, mode);
    return centsColumns(current, prior, YOY, cell) ?? mapCells([current, prior], cell);
  });
}

/** What {@link centsColumns} computes from two exact counts of hundredths c and p. */
const YOY = 0;
const RATIO = 1;

/**
 * BUDGET.YOY and BUDGET.RATIO over two same-length columns (n×1, n ≥ 2, as Excel passes
 * A2:A100001) in one loop as lean as a float loop's: each row reads its two cells, and when both
 * are numbers whose exact hundredths are c and p (exactCents, src/metrics/fast.ts: the test of
 * cents, computed inline so that nothing per row is boxed: a helper returning a number cost a
 * heap number per row), the cell is (c − p) / |p| (YOY) or c / p (RATIO) — yoyFast's and
 * ratioFast's results, the double nearest the exact quotient — stored in a one-element literal as
 * the float loop does. Everything else (texts, blanks, errors, a zero divisor, more than two
 * decimals) goes through `cell`, the per-cell path exactly as mapCells runs it (same result, same
 * per-cell error). Undefined when the inputs are not two such columns.
 *
 * Why not the float result (x − y) / |y| checked afterwards: it is not the exact result in
 * general ((0.3 − 0.1) / 0.1 = 1.9999999999999998, exactly 2), and proving it equal needs the
 * exact hundredths anyway, after which the exact quotient is one division, as the float's is.
 */
function centsColumns(
  a: unknown,
  b: unknown,
  op: typeof YOY | typeof RATIO,
  cell: (x: Scalar, y: Scalar) => Out,
): Out[][] | undefined {
  if (!Array.isArray(a) || !Array.isArray(b)) return undefined;
  const n = a.length;
  if (n < 2 || b.length !== n) return undefined;
  const out: Out[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const ra: unknown = a[i];
    const rb: unknown = b[i];
    if (!Array.isArray(ra) || !Array.isArray(rb) || ra.length !== 1 || rb.length !== 1) return undefined;
    const x: unknown = ra[0];
    const y: unknown = rb[0];
    if (typeof x === 'number' && typeof y === 'number') {
      const sx = x * 100;
      const sy = y * 100;
      const c = Math.round(sx);
      const p = Math.round(sy);
      if (p !== 0 && exactCents(x, sx, c) && exactCents(y, sy, p)) {
        out[i] = [op === YOY ? (c - p) / (p < 0 ? -p : p) : c / p];
        continue;
      }
    }
    out[i] = [guardedPair(cell, x, y)];
  }
  return out;
}

/** One cell of {@link centsColumns} the slow way (out of the loop: a closure there would capture its cells). */
function guardedPair(cell: (x: Scalar, y: Scalar) => Out, x: unknown, y: unknown): Out {
  return guardCell(() => cell(cellOf(x), cellOf(y)));
}

/**
 * The change from last year, exact: current − prior.
 */
export function change(current: any[][], prior: any[][]): any[][] {
  return mapCells([current, prior], (c, p) => {
    if (typeof c === 'number' && typeof p === 'number') {
      const fast = changeFast(c, p);
      if (fast === fast) return fast;
    }
    const cur = readAmount(c);
    const pri = readAmount(p);
    if (cur === undefined || pri === undefined) return EMPTY;
    return cur.minus(pri).toNumber();
  });
}

/**
 * A part's share of a whole as a fraction (format as %): part / whole.
 */
export function ratio(part: any[][], whole: any[][]): any[][] {
  return centsColumns(part, whole, RATIO, ratioCell) ?? mapCells([part, whole], ratioCell);
}

function ratioCell(a: Scalar, b: Scalar): Out {
  if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
    const fast = ratioFast(a, b);
    if (fast === fast) return fast;
  }
  const x = readAmount(a);
  const y = readAmount(b);
  if (x === undefined || y === undefined) return EMPTY;
  if (y.isZero()) throw new CellFailure('div0');
  return x.div(y).toNumber();
}

/**
 * Each cell's share of the range's total, as fractions; with decimals, rounded half away from zero.
 */
export function shares_(parts: any[][], decimals?: number, balance?: boolean): any[][] {
  return guarded(() => {
    const d = scalarArg(decimals) === undefined || scalarArg(decimals) === null ? undefined : digitsArg(decimals, 2);
    const cells = matrix(parts);
    let failure: CellFailure | undefined;
    const failed = new Map<string, CellFailure>();
    const values: (Decimal | undefined)[][] = cells.map((row, i) =>
      row.map((v, j) => {
        try {
          return readAmount(v);
        } catch (e) {
          const f = e instanceof CellFailure ? e : new CellFailure('value', String(e));
          failure ??= f;
          failed.set(`${i},${j}`, f);
          return undefined;
        }
      }),
    );
    // A part that is an error: its own error there, and the first one elsewhere (the total is unknown).
    if (failure) {
      const first = failure;
      return cells.map((row, i) => row.map((_, j) => toExcelError(failed.get(`${i},${j}`) ?? first)));
    }
    const present = values.flat().filter((v): v is Decimal => v !== undefined);
    if (present.length === 0) return cells.map((row) => row.map(() => EMPTY));
    const whole = present.reduce((a, b) => a.plus(b), ZERO);
    if (whole.isZero()) throw new CellFailure('div0');
    const result = shares(present, { decimals: d, balance: Boolean(scalarArg(balance)) });
    let k = 0;
    return values.map((row) => row.map((v) => (v === undefined ? EMPTY : result[k++].toNumber())));
  });
}

/**
 * Roll-forward balance: opening + income − expenditure + other_in − other_out. Empty parts count
 * as 0; all empty gives an empty result.
 */
export function balance(
  opening: any[][],
  income: any[][],
  expenditure: any[][],
  other_in?: any[][],
  other_out?: any[][],
): any[][] {
  return mapCells([opening, income, expenditure, other_in ?? null, other_out ?? null], (o, i, e, a, b) => {
    const parts = [o, i, e, a, b].map(readAmount);
    if (parts.slice(0, 3).every((x) => x === undefined)) return EMPTY;
    const [po, pi, pe, pa, pb] = parts.map((x) => x ?? ZERO);
    return po.plus(pi).minus(pe).plus(pa).minus(pb).toNumber();
  });
}

/**
 * Static payable months (可支付月数): closing balance ÷ (annual expenditure ÷ 12).
 */
export function months(balance: any[][], annual_expenditure: any[][]): any[][] {
  return mapCells([balance, annual_expenditure], (b, e) => {
    const x = readAmount(b);
    const y = readAmount(e);
    if (x === undefined || y === undefined) return EMPTY;
    try {
      return payableMonths(x, y).toNumber();
    } catch (err) {
      if (err instanceof ZeroExpenditureError) throw new CellFailure('div0');
      throw err;
    }
  });
}

/**
 * Rounds half away from zero, exactly (1.005 → 1.01), reading values at Excel's 15 digits.
 */
export function round(value: any[][], digits?: number): any[][] {
  return guarded(() => {
    const d = digitsArg(digits, 2);
    return mapCells([value], (v) => {
      if (typeof v === 'number') {
        const fast = roundHalfUpNumber(v, d);
        if (fast === fast) return fast;
      }
      const x = readAmount(v);
      return x === undefined ? EMPTY : roundHalfUp(x, d).toNumber();
    });
  });
}

/**
 * Reads text as a number: full-width digits, thousands separators, OCR spaces, (negatives), 万元, %.
 */
export function num(text: any[][]): any[][] {
  return mapCells([text], (v) => {
    const p = parseAmount(v);
    if (p.kind === 'empty') return EMPTY;
    if (p.kind === 'invalid') throw new CellFailure('value', p.reason);
    return p.value.toNumber();
  });
}

/**
 * The standard 情况说明 phrase, e.g. "比上年预算增加 34.45 万元，增长 3.44%".
 */
export function describe(current: any[][], prior: any[][], label?: any[][], unit?: string): any[][] {
  const u = scalarArg(unit);
  const unitText = u === null || u === undefined || u === '' ? '万元' : String(u);
  // The sentence's fixed pieces, worked out once for the whole range.
  const phrase = new ChangePhrase({ unit: unitText });
  const cell = (c: Scalar, p: Scalar, l: Scalar): Out => describeCell(phrase, c, p, l);
  // Without labels, two columns in one loop, else the two-range loop of mapCells (a missing label
  // is a blank in every cell).
  if (label === undefined || label === null) {
    return describeColumn(phrase, current, prior) ?? mapCells([current, prior], (c, p) => cell(c, p, null));
  }
  return mapCells([current, prior, label], cell);
}

function describeCell(phrase: ChangePhrase, c: Scalar, p: Scalar, l: Scalar): Out {
  const label = l !== null && l !== undefined && String(l) !== '' ? String(l) : undefined;
  // Finite numbers go straight to the core, whose integer path gives the same sentence as the
  // Decimals readAmount would make (src/metrics/fast.test.ts).
  if (typeof c === 'number' && typeof p === 'number' && Number.isFinite(c) && Number.isFinite(p)) {
    return phrase.describe(c, p, label);
  }
  const cur = readAmount(c);
  const pri = readAmount(p);
  if (cur === undefined || pri === undefined) return EMPTY;
  return phrase.describe(cur, pri, label);
}

/**
 * BUDGET.DESCRIBE over two same-length columns without labels (n×1, n ≥ 2) in one loop: two finite
 * numbers go to the phrase directly, everything else through {@link describeCell} as mapCells
 * runs it (same sentence, same per-cell error). Undefined when the inputs are not two such columns.
 */
function describeColumn(phrase: ChangePhrase, a: unknown, b: unknown): Out[][] | undefined {
  if (!Array.isArray(a) || !Array.isArray(b)) return undefined;
  const n = a.length;
  if (n < 2 || b.length !== n) return undefined;
  const out: Out[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const ra: unknown = a[i];
    const rb: unknown = b[i];
    if (!Array.isArray(ra) || !Array.isArray(rb) || ra.length !== 1 || rb.length !== 1) return undefined;
    const x: unknown = ra[0];
    const y: unknown = rb[0];
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
      out[i] = [phrase.describe(x, y)];
      continue;
    }
    out[i] = [describeRow(phrase, x, y)];
  }
  return out;
}

/** One cell of {@link describeColumn} the slow way, its failure that cell's error. */
function describeRow(phrase: ChangePhrase, x: unknown, y: unknown): Out {
  return guardCell(() => describeCell(phrase, cellOf(x), cellOf(y), null));
}

/**
 * A total minus the sum of its items, exact (0 when they agree). A column of totals checks each row
 * of the items; a row of totals each column.
 */
export function sumcheck(total: any[][], items: any[][]): any[][] {
  return guarded(() => {
    const [tr, tc] = matrixShape(total);
    const [ir, ic] = matrixShape(items);
    const t = matrix(total);
    const it = matrix(items);
    const sum = (cells: Scalar[]): Decimal =>
      cells.map(readAmount).reduce<Decimal>((a, b) => (b ? a.plus(b) : a), ZERO);
    const check = (tv: Scalar, cells: Scalar[]): Out => {
      const x = readAmount(tv);
      if (x === undefined && cells.every((c) => readAmount(c) === undefined)) return EMPTY;
      return (x ?? ZERO).minus(sum(cells)).toNumber();
    };
    if (tr === 1 && tc === 1) return [[guardCell(() => check(t[0][0], flatten(items)))]];
    if (tc === 1 && tr === ir) return t.map((row, i) => [guardCell(() => check(row[0], it[i]))]);
    if (tr === 1 && tc === ic)
      return [
        t[0].map((tv, j) =>
          guardCell(() =>
            check(
              tv,
              it.map((r) => r[j]),
            ),
          ),
        ),
      ];
    throw new CellFailure('value', message('metric.shapeMismatch', { a: `${tr}×${tc}`, b: `${ir}×${ic}` }));
  });
}

/* ---------------------------------------------------------------------------------------------
 * The registered functions. Descriptions stay on one line each: the metadata generator keeps a
 * JSDoc line break in the text Excel shows (the build also collapses any that slip in).
 * ------------------------------------------------------------------------------------------- */

type Invocation = CustomFunctions.Invocation;

/** The arguments at `amounts` with blank cells that arrived as 0 read as blank (functions/blanks.ts). */
async function blanksRestored(args: unknown[], amounts: number[], invocation: Invocation | undefined): Promise<any[]> {
  return restoreBlanks(args, amounts, invocation as AddressedInvocation | undefined);
}

/**
 * Year-over-year change as a fraction (format the cell as %): (current − prior) / |prior|.
 * @customfunction YOY
 * @requiresParameterAddresses
 * @param current This year's amount: a cell or a range.
 * @param prior Last year's amount: a cell or a range of the same shape.
 * @param [zero_base] When last year is 0: "error" (default, #DIV/0!), "hundred" (the disclosure convention: +100%), or "blank".
 * @returns The change as a fraction, e.g. 0.0344 for 3.44%.
 */
export async function yoyFunction(
  current: any[][],
  prior: any[][],
  zero_base?: string,
  invocation?: CustomFunctions.Invocation,
): Promise<any[][]> {
  const [c, p] = await blanksRestored([current, prior], [0, 1], invocation);
  return yoy(c, p, zero_base);
}

/**
 * The change from last year, exact: current − prior.
 * @customfunction CHANGE
 * @requiresParameterAddresses
 * @param current This year's amount: a cell or a range.
 * @param prior Last year's amount: a cell or a range of the same shape.
 * @returns current − prior.
 */
export async function changeFunction(
  current: any[][],
  prior: any[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  const [c, p] = await blanksRestored([current, prior], [0, 1], invocation);
  return change(c, p);
}

/**
 * A part's share of a whole as a fraction (format as %): part / whole.
 * @customfunction RATIO
 * @requiresParameterAddresses
 * @param part The part: a cell or a range.
 * @param whole The whole: a cell, or a range of the same shape.
 * @returns part / whole, e.g. 0.9913 for 99.13%.
 */
export async function ratioFunction(
  part: any[][],
  whole: any[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  const [a, b] = await blanksRestored([part, whole], [0, 1], invocation);
  return ratio(a, b);
}

/**
 * Each cell's share of the range's total, as fractions; with decimals, rounded half away from zero.
 * @customfunction SHARES
 * @requiresParameterAddresses
 * @param parts The parts: a range (empty cells stay empty and count as 0).
 * @param [decimals] Decimals of the percentage (2 gives 99.13%); omit for exact shares.
 * @param [balance] TRUE: adjust the rounded shares so they add up to exactly 100%.
 * @returns A range of the same shape with each share.
 */
export async function sharesFunction(
  parts: any[][],
  decimals?: number,
  balance?: boolean,
  invocation?: CustomFunctions.Invocation,
): Promise<any[][]> {
  const [p] = await blanksRestored([parts], [0], invocation);
  return shares_(p, decimals, balance);
}

/**
 * Roll-forward balance: opening + income − expenditure + other_in − other_out. Empty parts count as 0; all empty gives an empty result.
 * @customfunction BALANCE
 * @requiresParameterAddresses
 * @param opening Opening balance (上年结余).
 * @param income Income (收入).
 * @param expenditure Expenditure (支出).
 * @param [other_in] Other inflows, e.g. 上级补助收入 + 下级上解收入.
 * @param [other_out] Other outflows, e.g. 补助下级支出 + 上解上级支出.
 * @returns The closing balance (年末结余).
 */
export async function balanceFunction(
  opening: any[][],
  income: any[][],
  expenditure: any[][],
  other_in?: any[][],
  other_out?: any[][],
  invocation?: CustomFunctions.Invocation,
): Promise<any[][]> {
  const [o, i, e, a, b] = await blanksRestored(
    [opening, income, expenditure, other_in, other_out],
    [0, 1, 2, 3, 4],
    invocation,
  );
  return balance(o, i, e, a ?? undefined, b ?? undefined);
}

/**
 * Static payable months (可支付月数): closing balance ÷ (annual expenditure ÷ 12).
 * @customfunction MONTHS
 * @requiresParameterAddresses
 * @param balance Closing balance (年末结余).
 * @param annual_expenditure The year's expenditure.
 * @returns How many months of spending the balance covers.
 */
export async function monthsFunction(
  balance: any[][],
  annual_expenditure: any[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  const [b, e] = await blanksRestored([balance, annual_expenditure], [0, 1], invocation);
  return months(b, e);
}

/**
 * Rounds half away from zero, exactly (1.005 → 1.01), reading values at Excel's 15 digits.
 * @customfunction ROUNDEXACT
 * @requiresParameterAddresses
 * @param value A cell or a range.
 * @param [digits] Decimals to keep (default 2; negative rounds to tens, hundreds…).
 * @returns The rounded value(s).
 */
export async function roundFunction(
  value: any[][],
  digits?: number,
  invocation?: CustomFunctions.Invocation,
): Promise<any[][]> {
  const [v] = await blanksRestored([value], [0], invocation);
  return round(v, digits);
}

/**
 * The former name of BUDGET.ROUNDEXACT, kept so that workbooks written with it still calculate; hidden from autocomplete (its id matches Excel's ROUND).
 * @customfunction ROUND
 * @excludeFromAutoComplete
 * @requiresParameterAddresses
 * @param value A cell or a range.
 * @param [digits] Decimals to keep (default 2; negative rounds to tens, hundreds…).
 * @returns The rounded value(s).
 */
export async function roundFormerName(
  value: any[][],
  digits?: number,
  invocation?: CustomFunctions.Invocation,
): Promise<any[][]> {
  return roundFunction(value, digits, invocation);
}

/**
 * Reads text as a number: full-width digits, thousands separators, OCR spaces, (negatives), 万元, %.
 * @customfunction NUM
 * @requiresParameterAddresses
 * @param text A cell or a range holding numbers as text, e.g. "1, 114. 26" or "（12.30）".
 * @returns The number, or empty for "-", "—", "/" and blanks.
 */
export async function numFunction(text: any[][], invocation: CustomFunctions.Invocation): Promise<any[][]> {
  const [t] = await blanksRestored([text], [0], invocation);
  return num(t);
}

/**
 * The standard 情况说明 phrase, e.g. "比上年预算增加 34.45 万元，增长 3.44%".
 * @customfunction DESCRIBE
 * @requiresParameterAddresses
 * @param current This year's amount: a cell or a range.
 * @param prior Last year's amount: a cell or a range of the same shape.
 * @param [label] A label to lead with, e.g. "一般公共预算" (gives "一般公共预算 1,104.54 万元，比上年预算…").
 * @param [unit] The unit printed after amounts (default 万元).
 * @returns The sentence.
 */
export async function describeFunction(
  current: any[][],
  prior: any[][],
  label?: any[][],
  unit?: string,
  invocation?: CustomFunctions.Invocation,
): Promise<any[][]> {
  const [c, p, l] = await blanksRestored([current, prior, label], [0, 1, 2], invocation);
  return describe(c, p, l ?? undefined, unit);
}

/**
 * A total minus the sum of its items, exact (0 when they agree). A column of totals checks each row of the items; a row of totals each column.
 * @customfunction SUMCHECK
 * @requiresParameterAddresses
 * @param total The stated total: a cell, a column (one per items row) or a row (one per items column).
 * @param items The items to add up.
 * @returns total − Σ items.
 */
export async function sumcheckFunction(
  total: any[][],
  items: any[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  const [t, i] = await blanksRestored([total, items], [0, 1], invocation);
  return sumcheck(t, i);
}
