/**
 * Reading a PDF with pdf.js (ESM only): page by page, text items with positions and, on pages that
 * print a table, the ruling lines; pages released as soon as read. Errors come back as
 * {@link PdfReadError} with a clear message, never a stack trace.
 *
 * Cost: pdf.js's legacy build (the one that runs on Node 20) carries core-js, which replaces
 * `Array.prototype.push`, `JSON.parse` and `JSON.stringify` with slow spec-exact versions for the
 * whole process; every push in pdf.js's font code (and in our engine afterwards) then ran through
 * them (measured: 1.2 s of a 2.6 s read, and +100 MB). We load pdf.js and its worker module once,
 * and put the engine's own functions back; the polyfills that only add missing methods stay.
 * (Source maps are off while pdf.js loads, see loadPdfJs.)
 */
import type { PdfPageText, Segment, TextItem } from './layout';

export type PdfErrorKind = 'scanned' | 'encrypted' | 'broken' | 'too-large';

export class PdfReadError extends Error {
  constructor(
    readonly kind: PdfErrorKind,
    message: string,
    /** the message in English (message is Chinese / English) */
    readonly en: string = message,
  ) {
    super(message);
    this.name = 'PdfReadError';
  }
}

/** Largest file and page count read (memory stays bounded: pages are read one at a time). */
export const PDF_LIMITS = { bytes: 200 * 1024 * 1024, pages: 2000 };

// A real dynamic import, kept as such by TypeScript/ts-jest (which would turn import() into require).
// Made on first use: a page whose CSP forbids eval (the browser page) never builds it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let dynamicImportFn: ((s: string) => Promise<any>) | undefined;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const dynamicImport = (s: string): Promise<any> =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (dynamicImportFn ??= new Function('s', 'return import(s)') as (s: string) => Promise<any>)(s);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let pdfjsPromise: Promise<any> | undefined;

/**
 * In a browser bundle: how to load pdf.js (the bundler's own `import()` of its build, with
 * `GlobalWorkerOptions.workerSrc` set), in place of the Node loader below. Call before any read.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function usePdfJs(load: () => Promise<any>): void {
  pdfjsPromise = undefined;
  browserLoader = load;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let browserLoader: (() => Promise<any>) | undefined;

/** pdf.js as loaded for reading (the browser page renders pages with it too). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function pdfJs(): Promise<any> {
  return loadPdfJs();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function importSpec(spec: string): Promise<any> {
  // In Node, import by absolute file URL: a bare specifier would resolve against the caller's
  // (sometimes a data: URL under loaders such as tsx), not against node_modules.
  if (typeof require === 'function' && typeof require.resolve === 'function') {
    try {
      return await dynamicImport('file://' + require.resolve(spec));
    } catch {
      // fall through to the bare specifier
    }
  }
  return dynamicImport(spec);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function loadPdfJs(): Promise<any> {
  if (browserLoader) return (pdfjsPromise ??= browserLoader());
  pdfjsPromise ??= (async () => {
    const saved = {
      push: Object.getOwnPropertyDescriptor(Array.prototype, 'push')!,
      parse: Object.getOwnPropertyDescriptor(JSON, 'parse')!,
      stringify: Object.getOwnPropertyDescriptor(JSON, 'stringify')!,
    };
    // With source maps on (tsx, --enable-source-maps) Node parses pdf.js's 8 MB of maps as the
    // modules load (measured: +0.4 s, +150 MB); they would only serve pdf.js's own stack traces.
    const proc =
      typeof process === 'object'
        ? (process as { sourceMapsEnabled?: boolean; setSourceMapsEnabled?: (on: boolean) => void })
        : undefined;
    const maps = proc?.sourceMapsEnabled === true && typeof proc.setSourceMapsEnabled === 'function';
    if (maps) proc!.setSourceMapsEnabled!(false);
    try {
      const pdfjs = await importSpec('pdfjs-dist/legacy/build/pdf.mjs');
      // The worker's code in this thread (what pdf.js does in Node anyway), loaded now so that its
      // own copy of core-js patches before we restore.
      if (typeof window === 'undefined') await importSpec('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return pdfjs;
    } finally {
      if (maps) proc!.setSourceMapsEnabled!(true);
      Object.defineProperty(Array.prototype, 'push', saved.push);
      Object.defineProperty(JSON, 'parse', saved.parse);
      Object.defineProperty(JSON, 'stringify', saved.stringify);
    }
  })();
  return pdfjsPromise;
}

/** A page worth reading the ruling lines of: it prints a unit line or many amounts. */
function looksLikeTable(items: TextItem[]): boolean {
  let amounts = 0;
  for (const it of items) {
    if (/单位\s*[:：]\s*(亿元|万元|千元|元)/.test(it.str)) return true;
    if (/^\s*-?[\d,]+\.\d+\s*$/.test(it.str)) amounts++;
  }
  return amounts >= 6;
}

