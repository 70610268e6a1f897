// Child-process harness (pdf.js is ESM only), run as `node -r tsx/cjs`: tsx's CommonJS hook only,
// so pdf.js loads through Node's own ESM loader as in the built CLI (under tsx's ESM loader its
// 3 MB of modules go through tsx: +0.8 s, +250 MB). Reads each PDF given after the output path and
// writes their pages (text items with positions, ruling lines) as JSON, with the time and memory
// each read took. A PdfReadError prints its message and exits 2.
import { readFileSync, writeFileSync } from 'node:fs';
import { PdfReadError, readPdfText } from '../../src/pdf/read';

async function run(): Promise<void> {
  const [out, ...files] = process.argv.slice(2);
  const result: Record<string, { pages: unknown; ms: number; rssMb: number }> = {};
  try {
    for (const f of files) {
      const t0 = performance.now();
      const pages = await readPdfText(new Uint8Array(readFileSync(f)));
      result[f] = {
        pages,
        ms: Math.round(performance.now() - t0),
        rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
      };
    }
  } catch (e) {
    if (!(e instanceof PdfReadError)) throw e;
    console.error(e.message);
    process.exit(2);
  }
  writeFileSync(out, JSON.stringify(result));
}
void run();
