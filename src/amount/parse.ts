import { BilingualText, message } from '../i18n/messages';
import { Decimal, decimalFromNumber, EXCEL_DIGITS, isDecimal } from './decimal';

/** A money unit as printed on the forms (`单位：万元`). */
export type Unit = '元' | '千元' | '万元' | '亿元';

/** One unit in 万元 (the disclosures' usual unit): amounts in different units are compared through it. */
export const UNIT_FACTOR: Readonly<Record<Unit, Decimal>> = {
  元: new Decimal('0.0001'),
  千元: new Decimal('0.1'),
  万元: new Decimal(1),
  亿元: new Decimal(10000),
};

export interface ParsedAmount {
  kind: 'amount';
  value: Decimal;
  /** Digits after the decimal point as written (for a percent string: of the fraction). */
  decimals: number;
  /** True when the text ended in `%` (the value is then the fraction: `98%` → 0.98). */
  percent: boolean;
  /** A trailing unit when the text carried one (`12.5万元`); the value is not converted. */
  unit?: Unit;
}
export interface ParsedEmpty {
  kind: 'empty';
}
export interface ParsedInvalid {
  kind: 'invalid';
  raw: string;
  reason: BilingualText;
}
export type Parsed = ParsedAmount | ParsedEmpty | ParsedInvalid;

/** Texts that mean "nothing here" on the forms. Empty is not zero. */
export const EMPTY_MARKERS: ReadonlySet<string> = new Set([
  '',
  '-',
  '--',
  '—',
  '——',
  '–',
  '/',
  '／',
  '－',
  '－－',
  '…',
  // "×" where a cell does not apply (the one-fund 收支表 of the fund forms): not applicable, not an error.
  '×',
  '╳',
  '✕',
]);

const EXCEL_ERRORS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

/** Longest text we try to read as a number; longer is refused at once (hostile input). */
const MAX_TEXT = 100;

const EMPTY: ParsedEmpty = { kind: 'empty' };

function invalid(raw: string, key: string, extra: Record<string, string | number> = {}): ParsedInvalid {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return { kind: 'invalid', raw, reason: message(key, { raw: shown, ...extra }) };
}

/** `A` of `{error: '#REF!'}` style error objects some readers produce. */
function errorText(v: unknown): string | undefined {
  if (v && typeof v === 'object' && 'error' in v) {
    const e = (v as { error: unknown }).error;
    return typeof e === 'string' ? e : '#VALUE!';
  }
  return undefined;
}

