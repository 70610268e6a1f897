/**
 * Plumbing between Excel's custom-function values and the core: reading cells, mapping over
 * ranges with broadcasting, and turning failures into CustomFunctions.Error values.
 * Nothing here knows budget rules; functions.ts wires each BUDGET function to the core.
 *
 * What Excel passes for a cell of an `any` parameter: a number, a text, a boolean, null or "" for
 * a blank (0 on some desktop builds, see functions/blanks.ts), an error (the metadata sets
 * allowErrorForDataTypeAny, so Excel calls us and each error arrives as a CustomFunctions.Error,
 * `{code}`, or as a data-type error `{type: "Error", basicValue: "#N/A"}`), or a data type
 * (allowCustomDataForDataTypeAny: `{type: "Double", basicValue: 12}`, a formatted number, an
 * entity). {@link cellOf} turns each into a plain value or a failure of that one cell.
 */
import { Decimal } from '../src/amount/decimal';
import { parseAmount } from '../src/amount/parse';
import { BilingualText, Lang, message } from '../src/i18n/messages';

export type Scalar = number | string | boolean | null | undefined;
export type Matrix = Scalar[][];
/** What one output cell holds: a number, a text ('' is the empty result) or an Excel error. */
export type Out = number | string | CustomFunctions.Error;

export type FailureCode = 'value' | 'div0' | 'num' | 'na' | 'null';

/** A failure inside a cell computation, turned into an Excel error at the boundary. */
export class CellFailure extends Error {
  constructor(
    readonly code: FailureCode,
    readonly detail?: BilingualText | string,
  ) {
    super(typeof detail === 'object' ? detail.zh : (detail ?? code));
  }
}

let languageOverride: Lang | undefined;

/** For tests and hosts without Office: the language of the error messages (undefined: ask Office). */
export function setFunctionLanguage(lang: Lang | undefined): void {
  languageOverride = lang;
}

/** The language of error messages: English when Excel's display language is English, else Chinese. */
export function functionLanguage(): Lang {
  if (languageOverride) return languageOverride;
  try {
    const d = typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
    return d && /^en/i.test(d) ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** A bilingual text in the functions' language. */
export function inLanguage(text: BilingualText): string {
  return text[functionLanguage()];
}

const CODES: Record<FailureCode, CustomFunctions.ErrorCode> = {
  value: 'invalidValue' as CustomFunctions.ErrorCode,
  div0: 'divisionByZero' as CustomFunctions.ErrorCode,
  num: 'invalidNumber' as CustomFunctions.ErrorCode,
  na: 'notAvailable' as CustomFunctions.ErrorCode,
  null: 'nullReference' as CustomFunctions.ErrorCode,
};

/** Excel allows a custom message only with #VALUE! and #N/A. */
export function toExcelError(f: CellFailure): CustomFunctions.Error {
  const key = CODES[f.code] as unknown as keyof typeof CustomFunctions.ErrorCode;
  const code = CustomFunctions.ErrorCode[key];
  const withMessage = f.code === 'value' || f.code === 'na';
  const detail = typeof f.detail === 'object' ? inLanguage(f.detail) : f.detail;
  return withMessage && detail ? new CustomFunctions.Error(code, detail) : new CustomFunctions.Error(code);
}

const ERROR_TEXT =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|TIMEOUT!)$/;

/** CustomFunctions.ErrorCode names, should a runtime pass those instead of the texts. */
const ERROR_NAMES: Record<string, string> = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
};

/** The error codes a custom function may return as they are; the others become #VALUE! with a message. */
const PASSED_THROUGH: Record<string, FailureCode> = {
  '#VALUE!': 'value',
  '#N/A': 'na',
  '#DIV/0!': 'div0',
  '#NUM!': 'num',
  '#NULL!': 'null',
};

/** The Excel error text of an input error object, or undefined when it is none. */
export function inputErrorText(v: object): string | undefined {
  const o = v as { code?: unknown; type?: unknown; basicType?: unknown; basicValue?: unknown; errorType?: unknown };
  if (typeof o.code === 'string') {
    const t = ERROR_NAMES[o.code] ?? o.code;
    if (ERROR_TEXT.test(t)) return t;
  }
  // An entity's basic value is #VALUE! too (basicType "Error"): that is a data type, not an error cell.
  if (o.type === 'Error' || (o.type === undefined && o.basicType === 'Error')) {
    if (typeof o.basicValue === 'string' && ERROR_TEXT.test(o.basicValue)) return o.basicValue;
    return '#VALUE!';
  }
  return undefined;
}

/** The failure that carries an input error into the output cell: #N/A stays #N/A, and so on. */
export function inputFailure(text: string): CellFailure {
  const code = PASSED_THROUGH[text];
  if (code)
    return new CellFailure(
      code,
      code === 'value' || code === 'na' ? message('amount.excelError', { raw: text }) : undefined,
    );
  // #REF!, #NAME?, #SPILL!… cannot be returned by a custom function: #VALUE! says which it was.
  return new CellFailure('value', message('amount.excelError', { raw: text }));
}

/**
 * One input cell as a plain value. Objects are input errors (thrown as that cell's failure) or data
 * types (their basic value; an entity without a number is a failure naming it).
 */
export function cellOf(v: unknown): Scalar {
  if (typeof v !== 'object' || v === null) return v as Scalar;
  const err = inputErrorText(v);
  if (err !== undefined) throw inputFailure(err);
  const o = v as { type?: unknown; basicType?: unknown; basicValue?: unknown; text?: unknown };
  if ('basicValue' in o && o.basicType !== 'Error') {
    const b = o.basicValue;
    if (typeof b === 'number' || typeof b === 'string' || typeof b === 'boolean' || b === null || b === undefined) {
      if (o.type === 'Entity' || o.type === 'LinkedEntity') {
        if (typeof b === 'number') return b;
      } else return b;
    }
  }
  const label = typeof o.text === 'string' ? o.text : typeof o.type === 'string' ? o.type : 'object';
  throw new CellFailure('value', message('function.dataType', { text: label }));
}

