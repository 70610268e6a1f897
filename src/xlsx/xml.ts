/**
 * A small streaming XML scanner for the parts of an .xlsx file: text arrives in chunks (as it is
 * unpacked) and comes out as open/close/text events, so a sheet is never held as one string.
 *
 * It knows what spreadsheet XML needs and no more: elements, attributes, text, CDATA, the five
 * predefined entities and character references. Comments, processing instructions and DOCTYPE
 * declarations are skipped; entities a DOCTYPE declares are never expanded (no "billion laughs",
 * no external entities). Namespace prefixes are dropped (`x:c` → `c`).
 */

export type Attributes = Record<string, string>;

export interface XmlHandler {
  open(name: string, attrs: Attributes, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities decoded; only called while `wantText()` is true. */
  text(text: string): void;
  wantText(): boolean;
}

export class XmlError extends Error {}

/** A single tag (or text run) longer than this is refused as corrupt. */
const MAX_TOKEN = 16 * 1024 * 1024;

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

function entity(_m: string, e: string): string {
  switch (e) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

export function decodeEntities(s: string): string {
  return s.indexOf('&') < 0 ? s : s.replace(ENTITY, entity);
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

const EMPTY: Attributes = Object.freeze({}) as Attributes;

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 10 || ch === 9 || ch === 13;
}

export class XmlScanner {
  private carry = '';

  constructor(private readonly handler: XmlHandler) {}

  push(chunk: string): void {
    const buf = this.carry ? this.carry + chunk : chunk;
    this.carry = '';
    let pos = 0;
    const h = this.handler;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        if (pos < buf.length && h.wantText()) {
          // A partial entity (`&am`) at the end waits for the next chunk.
          let tail = buf.slice(pos);
          const amp = tail.lastIndexOf('&');
          if (amp >= 0 && tail.length - amp < 12 && tail.indexOf(';', amp) < 0) {
            this.carry = tail.slice(amp);
            tail = tail.slice(0, amp);
          }
          if (tail) h.text(decodeEntities(tail));
        }
        return;
      }
      if (lt > pos && h.wantText()) h.text(decodeEntities(buf.slice(pos, lt)));
      let end: number;
      const second = buf.charCodeAt(lt + 1);
      if (second !== 33 && second !== 63) {
        // an element: not `<!…` or `<?…`
        end = this.element(buf, lt);
        if (end < 0) return this.keep(buf, lt);
        pos = end + 1;
        continue;
      }
      if (lt + 1 >= buf.length) return this.keep(buf, lt);
      if (buf.startsWith('<![CDATA[', lt)) {
        end = buf.indexOf(']]>', lt + 9);
        if (end < 0) return this.keep(buf, lt);
        if (h.wantText()) h.text(buf.slice(lt + 9, end));
        pos = end + 3;
        continue;
      }
      if (buf.startsWith('<!--', lt)) {
        end = buf.indexOf('-->', lt + 4);
        if (end < 0) return this.keep(buf, lt);
        pos = end + 3;
        continue;
      }
      if (buf.startsWith('<?', lt)) {
        end = buf.indexOf('?>', lt + 2);
        if (end < 0) return this.keep(buf, lt);
        pos = end + 2;
        continue;
      }
      if (buf.startsWith('<!', lt)) {
        end = this.declarationEnd(buf, lt);
        if (end < 0) return this.keep(buf, lt);
        pos = end + 1;
        continue;
      }
      pos = lt + 1; // unreachable: every `<!` and `<?` is handled above
    }
  }

  // The element tag being read: set by element(), in fields to spare an allocation per tag.
  private name = '';
  private attrs: Attributes = EMPTY;
  private selfClosing = false;

  /**
   * Reads the start or end tag at `lt` in one pass (quoted values may hold `>`) and reports it;
   * returns the index of its `>`, or -1 when the tag does not end within `buf`.
   */
  private element(buf: string, lt: number): number {
    const n = buf.length;
    if (buf.charCodeAt(lt + 1) === 47) {
      const gt = buf.indexOf('>', lt);
      if (gt < 0) return -1;
      this.handler.close(localName(buf.slice(lt + 2, gt).trim()));
      return gt;
    }
    let i = lt + 1;
    while (i < n) {
      const ch = buf.charCodeAt(i);
      if (isSpace(ch) || ch === 47 || ch === 62) break;
      i++;
    }
    if (i >= n) return -1;
    this.name = localName(buf.slice(lt + 1, i));
    this.attrs = EMPTY;
    let end = -1;
    while (end < 0) {
      while (i < n && isSpace(buf.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const ch = buf.charCodeAt(i);
      if (ch === 62) {
        this.selfClosing = false;
        end = i;
        break;
      }
      if (ch === 47) {
        if (i + 1 >= n) return -1;
        if (buf.charCodeAt(i + 1) === 62) {
          this.selfClosing = true;
          end = i + 1;
          break;
        }
        i++;
        continue;
      }
      const keyStart = i;
      while (i < n) {
        const k = buf.charCodeAt(i);
        if (k === 61 || k === 62 || k === 47 || isSpace(k)) break;
        i++;
      }
      const key = buf.slice(keyStart, i);
      while (i < n && isSpace(buf.charCodeAt(i))) i++;
      if (i >= n) return -1;
      if (buf.charCodeAt(i) !== 61) continue; // a name without a value: not XML, ignored
      i++;
      while (i < n && isSpace(buf.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const q = buf.charCodeAt(i);
      let value: string;
      if (q === 34 || q === 39) {
        const close = buf.indexOf(q === 34 ? '"' : "'", i + 1);
        if (close < 0) return -1;
        value = buf.slice(i + 1, close);
        i = close + 1;
      } else {
        const from = i; // an unquoted value: not XML, read up to a space or the tag's end
        while (i < n && !isSpace(buf.charCodeAt(i)) && buf.charCodeAt(i) !== 62) i++;
        value = buf.slice(from, i);
      }
      if (key.startsWith('xmlns')) continue;
      if (this.attrs === EMPTY) this.attrs = {};
      this.attrs[localName(key)] = decodeEntities(value);
    }
    const { name, attrs, selfClosing } = this;
    this.handler.open(name, attrs, selfClosing);
    if (selfClosing) this.handler.close(name);
    return end;
  }

  /** The end of `<!DOCTYPE … [ … ]>`: internal subsets are skipped whole, never interpreted. */
  private declarationEnd(buf: string, lt: number): number {
    let depth = 0;
    for (let i = lt + 2; i < buf.length; i++) {
      const ch = buf[i];
      if (ch === '[') depth++;
      else if (ch === ']') depth--;
      else if (ch === '>' && depth <= 0) return i;
    }
    return -1;
  }

  private keep(buf: string, from: number): void {
    if (buf.length - from > MAX_TOKEN) throw new XmlError('an XML tag is too long or never closed');
    this.carry = buf.slice(from);
  }

  /** Called after the last chunk: an unfinished tag means the part was cut short. */
  end(): void {
    if (this.carry.trim()) throw new XmlError('the XML ends inside a tag');
    this.carry = '';
  }
}
