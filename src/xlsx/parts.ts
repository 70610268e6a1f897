/**
 * The small parts of an .xlsx package around the sheets: the workbook (sheet names, order,
 * visibility, date system), its relationships (which file holds which sheet), the shared strings
 * and the styles (number formats). Each is scanned as a stream like the sheets themselves.
 */
import { scanPartBytes } from './sheet-bytes';
import { Attributes, XmlError, XmlHandler, XmlScanner } from './xml';
import { InflateRaw, unpackEntry, ZipEntryInfo } from './zip';

/** The zip's bytes and entries, with the unpacked-size budget shared by every part. */
export class Package {
  private readonly byName = new Map<string, ZipEntryInfo>();
  private unpacked = 0;

  constructor(
    readonly data: Uint8Array,
    entries: ZipEntryInfo[],
    private readonly maxUnpacked: number,
    private readonly onBudgetExceeded: () => never,
    /** The decompressor (default fflate's). */
    private readonly inflateRaw?: InflateRaw,
  ) {
    for (const e of entries) this.byName.set(e.name.replace(/^\//, ''), e);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * Streams the part through the handler; false when the package has no such part. The part must
   * be well-formed as far as a reader can tell without holding it: one root element, every tag
   * closed by its own name, nothing cut off. Its encoding is found from its first bytes (UTF-8,
   * UTF-16 with or without a byte-order mark, or what its XML declaration names). Throws XmlError
   * (with `part` set) when it is none of that.
   */
  scan(name: string, handler: XmlHandler): boolean {
    const checked = new WellFormed(handler);
    const scanner = new XmlScanner(checked);
    const text = new PartText((t) => scanner.push(t));
    const size = this.unpack(name, (bytes) => text.push(bytes));
    if (size === undefined) return false;
    try {
      text.end();
      scanner.end();
      checked.end(size);
    } catch (e) {
      if (e instanceof XmlError) e.part ??= name;
      throw e;
    }
    return true;
  }

  /**
   * Unpacks the part chunk by chunk into `onChunk`, within the unpacked-size budget; its size, or
   * undefined when the package has no such part. The budget is charged only when the whole part
   * was unpacked (a reader that gives up half-way and reads the part again pays once).
   */
  unpack(name: string, onChunk: (bytes: Uint8Array) => void): number | undefined {
    const entry = this.byName.get(name);
    if (!entry) return undefined;
    const left = this.maxUnpacked - this.unpacked;
    if (entry.uncompressedSize > left) this.onBudgetExceeded();
    try {
      this.unpacked += unpackEntry(this.data, entry, onChunk, left, this.inflateRaw);
    } catch (e) {
      if (e instanceof XmlError) e.part ??= name;
      throw e;
    }
    return entry.uncompressedSize;
  }
}

/**
 * Checks the event stream of a part as it passes: one root element, each end tag naming the
 * element it closes, and (at the end) every element closed. Costs a small stack, not the part.
 */
class WellFormed implements XmlHandler {
  private readonly open_: string[] = [];
  private roots = 0;

  constructor(private readonly inner: XmlHandler) {}

  open(name: string, attrs: Attributes, selfClosing: boolean): void {
    if (this.open_.length === 0 && ++this.roots > 1)
      throw new XmlError('has a second root element after the first one closed', '在根元素结束之后还有内容');
    this.open_.push(name);
    this.inner.open(name, attrs, selfClosing);
  }

  close(name: string): void {
    const top = this.open_.pop();
    if (top !== name) {
      throw top === undefined
        ? new XmlError(`has an end tag </${name}> that closes nothing`, `有多余的结束标签 </${name}>`)
        : new XmlError(`has <${top}> closed by </${name}>`, `标签不配对：<${top}> 被 </${name}> 结束`);
    }
    this.inner.close(name);
  }

  text(t: string): void {
    this.inner.text(t);
  }

  wantText(): boolean {
    return this.inner.wantText();
  }

  end(bytes: number): void {
    if (this.roots === 0)
      throw bytes === 0
        ? new XmlError('is empty (0 bytes)', '是空的（0 字节）')
        : new XmlError('holds no XML element', '不含任何 XML 元素');
    if (this.open_.length > 0) {
      const root = this.open_[0];
      throw new XmlError(
        `is cut off: it ends before </${root}> (only part of it was written)`,
        `被截断：在 </${root}> 之前就结束了（只写入了一部分）`,
      );
    }
  }
}

/**
 * A part's bytes → text. The encoding is decided on the first bytes: a UTF-8 or UTF-16 byte-order
 * mark, UTF-16 without one (`<\0?\0`), or the encoding an XML declaration names (`GB18030`,
 * `ISO-8859-1` …); UTF-8 otherwise. Bytes that are not valid in that encoding are an error, never
 * replaced silently by U+FFFD.
 */
class PartText {
  private decoder: TextDecoder | undefined;
  private head: Uint8Array[] = [];
  private headLength = 0;

  constructor(private readonly out: (text: string) => void) {}

  push(bytes: Uint8Array): void {
    if (!this.decoder) {
      this.head.push(bytes.slice());
      this.headLength += bytes.length;
      if (this.headLength < 256) return;
      this.start();
      return;
    }
    this.decode(bytes, true);
  }

  end(): void {
    if (!this.decoder) {
      if (this.headLength === 0) return;
      this.start();
    }
    this.decode(undefined, false);
  }

  private start(): void {
    const head = new Uint8Array(this.headLength);
    let at = 0;
    for (const b of this.head) {
      head.set(b, at);
      at += b.length;
    }
    this.head = [];
    this.decoder = decoderFor(head);
    this.decode(head, true);
  }

  private decode(bytes: Uint8Array | undefined, stream: boolean): void {
    let text: string;
    try {
      text = this.decoder!.decode(bytes, { stream });
    } catch {
      const label = this.decoder!.encoding.toUpperCase();
      throw new XmlError(`is not valid ${label} text`, `不是有效的 ${label} 文本（编码错误）`);
    }
    if (text) this.out(text);
  }
}

function decoderFor(head: Uint8Array): TextDecoder {
  const b = head;
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true });
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true });
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0x3f && b[3] === 0) return new TextDecoder('utf-16le', { fatal: true });
  if (b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] === 0x3f) return new TextDecoder('utf-16be', { fatal: true });
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8', { fatal: true });
  // An ASCII-compatible encoding: the XML declaration may name it.
  let ascii = '';
  for (let i = 0; i < Math.min(b.length, 256); i++) ascii += String.fromCharCode(b[i]);
  const declared = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(ascii)?.[1];
  if (!declared || /^utf-?(8|16)$/i.test(declared)) return new TextDecoder('utf-8', { fatal: true });
  try {
    return new TextDecoder(declared, { fatal: true });
  } catch {
    throw new XmlError(`is in an encoding this reader does not know: ${declared}`, `使用了无法识别的编码：${declared}`);
  }
}

