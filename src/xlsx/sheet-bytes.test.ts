/**
 * The byte scanner (sheet-bytes.ts) against the text scanner (xml.ts) on the same sheet XML: the
 * same rows and merges, however the bytes are cut into chunks; and it gives up (for the text
 * scanner to read or refuse the part) on everything it does not take.
 */
import { strToU8 } from 'fflate';
import { NS } from '../../test/hostile-kit';
import { SheetContext, SheetReader } from './sheet';
import { scanPartBytes, scanSheetBytes } from './sheet-bytes';
import { XmlScanner } from './xml';

function context(): SheetContext {
  return {
    sharedStrings: ['一般公共预算', '合计'],
    formats: [undefined, '#,##0.00', 'yyyy-mm-dd'],
    isDate: [false, false, true],
    date1904: false,
    countCell() {},
  };
}

/** Through the text scanner, whole. */
function byText(xml: string): unknown {
  const reader = new SheetReader(context());
  const scanner = new XmlScanner(reader);
  scanner.push(xml);
  scanner.end();
  return JSON.stringify(reader.finish());
}

/** Through the byte scanner in chunks of `size` bytes; undefined when it gave up. */
function byBytes(xml: string | Uint8Array, size = 1 << 20): unknown {
  const read = readBytes(xml, size);
  return read ? JSON.stringify(read) : undefined;
}

function readBytes(xml: string | Uint8Array, size: number): ReturnType<SheetReader['finish']> | undefined {
  const bytes = typeof xml === 'string' ? strToU8(xml) : xml;
  const reader = new SheetReader(context());
  const ok = scanSheetBytes((onChunk) => {
    for (let i = 0; i < bytes.length; i += size) onChunk(bytes.subarray(i, i + size));
  }, reader);
  return ok ? reader.finish() : undefined;
}

const sheet = (data: string, after = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>${data}</sheetData>${after}</worksheet>`;

const RICH = sheet(
  '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>1114.26</v></c><c r="C1" s="2"><v>45658</v></c>' +
    '<c r="D1" t="inlineStr"><is><r><t>部门</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 预算 </t></r><rPh><t>ぶ</t></rPh></is></c></row>' +
    '<row r="3"><c r="A3" s="1"><f>SUM(B1:B2)</f><v>-0.5</v></c><c r="B3"><f t="shared" ref="B3:B5" si="0">A3*2</f><v>-1</v></c>' +
    '<c r="C3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D3" t="e"><v>#DIV/0!</v></c><c r="E3" t="b"><v>1</v></c>' +
    '<c r="F3"><v>1.5E+3</v></c><c r="G3"><v> 12 </v></c><c r="H3"><v>0x427</v></c><c r="I3"><v>12345678901234567</v></c>' +
    '<c r="J3" t="str"><v>x_x000D_y &lt;&#x41;&gt;</v></c><c r="K3"><v>.5</v></c><c r="L3"><v>7.</v></c><c r="M3" t="d"><v>2025-01-02T00:00:00</v></c></row>' +
    '<row r="4"><c r="B4"><f t="shared" si="0"/><v>-2</v></c><c><v>3</v></c><x:c xmlns:x="urn:x" r="D4"><x:v>4</x:v></x:c></row>' +
    '<row><c r="AB5" t="s"><v>1</v></c><c r="B5" s="1"/><c r="C5"><!-- note --><v>5</v></c><?pi x?></row>',
  '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="nonsense"/></mergeCells>',
);

describe('the byte scanner reads as the text scanner does', () => {
  it('values, shared and inline strings, rich text, formulas, shared formulas, errors, dates, merges', () => {
    const want = byText(RICH);
    expect(byBytes(RICH)).toBe(want);
    expect(JSON.parse(want as string).rows[0][3]).toEqual({ v: '部门 预算 ' });
  });

  it('cut into chunks of every size from 1 to 64 bytes', () => {
    const want = byText(RICH);
    for (let size = 1; size <= 64; size++) expect([size, byBytes(RICH, size)]).toEqual([size, want]);
  });

  it('a UTF-8 byte-order mark, and a part smaller than its first 256 bytes', () => {
    const small = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    expect(
      byBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(sheet('<row r="2"><c r="B2"><v>2</v></c></row>'))])),
    ).toBe(byText(sheet('<row r="2"><c r="B2"><v>2</v></c></row>')));
    expect(byBytes(small, 7)).toBe(byText(small));
  });

  it('plain decimals read from bytes are the doubles Number() reads', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const values: string[] = ['0', '-0', '0.1', '0.2', '0.3', '999999999999999', '-123456789.012345', '1e5', '5.'];
    for (let i = 0; i < 3000; i++) {
      const digits = 1 + Math.floor(random() * 15);
      let s = '';
      for (let k = 0; k < digits; k++) s += Math.floor(random() * 10);
      const dot = Math.floor(random() * (digits + 1));
      values.push((random() < 0.3 ? '-' : '') + s.slice(0, dot) + (dot < digits ? '.' + s.slice(dot) : ''));
    }
    const data = values.map((v, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${v}</v></c></row>`).join('');
    const rows = readBytes(sheet(data), 1 << 20)!.rows;
    rows.forEach((row, i) => expect([values[i], row[0]!.v]).toEqual([values[i], Number(values[i])]));
    expect(byBytes(sheet(data))).toBe(byText(sheet(data)));
  });
});

