/**
 * The .xlsx writer of our own (issue 17, item 1), used for every workbook the project writes: each
 * sheet's XML is produced row by row in chunks and deflated as it goes with fflate's streaming Zip,
 * so a large sheet never exists as one string and no object graph is built per cell.
 *
 * It writes values (numbers, text as inline strings, booleans, errors), formulas with their cached
 * results, number formats (`z`, including the text code `@`), merged ranges, hidden sheets, column
 * widths, and a sheet's `SheetFormat` (how generated forms and the 审核报告 look and print: 宋体 with
 * the GB2312 charset, bold header and title, thin borders on the table, alignment and wrapping, row
 * heights for wrapped text, text code columns, a filter, frozen rows, A4 fitted to the width with
 * the header rows repeated). Fonts, number formats and cell styles are shared, one entry per
 * distinct look. The same model gives the same bytes (fixed timestamps).
 */
import { FlateError, strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { Cell, isCellError, Merge, SheetModel, WorkbookModel } from '../workbook/model';
import { SheetFormat, textWidth } from '../workbook/format';
import { ooxmlText, xmlChars } from './xml-text';

// fflate's UTF-8 encoder: the global TextEncoder is missing in some hosts (jsdom under jest).
const enc = { encode: (s: string): Uint8Array => strToU8(s) };
/** The host's encoder for writing in place, where there is one. */
const encoder = typeof TextEncoder === 'function' ? new TextEncoder() : undefined;
/** A fixed timestamp for every part, so that the same model gives the same bytes. */
const MTIME = new Date(Date.UTC(2025, 0, 1));

const ESCAPED = /[&<>"]/;
const esc = (s: string) =>
  ESCAPED.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : s;

/** Column letters of a 0-based column index. */
export function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A cell's look: number format, font, border, alignment (what SheetFormat and `z` ask for). */
export interface Look {
  z?: string;
  font?: { name: string; size: number; bold?: boolean };
  border?: boolean;
  h?: 'center' | 'right';
  v?: 'top' | 'middle';
  wrap?: boolean;
}

/** GB2312: Excel then picks the Chinese face of 宋体 on any system. */
const CHARSET_GB2312 = 134;
/** Built-in number formats Excel knows by id (written by id, as Excel does). */
const BUILTIN_FORMATS: Record<string, number> = {
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

/** Looks → cell style index (0 is General in the default font). Fonts, number formats and xfs are shared. */
class Styles {
  private readonly xfIndex = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly fmtIndex = new Map<string, number>();
  private readonly formats: string[] = [];
  private readonly fontIndex = new Map<string, number>();
  private readonly fonts: string[] = ['<font><sz val="11"/><name val="宋体"/></font>'];
  /** The plain style of a number format (the common case, without building a key). */
  private readonly byFormat = new Map<string, number>();

  private numFmt(z: string): number {
    const builtin = BUILTIN_FORMATS[z];
    if (builtin !== undefined) return builtin;
    let i = this.fmtIndex.get(z);
    if (i === undefined) {
      i = 164 + this.formats.length;
      this.formats.push(`<numFmt numFmtId="${i}" formatCode="${esc(xmlChars(z))}"/>`);
      this.fmtIndex.set(z, i);
    }
    return i;
  }

  private font(f: NonNullable<Look['font']>): number {
    const xml = `<font>${f.bold ? '<b/>' : ''}<sz val="${f.size}"/><name val="${esc(xmlChars(f.name))}"/><charset val="${CHARSET_GB2312}"/></font>`;
    let i = this.fontIndex.get(xml);
    if (i === undefined) {
      i = this.fonts.length;
      this.fonts.push(xml);
      this.fontIndex.set(xml, i);
    }
    return i;
  }

  /** The style of a plain cell with this number format. */
  xf(z: string | undefined): number {
    if (!z || z === 'General') return 0;
    let i = this.byFormat.get(z);
    if (i === undefined) {
      i = this.look({ z });
      this.byFormat.set(z, i);
    }
    return i;
  }

  look(l: Look): number {
    const fmt = l.z && l.z !== 'General' ? this.numFmt(l.z) : 0;
    const font = l.font ? this.font(l.font) : 0;
    const border = l.border ? 1 : 0;
    const align =
      l.h || l.v || l.wrap
        ? `<alignment${l.h ? ` horizontal="${l.h}"` : ''}${l.v ? ` vertical="${l.v === 'middle' ? 'center' : 'top'}"` : ''}${l.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    if (!fmt && !font && !border && !align) return 0;
    const xml =
      `<xf numFmtId="${fmt}" fontId="${font}" fillId="0" borderId="${border}" xfId="0"` +
      `${fmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${border ? ' applyBorder="1"' : ''}` +
      (align ? ` applyAlignment="1">${align}</xf>` : '/>');
    let i = this.xfIndex.get(xml);
    if (i === undefined) {
      i = this.xfs.length;
      this.xfs.push(xml);
      this.xfIndex.set(xml, i);
    }
    return i;
  }

  xml(): string {
    const thin = 'style="thin"';
    return (
      `${HEAD}<styleSheet xmlns="${NS}">` +
      (this.formats.length ? `<numFmts count="${this.formats.length}">${this.formats.join('')}</numFmts>` : '') +
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      `<border><left ${thin}/><right ${thin}/><top ${thin}/><bottom ${thin}/><diagonal/></border></borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}

/**
 * A number as the shortest text that reads back as the same double (String(v)), with a cheaper
 * path for amounts: when v is the double nearest n/100 for an integer |n| < 10^15 (two decimals as
 * typed, or computed exactly), that decimal is its shortest round-trip text (15 digits or fewer
 * read back exactly), printed from the integer. Anything else — float noise included — goes
 * through String(v), so the double written is always v itself (property-tested).
 */
export function numberText(v: number): string | undefined {
  if (Number.isInteger(v)) return Number.isFinite(v) ? String(v) : undefined;
  const n = Math.round(v * 100);
  if (n / 100 !== v || !(n < 1e15 && n > -1e15)) return Number.isFinite(v) ? String(v) : undefined;
  const a = n < 0 ? -n : n;
  const int = Math.floor(a / 100);
  const frac = a - int * 100;
  // frac ≠ 0: v is no integer. Trailing zero dropped, as String(0.5) is `0.5`.
  const f = frac % 10 === 0 ? String(frac / 10) : frac < 10 ? `0${frac}` : String(frac);
  return `${n < 0 ? '-' : ''}${int}.${f}`;
}

/**
 * A part's XML written as UTF-8 straight into a buffer, pushed to the part whenever it fills: the
 * sheet's rows and cells make no string of their own (on a 100k-row sheet the strings per cell and
 * row, and their collection, were most of the writer's time).
 */
class XmlBytes {
  private buf = new Uint8Array(XML_BUFFER);
  private pos = 0;
  constructor(private readonly out: (chunk: Uint8Array) => void) {}

  /** Text of ASCII characters only (markup, references, numbers). */
  ascii(s: string): void {
    const n = s.length;
    if (this.pos + n > this.buf.length) {
      this.flush();
      if (n > this.buf.length) return this.out(enc.encode(s));
    }
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) buf[pos++] = s.charCodeAt(i);
    this.pos = pos;
  }

  /** Any text (escaped already), as UTF-8. */
  text(s: string): void {
    const n = s.length;
    // Mostly ASCII: copied as it is until the first other character, the rest encoded.
    let i = 0;
    while (i < n && s.charCodeAt(i) < 0x80) i++;
    if (i === n) return this.ascii(s);
    if (encoder && this.pos + 3 * n <= this.buf.length) {
      // In place (at most 3 bytes per UTF-16 unit), where the host has TextEncoder.
      this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
      return;
    }
    const bytes = enc.encode(s);
    if (this.pos + bytes.length > this.buf.length) {
      this.flush();
      if (bytes.length > this.buf.length) return this.out(bytes);
    }
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** What is written and not yet pushed, taken out (the part's last chunk). */
  take(): Uint8Array {
    const bytes = this.buf.slice(0, this.pos);
    this.pos = 0;
    return bytes;
  }

  /** Pushes what is written (a copy: the buffer is written again). */
  flush(): void {
    if (this.pos === 0) return;
    this.out(this.buf.slice(0, this.pos));
    this.pos = 0;
  }
}

/** Bytes written before a push (and the largest piece written in place). */
const XML_BUFFER = 1 << 20;

/** Whether a cell is written at all: a value, a formula or a style (`s`, its style index). */
function written(cell: Cell | undefined, s: number): boolean {
  return s !== 0 || (cell !== undefined && ((cell.v !== null && cell.v !== undefined) || !!cell.f));
}

/** A cell's XML with style index `s` (0: none), written to `x`; only for a cell that is {@link written}. */
function writeCell(x: XmlBytes, col: string, rowNo: string, cell: Cell | undefined, s: number): void {
  x.ascii('<c r="');
  x.ascii(col);
  x.ascii(rowNo);
  x.ascii(s ? `" s="${s}"` : '"');
  if (!cell) return x.ascii('/>');
  const v = cell.v;
  const f = cell.f;
  const empty = v === null || v === undefined;
  let type = '';
  let value: string | undefined;
  let ascii = true;
  if (empty) value = undefined;
  else if (typeof v === 'number') {
    value = numberText(v);
    if (value === undefined) {
      type = ' t="e"';
      value = '#NUM!';
    }
  } else if (typeof v === 'boolean') {
    type = ' t="b"';
    value = v ? '1' : '0';
  } else if (isCellError(v)) {
    type = ' t="e"';
    value = esc(v.error);
    ascii = false;
  } else {
    const text = esc(ooxmlText(v));
    if (!f) {
      // Text without a formula: an inline string.
      x.ascii(' t="inlineStr"><is><t');
      if (/^\s|\s$/.test(v)) x.ascii(' xml:space="preserve"');
      x.ascii('>');
      x.text(text);
      x.ascii('</t></is></c>');
      return;
    }
    type = ' t="str"';
    value = text;
    ascii = false;
  }
  x.ascii(type);
  x.ascii('>');
  if (f) {
    x.ascii('<f>');
    x.text(esc(ooxmlText(f.charCodeAt(0) === 61 ? f.slice(1) : f)));
    x.ascii('</f>');
  }
  if (value !== undefined) {
    x.ascii('<v>');
    if (ascii) x.ascii(value);
    else x.text(value);
    x.ascii('</v>');
  }
  x.ascii('</c>');
}

/** The height of a line of 宋体 11, in points. */
const LINE_POINTS = 14.25;
/** Excel's default column width when a column has a style but no width of its own. */
const DEFAULT_WIDTH = 9;

/**
 * How a sheet with a {@link SheetFormat} looks, cell by cell: the rules the exceljs writer applied
 * (src/xlsx/write.ts before issue 17), in the same order, so later ones win:
 * font on every cell of the grid; `@` on code columns from `textColumns.fromRow`; thin borders and
 * vertical alignment on the table; the header rows centred, wrapped and bold; wrapped columns top
 * aligned; the `right` cells right aligned; the title bold at its size, centred. The cells of a
 * merged range share their first cell's look (as Excel keeps one style per merged range).
 */
interface Layout {
  /** Columns of the styled grid. */
  cols: number;
  rows: number;
  styleAt(r: number, c: number): number;
  /** Row heights in points. */
  heights: Map<number, number>;
  /** `<cols>` content. */
  colsXml: string;
}

function formatLayout(sheet: SheetModel, format: SheetFormat, styles: Styles): Layout {
  let width = 0;
  sheet.rows.forEach((row) => {
    if (row && row.length > width) width = row.length;
  });
  const height = sheet.rows.length;
  const cols = Math.max(width, format.widths?.length ?? 0, format.table ? format.table.c1 + 1 : 0);
  const font = format.font ? { name: format.font.name, size: format.font.size } : undefined;
  const text = new Set(format.textColumns?.columns ?? []);
  const fromRow = format.textColumns?.fromRow ?? 0;
  const wrap = format.wrap ?? [];
  const wrapSet = new Set(wrap);
  const right = new Set((format.right ?? []).map(({ r, c }) => r * 16384 + c));
  const t = format.table;
  const h = format.header;
  const vertical: Look['v'] = wrap.length ? 'top' : 'middle';
  const wrapFrom = h ? h.r1 + 1 : 0;
  const look = (r: number, c: number): Look => {
    const l: Look = { font, z: sheet.rows[r]?.[c]?.z };
    if (l.z) l.z = xmlChars(l.z);
    if (text.has(c) && r >= fromRow) l.z = '@';
    if (t && r >= t.r0 && r <= t.r1 && c >= t.c0 && c <= t.c1) {
      l.border = true;
      if (!h || r > h.r1) {
        l.v = vertical;
        if (text.has(c)) l.h = 'center';
      }
    }
    if (h && r >= h.r0 && r <= h.r1) {
      l.h = 'center';
      l.v = 'middle';
      l.wrap = true;
      if (font) l.font = { ...font, bold: true };
    }
    if (wrapSet.has(c) && r >= wrapFrom) {
      l.v = 'top';
      l.wrap = true;
    }
    if (right.has(r * 16384 + c)) {
      l.h = 'right';
      l.v = undefined;
      l.wrap = undefined;
    }
    if (format.title && r === format.title.row && c === 0) {
      l.font = { name: (format.font ?? { name: '宋体' }).name, size: format.title.size, bold: true };
      l.h = 'center';
      l.v = 'middle';
      l.wrap = true;
    }
    return l;
  };
  // Merged ranges: every cell takes the look of the range's first cell.
  const master = new Map<number, number>();
  for (const m of sheet.merges) {
    for (let r = m.r0; r <= m.r1; r++)
      for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) master.set(r * 16384 + c, m.r0 * 16384 + m.c0);
  }
  const styleAt = (r: number, c: number): number => {
    const k = master.get(r * 16384 + c);
    return k === undefined ? styles.look(look(r, c)) : styles.look(look(Math.floor(k / 16384), k % 16384));
  };
  // Wrapped columns: the rows get the height of their longest text, as neither Excel nor
  // LibreOffice fits rows on opening a file.
  const heights = new Map<number, number>();
  for (let r = wrapFrom; wrap.length && r < height; r++) {
    let lines = 1;
    for (const c of wrap) {
      // Less than the width: a CJK character is a little over two digits wide in most fonts.
      const room = ((format.widths?.[c] ?? 10) - 1) * 0.85;
      const v = sheet.rows[r]?.[c]?.v;
      if (typeof v === 'string') lines = Math.max(lines, Math.ceil(textWidth(ooxmlText(v)) / Math.max(1, room)));
    }
    if (lines > 1) heights.set(r, Math.round(lines * LINE_POINTS + 3));
  }
  if (format.title) heights.set(format.title.row, Math.round(format.title.size * 1.8));
  for (const [r, points] of Object.entries(format.heights ?? {})) heights.set(Number(r), points);
  // Column styles: what the clerk types later gets 宋体 too, and codes stay text.
  let colsXml = '';
  for (let c = 0; c < cols; c++) {
    const w = format.widths?.[c];
    const s = font || text.has(c) ? styles.look({ font, z: text.has(c) ? '@' : undefined }) : 0;
    if (w === undefined && !s) continue;
    colsXml += `<col min="${c + 1}" max="${c + 1}" width="${w ?? DEFAULT_WIDTH}"${s ? ` style="${s}"` : ''}${w !== undefined ? ' customWidth="1"' : ''}/>`;
  }
  return { cols, rows: Math.max(height, ...[...heights.keys()].map((r) => r + 1)), styleAt, heights, colsXml };
}

function rangeRef(m: Merge): string {
  return `${colName(m.c0)}${m.r0 + 1}:${colName(m.c1)}${m.r1 + 1}`;
}

/**
 * Deflate level 3: about half the time of level 6 on sheet XML (measured with fflate on a 24 MB
 * 100k-row sheet) for a file some 5% larger.
 */
const LEVEL = 3;

/**
 * Raw DEFLATE of one chunk of a part; `final` ends the part. The segments of one part must
 * concatenate into one DEFLATE stream (non-final segments end on a sync flush). Node passes zlib's
 * (src/xlsx/node-deflate.ts, several times faster); the default is fflate's, which runs anywhere.
 */
export type DeflateRaw = ((chunk: Uint8Array, final: boolean) => Uint8Array) & {
  /**
   * The CRC-32 of the uncompressed data, continued from `value` (0 to start), when the host has a
   * native one (Node's zlib.crc32): fflate's own is JavaScript, a tenth of the writer's time on a
   * large sheet.
   */
  crc32?: (data: Uint8Array, value: number) => number;
};

/** A zip entry compressed by a {@link DeflateRaw} (fflate's subclassing hook for custom compression). */
class CustomDeflate extends ZipPassThrough {
  constructor(
    path: string,
    private readonly raw: DeflateRaw,
  ) {
    super(path);
    this.compression = 8;
    const crc32 = raw.crc32;
    if (crc32) {
      // fflate's running checksum (`c`: p(data) adds, d() gives the result), native.
      let value = 0;
      (this as unknown as { c: { p(d: Uint8Array): void; d(): number } }).c = {
        p: (d) => {
          value = crc32(d, value);
        },
        d: () => value,
      };
    }
  }
  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    try {
      this.ondata(null, this.raw(chunk, final) as Uint8Array<ArrayBuffer>, final);
    } catch (e) {
      this.ondata(e as FlateError, null as unknown as Uint8Array<ArrayBuffer>, final);
    }
  }
}

/** A compressed zip entry with the fixed timestamp, added to the archive. */
function entry(zip: Zip, path: string, raw: DeflateRaw | undefined): ZipPassThrough | ZipDeflate {
  const file = raw ? new CustomDeflate(path, raw) : new ZipDeflate(path, { level: LEVEL });
  file.mtime = MTIME;
  zip.add(file);
  return file;
}

function writeSheet(
  zip: Zip,
  path: string,
  sheet: SheetModel,
  styles: Styles,
  widths: number[] | undefined,
  raw: DeflateRaw | undefined,
): void {
  const file = entry(zip, path, raw);
  const format = sheet.format;
  const layout = format ? formatLayout(sheet, format, styles) : undefined;
  let head = `${HEAD}<worksheet xmlns="${NS}" xmlns:r="${RNS}">`;
  if (format?.print?.fitToWidth) head += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  if (format?.freezeRows) {
    const n = format.freezeRows;
    head +=
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${n}" topLeftCell="A${n + 1}" activePane="bottomLeft" state="frozen"/>` +
      '<selection pane="bottomLeft"/></sheetView></sheetViews>';
  }
  if (layout?.colsXml) head += `<cols>${layout.colsXml}</cols>`;
  else if (!format && widths?.length)
    head += `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
  const x = new XmlBytes((chunk) => file.push(chunk));
  x.text(`${head}<sheetData>`);
  const rows = sheet.rows;
  const n = layout ? layout.rows : rows.length;
  // Column letters, made once per sheet rather than once per cell.
  const letters: string[] = [];
  const letter = (c: number) => letters[c] ?? (letters[c] = colName(c));
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    const ht = layout?.heights.get(r);
    const rowNo = String(r + 1);
    // The row's tag once its first cell is written (or for a height of its own).
    let open = false;
    const openRow = () => {
      open = true;
      x.ascii('<row r="');
      x.ascii(rowNo);
      x.ascii(ht !== undefined ? `" ht="${ht}" customHeight="1">` : '">');
    };
    if (layout) {
      const end = Math.max(layout.cols, row?.length ?? 0);
      for (let c = 0; c < end; c++) {
        const cell = row?.[c];
        const st = c < layout.cols && r < rows.length ? layout.styleAt(r, c) : 0;
        if (!written(cell, st)) continue;
        if (!open) openRow();
        writeCell(x, letter(c), rowNo, cell, st);
      }
    } else if (row) {
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const st = cell.z ? styles.xf(cell.z) : 0;
        if (!written(cell, st)) continue;
        if (!open) openRow();
        writeCell(x, letter(c), rowNo, cell, st);
      }
    }
    if (!open && ht !== undefined) openRow();
    if (open) x.ascii('</row>');
  }
  let tail = '</sheetData>';
  if (format?.autoFilter) tail += `<autoFilter ref="${rangeRef(format.autoFilter)}"/>`;
  if (sheet.merges.length) {
    const refs = sheet.merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`);
    tail += `<mergeCells count="${refs.length}">${refs.join('')}</mergeCells>`;
  }
  if (format?.print) {
    const p = format.print;
    tail +=
      '<printOptions horizontalCentered="1"/>' +
      '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
      `<pageSetup paperSize="9" orientation="${p.orientation}"${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
  }
  x.text(tail + '</worksheet>');
  // The last push ends the part (an empty one when the buffer was just flushed).
  const last = x.take();
  file.push(last, true);
}

function addText(zip: Zip, path: string, text: string, raw?: DeflateRaw): void {
  entry(zip, path, raw).push(enc.encode(text), true);
}

/** Sheet names as Excel accepts them: no `[]:*?/\`, at most 31 characters, unique. */
function sheetNames(sheets: SheetModel[]): string[] {
  const seen = new Set<string>();
  return sheets.map((s, i) => {
    let name =
      xmlChars(s.name)
        .replace(/[[\]:*?/\\]/g, '_')
        .slice(0, 31) || `Sheet${i + 1}`;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${name.slice(0, 28)}(${k})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

export interface StreamWriteOptions {
  /** Column widths by sheet name (characters), for sheets without a `format` of their own. */
  widths?: Record<string, number[]>;
  /** The workbook's author (docProps/core.xml); default `budget-check`. */
  creator?: string;
  /** The compressor of the parts (default fflate's); see {@link DeflateRaw}. */
  deflateRaw?: DeflateRaw;
}

/**
 * Writes the workbook as .xlsx, pushing compressed chunks to `sink` as they are produced (a file
 * stream, a download buffer). Resolves once the last chunk is out.
 */
export function streamXlsx(
  model: WorkbookModel,
  sink: (chunk: Uint8Array) => void,
  options: StreamWriteOptions = {},
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const zip = new Zip((err, chunk, final) => {
      if (err) return reject(err);
      sink(chunk);
      if (final) resolve();
    });
    try {
      const styles = new Styles();
      const names = sheetNames(model.sheets);
      const n = model.sheets.length;
      const ids = model.sheets.map((_s, i) => i + 1);
      addText(
        zip,
        '[Content_Types].xml',
        `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          ids
            .map(
              (i) =>
                `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
            )
            .join('') +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
          '</Types>',
      );
      addText(
        zip,
        '_rels/.rels',
        `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/>` +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
          '</Relationships>',
      );
      addText(
        zip,
        'docProps/core.xml',
        `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
          'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
          `<dc:creator>${esc(xmlChars(options.creator ?? 'budget-check'))}</dc:creator>` +
          `<dcterms:created xsi:type="dcterms:W3CDTF">${MTIME.toISOString().replace(/\.\d+Z$/, 'Z')}</dcterms:created>` +
          `<dcterms:modified xsi:type="dcterms:W3CDTF">${MTIME.toISOString().replace(/\.\d+Z$/, 'Z')}</dcterms:modified>` +
          '</cp:coreProperties>',
      );
      const visible = model.sheets.findIndex((s) => !s.hidden);
      // Header rows repeated on every printed page: one defined name per sheet.
      const titles = model.sheets
        .map((s, i) =>
          s.format?.header
            ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(`'${names[i].replace(/'/g, "''")}'`)}!$${s.format.header.r0 + 1}:$${s.format.header.r1 + 1}</definedName>`
            : '',
        )
        .join('');
      addText(
        zip,
        'xl/workbook.xml',
        `${HEAD}<workbook xmlns="${NS}" xmlns:r="${RNS}"><bookViews><workbookView activeTab="${Math.max(visible, 0)}"/></bookViews><sheets>` +
          ids
            .map(
              (i) =>
                `<sheet name="${esc(names[i - 1])}" sheetId="${i}"${model.sheets[i - 1].hidden ? ' state="hidden"' : ''} r:id="rId${i}"/>`,
            )
            .join('') +
          '</sheets>' +
          (titles ? `<definedNames>${titles}</definedNames>` : '') +
          '</workbook>',
      );
      addText(
        zip,
        'xl/_rels/workbook.xml.rels',
        `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          ids
            .map((i) => `<Relationship Id="rId${i}" Type="${RNS}/worksheet" Target="worksheets/sheet${i}.xml"/>`)
            .join('') +
          `<Relationship Id="rId${n + 1}" Type="${RNS}/styles" Target="styles.xml"/></Relationships>`,
      );
      model.sheets.forEach((s, i) =>
        writeSheet(zip, `xl/worksheets/sheet${i + 1}.xml`, s, styles, options.widths?.[s.name], options.deflateRaw),
      );
      addText(zip, 'xl/styles.xml', styles.xml());
      zip.end();
    } catch (e) {
      reject(e as Error);
    }
  });
}

/** The whole .xlsx in memory (for callers that need bytes); see {@link streamXlsx}. */
export async function writeXlsxStream(model: WorkbookModel, options: StreamWriteOptions = {}): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await streamXlsx(model, (c) => parts.push(c), options);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