/** The empty result: an empty text, so that an empty input never shows as 0. */
export const EMPTY = '';

/** A cell read as an exact amount; undefined when empty. Throws CellFailure(#VALUE!) on text. */
export function readAmount(v: unknown): Decimal | undefined {
  const p = parseAmount(typeof v === 'object' && v !== null && !Decimal.isDecimal(v) ? cellOf(v) : v);
  if (p.kind === 'amount') return p.value;
  if (p.kind === 'empty') return undefined;
  throw new CellFailure('value', p.reason);
}

/** A value Excel may pass for an optional argument: a scalar, a 1×1 matrix, or nothing. */
export function scalarArg(v: unknown): Scalar {
  let x = v;
  while (Array.isArray(x)) x = x.length ? x[0] : undefined;
  return cellOf(x);
}

function asMatrix(v: unknown): Matrix {
  if (Array.isArray(v)) {
    if (v.length === 0) return [[null]];
    // Excel passes rows as arrays: use them as they are (no copy of a million-row range).
    for (let i = 0; i < v.length; i++) {
      if (!Array.isArray(v[i])) return v.map((row) => (Array.isArray(row) ? (row as Scalar[]) : [row as Scalar]));
    }
    return v as Matrix;
  }
  return [[v as Scalar]];
}

function shapeOf(m: Matrix): [number, number] {
  return [m.length, m.reduce((w, r) => Math.max(w, r.length), 0)];
}

function failureToError(e: unknown): CustomFunctions.Error {
  if (e instanceof CellFailure) return toExcelError(e);
  const text = e instanceof Error ? e.message : String(e);
  return toExcelError(new CellFailure('value', text));
}

/**
 * Applies `fn` cell by cell over the inputs. Every input is a cell or a range; ranges must share
 * one shape, a single cell is used for every position (broadcast). The result has the common
 * shape, so a range spills a same-shaped array. A failure in one cell becomes an error in that
 * cell only.
 */
export function mapCells(inputs: readonly unknown[], fn: (...cells: Scalar[]) => Out): Out[][] {
  const ms = inputs.map(asMatrix);
  let rows = 1;
  let cols = 1;
  for (const m of ms) {
    const [r, c] = shapeOf(m);
    if (r === 1 && c === 1) continue;
    if (rows === 1 && cols === 1) {
      rows = r;
      cols = c;
    } else if (r !== rows || c !== cols) {
      const text = message('metric.shapeMismatch', { a: `${rows}×${cols}`, b: `${r}×${c}` });
      return [[toExcelError(new CellFailure('value', text))]];
    }
  }
  const single = ms.map((m) => m.length === 1 && m[0].length === 1);
  const out: Out[][] = new Array(rows);
  // Arity-specific loops without per-cell closures: this is the custom functions' hot path.
  if (ms.length === 2) {
    const [a, b] = ms;
    const [sa, sb] = single;
    const a0 = a[0][0];
    const b0 = b[0][0];
    if (cols === 1) {
      // A column: the common case, with one small literal array per row.
      for (let i = 0; i < rows; i++) {
        let v: Out;
        try {
          v = fn(cellOf(sa ? a0 : a[i][0]), cellOf(sb ? b0 : b[i][0]));
        } catch (e) {
          v = failureToError(e);
        }
        out[i] = [v];
      }
      return out;
    }
    for (let i = 0; i < rows; i++) {
      const ra = sa ? undefined : a[i];
      const rb = sb ? undefined : b[i];
      const row: Out[] = new Array(cols);
      for (let j = 0; j < cols; j++) {
        try {
          row[j] = fn(cellOf(ra ? ra[j] : a0), cellOf(rb ? rb[j] : b0));
        } catch (e) {
          row[j] = failureToError(e);
        }
      }
      out[i] = row;
    }
    return out;
  }
  const args: Scalar[] = new Array(ms.length);
  for (let i = 0; i < rows; i++) {
    const row: Out[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      try {
        for (let k = 0; k < ms.length; k++) args[k] = cellOf(single[k] ? ms[k][0][0] : ms[k][i][j]);
        row[j] = fn(...args);
      } catch (e) {
        row[j] = failureToError(e);
      }
    }
    out[i] = row;
  }
  return out;
}

/** Runs a whole-result computation, turning a failure into a 1×1 error. */
export function guarded(compute: () => Out[][]): Out[][] {
  try {
    return compute();
  } catch (e) {
    return [[failureToError(e)]];
  }
}

/** Runs one cell's computation, turning a failure into that cell's error. */
export function guardCell(compute: () => Out): Out {
  try {
    return compute();
  } catch (e) {
    return failureToError(e);
  }
}

/** The cells of a matrix, row by row (for aggregating functions). */
export function flatten(v: unknown): Scalar[] {
  return asMatrix(v).flat();
}

export function matrixShape(v: unknown): [number, number] {
  return shapeOf(asMatrix(v));
}

export function matrix(v: unknown): Matrix {
  return asMatrix(v);
}

/** An optional whole-number argument (digits, decimals) with bounds. */
export function digitsArg(v: unknown, fallback: number): number {
  const s = scalarArg(v);
  if (s === null || s === undefined || s === '') return fallback;
  const d = readAmount(s);
  if (d === undefined) return fallback;
  if (!d.isInteger() || d.abs().gt(15)) {
    throw new CellFailure('value', message('metric.badDigits', { value: String(s) }));
  }
  return d.toNumber();
}