const UNIT_SUFFIX = /(亿元|万元|千元|元)$/;
/** Most digits a text amount may have (as written, or once its exponent is applied). */
export const MAX_DIGITS = 40;
const NUMBER_BODY = /^(\d+|\d{1,3}(?:,\d{3})+)?(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;

/**
 * Reads a text as an amount. Tolerates what real packages hold: full-width digits and signs,
 * thousands separators, OCR spaces (`1, 114. 26`), parentheses for negatives, `+ - － −` signs,
 * a trailing unit (`万元`, `元`), a trailing `%`.
 *
 * Range: up to 15 significant digits a text is read exactly; more are rounded to 15 significant
 * digits, half away from zero, as Excel does with anything typed or computed; a text with more
 * than {@link MAX_DIGITS} digits (as written or once its exponent is applied) is refused with a
 * reason. A sign is never flipped: `(-3)`, `-(3)` and `（－3）` are all −3; `(+3)` and `--3` are refused.
 * Total: every string gives an amount, an empty or a reason, never a throw.
 */
export function parseAmountText(raw: string): Parsed {
  if (raw.length > MAX_TEXT) return invalid(raw, 'amount.tooLong', { length: raw.length });
  let s = raw.normalize('NFKC').replace(/[\u2212\u2012\uFE63]/g, '-');
  s = s.replace(/[\s\u00a0\u3000]+/g, '');
  if (EMPTY_MARKERS.has(s)) return EMPTY;
  if (EXCEL_ERRORS.has(s.toUpperCase())) return invalid(raw, 'amount.excelError');

  // A negative is written `-3`, `(3)`, or redundantly `(-3)` / `-(3)`: each of these is negative,
  // never a double negative read as a plus. `(+3)`, `+(3)` and two signs (`--3`, `+-3`) are refused.
  let minus = false;
  let plus = false;
  let paren = false;
  const takeSign = () => {
    if (s.startsWith('-') || s.startsWith('+')) {
      if (minus || plus) return false;
      if (s.startsWith('-')) minus = true;
      else plus = true;
      s = s.slice(1);
    }
    return true;
  };
  if (!takeSign()) return invalid(raw, 'amount.unrecognized');
  const inParens = /^\((.*)\)$/.exec(s);
  if (inParens) {
    paren = true;
    s = inParens[1];
    if (!takeSign()) return invalid(raw, 'amount.unrecognized');
  }
  if (paren && plus) return invalid(raw, 'amount.ambiguousSign');
  const negative = minus || paren;
  s = s.replace(/^[¥$]/, '');
  let unit: Unit | undefined;
  const u = UNIT_SUFFIX.exec(s);
  if (u) {
    unit = u[1] as Unit;
    s = s.slice(0, u.index);
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (!/\d/.test(s)) return invalid(raw, 'amount.unrecognized');
  const m = NUMBER_BODY.exec(s);
  if (!m) {
    if (/^[\d,]+(\.\d*)?$/.test(s)) return invalid(raw, 'amount.grouping');
    return invalid(raw, 'amount.unrecognized');
  }
  const intDigits = (m[1] ?? '').replace(/,/g, '');
  const fracDigits = m[2] ?? '';
  // The mantissa needs a digit of its own: `e0`, `E5`, `.e1` are not numbers.
  if (intDigits.length + fracDigits.length === 0) return invalid(raw, 'amount.unrecognized');
  const exponent = m[3] ? Number(m[3]) : 0;
  // Digits as written, and digits once the exponent is applied: beyond MAX_DIGITS the text is no
  // amount anyone can check (and beyond the 40 digits our Decimal keeps).
  const significant = (intDigits + fracDigits).replace(/^0+/, '');
  const wholeDigits = intDigits.replace(/^0+/, '').length + exponent;
  if (significant.length > MAX_DIGITS || wholeDigits > MAX_DIGITS || fracDigits.length - exponent > MAX_DIGITS)
    return invalid(raw, 'amount.tooManyDigits', { max: MAX_DIGITS });
  let value = new Decimal(`${intDigits || '0'}.${fracDigits || '0'}e${exponent}`);
  // Excel keeps 15 significant digits of whatever is typed; a text amount is read the same way as
  // the number would be (`1.0049999999999999` → 1.005, as the number 1.0049999999999999 reads).
  if (significant.length > EXCEL_DIGITS) value = value.toSignificantDigits(EXCEL_DIGITS, Decimal.ROUND_HALF_UP);
  if (negative && !value.isZero()) value = value.negated();
  let decimals = Math.max(0, fracDigits.length - exponent);
  if (percent) {
    value = value.div(100);
    decimals += 2;
  }
  return { kind: 'amount', value, decimals, percent, unit };
}

/**
 * Any cell value → an exact amount, an empty, or a failure with a reason.
 * Numbers are read at Excel's 15 significant digits.
 */
export function parseAmount(value: unknown): Parsed {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') {
    const d = decimalFromNumber(value);
    if (!d) return invalid(String(value), 'amount.notFinite');
    return { kind: 'amount', value: d, decimals: d.decimalPlaces(), percent: false };
  }
  if (typeof value === 'string') return parseAmountText(value);
  if (typeof value === 'bigint') {
    const d = new Decimal(value.toString());
    return { kind: 'amount', value: d, decimals: 0, percent: false };
  }
  if (isDecimal(value)) return { kind: 'amount', value, decimals: value.decimalPlaces(), percent: false };
  if (typeof value === 'boolean') return invalid(String(value).toUpperCase(), 'amount.boolean');
  const err = errorText(value);
  if (err !== undefined) return invalid(err, 'amount.excelError');
  if (value instanceof Date) return invalid(value.toISOString().slice(0, 10), 'amount.unrecognized');
  return invalid(Object.prototype.toString.call(value), 'amount.unrecognized');
}

/** Thrown by the convenience API when a value is not an amount. */
export class AmountError extends Error {
  readonly reason: BilingualText;
  constructor(reason: BilingualText) {
    super(`${reason.zh} / ${reason.en}`);
    this.name = 'AmountError';
    this.reason = reason;
  }
}

export type AmountLike = Decimal | number | string;

/** A value as a Decimal; empty reads as zero. Throws {@link AmountError} on text that is no number. */
export function toDecimal(x: AmountLike | null | undefined): Decimal {
  const p = parseAmount(x);
  if (p.kind === 'amount') return p.value;
  if (p.kind === 'empty') return new Decimal(0);
  throw new AmountError(p.reason);
}
