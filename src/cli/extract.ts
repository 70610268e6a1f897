/**
 * `budget-check extract X.pdf --out X.xlsx [--text 说明.txt]`
 *
 * The tables of a published PDF, rebuilt as `validate` rebuilds them (src/pdf), written as an
 * editable workbook: one sheet per table, named by its title, laid out as printed; the text outside
 * the tables (the 情况说明) to `--text` when asked. What could not be rebuilt is said on stderr, and
 * a scan, an encrypted or a broken PDF exits 2 with the reason, as `validate` does.
 */
import * as fs from 'fs';
import { message } from '../i18n/messages';
import { ArgsError, parseArgs } from './args';
import type { Io } from './main';

export async function extractCommand(args: ReturnType<typeof parseArgs>, io: Io): Promise<number> {
  const file = args.positional[0];
  if (!file || args.positional.length > 1 || !/\.pdf$/i.test(file)) {
    const m = message('extractCli.onePdf');
    throw new ArgsError(m.zh, m.en);
  }
  const out = typeof args.flags.out === 'string' ? args.flags.out : undefined;
  if (!out) throw new ArgsError('请用 --out 指定输出文件', 'give --out FILE.xlsx');
  const textOut = typeof args.flags.text === 'string' ? args.flags.text : undefined;

  const { readPdfPackage, pdfFailure, problemFindings } = await import('../pdf/package');
  const { PdfReadError } = await import('../pdf/read');
  const { writeXlsx } = await import('../xlsx/write');
  const { nodeDeflateRaw } = await import('../xlsx/node-deflate');
  let pkg;
  try {
    pkg = await readPdfPackage(new Uint8Array(fs.readFileSync(file)));
  } catch (e) {
    const r = e instanceof PdfReadError ? pdfFailure(e) : { zh: String(e), en: String(e) };
    io.stderr(`无法读取 ${file}：${r.zh} / cannot read ${file}: ${r.en}\n`);
    return 2;
  }
  if (pkg.tables.length === 0) {
    const r = message('pdf.noTables');
    io.stderr(`${file}：${r.zh} / ${r.en}\n`);
    return 2;
  }
  fs.writeFileSync(out, await writeXlsx(pkg.workbook, { deflateRaw: nodeDeflateRaw }));
  if (textOut) fs.writeFileSync(textOut, pkg.text);
  for (const f of problemFindings(pkg.problems)) io.stderr(`${f.sheet}：${f.message} / ${f.messageEn}\n`);
  const m = message('extractCli.written', { tables: pkg.tables.length, pages: pkg.pages, file: out });
  io.stderr(`${m.zh}\n${m.en}\n`);
  return 0;
}
