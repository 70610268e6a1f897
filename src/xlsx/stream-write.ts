/**
 * A streaming .xlsx writer of our own (issue 17, item 1 — first step): each sheet's XML is produced
 * row by row in chunks and deflated as it goes with fflate's streaming Zip, so a large sheet never
 * exists as one string, and no exceljs object graph is built.
 *
 * What it writes today: values (numbers, text as inline strings, booleans, errors), formulas with
 * their cached results, number formats (`z`, including the text code `@`), merged ranges and hidden
 * sheets. It does NOT yet write `SheetFormat` (widths, fonts, borders, print setup): workbooks with
 * a `format` still go through exceljs (src/xlsx/write.ts).
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { Cell, isCellError, SheetModel, WorkbookModel } from '../workbook/model';
import { ooxmlText, xmlChars } from './xml-text';

// fflate's UTF-8 encoder: the global TextEncoder is missing in some hosts (jsdom under jest).
const enc = { encode: (s: string): Uint8Array => strToU8(s) };
/** A fixed timestamp for every part, so that the same model gives the same bytes. */
const MTIME = new Date(Date.UTC(2025, 0, 1));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Column letters of a 0-based column index. */
export function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Number formats → style index (0 is General). */
class Styles {
  private readonly index = new Map<string, number>();
  private readonly formats: string[] = [];
  xf(z: string | undefined): number {
    if (!z || z === 'General') return 0;
    let i = this.index.get(z);
    if (i === undefined) {
      this.formats.push(z);
      i = this.formats.length;
      this.index.set(z, i);
    }
    return i;
  }
  xml(): string {
    const fmts = this.formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(xmlChars(f))}"/>`);
    const xfs = this.formats.map(
      (_f, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    );
    return (
      `${HEAD}<styleSheet xmlns="${NS}">` +
      (fmts.length ? `<numFmts count="${fmts.length}">${fmts.join('')}</numFmts>` : '') +
      '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}

function numberText(v: number): string | undefined {
  return Number.isFinite(v) ? String(v) : undefined;
}

function cellXml(ref: string, cell: Cell, styles: Styles): string {
  const s = styles.xf(cell.z);
  const sa = s ? ` s="${s}"` : '';
  const v = cell.v;
  const f = cell.f ? `<f>${esc(ooxmlText(cell.f.replace(/^=/, '')))}</f>` : '';
  if (v === null || v === undefined) return f || sa ? `<c r="${ref}"${sa}>${f}</c>` : '';
  if (typeof v === 'number') {
    const t = numberText(v);
    return t === undefined ? `<c r="${ref}"${sa} t="e">${f}<v>#NUM!</v></c>` : `<c r="${ref}"${sa}>${f}<v>${t}</v></c>`;
  }
  if (typeof v === 'boolean') return `<c r="${ref}"${sa} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
  if (isCellError(v)) return `<c r="${ref}"${sa} t="e">${f}<v>${esc(v.error)}</v></c>`;
  const text = esc(ooxmlText(v));
  if (f) return `<c r="${ref}"${sa} t="str">${f}<v>${text}</v></c>`;
  const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${sa} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/** Rows per deflate push: bounds the size of the string held at once. */
const CHUNK_ROWS = 2000;

function writeSheet(zip: Zip, path: string, sheet: SheetModel, styles: Styles): void {
  const file = new ZipDeflate(path, { level: 6 });
  file.mtime = MTIME;
  zip.add(file);
  file.push(enc.encode(`${HEAD}<worksheet xmlns="${NS}" xmlns:r="${RNS}"><sheetData>`));
  let buf: string[] = [];
  const rows = sheet.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    let cells = '';
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell) cells += cellXml(colName(c) + (r + 1), cell, styles);
    }
    if (cells) buf.push(`<row r="${r + 1}">${cells}</row>`);
    if (buf.length >= CHUNK_ROWS) {
      file.push(enc.encode(buf.join('')));
      buf = [];
    }
  }
  let tail = buf.join('') + '</sheetData>';
  if (sheet.merges.length) {
    const refs = sheet.merges.map((m) => `<mergeCell ref="${colName(m.c0)}${m.r0 + 1}:${colName(m.c1)}${m.r1 + 1}"/>`);
    tail += `<mergeCells count="${refs.length}">${refs.join('')}</mergeCells>`;
  }
  file.push(enc.encode(tail + '</worksheet>'), true);
}

function addText(zip: Zip, path: string, text: string): void {
  const file = new ZipDeflate(path, { level: 6 });
  file.mtime = MTIME;
  zip.add(file);
  file.push(enc.encode(text), true);
}

/** Sheet names as Excel accepts them: no `[]:*?/\`, at most 31 characters, unique. */
function sheetNames(sheets: SheetModel[]): string[] {
  const seen = new Set<string>();
  return sheets.map((s, i) => {
    let name =
      xmlChars(s.name)
        .replace(/[[\]:*?/\\]/g, '_')
        .slice(0, 31) || `Sheet${i + 1}`;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${name.slice(0, 28)}(${k})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * Writes the workbook as .xlsx, pushing compressed chunks to `sink` as they are produced (a file
 * stream, a download buffer). Resolves once the last chunk is out.
 */
export function streamXlsx(model: WorkbookModel, sink: (chunk: Uint8Array) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const zip = new Zip((err, chunk, final) => {
      if (err) return reject(err);
      sink(chunk);
      if (final) resolve();
    });
    try {
      const styles = new Styles();
      const names = sheetNames(model.sheets);
      const n = model.sheets.length;
      const ids = model.sheets.map((_s, i) => i + 1);
      addText(
        zip,
        '[Content_Types].xml',
        `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          ids
            .map(
              (i) =>
                `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
            )
            .join('') +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          '</Types>',
      );
      addText(
        zip,
        '_rels/.rels',
        `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      );
      const visible = model.sheets.findIndex((s) => !s.hidden);
      addText(
        zip,
        'xl/workbook.xml',
        `${HEAD}<workbook xmlns="${NS}" xmlns:r="${RNS}"><bookViews><workbookView activeTab="${Math.max(visible, 0)}"/></bookViews><sheets>` +
          ids
            .map(
              (i) =>
                `<sheet name="${esc(names[i - 1])}" sheetId="${i}"${model.sheets[i - 1].hidden ? ' state="hidden"' : ''} r:id="rId${i}"/>`,
            )
            .join('') +
          '</sheets></workbook>',
      );
      addText(
        zip,
        'xl/_rels/workbook.xml.rels',
        `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          ids
            .map((i) => `<Relationship Id="rId${i}" Type="${RNS}/worksheet" Target="worksheets/sheet${i}.xml"/>`)
            .join('') +
          `<Relationship Id="rId${n + 1}" Type="${RNS}/styles" Target="styles.xml"/></Relationships>`,
      );
      model.sheets.forEach((s, i) => writeSheet(zip, `xl/worksheets/sheet${i + 1}.xml`, s, styles));
      addText(zip, 'xl/styles.xml', styles.xml());
      zip.end();
    } catch (e) {
      reject(e as Error);
    }
  });
}

/** The whole .xlsx in memory (for callers that need bytes); see {@link streamXlsx}. */
export async function writeXlsxStream(model: WorkbookModel): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await streamXlsx(model, (c) => parts.push(c));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
