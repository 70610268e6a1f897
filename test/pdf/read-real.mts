// Child-process harness (jest runs CommonJS, pdf.js is ESM only): read a PDF, print a summary;
// a PdfReadError prints its message and exits 2 (what the CLI will do).
import { readFileSync } from 'node:fs';
import { PdfReadError, readPdfText } from '../../src/pdf/read';
import { pagesToSheet } from '../../src/pdf/layout';

async function main(): Promise<void> {
  try {
    const pages = await readPdfText(new Uint8Array(readFileSync(process.argv[2])));
    const sheet = pagesToSheet('pdf', pages);
    const text = sheet.rows.map((r) => r.map((c) => String(c?.v ?? '')).join(' ')).join('\n');
    console.log(JSON.stringify({ pages: pages.length, rows: sheet.rows.length, boxes: sheet.boxes.size, text }));
  } catch (e) {
    if (!(e instanceof PdfReadError)) throw e;
    console.error(e.message);
    process.exit(2);
  }
}
void main();
