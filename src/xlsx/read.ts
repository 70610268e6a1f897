/**
 * .xlsx → the core's WorkbookModel, with exceljs. Every way a file can be unreadable ends in a
 * WorkbookReadError with a Chinese and English message, never a stack trace.
 */
import ExcelJS from 'exceljs';
import { BilingualText, message, registerMessages } from '../i18n/messages';
import { Cell, CellValue, Merge, parseRange, SheetModel, WorkbookModel } from '../workbook/model';
import { inspectZip } from './zip';

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
  'read.tooLarge': {
    zh: '文件过大：{size} MB，超过上限 {limit} MB',
    en: 'The file is too large: {size} MB, over the limit of {limit} MB',
  },
  'read.bomb': {
    zh: '解压后过大：{size} MB，超过上限 {limit} MB（可能是恶意构造的文件）',
    en: 'Too large once unpacked: {size} MB, over the limit of {limit} MB (possibly a crafted file)',
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

/** exceljs cell value → our CellValue (and formula). */
function convert(cell: ExcelJS.Cell): Cell | undefined {
  const raw = cell.value as unknown;
  let v: CellValue = null;
  let f: string | undefined;
  if (raw === null || raw === undefined) {
    v = null;
  } else if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') {
    v = raw;
  } else if (raw instanceof Date) {
    v = raw.toISOString().slice(0, 10);
  } else if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const formula = cell.formula || (typeof o.formula === 'string' ? o.formula : undefined);
      f = formula ? `=${formula}` : undefined;
      // cell.result, not value.result: exceljs leaves a result of 0 out of the value object.
      const result = (cell as unknown as { result?: unknown }).result ?? o.result;
      if (result === undefined || result === null) v = null;
      else if (typeof result === 'object' && result !== null && 'error' in result)
        v = { error: String((result as { error: unknown }).error) };
      else if (result instanceof Date) v = result.toISOString().slice(0, 10);
      else v = result as CellValue;
    } else if ('richText' in o && Array.isArray(o.richText)) {
      v = (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    } else if ('error' in o) {
      v = { error: String(o.error) };
    } else if ('text' in o) {
      v = String(o.text);
    } else {
      v = null;
    }
  }
  const z = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
  if (v === null && !f && !z) return undefined;
  const out: Cell = { v };
  if (f) out.f = f;
  if (z) out.z = z;
  return out;
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
  if (!zip.entries.some((e) => e.name === 'xl/workbook.xml')) fail('not-workbook', 'read.notWorkbook');
  if (zip.totalUncompressed > maxUnpacked) {
    fail('too-large', 'read.bomb', { size: (zip.totalUncompressed / MB).toFixed(0), limit: maxUnpacked / MB });
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    fail('corrupt', 'read.corrupt', { detail: e instanceof Error ? e.message.slice(0, 200) : String(e) });
  }
  const sheets: SheetModel[] = [];
  let cells = 0;
  wb.eachSheet((ws) => {
    const rows: (Cell | undefined)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const out: (Cell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.isMerged && cell.master !== cell) return;
        const c = convert(cell);
        if (c) {
          out[colNumber - 1] = c;
          cells++;
        }
      });
      if (out.length) rows[rowNumber - 1] = out;
    });
    if (cells > maxCells) fail('too-large', 'read.tooManyCells', { limit: maxCells });
    const merges: Merge[] = [];
    const modelMerges = (ws.model as { merges?: string[] }).merges ?? [];
    for (const m of modelMerges) {
      try {
        merges.push(parseRange(m));
      } catch {
        // an unreadable merge reference is ignored; the cells still read
      }
    }
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
    sheets.push({ name: ws.name, hidden: ws.state !== 'visible', rows, merges });
  });
  return { sheets };
}
