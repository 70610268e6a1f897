import { BilingualText, message } from '../i18n/messages';
import { Decimal, decimalFromNumber, isDecimal } from './decimal';

/** A money unit as printed on the forms (`单位：万元`). */
export type Unit = '元' | '千元' | '万元' | '亿元';

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
const NUMBER_BODY = /^(\d+|\d{1,3}(?:,\d{3})+)?(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;

/**
 * Reads a text as an amount. Tolerates what real packages hold: full-width digits and signs,
 * thousands separators, OCR spaces (`1, 114. 26`), parentheses for negatives, `+ - － −` signs,
 * a trailing unit (`万元`, `元`), a trailing `%`.
 */
export function parseAmountText(raw: string): Parsed {
  if (raw.length > MAX_TEXT) return invalid(raw, 'amount.tooLong', { length: raw.length });
  let s = raw.normalize('NFKC').replace(/[\u2212\u2012\uFE63]/g, '-');
  s = s.replace(/[\s\u00a0\u3000]+/g, '');
  if (EMPTY_MARKERS.has(s)) return EMPTY;
  if (EXCEL_ERRORS.has(s.toUpperCase())) return invalid(raw, 'amount.excelError');

  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = negative !== s.startsWith('-');
    s = s.slice(1);
  }
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
  const plain = s.replace(/,/g, '');
  let value = new Decimal(
    plain.endsWith('.') ? plain.slice(0, -1) || '0' : plain.startsWith('.') ? `0${plain}` : plain,
  );
  if (negative) value = value.negated();
  let decimals = Math.max(0, (m[2] ?? '').length - (m[3] ? Number(m[3]) : 0));
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
