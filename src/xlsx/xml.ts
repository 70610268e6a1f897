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

/** A part that is not well-formed XML (or not what a spreadsheet part can be), in English and Chinese. */
export class XmlError extends Error {
  /** The package part it was found in, once known. */
  part?: string;
  constructor(
    readonly en: string,
    readonly zh: string = en,
  ) {
    super(en);
    this.name = 'XmlError';
  }
}

/**
 * A single tag, comment, processing instruction, CDATA section or DOCTYPE longer than this many
 * characters is refused as corrupt. Checked as the unpacked text arrives, not after.
 */
export const MAX_TOKEN = 16 * 1024 * 1024;

function tooLong(): XmlError {
  return new XmlError(
    `an XML tag, comment or declaration is longer than ${MAX_TOKEN / 1024 / 1024} M characters or never closed`,
    `XML 标签、注释或声明超过 ${MAX_TOKEN / 1024 / 1024}M 个字符或没有结束`,
  );
}

/**
 * What an unfinished token waits for. Its text is kept in pieces and each new chunk is scanned
 * once for the end, so a token spread over many chunks costs its length, not its length squared.
 */
type Pending =
  | { kind: 'until'; term: string; tail: string } // comment, PI, CDATA: waits for `-->`, `?>`, `]]>`
  | { kind: 'element'; quote: number } // waits for a `>` outside quotes
  | { kind: 'decl'; depth: number }; // waits for a `>` outside `[…]`

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

/** XML white space (a character code); the byte scanner's too. */
export function isSpace(ch: number): boolean {
  return ch === 32 || ch === 10 || ch === 9 || ch === 13;
}

export class XmlScanner {
  /** A few characters held over: a partial entity, or a `<` whose kind is not known yet. */
  private carry = '';
  private pending: Pending | null = null;
  private pieces: string[] = [];
  private pendingLength = 0;

  constructor(private readonly handler: XmlHandler) {}

  push(chunk: string): void {
    let buf: string;
    if (this.pending) {
      this.pieces.push(chunk);
      this.pendingLength += chunk.length;
      if (!this.advance(this.pending, chunk)) {
        if (this.pendingLength > MAX_TOKEN) throw tooLong();
        return;
      }
      buf = this.pieces.join('');
      this.pieces = [];
      this.pendingLength = 0;
      this.pending = null;
    } else {
      buf = this.carry ? this.carry + chunk : chunk;
    }
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
        if (pos - lt > MAX_TOKEN) throw tooLong();
        continue;
      }
      if (lt + 1 >= buf.length) return this.keep(buf, lt);
      if (buf.startsWith('<![CDATA[', lt)) {
        end = buf.indexOf(']]>', lt + 9);
        if (end < 0) return this.keep(buf, lt);
        if (h.wantText()) h.text(buf.slice(lt + 9, end));
        pos = end + 3;
        if (pos - lt > MAX_TOKEN) throw tooLong();
        continue;
      }
      if (buf.startsWith('<!--', lt)) {
        end = buf.indexOf('-->', lt + 4);
        if (end < 0) return this.keep(buf, lt);
        pos = end + 3;
        if (pos - lt > MAX_TOKEN) throw tooLong();
        continue;
      }
      if (buf.startsWith('<?', lt)) {
        end = buf.indexOf('?>', lt + 2);
        if (end < 0) return this.keep(buf, lt);
        pos = end + 2;
        if (pos - lt > MAX_TOKEN) throw tooLong();
        continue;
      }
      if (buf.startsWith('<!', lt)) {
        end = this.declarationEnd(buf, lt);
        if (end < 0) return this.keep(buf, lt);
        pos = end + 1;
        if (pos - lt > MAX_TOKEN) throw tooLong();
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

  /**
   * The token at `from` does not end within `buf`: hold it, and note what it waits for so that
   * the next chunks are scanned for its end once each.
   */
  private keep(buf: string, from: number): void {
    const rest = buf.slice(from);
    const second = rest.charCodeAt(1);
    let pending: Pending;
    let opener: number;
    if (second === 33) {
      // `<!`: a comment, CDATA or a declaration; a few characters may not tell which yet
      if (rest.startsWith('<!--')) [pending, opener] = [{ kind: 'until', term: '-->', tail: '' }, 4];
      else if (rest.startsWith('<![CDATA[')) [pending, opener] = [{ kind: 'until', term: ']]>', tail: '' }, 9];
      else if ('<!--'.startsWith(rest) || '<![CDATA['.startsWith(rest)) {
        this.carry = rest;
        return;
      } else [pending, opener] = [{ kind: 'decl', depth: 0 }, 2];
    } else if (second === 63) [pending, opener] = [{ kind: 'until', term: '?>', tail: '' }, 2];
    else if (rest.length < 2) {
      this.carry = rest;
      return;
    } else [pending, opener] = [{ kind: 'element', quote: 0 }, 1];
    // The part after the opener, scanned once now: its end cannot be in it (the parse just failed).
    if (this.advance(pending, rest.slice(opener))) throw new XmlError('a malformed XML tag', 'XML 标签格式错误');
    this.pending = pending;
    this.pieces = [rest];
    this.pendingLength = rest.length;
    if (this.pendingLength > MAX_TOKEN) throw tooLong();
  }

  /** Scans `chunk` for the end of the pending token, updating its state; true when found. */
  private advance(p: Pending, chunk: string): boolean {
    if (p.kind === 'until') {
      const text = p.tail + chunk;
      if (text.indexOf(p.term) >= 0) return true;
      p.tail = text.slice(Math.max(0, text.length - p.term.length + 1));
      return false;
    }
    const n = chunk.length;
    if (p.kind === 'element') {
      let quote = p.quote;
      for (let i = 0; i < n; i++) {
        const ch = chunk.charCodeAt(i);
        if (quote) {
          if (ch === quote) quote = 0;
        } else if (ch === 34 || ch === 39) quote = ch;
        else if (ch === 62) return true;
      }
      p.quote = quote;
      return false;
    }
    let depth = p.depth;
    for (let i = 0; i < n; i++) {
      const ch = chunk.charCodeAt(i);
      if (ch === 91) depth++;
      else if (ch === 93) depth--;
      else if (ch === 62 && depth <= 0) return true;
    }
    p.depth = depth;
    return false;
  }

  /** Called after the last chunk: an unfinished tag means the part was cut short. */
  end(): void {
    if (this.pending || this.carry.trim())
      throw new XmlError('the XML ends inside a tag', 'XML 在标签中间结束（文件被截断）');
    this.carry = '';
  }
}
