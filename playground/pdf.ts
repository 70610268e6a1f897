/**
 * pdf.js in the browser page: the bundler's own import of the modern build (no eval: the page's
 * CSP has no 'unsafe-eval'), its worker a file of this origin copied by webpack (pdf.worker.js).
 * Reading is then the CLI's: readPdfPackage (text, ruling lines, tables, boxes).
 */
import { usePdfJs } from '../src/pdf/read';
import { PdfPackage, readPdfPackage } from '../src/pdf/package';

usePdfJs(async () => {
  // @ts-expect-error pdf.js ships no types for the modern build's path under this resolution
  const pdfjs = await import(/* webpackChunkName: "pdfjs" */ 'pdfjs-dist/build/pdf.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdf.worker.js', document.baseURI).href;
  return pdfjs;
});

export function loadPdf(bytes: Uint8Array): Promise<PdfPackage> {
  return readPdfPackage(bytes);
}