type M = number[];
const mul = (m: M, n: M): M => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Axis-aligned segments of the page's stroked and filled paths, y from the top. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function rulingsOf(ops: any, opList: { fnArray: number[]; argsArray: any[] }, height: number): Segment[] {
  const out: Segment[] = [];
  let ctm: M = [1, 0, 0, 1, 0, 0];
  const stack: M[] = [];
  const painting = new Set([
    ops.stroke,
    ops.closeStroke,
    ops.fill,
    ops.eoFill,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  for (let i = 0; i < opList.fnArray.length; i++) {
    const f = opList.fnArray[i];
    const a = opList.argsArray[i];
    if (f === ops.save) stack.push(ctm);
    else if (f === ops.restore) ctm = stack.pop() ?? ctm;
    else if (f === ops.transform) ctm = mul(ctm, a);
    else if (f === ops.paintFormXObjectBegin && Array.isArray(a?.[0])) {
      stack.push(ctm);
      ctm = mul(ctm, a[0]);
    } else if (f === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (f === ops.constructPath && painting.has(a?.[0])) {
      const data: ArrayLike<number> | undefined = a[1]?.[0];
      if (!data) continue;
      const pt = (x: number, y: number): [number, number] => [
        ctm[0] * x + ctm[2] * y + ctm[4],
        height - (ctm[1] * x + ctm[3] * y + ctm[5]),
      ];
      let cur: [number, number] = [0, 0];
      let start: [number, number] = [0, 0];
      const seg = (p: [number, number], q: [number, number]) => {
        const dx = Math.abs(p[0] - q[0]);
        const dy = Math.abs(p[1] - q[1]);
        if ((dx < 1 && dy > 2) || (dy < 1 && dx > 2))
          out.push({
            x0: Math.min(p[0], q[0]),
            y0: Math.min(p[1], q[1]),
            x1: Math.max(p[0], q[0]),
            y1: Math.max(p[1], q[1]),
          });
      };
      for (let k = 0; k < data.length;) {
        const op = data[k];
        if (op === 0) {
          cur = start = pt(data[k + 1], data[k + 2]);
          k += 3;
        } else if (op === 1) {
          const p = pt(data[k + 1], data[k + 2]);
          seg(cur, p);
          cur = p;
          k += 3;
        } else if (op === 2) {
          cur = pt(data[k + 5], data[k + 6]);
          k += 7;
        } else if (op === 3) {
          cur = pt(data[k + 3], data[k + 4]);
          k += 5;
        } else {
          seg(cur, start);
          cur = start;
          k += 1;
        }
      }
    }
  }
  return out;
}

/** Text of every page, with positions (y from the top of the page), and the ruling lines of table pages. */
export async function readPdfText(data: Uint8Array, options: { rulings?: boolean } = {}): Promise<PdfPageText[]> {
  if (data.byteLength > PDF_LIMITS.bytes)
    throw new PdfReadError(
      'too-large',
      `PDF 文件过大（${data.byteLength} 字节）/ PDF too large`,
      `the PDF is too large (${data.byteLength} bytes)`,
    );
  const pdfjs = await loadPdfJs();
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(data),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException')
      throw new PdfReadError('encrypted', 'PDF 已加密，无法读取 / the PDF is encrypted', 'the PDF is encrypted');
    const msg = (e as Error).message;
    throw new PdfReadError(
      'broken',
      `PDF 无法打开（文件损坏？）/ the PDF cannot be opened: ${msg}`,
      `the PDF cannot be opened (damaged?): ${msg}`,
    );
  }
  try {
    if (doc.numPages > PDF_LIMITS.pages)
      throw new PdfReadError(
        'too-large',
        `PDF 页数过多（${doc.numPages}）/ too many pages`,
        `too many pages (${doc.numPages})`,
      );
    const pages: PdfPageText[] = [];
    let anyText = false;
    let previousTableLike = false;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height: number = page.view[3] - page.view[1];
      const tc = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of tc.items as { str?: string; transform: number[]; width: number; height: number }[]) {
        if (typeof it.str !== 'string' || it.str.trim() === '') continue;
        const h = it.height || Math.abs(it.transform[3]);
        items.push({
          str: it.str,
          x: it.transform[4] - page.view[0],
          y: height - (it.transform[5] - page.view[1]),
          w: it.width,
          h,
        });
      }
      if (items.length) anyText = true;
      const p: PdfPageText = { page: n, items };
      const tableLike = looksLikeTable(items);
      // The page after a table page too: a table continued there may print few amounts.
      if (options.rulings !== false && (tableLike || previousTableLike)) {
        try {
          const ol = await page.getOperatorList();
          p.rules = rulingsOf(pdfjs.OPS, ol, height).map((s) => ({
            x0: s.x0 - page.view[0],
            x1: s.x1 - page.view[0],
            y0: s.y0 + page.view[1],
            y1: s.y1 + page.view[1],
          }));
        } catch {
          // no rulings: the table is rebuilt from the text alone
        }
      }
      previousTableLike = tableLike;
      pages.push(p);
      page.cleanup();
    }
    if (!anyText)
      throw new PdfReadError(
        'scanned',
        'PDF 没有文字层（扫描件？），无法审核 / the PDF has no text layer (scanned?)',
        'the PDF has no text layer (a scan?): it cannot be checked without OCR',
      );
    return pages;
  } finally {
    await doc.destroy();
  }
}
