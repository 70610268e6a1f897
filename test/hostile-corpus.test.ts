/**
 * The hostile corpus (issue 16, acceptance): about a hundred kinds of broken, odd and crafted
 * workbooks, each generated here from a real package (seed 001, clean or with one real error) or
 * written part by part. Every kind goes through the CLI (`budget-check validate --format json`)
 * and must end in exit 0, 1 or 2 with a readable message — never a stack trace, and never exit 0
 * with no finding when the file holds an error or cannot be read whole.
 *
 * Bounds: each kind must finish within 10 s and 500 MB; checked generously (a jest budget of
 * three times that for a loaded 2-core machine, and the heap's growth) — no timing assertion.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync, Zippable } from 'fflate';
import { main } from '../src/cli/main';
import { writeXlsx } from '../src/xlsx/write';
import { cleanSeed001, seed001Workbook } from './helpers/seed001';
import { craftXlsx, rowsXml, sheetXml, utf16, withSharedStrings, zip64 } from './hostile-kit';
import { captureIo } from './helpers/io';

type Parts = Record<string, Uint8Array>;
/** What a kind must give: exit 0 with no error (`clean`), exit 1, exit 2, exit 1 or 2 (`flagged`),
 * or anything readable (`any`: a file that is odd but not wrong). */
type Expect = 'clean' | 'errors' | 'unreadable' | 'flagged' | 'any';

interface Kind {
  name: string;
  expect: Expect;
  /** Text the report (its error or a finding) must contain. */
  says?: RegExp;
  bytes: () => Uint8Array;
}

let clean: Parts;
let broken: Parts;
let dir: string;

const text = (b: Uint8Array) => strFromU8(b);
/** One character per byte, for finding things in a zip's binary. */
const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
const zip = (parts: Parts, level: 0 | 6 = 6): Uint8Array => {
  const files: Zippable = {};
  for (const [k, v] of Object.entries(parts)) if (!k.endsWith('/')) files[k] = [v, { level }];
  return zipSync(files);
};
/** A copy of the parts with one part's XML changed (or removed with null). */
function edit(parts: Parts, name: string, fn: ((xml: string) => string | Uint8Array) | null): Parts {
  const out = { ...parts };
  if (fn === null) delete out[name];
  else {
    const v = fn(text(parts[name]));
    out[name] = typeof v === 'string' ? strToU8(v) : v;
  }
  return out;
}
const T3 = 'xl/worksheets/sheet3.xml';
/** 表3!E7 (an amount: 1063.35) replaced by the given `<c>` element. */
const cellE7 = (c: string) => zip(edit(clean, T3, (x) => x.replace(/<c r="E7"[^>]*>.*?<\/c>/, c)));
const allSheets = (parts: Parts, fn: (xml: string) => string | Uint8Array): Parts => {
  let out = parts;
  for (const k of Object.keys(parts)) if (/^xl\/worksheets\/sheet\d+\.xml$/.test(k)) out = edit(out, k, fn);
  return out;
};
const bytesOf = (s: string) => strToU8(s);
function patch(bytes: Uint8Array, fn: (view: DataView, b: Uint8Array) => void): Uint8Array {
  const b = bytes.slice();
  fn(new DataView(b.buffer), b);
  return b;
}
/** Offset of the central-directory record of `name`. */
function cen(b: Uint8Array, name: string): number {
  const needle = strToU8(name);
  const v = new DataView(b.buffer, b.byteOffset);
  for (let p = b.length - 22; p >= 0; p--) {
    if (v.getUint32(p, true) !== 0x02014b50) continue;
    const n = v.getUint16(p + 28, true);
    if (n === needle.length && needle.every((x, i) => b[p + 46 + i] === x)) return p;
  }
  throw new Error(`no entry ${name}`);
}
const small = (xml: string, extra: Partial<Parameters<typeof craftXlsx>[0]> = {}) =>
  craftXlsx({ sheets: [sheetXml(xml)], names: ['表3'], ...extra });

