/**
 * .xlsx → the core's WorkbookModel. The parts are unpacked and scanned as streams (never a whole
 * sheet's XML in memory), so memory follows the cells kept, and limits on file size, unpacked size
 * and cell count stop a hostile file early. Every way a file can be unreadable ends in a
 * WorkbookReadError with a Chinese and English message, never a stack trace.
 */
import { BilingualText, message, registerMessages } from '../i18n/messages';
import { SheetModel, WorkbookModel } from '../workbook/model';
import { isDateFormat, Package, readSharedStrings, readStyles, readWorkbookPart } from './parts';
import { SheetReader } from './sheet';
import { XmlError } from './xml';
import { inspectZip, ZipEntryError } from './zip';

registerMessages({
  'read.empty': { zh: '文件为空', en: 'The file is empty' },
  'read.encrypted': {
    zh: '文件已加密（设置了打开密码）或是旧版 .xls 格式，请在 Excel/WPS 中取消密码或另存为 .xlsx',
    en: 'The file is password-protected or an old .xls file; remove the password or save it as .xlsx',
  },
  'read.notXlsx': {
    zh: '不是 .xlsx 工作簿（文件格式无法识别）',
    en: 'Not an .xlsx workbook (unrecognised file format)',
  },
  'read.notWorkbook': {
    zh: '压缩包中没有 Excel 工作簿（可能是 .docx 或其他文件）',
    en: 'The archive holds no Excel workbook (perhaps a .docx or another file)',
  },
  'read.corrupt': { zh: '文件已损坏，无法读取：{detail}', en: 'The file is corrupt and cannot be read: {detail}' },
  'read.corruptPart': {
    zh: '文件已损坏，无法读取：{partZh}{zh}',
    en: 'The file is corrupt and cannot be read: {partEn} {en}',
  },
  'read.tooLarge': {
    zh: '文件过大：{size} MB，超过上限 {limit} MB',
    en: 'The file is too large: {size} MB, over the limit of {limit} MB',
  },
  'read.bomb': {
    zh: '解压后过大：{size} MB，超过上限 {limit} MB（可能是恶意构造的文件）',
    en: 'Too large once unpacked: {size} MB, over the limit of {limit} MB (possibly a crafted file)',
  },
  'read.bombLie': {
    zh: '压缩包中的 {name} 解压后比它声明的更大（可能是恶意构造的文件）',
    en: '{name} in the archive unpacks to more than it declares (possibly a crafted file)',
  },
  'read.tooManyCells': {
    zh: '单元格过多：超过上限 {limit} 个',
    en: 'Too many cells: over the limit of {limit}',
  },
});

export interface ReadLimits {
  /** Largest file accepted, in bytes (default 100 MB). */
  maxFileBytes?: number;
  /** Largest total uncompressed size, in bytes (default 1 GB). */
  maxUncompressedBytes?: number;
  /** Most non-empty cells accepted over all sheets (default 5,000,000). */
  maxCells?: number;
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

function fail(code: ReadErrorCode, key: string, params: Record<string, string | number> = {}): never {
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
  const pkg = new Package(data, zip.entries, maxUnpacked, () =>
    fail('too-large', 'read.bomb', { size: (zip.totalUncompressed / MB).toFixed(0), limit: maxUnpacked / MB }),
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
      const reader = new SheetReader({ sharedStrings, formats, isDate, date1904: book.date1904, countCell });
      if (!pkg.scan(entry.path, reader)) fail('corrupt', 'read.corrupt', { detail: `missing ${entry.path}` });
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
        partZh: sheet !== undefined ? `工作表“${sheet}”（${part}）` : part,
        partEn: sheet !== undefined ? `sheet “${sheet}” (${part})` : part,
        zh: e.zh,
        en: e.en,
      });
    }
    const detail = e instanceof Error ? e.message.slice(0, 200) : String(e);
    if (e instanceof ZipEntryError && /encrypted/.test(detail)) fail('encrypted', 'read.encrypted');
    if (e instanceof ZipEntryError && e.lied) fail('too-large', 'read.bombLie', { name: e.entry });
    fail('corrupt', 'read.corrupt', { detail });
  }
}
