// Child-process harness (jest runs CommonJS, pdf.js is ESM only): read a PDF, print a summary;
// a PdfReadError prints its message and exits 2 (what the CLI will do).
import { readFileSync } from 'node:fs';
import { PdfReadError, readPdfText } from '../../src/pdf/read';
import { narrativeText, reconstructPdf } from '../../src/pdf/tables';

async function main(): Promise<void> {
  try {
    const pages = await readPdfText(new Uint8Array(readFileSync(process.argv[2])));
    const doc = reconstructPdf(pages);
    const rows = doc.tables.flatMap((t) => t.sheet.rows);
    const boxes = doc.tables.reduce((n, t) => n + t.boxes.size, 0);
    const text = [...rows.map((r) => r.map((c) => String(c?.v ?? '')).join(' ')), narrativeText(doc)].join('\n');
    console.log(JSON.stringify({ pages: pages.length, rows: rows.length, boxes, text }));
  } catch (e) {
    if (!(e instanceof PdfReadError)) throw e;
    console.error(e.message);
    process.exit(2);
  }
}
void main();
