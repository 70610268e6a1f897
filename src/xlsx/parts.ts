/**
 * The small parts of an .xlsx package around the sheets: the workbook (sheet names, order,
 * visibility, date system), its relationships (which file holds which sheet), the shared strings
 * and the styles (number formats). Each is scanned as a stream like the sheets themselves.
 */
import { Attributes, XmlHandler, XmlScanner } from './xml';
import { unpackEntry, ZipEntryInfo } from './zip';

/** The zip's bytes and entries, with the unpacked-size budget shared by every part. */
export class Package {
  private readonly byName = new Map<string, ZipEntryInfo>();
  private unpacked = 0;

  constructor(
    readonly data: Uint8Array,
    entries: ZipEntryInfo[],
    private readonly maxUnpacked: number,
    private readonly onBudgetExceeded: () => never,
  ) {
    for (const e of entries) this.byName.set(e.name.replace(/^\//, ''), e);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Streams the part through the handler; false when the package has no such part. */
  scan(name: string, handler: XmlHandler): boolean {
    const entry = this.byName.get(name);
    if (!entry) return false;
    const decoder = new TextDecoder('utf-8');
    const scanner = new XmlScanner(handler);
    const left = this.maxUnpacked - this.unpacked;
    if (entry.uncompressedSize > left) this.onBudgetExceeded();
    this.unpacked += unpackEntry(
      this.data,
      entry,
      (bytes) => scanner.push(decoder.decode(bytes, { stream: true })),
      left,
    );
    scanner.push(decoder.decode());
    scanner.end();
    return true;
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

/** Text of each `<si>`: its `<t>` runs joined, phonetic guides (`<rPh>`) left out. */
export function readSharedStrings(pkg: Package, path: string | undefined, maxChars: number): string[] {
  const out: string[] = [];
  if (!path) return out;
  let parts: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  let chars = 0;
  pkg.scan(path, {
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
  });
  return out;
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