/** A handler that only looks at opening tags. */
function onOpen(open: (name: string, attrs: Attributes) => void): XmlHandler {
  return { open, close() {}, text() {}, wantText: () => false };
}

export interface SheetEntry {
  name: string;
  hidden: boolean;
  /** Path of the sheet's XML inside the zip, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
  sharedStrings?: string;
  styles?: string;
}

/** `worksheets/sheet1.xml` relative to `xl/` → `xl/worksheets/sheet1.xml`; `/xl/…` is absolute. */
export function resolveTarget(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const seg of target.replace(/^\//, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export function readWorkbookPart(pkg: Package): WorkbookPart {
  const rels = new Map<string, { target: string; type: string }>();
  pkg.scan(
    'xl/_rels/workbook.xml.rels',
    onOpen((name, a) => {
      if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External')
        rels.set(a.Id, { target: resolveTarget('xl/workbook.xml', a.Target), type: a.Type ?? '' });
    }),
  );
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  pkg.scan(
    'xl/workbook.xml',
    onOpen((name, a) => {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const rel = rels.get(a.id);
      // Chart and dialog sheets hold no cells.
      if (rel && rel.type && !/\/worksheet$/.test(rel.type)) return;
      const path = rel?.target ?? `xl/worksheets/sheet${sheets.length + 1}.xml`;
      sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, hidden: !!a.state && a.state !== 'visible', path });
    }),
  );
  const byType = (suffix: string, fallback: string) => {
    for (const r of rels.values()) if (r.type.endsWith(suffix)) return r.target;
    return pkg.has(fallback) ? fallback : undefined;
  };
  return {
    sheets,
    date1904,
    sharedStrings: byType('/sharedStrings', 'xl/sharedStrings.xml'),
    styles: byType('/styles', 'xl/styles.xml'),
  };
}

/**
 * Text of each `<si>`: its `<t>` runs joined, phonetic guides (`<rPh>`) left out. Read by the byte
 * scanner (sheet-bytes.ts), or when it gives up by the XML scanner, from scratch.
 */
export function readSharedStrings(pkg: Package, path: string | undefined, maxChars: number): string[] {
  if (!path) return [];
  const fast = sharedStringsHandler(maxChars);
  if (scanPartBytes((onChunk) => pkg.unpack(path, onChunk), fast.handler)) return fast.out;
  const slow = sharedStringsHandler(maxChars);
  pkg.scan(path, slow.handler);
  return slow.out;
}

function sharedStringsHandler(maxChars: number): { out: string[]; handler: XmlHandler } {
  const out: string[] = [];
  let parts: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  let chars = 0;
  const handler: XmlHandler = {
    open(name) {
      if (name === 'si') parts = [];
      else if (name === 't') inT = phonetic === 0;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && parts) {
        out.push(unescapeOoxml(parts.join('')));
        parts = null;
      }
    },
    text(t) {
      chars += t.length;
      if (chars > maxChars) throw new RangeError('shared strings');
      parts?.push(t);
    },
    wantText: () => inT && parts !== null,
  };
  return { out, handler };
}

/** OOXML's `_xHHHH_` escapes for characters XML cannot carry (`_x000D_` is a carriage return). */
export function unescapeOoxml(s: string): string {
  return s.indexOf('_x') < 0
    ? s
    : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Excel's built-in number formats by id (those a file may use without spelling them out). */
const BUILT_IN: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};
// The zh-CN built-ins 27–36 and 50–58 are all date and time formats.
for (const id of [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58])
  BUILT_IN[id] = 'yyyy"年"m"月"d"日"';

/** Each cell style's number format (index = the cell's `s`), undefined for General. */
export function readStyles(pkg: Package, path: string | undefined): (string | undefined)[] {
  const custom = new Map<number, string>();
  const formats: (string | undefined)[] = [];
  if (!path) return formats;
  let inCellXfs = false;
  pkg.scan(path, {
    open(name, a, selfClosing) {
      if (name === 'numFmt' && a.numFmtId) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id) ?? BUILT_IN[id];
        formats.push(code && code !== 'General' ? code : undefined);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
    wantText: () => false,
  });
  return formats;
}

/** Whether a number format shows dates or times (letters outside quotes, brackets and escapes). */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
  if (/^(General|@)$/i.test(bare)) return false;
  return /[ymdhs]/i.test(bare.replace(/E[+-]/gi, ''));
}
