/**
 * The fast way through a worksheet part: its unpacked UTF-8 bytes are scanned as bytes, chunk by
 * chunk, for the tags a sheet's cells need (`<row>`, `<c>`, `<v>`, `<f>`, `<is><t>`, `<mergeCell>`)
 * and only the attributes those use (`r`, `t`, `s`, `si`, `ref`) become strings; no text is decoded
 * but a cell's value, formula or inline string, and no attribute object is built. The cells go into
 * the same SheetReader as the text scanner's (xml.ts), so what a cell reads as is decided in one
 * place.
 *
 * It takes only what it is sure of: UTF-8 (checked byte by byte as it passes), plain tags, comments
 * and processing instructions. Anything else — another encoding, CDATA, a DOCTYPE, a malformed or
 * unmatched tag, a huge token, a part cut off, a cell the SheetReader refuses — makes it give up
 * (`scanSheetBytes` returns false), and the caller reads the part again with the text scanner,
 * which says exactly what is wrong or reads what this one does not. So a file reads the same either
 * way; this one is only faster.
 */
import { Attributes, decodeEntities, isSpace, XmlHandler } from './xml';
import type { SheetReader } from './sheet';

/** Thrown inside the scan to give the part back to the text scanner. */
class GiveUp {}
const GIVE_UP = new GiveUp();
const NO_ATTRIBUTES: Attributes = Object.freeze({}) as Attributes;

/** A token (tag, comment, wanted text) held across chunks longer than this is left to the text scanner. */
const MAX_CARRY = 1024 * 1024;

const LT = 60;
const GT = 62;
const SLASH = 47;
const EQ = 61;
const BANG = 33;
const QUERY = 63;
const COLON = 58;

// Made on first use: the pane's bundle loads this module at start-up, and a host without
// TextDecoder must still register the ribbon commands (scripts/check-build.js runs it in jsdom).
let decoder: TextDecoder | undefined;
const utf8 = (): TextDecoder => (decoder ??= new TextDecoder('utf-8'));

