/**
 * .xlsx → the core's WorkbookModel. The parts are unpacked and scanned as streams (never a whole
 * sheet's XML in memory beyond 32 MiB, the most a given InflateRaw unpacks at once; worksheets by
 * the byte scanner, sheet-bytes.ts, or when it gives up by the XML scanner, xml.ts), so memory
 * follows the cells kept, and limits on file size, unpacked size
 * and cell count stop a hostile file early. Every way a file can be unreadable ends in a
 * WorkbookReadError with a Chinese and English message, never a stack trace.
 */
import { BilingualText, message, MessageParams } from '../i18n/messages';
import { SheetModel, WorkbookModel } from '../workbook/model';
import { isDateFormat, Package, readSharedStrings, readStyles, readWorkbookPart } from './parts';
import { SheetReader } from './sheet';
import { scanSheetBytes } from './sheet-bytes';
import { XmlError } from './xml';
import { InflateRaw, inspectZip, ZipEntryError } from './zip';

export interface ReadLimits {
  /** Largest file accepted, in bytes (default 100 MB). */
  maxFileBytes?: number;
  /** Largest total uncompressed size, in bytes (default 1 GB). */
  maxUncompressedBytes?: number;
  /** Most non-empty cells accepted over all sheets (default 5,000,000). */
  maxCells?: number;
  /**
   * Not a limit: the DEFLATE decompressor (default fflate's, which runs anywhere; in Node the CLI
   * passes zlib's, src/xlsx/node-inflate.ts, which needs no warming up).
   */
  inflateRaw?: InflateRaw;
}

export type ReadErrorCode = 'empty' | 'encrypted' | 'not-xlsx' | 'not-workbook' | 'corrupt' | 'too-large';

export class WorkbookReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly reason: BilingualText,
  ) {
    super(`${reason.zh} / ${reason.en}`);
    this.name = 'WorkbookReadError';
  }
}

const MB = 1024 * 1024;

function fail(code: ReadErrorCode, key: string, params: MessageParams = {}): never {
  throw new WorkbookReadError(code, message(key, params));
}

/** Reads an .xlsx file's bytes into the workbook model. Throws WorkbookReadError. */
export async function readXlsx(data: Uint8Array, limits: ReadLimits = {}): Promise<WorkbookModel> {
  const maxFile = limits.maxFileBytes ?? 100 * MB;
  const maxUnpacked = limits.maxUncompressedBytes ?? 1024 * MB;
  const maxCells = limits.maxCells ?? 5_000_000;
  if (data.length > maxFile)
    fail('too-large', 'read.tooLarge', { size: (data.length / MB).toFixed(1), limit: maxFile / MB });
  const zip = inspectZip(data);
  if (zip.kind === 'empty') fail('empty', 'read.empty');
  if (zip.kind === 'cfb') fail('encrypted', 'read.encrypted');
  if (zip.kind === 'not-zip') fail('not-xlsx', 'read.notXlsx');
  if (zip.kind === 'corrupt') fail('corrupt', 'read.corrupt', { detail: zip.detail });
  if (!zip.entries.some((e) => e.name.replace(/^\//, '') === 'xl/workbook.xml'))
    fail('not-workbook', 'read.notWorkbook');
  if (zip.totalUncompressed > maxUnpacked) {
    fail('too-large', 'read.bomb', { size: (zip.totalUncompressed / MB).toFixed(0), limit: maxUnpacked / MB });
  }
  const pkg = new Package(
    data,
    zip.entries,
    maxUnpacked,
    () => fail('too-large', 'read.bomb', { size: (zip.totalUncompressed / MB).toFixed(0), limit: maxUnpacked / MB }),
    limits.inflateRaw,
  );
  let cells = 0;
  /** Sheet names by part path, to say which sheet a damaged part is. */
  const sheetNames = new Map<string, string>();
  const countCell = () => {
    if (++cells > maxCells) fail('too-large', 'read.tooManyCells', { limit: maxCells });
  };
  try {
    const book = readWorkbookPart(pkg);
    const sharedStrings = readSharedStrings(pkg, book.sharedStrings, maxUnpacked);
    const formats = readStyles(pkg, book.styles);
    const isDate = formats.map((f) => f !== undefined && isDateFormat(f));
    const sheets: SheetModel[] = [];
    for (const entry of book.sheets) sheetNames.set(entry.path, entry.name);
    for (const entry of book.sheets) {
      const context = { sharedStrings, formats, isDate, date1904: book.date1904, countCell };
      if (!pkg.has(entry.path)) fail('corrupt', 'read.corrupt', { detail: `missing ${entry.path}` });
      // The byte scanner first; when it gives up (another encoding, a damaged part, a cell refused),
      // the text scanner reads the part again and has the last word.
      const before = cells;
      let reader = new SheetReader(context);
      if (!scanSheetBytes((onChunk) => pkg.unpack(entry.path, onChunk), reader)) {
        cells = before;
        reader = new SheetReader(context);
        pkg.scan(entry.path, reader);
      }
      const { rows, merges } = reader.finish();
      sheets.push({ name: entry.name, hidden: entry.hidden, rows, merges });
    }
    return { sheets };
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    if (e instanceof XmlError) {
      const part = e.part ?? '';
      const sheet = sheetNames.get(part);
      fail('corrupt', 'read.corruptPart', {
        part: {
          zh: sheet !== undefined ? `工作表“${sheet}”（${part}）` : part,
          en: sheet !== undefined ? `sheet “${sheet}” (${part})` : part,
        },
        detail: { zh: e.zh, en: e.en },
      });
    }
    const detail = e instanceof Error ? e.message.slice(0, 200) : String(e);
    if (e instanceof ZipEntryError && /encrypted/.test(detail)) fail('encrypted', 'read.encrypted');
    if (e instanceof ZipEntryError && e.lied) fail('too-large', 'read.bombLie', { name: e.entry });
    fail('corrupt', 'read.corrupt', { detail });
  }
}
