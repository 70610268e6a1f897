/**
 * Blank cells that arrive as 0. Excel on the web passes a blank cell of an `any` parameter as null
 * (or ""), but some desktop builds pass 0 (office-js issues #4702, #5262, #1951; Excel 2021 LTSC
 * among them). A 0 there would make YOY/RATIO of a blank prior year #DIV/0! or +100%,
 * BALANCE/SUMCHECK/SHARES of an empty row 0 and DESCRIBE write a sentence for it.
 *
 * The BUDGET functions declare `@requiresParameterAddresses`, so Excel tells them where each
 * argument comes from. When an argument that is a cell reference holds a 0, and we run on a
 * desktop build, we ask Excel (one read of `valueTypes`, allowed from a custom function in the
 * shared runtime) which of those zeros are blank cells, and read those as blank. The convention
 * when that cannot be known (a literal array or an expression instead of a reference, a runtime
 * without the Excel API, a failed read): a 0 is a 0.
 */

/** What the functions get as their last argument (CustomFunctions.Invocation). */
export interface AddressedInvocation {
  parameterAddresses?: readonly (string | null | undefined)[];
}

/** Reads Excel's value types ("Empty", "Double", …) of ranges given by address; undefined for one it cannot read. */
export type ValueTypesReader = (
  addresses: readonly string[],
) => Promise<(readonly (readonly string[])[] | undefined)[]>;

/** Splits `'表 3'!E7:E9` into the sheet (unquoted) and the range; no sheet for a bare address. */
export function splitAddress(address: string): { sheet?: string; range: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { range: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(bang + 1) };
}

/** Reads the value types of ranges through Excel's API, in one sync. */
async function readValueTypes(addresses: readonly string[]): Promise<string[][][]> {
  return Excel.run(async (ctx) => {
    const ranges = addresses.map((a) => {
      const { sheet, range } = splitAddress(a);
      const ws = sheet ? ctx.workbook.worksheets.getItem(sheet) : ctx.workbook.worksheets.getActiveWorksheet();
      const r = ws.getRange(range);
      r.load('valueTypes');
      return r;
    });
    await ctx.sync();
    return ranges.map((r) => r.valueTypes as unknown as string[][]);
  });
}

/**
 * The reader through Excel's API. Excel calls many functions in one go when it recalculates; the
 * look-ups they ask for in the same turn share one Excel.run and one sync.
 */
let waiting: { addresses: readonly string[]; resolve: (t: string[][][]) => void; reject: (e: unknown) => void }[] = [];
const excelReader: ValueTypesReader = (addresses) => {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') {
    return Promise.resolve(addresses.map(() => undefined));
  }
  return new Promise((resolve, reject) => {
    waiting.push({ addresses, resolve, reject });
    if (waiting.length > 1) return;
    setTimeout(() => {
      const batch = waiting;
      waiting = [];
      readValueTypes(batch.flatMap((b) => b.addresses)).then(
        (types) => {
          let k = 0;
          for (const b of batch) {
            b.resolve(types.slice(k, k + b.addresses.length));
            k += b.addresses.length;
          }
        },
        (e: unknown) => batch.forEach((b) => b.reject(e)),
      );
    }, 0);
  });
};

let reader: ValueTypesReader | undefined = excelReader;

/** For tests (and hosts without Excel): who answers which zeros are blank cells; undefined: nobody. */
export function setValueTypesReader(r: ValueTypesReader | undefined): void {
  reader = r;
}

/** Restores the default reader (Excel's API). */
export function resetValueTypesReader(): void {
  reader = excelReader;
}

/** Excel on the web passes blanks as null: no need to ask there. */
function blanksArriveAsNull(): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context?.platform === Office.PlatformType?.OfficeOnline;
  } catch {
    return false;
  }
}

function hasZero(v: unknown): boolean {
  if (v === 0) return true;
  if (!Array.isArray(v)) return false;
  for (const row of v) {
    if (row === 0) return true;
    if (Array.isArray(row)) for (const x of row) if (x === 0) return true;
  }
  return false;
}

/**
 * The arguments with blank cells that arrived as 0 turned back into null. `args` are the
 * function's arguments in order (their positions match `invocation.parameterAddresses`);
 * `amounts` lists the positions that hold cells or ranges to check.
 */
export async function restoreBlanks(
  args: readonly unknown[],
  amounts: readonly number[],
  invocation: AddressedInvocation | undefined,
): Promise<unknown[]> {
  const out = [...args];
  const addresses = invocation?.parameterAddresses;
  if (!addresses || !reader || blanksArriveAsNull()) return out;
  const wanted = amounts.filter((k) => typeof addresses[k] === 'string' && addresses[k] !== '' && hasZero(args[k]));
  if (wanted.length === 0) return out;
  let types: (readonly (readonly string[])[] | undefined)[];
  try {
    types = await reader(wanted.map((k) => addresses[k] as string));
  } catch {
    return out; // the convention: a 0 we cannot check is a 0
  }
  wanted.forEach((k, n) => {
    const t = types[n];
    if (!t) return;
    const v = args[k];
    if (!Array.isArray(v)) {
      if (v === 0 && t[0]?.[0] === 'Empty') out[k] = null;
      return;
    }
    out[k] = v.map((row, i) =>
      Array.isArray(row) ? row.map((x, j) => (x === 0 && t[i]?.[j] === 'Empty' ? null : x)) : row,
    );
  });
  return out;
}