const kinds: Kind[] = [
  // --- not a workbook at all ---------------------------------------------------------------
  { name: 'an empty file', expect: 'unreadable', says: /文件为空/, bytes: () => new Uint8Array(0) },
  { name: 'two bytes "PK"', expect: 'unreadable', bytes: () => bytesOf('PK') },
  {
    name: 'a text file named .xlsx',
    expect: 'unreadable',
    says: /不是 \.xlsx/,
    bytes: () => bytesOf('编制部门：某单位\n合计,1114.26\n'),
  },
  {
    name: 'an HTML page named .xlsx',
    expect: 'unreadable',
    bytes: () => bytesOf('<html><body><table><tr><td>1</td></tr></table></body></html>'),
  },
  { name: 'a CSV in UTF-16', expect: 'unreadable', bytes: () => utf16('合计,1114.26') },
  {
    name: 'an encrypted or legacy .xls (compound file)',
    expect: 'unreadable',
    says: /加密|\.xls/,
    bytes: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
  },
  {
    name: 'a zip holding a .docx',
    expect: 'unreadable',
    says: /没有 Excel 工作簿/,
    bytes: () => zipSync({ 'word/document.xml': bytesOf('<w:document/>') }),
  },
  { name: 'an empty zip', expect: 'unreadable', bytes: () => zipSync({}) },
  // --- a damaged container --------------------------------------------------------------------
  ...[0.1, 0.5, 0.9, 0.999].map((f) => ({
    name: `the package cut at ${f * 100}%`,
    expect: 'unreadable' as const,
    bytes: () => {
      const b = zip(clean);
      return b.subarray(0, Math.floor(b.length * f));
    },
  })),
  {
    name: 'junk before the zip',
    expect: 'unreadable',
    bytes: () => new Uint8Array([...new Array(100).fill(0x20), ...zip(clean)]),
  },
  {
    name: 'a flipped byte in a stored sheet (CRC-32)',
    expect: 'unreadable',
    says: /CRC-32|damaged/,
    bytes: () =>
      patch(zip(clean, 0), (_v, b) => {
        const s = latin1(b);
        const at = s.indexOf('<v>1063.35</v>');
        if (at < 0) throw new Error('no stored 1063.35');
        b[at + 3] = '2'.charCodeAt(0); // 1063.35 → 2063.35
      }),
  },
  {
    name: 'a damaged deflate stream',
    expect: 'unreadable',
    bytes: () =>
      patch(zip(clean), (v, b) => {
        const p = cen(b, T3);
        const local = v.getUint32(p + 42, true);
        const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
        for (let i = 0; i < 40; i++) b[start + 10 + i] ^= 0xa5;
      }),
  },
  {
    name: 'an entry declaring less than it unpacks to',
    expect: 'unreadable',
    says: /解压后比它声明的更大/,
    bytes: () => patch(zip(clean), (v, b) => v.setUint32(cen(b, T3) + 24, 100, true)),
  },
  {
    name: 'an entry declaring more than it unpacks to',
    expect: 'unreadable',
    bytes: () =>
      patch(zip(clean), (v, b) => v.setUint32(cen(b, T3) + 24, v.getUint32(cen(b, T3) + 24, true) + 10, true)),
  },
  {
    name: 'a zip bomb declared at 3 GB',
    expect: 'unreadable',
    says: /解压后过大/,
    bytes: () => patch(zip(clean), (v, b) => v.setUint32(cen(b, T3) + 24, 0xfffffff0, true)),
  },
  {
    name: 'an encrypted entry',
    expect: 'unreadable',
    says: /加密/,
    bytes: () => patch(zip(clean), (v, b) => v.setUint16(cen(b, T3) + 8, 1, true)),
  },
  {
    name: 'an unknown compression method',
    expect: 'unreadable',
    bytes: () => patch(zip(clean), (v, b) => v.setUint16(cen(b, T3) + 10, 12, true)),
  },
  {
    name: 'a central directory claiming 60,000 entries',
    expect: 'unreadable',
    bytes: () => patch(zip(clean), (v, b) => v.setUint16(b.length - 22 + 10, 60000, true)),
  },
  {
    name: 'a central directory offset past the end',
    expect: 'unreadable',
    bytes: () => patch(zip(clean), (v, b) => v.setUint32(b.length - 22 + 16, b.length + 5, true)),
  },
  {
    name: 'two entries of the same name',
    expect: 'unreadable',
    says: /two entries/,
    bytes: () => {
      const b = zip({ ...clean, 'xl/worksheets/sheetX.xml': broken[T3] });
      // rename sheetX → sheet3 in both headers
      const s = latin1(b);
      const out = b.slice();
      for (let i = s.indexOf('sheetX.xml'); i >= 0; i = s.indexOf('sheetX.xml', i + 1)) out[i + 5] = '3'.charCodeAt(0);
      return out;
    },
  },
  {
    name: 'a zip comment after the package',
    expect: 'clean',
    bytes: () =>
      patch(new Uint8Array([...zip(clean), ...bytesOf('comment')]), (v, b) => v.setUint16(b.length - 7 - 2, 7, true)),
  },
  { name: 'the package stored, not deflated', expect: 'clean', bytes: () => zip(clean, 0) },
  { name: 'the package in a ZIP64 container', expect: 'clean', bytes: () => zip64(withoutDirs(clean)) },
  { name: 'a package with an error in a ZIP64 container', expect: 'errors', bytes: () => zip64(withoutDirs(broken)) },
  {
    name: 'part names with a leading slash',
    expect: 'clean',
    bytes: () => zip(Object.fromEntries(Object.entries(clean).map(([k, v]) => [`/${k}`, v]))),
  },
  {
    name: 'part names with backslashes',
    expect: 'unreadable',
    bytes: () => zip(Object.fromEntries(Object.entries(clean).map(([k, v]) => [k.replace(/\//g, '\\'), v]))),
  },
  // --- the package's own parts -------------------------------------------------------------------
  { name: 'no [Content_Types].xml', expect: 'clean', bytes: () => zip(edit(clean, '[Content_Types].xml', null)) },
  {
    name: 'a [Content_Types].xml that is not XML',
    expect: 'clean',
    bytes: () => zip(edit(clean, '[Content_Types].xml', () => 'not xml <<<')),
  },
  {
    name: 'content types naming the workbook a macro workbook',
    expect: 'clean',
    bytes: () =>
      zip(edit(clean, '[Content_Types].xml', (x) => x.replace('sheet.main+xml', 'sheet.macroEnabled.main+xml'))),
  },
  { name: 'no workbook part', expect: 'unreadable', bytes: () => zip(edit(clean, 'xl/workbook.xml', null)) },
  {
    name: 'a workbook listing no sheets',
    expect: 'flagged',
    bytes: () => zip(edit(clean, 'xl/workbook.xml', (x) => x.replace(/<sheets>.*<\/sheets>/, '<sheets/>'))),
  },
  {
    name: 'no workbook relationships (sheets found by their usual names)',
    expect: 'clean',
    bytes: () => zip(edit(clean, 'xl/_rels/workbook.xml.rels', null)),
  },
  {
    name: 'a relationship to a missing sheet',
    expect: 'unreadable',
    says: /missing/,
    bytes: () => zip(edit(clean, T3, null)),
  },
  {
    name: 'a relationship climbing out of the package',
    expect: 'unreadable',
    bytes: () =>
      zip(edit(clean, 'xl/_rels/workbook.xml.rels', (x) => x.replace('worksheets/sheet3.xml', '../../../etc/passwd'))),
  },
  {
    name: 'a workbook part that is cut off',
    expect: 'unreadable',
    bytes: () => zip(edit(clean, 'xl/workbook.xml', (x) => x.slice(0, x.length - 40))),
  },
  {
    name: 'a styles part with mismatched tags',
    expect: 'unreadable',
    bytes: () => zip(edit(clean, 'xl/styles.xml', (x) => x.replace('</cellXfs>', '</cellStyleXfs>'))),
  },
  { name: 'no styles part', expect: 'clean', bytes: () => zip(edit(clean, 'xl/styles.xml', null)) },
  {
    name: 'no shared strings part (the cells refer to it)',
    expect: 'unreadable',
    says: /共享字符串/,
    bytes: () => zip(edit(clean, 'xl/sharedStrings.xml', null)),
  },
  {
    name: 'a shared strings part cut in half',
    expect: 'unreadable',
    bytes: () => zip(edit(clean, 'xl/sharedStrings.xml', (x) => x.slice(0, x.length >> 1))),
  },
  {
    name: 'shared strings in UTF-16',
    expect: 'clean',
    bytes: () => zip(edit(clean, 'xl/sharedStrings.xml', (x) => utf16(x.replace('UTF-8', 'UTF-16')))),
  },
  {
    name: 'invalid UTF-8 in the shared strings',
    expect: 'unreadable',
    says: /UTF-8/,
    bytes: () =>
      zip(
        edit(
          clean,
          'xl/sharedStrings.xml',
          (x) => new Uint8Array([...strToU8(x.slice(0, 400)), 0xc3, 0x28, ...strToU8(x.slice(400))]),
        ),
      ),
  },
  // --- sheet parts: encodings ----------------------------------------------------------------
  {
    name: 'sheets in UTF-16LE with an error in 表3',
    expect: 'errors',
    says: /2,000\.00/,
    bytes: () => zip(allSheets(broken, (x) => utf16(x.replace('UTF-8', 'UTF-16'), 'le'))),
  },
  {
    name: 'sheets in UTF-16BE with an error in 表3',
    expect: 'errors',
    says: /2,000\.00/,
    bytes: () => zip(allSheets(broken, (x) => utf16(x.replace('UTF-8', 'UTF-16'), 'be'))),
  },
  {
    name: 'sheets in UTF-16 without a byte-order mark',
    expect: 'errors',
    says: /2,000\.00/,
    bytes: () => zip(allSheets(broken, (x) => utf16(x.replace('UTF-8', 'UTF-16'), 'le', false))),
  },
  {
    name: 'sheets with a UTF-8 byte-order mark',
    expect: 'errors',
    says: /2,000\.00/,
    bytes: () => zip(allSheets(broken, (x) => new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(x)]))),
  },
  {
    name: 'a sheet in an encoding nobody knows',
    expect: 'unreadable',
    says: /编码/,
    bytes: () => zip(edit(clean, T3, (x) => x.replace('UTF-8', 'KOI-99'))),
  },
  {
    name: 'a sheet declared ISO-8859-1 (ASCII content)',
    expect: 'clean',
    bytes: () => zip(edit(clean, T3, (x) => x.replace('UTF-8', 'ISO-8859-1'))),
  },
  // --- sheet parts: broken XML -----------------------------------------------------------------
  { name: 'a 0-byte sheet', expect: 'unreadable', says: /0 字节/, bytes: () => zip(edit(clean, T3, () => '')) },
  { name: 'a sheet of only whitespace', expect: 'unreadable', bytes: () => zip(edit(clean, T3, () => '   \n ')) },
  {
    name: 'a sheet cut off between rows',
    expect: 'unreadable',
    says: /截断/,
    bytes: () => zip(edit(clean, T3, (x) => x.slice(0, x.indexOf('<row r="9"')))),
  },
  {
    name: 'a sheet cut off inside a tag',
    expect: 'unreadable',
    bytes: () => zip(edit(clean, T3, (x) => x.slice(0, x.indexOf('<row r="9"') + 6))),
  },
  {
    name: 'a sheet with mismatched tags',
    expect: 'unreadable',
    says: /不配对/,
    bytes: () => zip(edit(clean, T3, (x) => x.replace('</row>', '</rwo>'))),
  },
  {
    name: 'a sheet with a second root',
    expect: 'unreadable',
    bytes: () => zip(edit(clean, T3, (x) => `${x}<worksheet/>`)),
  },
  {
    name: 'a sheet that is not XML at all',
    expect: 'unreadable',
    bytes: () => zip(edit(clean, T3, () => 'PK\u0003\u0004 binary junk')),
  },
  {
    name: 'a sheet with an unclosed comment',
    expect: 'unreadable',
    bytes: () => zip(edit(clean, T3, (x) => x.replace('<sheetData>', '<sheetData><!-- never closed'))),
  },
  {
    name: 'a sheet with an unclosed CDATA section',
    expect: 'unreadable',
    bytes: () => zip(edit(clean, T3, (x) => x.replace('<sheetData>', '<sheetData><![CDATA[ x'))),
  },
  {
    name: 'a sheet with namespace prefixes (x:c)',
    expect: 'errors',
    bytes: () =>
      zip(
        edit(broken, T3, (x) =>
          x
            .replace(/<(\/?)(worksheet|sheetData|row|c|v|f|is|t)([\s>/])/g, '<$1x:$2$3')
            .replace('<x:worksheet xmlns=', '<x:worksheet xmlns:x='),
        ),
      ),
  },
  {
    name: 'a sheet pretty-printed with CRLF',
    expect: 'errors',
    bytes: () => zip(edit(broken, T3, (x) => x.replace(/></g, '>\r\n  <').replace(/<v>\r\n\s*/g, '<v>'))),
  },
  {
    name: 'cells without positions (r omitted)',
    expect: 'any',
    bytes: () => zip(edit(clean, T3, (x) => x.replace(/<c r="[A-Z]+\d+"/g, '<c'))),
  },
  // --- sheet parts: hostile markup -------------------------------------------------------------
  {
    name: 'a billion-laughs DOCTYPE',
    expect: 'errors',
    bytes: () =>
      zip(
        edit(broken, T3, (x) =>
          x.replace(
            '<worksheet',
            '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet',
          ),
        ),
      ),
  },
  {
    name: 'an external entity (XXE) in a shared string',
    expect: 'any',
    bytes: () =>
      zip(
        edit(clean, 'xl/sharedStrings.xml', (x) =>
          x.replace('<sst', '<!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst').replace('<t>', '<t>&x;'),
        ),
      ),
  },
  {
    name: 'a 5 MB attribute',
    expect: 'errors',
    bytes: () => zip(edit(broken, T3, (x) => x.replace('<sheetData>', `<sheetData><foo a="${'x'.repeat(5 << 20)}"/>`))),
  },
  {
    name: 'a 5 MB comment',
    expect: 'errors',
    bytes: () => zip(edit(broken, T3, (x) => x.replace('<sheetData>', `<sheetData><!--${'x'.repeat(5 << 20)}-->`))),
  },
  {
    name: 'a 5 MB processing instruction',
    expect: 'errors',
    bytes: () => zip(edit(broken, T3, (x) => x.replace('<sheetData>', `<sheetData><?pi ${'x'.repeat(5 << 20)}?>`))),
  },
  {
    name: 'a 5 MB DOCTYPE',
    expect: 'errors',
    bytes: () =>
      zip(edit(broken, T3, (x) => x.replace('<worksheet', `<!DOCTYPE w [${'x'.repeat(5 << 20)}]><worksheet`))),
  },
  {
    name: 'a tag over the 16 M limit',
    expect: 'unreadable',
    says: /16M/,
    bytes: () => zip(edit(clean, T3, (x) => x.replace('<sheetData>', `<sheetData><foo a="${'x'.repeat(17 << 20)}"/>`))),
  },
  {
    name: 'a cell text over 1 M characters',
    expect: 'unreadable',
    bytes: () => small(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'字'.repeat((1 << 20) + 10)}</t></is></c></row>`),
  },
  {
    name: '100,000 nested unknown elements',
    expect: 'any',
    bytes: () => small(`${'<x>'.repeat(100000)}${'</x>'.repeat(100000)}${rowsXml([['a', 1]])}`),
  },
  {
    name: 'values in CDATA and character references',
    expect: 'errors',
    bytes: () =>
      zip(
        edit(broken, T3, (x) => x.replace('<v>2000</v>', '<v><![CDATA[2000]]></v>').replace(/<v>1(\d)/g, '<v>&#49;$1')),
      ),
  },
  // --- cells the format does not allow ------------------------------------------------------------
  ...['E0x7', 'F7.0', 'G 7', 'A0', 'e7', 'XFE7', '$E$7'].map((ref) => ({
    name: `the cell reference ${JSON.stringify(ref)}`,
    expect: ref === 'e7' ? ('errors' as const) : ('unreadable' as const),
    bytes: () => cellE7(`<c r="${ref}"><v>2000</v></c>`),
  })),
  {
    name: 'the row number "7.0"',
    expect: 'unreadable',
    bytes: () => zip(edit(clean, T3, (x) => x.replace('<row r="7"', '<row r="7.0"'))),
  },
  {
    name: 'a cell below Excel’s last row',
    expect: 'unreadable',
    bytes: () => small('<row r="1048577"><c r="A1048577"><v>1</v></c></row>'),
  },
  {
    name: 'the same cell twice',
    expect: 'unreadable',
    says: /两次/,
    bytes: () => cellE7('<c r="E7"><v>1063.35</v></c><c r="E7"><v>2000</v></c>'),
  },
  {
    name: 'a hex number <v>0x427</v>',
    expect: 'errors',
    says: /0x427/,
    bytes: () => cellE7('<c r="E7"><v>0x427</v></c>'),
  },
  { name: 'an infinite number', expect: 'errors', bytes: () => cellE7('<c r="E7"><v>Infinity</v></c>') },
  { name: 'a number beyond double range (1e309)', expect: 'errors', bytes: () => cellE7('<c r="E7"><v>1e309</v></c>') },
  { name: 'NaN', expect: 'errors', bytes: () => cellE7('<c r="E7"><v>NaN</v></c>') },
  {
    name: 'a 30-digit number',
    expect: 'errors',
    bytes: () => cellE7('<c r="E7"><v>123456789012345678901234567890</v></c>'),
  },
  {
    name: 'a shared string index out of range',
    expect: 'unreadable',
    says: /共享字符串/,
    bytes: () => cellE7('<c r="E7" t="s"><v>99999</v></c>'),
  },
  {
    name: 'a shared string index that is no number',
    expect: 'unreadable',
    bytes: () => cellE7('<c r="E7" t="s"><v>abc</v></c>'),
  },
  { name: 'a boolean amount', expect: 'errors', bytes: () => cellE7('<c r="E7" t="b"><v>1</v></c>') },
  {
    name: 'an error value #REF!',
    expect: 'errors',
    says: /#REF!/,
    bytes: () => cellE7('<c r="E7" t="e"><v>#REF!</v></c>'),
  },
  { name: 'an unknown cell type', expect: 'any', bytes: () => cellE7('<c r="E7" t="zz"><v>1063.35</v></c>') },
  {
    name: 'a formula with no cached value',
    expect: 'any',
    says: /没有计算结果/,
    bytes: () => cellE7('<c r="E7"><f>E8+E9</f></c>'),
  },
  {
    name: 'a shared formula whose master is missing',
    expect: 'any',
    bytes: () => cellE7('<c r="E7"><f t="shared" si="99"/><v>1063.35</v></c>'),
  },
  // --- text amounts (items 6, 11, 12) -------------------------------------------------------------
  ...['E5', 'e0', '(e0)', '.e1', 'e0万元'].map((t) => ({
    name: `the text ${JSON.stringify(t)} in an amount cell`,
    expect: 'errors' as const,
    says: /无法识别的数字/,
    bytes: () => cellE7(`<c r="E7" t="inlineStr"><is><t>${t}</t></is></c>`),
  })),
  {
    name: 'the text "(-1063.35)" (a negative, never a plus)',
    expect: 'errors',
    bytes: () => cellE7('<c r="E7" t="inlineStr"><is><t>(-1063.35)</t></is></c>'),
  },
  {
    name: 'the text "1,063.35" (an amount as text)',
    expect: 'clean',
    bytes: () => cellE7('<c r="E7" t="inlineStr"><is><t>1,063.35</t></is></c>'),
  },
  {
    name: 'the text "1063.3500000000000001" (15 digits, as Excel)',
    expect: 'clean',
    bytes: () => cellE7('<c r="E7" t="inlineStr"><is><t>1063.3500000000000001</t></is></c>'),
  },
  {
    name: 'a 50-digit text amount',
    expect: 'errors',
    says: /位数过多/,
    bytes: () => cellE7(`<c r="E7" t="inlineStr"><is><t>${'9'.repeat(50)}</t></is></c>`),
  },
  {
    name: 'a 200,000-character text in an amount cell',
    expect: 'errors',
    says: /文本过长/,
    bytes: () => cellE7(`<c r="E7" t="inlineStr"><is><t>${'9'.repeat(200000)}</t></is></c>`),
  },
  {
    name: 'a _xFFFF_ escape in a label',
    expect: 'any',
    bytes: () => cellE7('<c r="E7" t="inlineStr"><is><t>a_xFFFF_b</t></is></c>'),
  },
  // --- sizes and shapes (item 7) -------------------------------------------------------------------
  {
    name: '5 sheets each with one value at A1048576',
    expect: 'any',
    bytes: () =>
      craftXlsx({
        sheets: Array.from({ length: 5 }, (_, i) => sheetXml(`<row r="1048576"><c r="A1048576"><v>${i}</v></c></row>`)),
      }),
  },
  {
    name: 'a value at XFD1 (the last column)',
    expect: 'any',
    bytes: () => small('<row r="1"><c r="XFD1"><v>1</v></c></row>'),
  },
  {
    name: 'a merge over the whole sheet',
    expect: 'any',
    bytes: () =>
      small(rowsXml([['部门支出总体情况表'], ['合计', 1]]), {
        sheets: [
          sheetXml(
            rowsXml([['部门支出总体情况表'], ['合计', 1]]),
            '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>',
          ),
        ],
      }),
  },
  {
    name: '200 empty sheets',
    expect: 'any',
    bytes: () => craftXlsx({ sheets: Array.from({ length: 200 }, () => sheetXml('')) }),
  },
  {
    name: 'a sheet name of 300 characters with quotes',
    expect: 'any',
    bytes: () => small(rowsXml([['x', 1]]), { names: [`'!${'长'.repeat(300)}"`.replace(/"/g, '&quot;')] }),
  },
  {
    name: 'the tables on hidden sheets, with an error',
    expect: 'errors',
    bytes: () => zip(edit(broken, 'xl/workbook.xml', (x) => x.replace(/state="visible"/g, 'state="hidden"'))),
  },
  {
    name: 'the 1904 date system',
    expect: 'errors',
    bytes: () => zip(edit(broken, 'xl/workbook.xml', (x) => x.replace('<workbookPr', '<workbookPr date1904="1"'))),
  },
  // --- the baselines -----------------------------------------------------------------------------
  { name: 'the clean package as written', expect: 'clean', bytes: () => zip(clean) },
  { name: 'the package with one real error', expect: 'errors', says: /2000|2,000/, bytes: () => zip(broken) },
];

function withoutDirs(parts: Parts): Parts {
  return Object.fromEntries(Object.entries(parts).filter(([k]) => !k.endsWith('/')));
}

// Generating and checking about a hundred workbooks: an explicit budget per kind (3 × the 10 s bound).
jest.setTimeout(30_000);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-hostile-'));
  // with a shared strings part, as Excel writes them (our writer writes inline strings)
  clean = withSharedStrings(unzipSync(await writeXlsx(seed001Workbook(cleanSeed001()))));
  const b = seed001Workbook(cleanSeed001());
  b.sheets[2].rows[6][4]!.v = 2000;
  broken = withSharedStrings(unzipSync(await writeXlsx(b)));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const capture = () => captureIo();

it('has about a hundred distinct kinds', () => {
  expect(kinds.length).toBeGreaterThanOrEqual(100);
  expect(new Set(kinds.map((k) => k.name)).size).toBe(kinds.length);
});

describe.each(kinds.map((k, i) => [k.name, k, i] as const))('%s', (_name, kind, i) => {
  it(`gives exit ${kind.expect === 'any' ? '0, 1 or 2' : kind.expect} with a readable message`, async () => {
    const file = path.join(dir, `k${i}.xlsx`);
    fs.writeFileSync(file, kind.bytes());
    const heap = process.memoryUsage().heapUsed;
    const io = capture();
    const code = await main(['validate', file, '--format', 'json'], io);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(500 * 1024 * 1024);
    // No stack trace, no internal error, one JSON report.
    expect(`${io.out}\n${io.err}`).not.toMatch(/\n\s+at .+:\d+:\d+|内部错误|internal error/);
    const report = JSON.parse(io.out);
    const f = report.files[0];
    expect([0, 1, 2]).toContain(code);
    if (code === 2) {
      expect(typeof f.error).toBe('string');
      expect(f.error.length).toBeGreaterThan(3);
      expect(f.error.length).toBeLessThan(400);
      expect(f.errorEn).toMatch(/[A-Za-z]{3}/);
      expect(f.error).not.toMatch(/审核出错|审核进程出错/); // an engine failure is a bug, not a verdict
    }
    const said = [f.error ?? '', ...f.findings.map((x: { message: string }) => x.message)].join('\n');
    if (kind.says) expect(said).toMatch(kind.says);
    const expected = { clean: [0], errors: [1], unreadable: [2], flagged: [1, 2], any: [0, 1, 2] }[kind.expect];
    if (!expected.includes(code))
      throw new Error(`exit ${code}, expected ${expected.join(' or ')}: ${said.slice(0, 300)}`);
  });
});