/** The bytes `from`…`to` as text: short ASCII read directly, anything else through the decoder. */
function text(buf: Uint8Array, from: number, to: number): string {
  if (to - from > 32) return utf8().decode(buf.subarray(from, to));
  for (let i = from; i < to; i++) if (buf[i] >= 0x80) return utf8().decode(buf.subarray(from, to));
  return String.fromCharCode.apply(null, buf.subarray(from, to) as unknown as number[]);
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal (`-123.45`, at most 15 digits, no exponent) read straight from its bytes, or
 * undefined for anything else (left to Number() on the text). With at most 15 digits the digits
 * and the power of ten are exact doubles, so one division gives the correctly rounded value: the
 * same double as Number() on the text. `whole`: digits only (a shared-string index).
 */
function plainNumber(buf: Uint8Array, from: number, to: number, whole: boolean): number | undefined {
  let i = from;
  const negative = !whole && buf[i] === 45;
  if (negative) i++;
  let m = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < to; i++) {
    const ch = buf[i];
    if (ch >= 48 && ch <= 57) {
      m = m * 10 + (ch - 48);
      digits++;
    } else if (ch === 46 && fraction < 0 && !whole) fraction = digits;
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  const v = fraction >= 0 && fraction < digits ? m / POW10[digits - fraction] : m;
  return negative ? -v : v;
}

/** A cell's `t` as one of the interned strings, or undefined. */
function cellType(buf: Uint8Array, from: number, to: number): string | undefined {
  const n = to - from;
  if (n === 1) {
    const b = buf[from];
    return b === 115 ? 's' : b === 110 ? 'n' : b === 98 ? 'b' : b === 101 ? 'e' : b === 100 ? 'd' : undefined;
  }
  if (spells(buf, from, to, 'str')) return 'str';
  if (spells(buf, from, to, 'inlineStr')) return 'inlineStr';
  return undefined;
}

/** Whether `</v>` starts at `at`. */
function endsValue(buf: Uint8Array, at: number): boolean {
  return buf[at + 1] === SLASH && buf[at + 2] === 118 && buf[at + 3] === GT;
}

/**
 * The next `byte` from `from`, or -1. A plain loop: the distances are a few bytes, where
 * Uint8Array.indexOf's call into the runtime costs more than the search.
 */
function next(buf: Uint8Array, byte: number, from: number): number {
  for (let i = from, n = buf.length; i < n; i++) if (buf[i] === byte) return i;
  return -1;
}

/** Whether the bytes `from`…`to` spell `word` (ASCII). */
function spells(buf: Uint8Array, from: number, to: number, word: string): boolean {
  if (to - from !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[from + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** Element names as interned strings (the common ones without building a string). */
function elementName(buf: Uint8Array, from: number, to: number): string {
  const n = to - from;
  const b = buf[from];
  if (n === 1) {
    if (b === 99) return 'c';
    if (b === 118) return 'v';
    if (b === 102) return 'f';
    if (b === 116) return 't';
    if (b === 114) return 'r';
  } else if (n === 2) {
    if (b === 105 && buf[from + 1] === 115) return 'is';
  } else if (n === 3) {
    if (spells(buf, from, to, 'row')) return 'row';
    if (spells(buf, from, to, 'rPh')) return 'rPh';
    if (spells(buf, from, to, 'col')) return 'col';
  } else if (n === 9) {
    if (spells(buf, from, to, 'mergeCell')) return 'mergeCell';
  }
  return text(buf, from, to);
}

/**
 * Checks UTF-8 as the bytes pass, strictly as a fatal TextDecoder does (no overlong forms, no
 * surrogates, nothing past U+10FFFF, no sequence cut short).
 */
class Utf8Check {
  private need = 0;
  private lo = 0x80;
  private hi = 0xbf;

  push(b: Uint8Array): boolean {
    let need = this.need;
    let lo = this.lo;
    let hi = this.hi;
    for (let i = 0, n = b.length; i < n; i++) {
      const x = b[i];
      if (need === 0) {
        if (x < 0x80) continue;
        if (x >= 0xc2 && x <= 0xdf) need = 1;
        else if (x === 0xe0) {
          need = 2;
          lo = 0xa0;
        } else if ((x >= 0xe1 && x <= 0xec) || x === 0xee || x === 0xef) need = 2;
        else if (x === 0xed) {
          need = 2;
          hi = 0x9f;
        } else if (x === 0xf0) {
          need = 3;
          lo = 0x90;
        } else if (x >= 0xf1 && x <= 0xf3) need = 3;
        else if (x === 0xf4) {
          need = 3;
          hi = 0x8f;
        } else return false;
      } else {
        if (x < lo || x > hi) return false;
        lo = 0x80;
        hi = 0xbf;
        need--;
      }
    }
    this.need = need;
    this.lo = lo;
    this.hi = hi;
    return true;
  }

  complete(): boolean {
    return this.need === 0;
  }
}

/** Whether the text scanner would read the part as UTF-8 (its first bytes, up to 256). */
function isUtf8Head(b: Uint8Array): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return false;
  if ((b[0] === 0x3c && b[1] === 0) || (b[0] === 0 && b[1] === 0x3c)) return false;
  let ascii = '';
  for (let i = 0; i < Math.min(b.length, 256); i++) ascii += String.fromCharCode(b[i]);
  const declared = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(ascii)?.[1];
  return !declared || /^utf-?(8|16)$/i.test(declared);
}

class ByteScanner {
  private carry: Uint8Array | null = null;
  private head: Uint8Array | null = new Uint8Array(0);
  private readonly check = new Utf8Check();
  /** Open elements, innermost last. */
  private readonly open: string[] = [];
  private roots = 0;

  /**
   * `sheet`: the reader is a worksheet's, which gets the cells' attributes; otherwise the handler
   * sees element names and text only (no attributes).
   */
  constructor(
    private readonly reader: XmlHandler,
    private readonly sheet?: SheetReader,
  ) {}

  push(chunk: Uint8Array): void {
    if (this.head) {
      // The first 256 bytes decide the encoding, as for the text scanner.
      const head = new Uint8Array(this.head.length + chunk.length);
      head.set(this.head);
      head.set(chunk, this.head.length);
      if (head.length < 256) {
        this.head = head;
        return;
      }
      this.head = null;
      this.start(head);
      return;
    }
    this.feed(chunk);
  }

  private start(head: Uint8Array): void {
    if (!isUtf8Head(head)) throw GIVE_UP;
    // A UTF-8 byte-order mark is dropped, as the decoder does.
    this.feed(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head);
  }

  private feed(chunk: Uint8Array): void {
    if (!this.check.push(chunk)) throw GIVE_UP;
    let buf = chunk;
    if (this.carry) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
      this.carry = null;
    }
    const pos = this.scan(buf);
    if (pos < buf.length) {
      if (buf.length - pos > MAX_CARRY) throw GIVE_UP;
      this.carry = buf.slice(pos);
    }
  }

  end(): void {
    if (this.head) {
      const head = this.head;
      this.head = null;
      if (head.length) this.start(head);
    }
    if (this.carry || !this.check.complete() || this.roots === 0 || this.open.length) throw GIVE_UP;
  }

  /** Reads every complete token of `buf`; returns where the first incomplete one starts. */
  private scan(buf: Uint8Array): number {
    const n = buf.length;
    const reader = this.reader;
    let pos = 0;
    for (;;) {
      const lt = next(buf, LT, pos);
      if (reader.wantText()) {
        if (lt < 0) return pos; // the text goes on in the next chunk
        if (lt > pos) {
          const kind = this.sheet ? this.sheet.wantsNumber() : 0;
          if (kind !== 0 && lt + 3 < n && endsValue(buf, lt)) {
            const v = plainNumber(buf, pos, lt, kind === 2);
            if (v !== undefined) {
              this.sheet!.numberValue(v);
              pos = lt;
              continue;
            }
          }
          const t = text(buf, pos, lt);
          reader.text(t.indexOf('&') < 0 ? t : decodeEntities(t));
        }
      } else if (lt < 0) return n;
      if (lt + 1 >= n) return lt;
      const second = buf[lt + 1];
      if (second === SLASH) {
        const gt = next(buf, GT, lt);
        if (gt < 0) return lt;
        let from = lt + 2;
        let to = gt;
        while (to > from && isSpace(buf[to - 1])) to--;
        while (from < to && isSpace(buf[from])) from++;
        for (let i = from; i < to; i++)
          if (buf[i] === COLON) {
            from = i + 1; // the prefix, up to the first colon, is dropped
            break;
          }
        const name = elementName(buf, from, to);
        if (this.open.pop() !== name) throw GIVE_UP;
        reader.close(name);
        pos = gt + 1;
      } else if (second === BANG) {
        if (n - lt < 4) return lt;
        if (buf[lt + 2] !== 45 || buf[lt + 3] !== 45) throw GIVE_UP; // CDATA or a DOCTYPE
        const end = this.find(buf, lt + 4, 45, 45, GT);
        if (end < 0) return lt;
        pos = end + 3;
      } else if (second === QUERY) {
        const end = this.find(buf, lt + 2, QUERY, GT, -1);
        if (end < 0) return lt;
        pos = end + 2;
      } else {
        const end = this.element(buf, lt);
        if (end < 0) return lt;
        pos = end + 1;
      }
    }
  }

  /** Where `a b` (and `c` when not -1) next occur from `from`, or -1. */
  private find(buf: Uint8Array, from: number, a: number, b: number, c: number): number {
    for (let i = next(buf, a, from); i >= 0; i = next(buf, a, i + 1)) {
      if (buf[i + 1] === b && (c < 0 || buf[i + 2] === c)) return i;
      if (i + 1 >= buf.length) return -1;
    }
    return -1;
  }

  // The attributes read from the tag being scanned.
  private r: string | undefined;
  private t: string | undefined;
  // a cell's r, t and s: where their values are in the buffer (-1: absent)
  private rFrom = -1;
  private rTo = -1;
  private tFrom = -1;
  private tTo = -1;
  private sFrom = -1;
  private sTo = -1;

  /**
   * `<c>`: a plain reference (`AB12`), type and style are read from their bytes; anything else goes
   * to the SheetReader as text, which accepts or refuses it.
   */
  private openCell(buf: Uint8Array): void {
    const reader = this.sheet!;
    const type =
      this.tFrom < 0 ? undefined : (cellType(buf, this.tFrom, this.tTo) ?? this.value(buf, this.tFrom, this.tTo));
    let style = 0;
    const { sFrom, sTo, rFrom, rTo } = this;
    if (sFrom >= 0 && sTo > sFrom) {
      const s = sTo - sFrom <= 9 ? plainNumber(buf, sFrom, sTo, true) : undefined;
      style = s ?? Number(this.value(buf, sFrom, sTo));
    }
    if (rFrom < 0) {
      const at = reader.nextCell();
      reader.openCellAt(at[0], at[1], type, style);
      return;
    }
    // `[A-Za-z]{1,3}[1-9][0-9]{0,6}`, as the SheetReader's cellRef
    let i = rFrom;
    let c = 0;
    while (i < rTo && i - rFrom < 4) {
      const ch = buf[i] | 32;
      if (ch < 97 || ch > 122) break;
      c = c * 26 + (ch - 96);
      i++;
    }
    const letters = i - rFrom;
    const digits = rTo - i;
    const row =
      letters >= 1 && letters <= 3 && digits >= 1 && digits <= 7 && buf[i] !== 48
        ? plainNumber(buf, i, rTo, true)
        : undefined;
    if (row === undefined) {
      reader.openCell(this.value(buf, rFrom, rTo), type, this.sFrom < 0 ? undefined : this.value(buf, sFrom, sTo));
      return;
    }
    reader.openCellAt(row - 1, c - 1, type, style);
  }
  private si: string | undefined;
  private ref: string | undefined;

  /** The start tag at `lt`: reported to the reader; the index of its `>`, or -1 when not complete. */
  private element(buf: Uint8Array, lt: number): number {
    const n = buf.length;
    let i = lt + 1;
    let from = i;
    while (i < n) {
      const ch = buf[i];
      if (isSpace(ch) || ch === SLASH || ch === GT) break;
      if (ch === COLON && from === lt + 1) from = i + 1;
      i++;
    }
    if (i >= n) return -1;
    if (i === lt + 1) throw GIVE_UP;
    const name = elementName(buf, from, i);
    // which attributes matter: 1 row, 2 c, 3 f, 4 mergeCell
    const kind = !this.sheet
      ? 0
      : name === 'c'
        ? 2
        : name === 'row'
          ? 1
          : name === 'f'
            ? 3
            : name === 'mergeCell'
              ? 4
              : 0;
    this.r = this.t = this.si = this.ref = undefined;
    this.rFrom = this.tFrom = this.sFrom = -1;
    let selfClosing = false;
    for (;;) {
      while (i < n && isSpace(buf[i])) i++;
      if (i >= n) return -1;
      const ch = buf[i];
      if (ch === GT) break;
      if (ch === SLASH) {
        if (i + 1 >= n) return -1;
        if (buf[i + 1] !== GT) throw GIVE_UP;
        selfClosing = true;
        i++;
        break;
      }
      const keyStart = i;
      let local = i;
      while (i < n) {
        const k = buf[i];
        if (k === EQ || k === GT || k === SLASH || isSpace(k)) break;
        if (k === COLON && local === keyStart) local = i + 1;
        i++;
      }
      const keyEnd = i;
      while (i < n && isSpace(buf[i])) i++;
      if (i >= n) return -1;
      if (buf[i] !== EQ) throw GIVE_UP;
      i++;
      while (i < n && isSpace(buf[i])) i++;
      if (i >= n) return -1;
      const q = buf[i];
      if (q !== 34 && q !== 39) throw GIVE_UP;
      const close = next(buf, q, i + 1);
      if (close < 0) return -1;
      if (kind !== 0 && keyEnd - local <= 3 && !spells(buf, keyStart, keyStart + 5, 'xmlns')) {
        const k0 = buf[local];
        const len = keyEnd - local;
        if (kind === 2) {
          // a cell's attributes stay bytes until openCell
          if (len === 1 && k0 === 114) {
            this.rFrom = i + 1;
            this.rTo = close;
          } else if (len === 1 && k0 === 116) {
            this.tFrom = i + 1;
            this.tTo = close;
          } else if (len === 1 && k0 === 115) {
            this.sFrom = i + 1;
            this.sTo = close;
          }
        } else if (len === 1 && k0 === 114 && kind === 1) this.r = this.value(buf, i + 1, close);
        else if (len === 1 && k0 === 116 && kind >= 3) this.t = this.value(buf, i + 1, close);
        else if (len === 2 && k0 === 115 && buf[local + 1] === 105 && kind === 3)
          this.si = this.value(buf, i + 1, close);
        else if (len === 3 && kind === 4 && spells(buf, local, keyEnd, 'ref')) this.ref = this.value(buf, i + 1, close);
      }
      i = close + 1;
    }
    if (this.open.length === 0 && ++this.roots > 1) throw GIVE_UP;
    const reader = this.reader;
    const sheet = this.sheet!;
    switch (kind) {
      case 1:
        sheet.openRow(this.r);
        break;
      case 2:
        this.openCell(buf);
        break;
      case 3:
        sheet.openFormula(this.t, this.si);
        break;
      case 4:
        sheet.openMerge(this.ref);
        break;
      default:
        reader.open(name, NO_ATTRIBUTES, selfClosing); // v, is, t, rPh, si …: their attributes do not matter
    }
    if (selfClosing) reader.close(name);
    else this.open.push(name);
    return i;
  }

  private value(buf: Uint8Array, from: number, to: number): string {
    const v = text(buf, from, to);
    return v.indexOf('&') < 0 ? v : decodeEntities(v);
  }
}

/**
 * Reads a worksheet part's bytes into the reader, as `unpack` delivers them; false when this
 * scanner gave up on the part (the reader is then spoiled: start again with a new one and the
 * text scanner).
 */
export function scanSheetBytes(
  unpack: (onChunk: (bytes: Uint8Array) => void) => unknown,
  reader: SheetReader,
): boolean {
  return scanBytes(unpack, new ByteScanner(reader, reader));
}

/**
 * The same for a part whose handler looks only at element names and text (the shared strings);
 * its open() gets no attributes.
 */
export function scanPartBytes(unpack: (onChunk: (bytes: Uint8Array) => void) => unknown, handler: XmlHandler): boolean {
  return scanBytes(unpack, new ByteScanner(handler));
}

function scanBytes(unpack: (onChunk: (bytes: Uint8Array) => void) => unknown, scanner: ByteScanner): boolean {
  try {
    unpack((bytes) => scanner.push(bytes));
    scanner.end();
    return true;
  } catch {
    return false;
  }
}