describe('the byte scanner gives up on what it does not take', () => {
  it.each([
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x61, 0, 0x2f, 0, 0x3e, 0])],
    ['another encoding', sheet('').replace('UTF-8', 'GB18030')],
    [
      'bytes that are not UTF-8',
      new Uint8Array([...strToU8(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>')), 0xff]),
    ],
    ['a sequence cut short at the end', new Uint8Array([...strToU8(sheet('')), 0xe4, 0xb8])],
    ['CDATA', sheet('<row r="1"><c r="A1" t="str"><v><![CDATA[x]]></v></c></row>')],
    ['a DOCTYPE', '<!DOCTYPE worksheet []>' + sheet('')],
    ['tags that do not match', sheet('<row r="1"><c r="A1"><v>1</v></row>')],
    ['an end tag closing nothing', sheet('') + '</worksheet>'],
    ['a second root', sheet('') + '<worksheet/>'],
    ['a part cut off', sheet('<row r="1"><c r="A1"><v>1</v></c></row>').slice(0, -20)],
    ['an empty part', ''],
    ['an unquoted attribute', sheet('<row r=1><c r="A1"><v>1</v></c></row>')],
    ['a bad cell reference', sheet('<row r="1"><c r="A01"><v>1</v></c></row>')],
    ['a shared string that does not exist', sheet('<row r="1"><c r="A1" t="s"><v>2</v></c></row>')],
    ['a shared-string index that is no index', sheet('<row r="1"><c r="A1" t="s"><v>1.0</v></c></row>')],
    ['a cell written twice', sheet('<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>')],
    ['a token over a megabyte', sheet(`<row r="1"><c r="A1" x="${'y'.repeat(1100 * 1024)}"><v>1</v></c></row>`)],
  ])('%s', (_name, xml) => {
    expect(byBytes(xml, 4096)).toBeUndefined();
  });
});

describe('shared strings through the byte scanner', () => {
  /** Each `<si>`'s text as readSharedStrings collects it, from whichever scanner. */
  function strings(xml: string | Uint8Array, size: number, bytes: boolean): string[] | undefined {
    const out: string[] = [];
    let parts: string[] | null = null;
    let inT = false;
    let phonetic = 0;
    const handler = {
      open(name: string) {
        if (name === 'si') parts = [];
        else if (name === 't') inT = phonetic === 0;
        else if (name === 'rPh') phonetic++;
      },
      close(name: string) {
        if (name === 't') inT = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si' && parts) {
          out.push(parts.join(''));
          parts = null;
        }
      },
      text: (t: string) => void parts?.push(t),
      wantText: () => inT && parts !== null,
    };
    if (!bytes) {
      const scanner = new XmlScanner(handler);
      scanner.push(xml as string);
      scanner.end();
      return out;
    }
    const data = typeof xml === 'string' ? strToU8(xml) : xml;
    const ok = scanPartBytes((onChunk) => {
      for (let i = 0; i < data.length; i += size) onChunk(data.subarray(i, i + size));
    }, handler);
    return ok ? out : undefined;
  }

  const SST =
    `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="4" uniqueCount="4"><si><t>一般公共预算</t></si>` +
    '<si><r><rPr><b/></rPr><t>部门</t></r><r><t xml:space="preserve"> 预算 &amp; 决算</t></r><rPh sb="0" eb="1"><t>ぶ</t></rPh></si>' +
    '<si><t/></si><si><t>a_x000D_b &#x4E00;</t></si></sst>';

  it('the same strings, however the bytes are cut', () => {
    const want = strings(SST, 0, false);
    expect(want).toEqual(['一般公共预算', '部门 预算 & 决算', '', 'a_x000D_b 一']);
    for (const size of [1, 2, 3, 5, 7, 64, 4096]) expect([size, strings(SST, size, true)]).toEqual([size, want]);
  });

  it('gives up on what it does not take (CDATA, UTF-16)', () => {
    expect(strings(SST.replace('<t/>', '<t><![CDATA[x]]></t>'), 4096, true)).toBeUndefined();
    expect(strings(new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x61, 0, 0x2f, 0, 0x3e, 0]), 4096, true)).toBeUndefined();
  });
});
