/**
 * Reading a PDF with pdf.js (ESM only): page by page, text items with positions, pages released
 * as soon as read. Errors come back as {@link PdfReadError} with a clear message, never a stack trace.
 */
import type { PdfPageText, TextItem } from './layout';

export type PdfErrorKind = 'scanned' | 'encrypted' | 'broken' | 'too-large';

export class PdfReadError extends Error {
  constructor(
    readonly kind: PdfErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'PdfReadError';
  }
}

/** Largest file and page count read (memory stays bounded: pages are read one at a time). */
export const PDF_LIMITS = { bytes: 200 * 1024 * 1024, pages: 2000 };

// A real dynamic import, kept as such by TypeScript/ts-jest (which would turn import() into require).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const dynamicImport = new Function('s', 'return import(s)') as (s: string) => Promise<any>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function loadPdfJs(): Promise<any> {
  const spec = 'pdfjs-dist/legacy/build/pdf.mjs';
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

/** Text of every page, with positions (y from the top of the page). */
export async function readPdfText(data: Uint8Array): Promise<PdfPageText[]> {
  if (data.byteLength > PDF_LIMITS.bytes)
    throw new PdfReadError('too-large', `PDF 文件过大（${data.byteLength} 字节）/ PDF too large`);
  const pdfjs = await loadPdfJs();
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false, verbosity: 0 }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException')
      throw new PdfReadError('encrypted', 'PDF 已加密，无法读取 / the PDF is encrypted');
    throw new PdfReadError('broken', `PDF 无法打开（文件损坏？）/ the PDF cannot be opened: ${(e as Error).message}`);
  }
  try {
    if (doc.numPages > PDF_LIMITS.pages)
      throw new PdfReadError('too-large', `PDF 页数过多（${doc.numPages}）/ too many pages`);
    const pages: PdfPageText[] = [];
    let anyText = false;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height: number = page.view[3] - page.view[1];
      const tc = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of tc.items as { str?: string; transform: number[]; width: number; height: number }[]) {
        if (typeof it.str !== 'string' || it.str.trim() === '') continue;
        const h = it.height || Math.abs(it.transform[3]);
        items.push({ str: it.str, x: it.transform[4], y: height - it.transform[5], w: it.width, h });
      }
      if (items.length) anyText = true;
      pages.push({ page: n, items });
      page.cleanup();
    }
    if (!anyText)
      throw new PdfReadError('scanned', 'PDF 没有文字层（扫描件？），无法审核 / the PDF has no text layer (scanned?)');
    return pages;
  } finally {
    await doc.destroy();
  }
}
