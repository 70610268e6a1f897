/**
 * Hand-made .xlsx packages for the hostile-input tests: every part written out as text (or bytes),
 * so a test can break exactly one thing. Also a small ZIP64 writer (fflate writes none).
 */
import { strFromU8, strToU8, zipSync, Zippable } from 'fflate';

export const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '</Types>';

export interface Craft {
  /** Each sheet's XML (or raw bytes); the sheet is named by `names[i]` or `S{i+1}`. */
  sheets: (string | Uint8Array)[];
  names?: string[];
  sharedStrings?: string | Uint8Array;
  styles?: string;
  /** The workbook part as written; default lists the sheets. */
  workbook?: string | Uint8Array;
  rels?: string;
  contentTypes?: string;
  /** Parts to add or, with `null`, to leave out (e.g. `'xl/worksheets/sheet1.xml': null`). */
  extra?: Record<string, string | Uint8Array | null>;
}

function bytes(x: string | Uint8Array): Uint8Array {
  return typeof x === 'string' ? strToU8(x) : x;
}

/** The parts of a package, before zipping. */
export function craftParts(p: Craft): Record<string, Uint8Array> {
  const names = p.sheets.map((_s, i) => p.names?.[i] ?? `S${i + 1}`);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': bytes(p.contentTypes ?? CONTENT_TYPES),
    '_rels/.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': bytes(
      p.workbook ??
        `<workbook ${NS} xmlns:r="${REL}"><sheets>` +
          names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
          '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      p.rels ??
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          names
            .map(
              (_n, i) =>
                `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
            )
            .join('') +
          `<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
          `<Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
  };
  p.sheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = bytes(xml)));
  if (p.sharedStrings !== undefined) files['xl/sharedStrings.xml'] = bytes(p.sharedStrings);
  if (p.styles !== undefined) files['xl/styles.xml'] = bytes(p.styles);
  for (const [name, v] of Object.entries(p.extra ?? {})) {
    if (v === null) delete files[name];
    else files[name] = bytes(v);
  }
  return files;
}

export function craftXlsx(p: Craft, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const files: Zippable = {};
  for (const [k, v] of Object.entries(craftParts(p))) files[k] = [v, { level }];
  return zipSync(files);
}

/** A worksheet part around `<sheetData>` rows. */
export const sheetXml = (data: string, tail = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${data}</sheetData>${tail}</worksheet>`;

/** `[['a', 1]]` → `<row r="1"><c r="A1" t="inlineStr">…</c><c r="B1"><v>1</v></c></row>`. */
export function rowsXml(rows: (string | number | null)[][], firstRow = 1): string {
  return rows
    .map((cells, i) => {
      const r = firstRow + i;
      const cs = cells
        .map((v, c) => {
          if (v === null) return '';
          const ref = `${String.fromCharCode(65 + c)}${r}`;
          return typeof v === 'number'
            ? `<c r="${ref}"><v>${v}</v></c>`
            : `<c r="${ref}" t="inlineStr"><is><t>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`;
        })
        .join('');
      return `<row r="${r}">${cs}</row>`;
    })
    .join('');
}

/** UTF-16 bytes of a string, with a byte-order mark. */
export function utf16(text: string, endian: 'le' | 'be' = 'le', bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let p = 0;
  if (bom) {
    out[p++] = endian === 'le' ? 0xff : 0xfe;
    out[p++] = endian === 'le' ? 0xfe : 0xff;
  }
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[p++] = endian === 'le' ? u & 0xff : u >> 8;
    out[p++] = endian === 'le' ? u >> 8 : u & 0xff;
  }
  return out;
}

// --- ZIP64 -----------------------------------------------------------------------------------

function crc32(data: Uint8Array): number {
  let c = ~0;
  for (let i = 0; i < data.length; i++) {
    c ^= data[i];
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/**
 * A ZIP64 archive of stored entries, as Excel and .NET write for large files: every size and
 * offset in the ordinary records is 0xFFFFFFFF, the true values sit in each entry's ZIP64 extra
 * field, and the end of the central directory has a ZIP64 record and locator before it.
 */
export function zip64(files: Record<string, Uint8Array>): Uint8Array {
  const chunks: Uint8Array[] = [];
  let at = 0;
  const put = (b: Uint8Array) => {
    chunks.push(b);
    at += b.length;
  };
  const central: Uint8Array[] = [];
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = strToU8(name);
    const crc = crc32(data);
    const offset = at;
    // local header with a ZIP64 extra (sizes)
    const local = new Uint8Array(30 + nameBytes.length + 20);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 45, true);
    lv.setUint16(8, 0, true); // stored
    lv.setUint32(14, crc, true);
    lv.setUint32(18, 0xffffffff, true);
    lv.setUint32(22, 0xffffffff, true);
    lv.setUint16(26, nameBytes.length, true);
    lv.setUint16(28, 20, true);
    local.set(nameBytes, 30);
    let e = 30 + nameBytes.length;
    lv.setUint16(e, 0x0001, true);
    lv.setUint16(e + 2, 16, true);
    lv.setBigUint64(e + 4, BigInt(data.length), true);
    lv.setBigUint64(e + 12, BigInt(data.length), true);
    put(local);
    put(data);
    // central header with a ZIP64 extra (sizes and offset)
    const cen = new Uint8Array(46 + nameBytes.length + 28);
    const cv = new DataView(cen.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 45, true);
    cv.setUint16(6, 45, true);
    cv.setUint16(10, 0, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, 0xffffffff, true);
    cv.setUint32(24, 0xffffffff, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint16(30, 28, true);
    cv.setUint32(42, 0xffffffff, true);
    cen.set(nameBytes, 46);
    e = 46 + nameBytes.length;
    cv.setUint16(e, 0x0001, true);
    cv.setUint16(e + 2, 24, true);
    cv.setBigUint64(e + 4, BigInt(data.length), true);
    cv.setBigUint64(e + 12, BigInt(data.length), true);
    cv.setBigUint64(e + 20, BigInt(offset), true);
    central.push(cen);
  }
  const cdStart = at;
  for (const c of central) put(c);
  const cdSize = at - cdStart;
  const z64 = at;
  const rec = new Uint8Array(56);
  const rv = new DataView(rec.buffer);
  rv.setUint32(0, 0x06064b50, true);
  rv.setBigUint64(4, 44n, true);
  rv.setUint16(12, 45, true);
  rv.setUint16(14, 45, true);
  rv.setBigUint64(24, BigInt(central.length), true);
  rv.setBigUint64(32, BigInt(central.length), true);
  rv.setBigUint64(40, BigInt(cdSize), true);
  rv.setBigUint64(48, BigInt(cdStart), true);
  put(rec);
  const loc = new Uint8Array(20);
  const locv = new DataView(loc.buffer);
  locv.setUint32(0, 0x07064b50, true);
  locv.setBigUint64(8, BigInt(z64), true);
  locv.setUint32(16, 1, true);
  put(loc);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 0xffff, true);
  ev.setUint16(10, 0xffff, true);
  ev.setUint32(12, 0xffffffff, true);
  ev.setUint32(16, 0xffffffff, true);
  put(end);
  const out = new Uint8Array(at);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/**
 * The parts of a workbook our writer made (inline strings) rewritten to use a shared strings part,
 * as Excel, WPS and exceljs write them: the hostile cases that damage `xl/sharedStrings.xml` need one.
 */
export function withSharedStrings(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const out = { ...files };
  for (const [name, bytes] of Object.entries(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(bytes).replace(
      /<c ([^>]*?) ?t="inlineStr"><is><t(?: xml:space="preserve")?>([\s\S]*?)<\/t><\/is><\/c>/g,
      (_m: string, attrs: string, t: string) => {
        let k = index.get(t);
        if (k === undefined) {
          k = strings.length;
          strings.push(t);
          index.set(t, k);
        }
        return `<c ${attrs.trim()} t="s"><v>${k}</v></c>`;
      },
    );
    out[name] = strToU8(xml);
  }
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  out['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">` +
      strings.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join('') +
      '</sst>',
  );
  const types = strFromU8(out['[Content_Types].xml']);
  if (!types.includes('/xl/sharedStrings.xml')) {
    out['[Content_Types].xml'] = strToU8(
      types.replace(
        '</Types>',
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
      ),
    );
  }
  const rels = strFromU8(out['xl/_rels/workbook.xml.rels']);
  if (!rels.includes('sharedStrings.xml')) {
    out['xl/_rels/workbook.xml.rels'] = strToU8(
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      ),
    );
  }
  return out;
}
