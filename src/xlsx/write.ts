/**
 * The workbook model → .xlsx bytes: values, formulas with cached results, formats, merges, and
 * for sheets we generate their look and print setup (`SheetFormat`: widths, 宋体, borders, a
 * centred title, A4 with repeated header rows, fitted to the page width). Every workbook goes
 * through the streaming writer (src/xlsx/stream-write.ts); every text goes through `ooxmlText`,
 * so no character XML forbids reaches a part.
 */
import { WorkbookModel } from '../workbook/model';
import { DeflateRaw, writeXlsxStream } from './stream-write';

export interface WriteOptions {
  /** Column widths by sheet name (characters), for sheets without a `format` of their own. */
  widths?: Record<string, number[]>;
  /** Kept for callers: the writer always uses fixed timestamps (the same model gives the same bytes). */
  deterministic?: boolean;
  /** The workbook's author (docProps/core.xml); default `budget-check`. */
  creator?: string;
  /** The compressor (default fflate's; the CLI passes zlib's, src/xlsx/node-deflate.ts). */
  deflateRaw?: DeflateRaw;
}

export async function writeXlsx(model: WorkbookModel, options: WriteOptions = {}): Promise<Uint8Array> {
  return writeXlsxStream(model, { widths: options.widths, creator: options.creator, deflateRaw: options.deflateRaw });
}
