/**
 * Issue 16: what the reader must refuse or read instead of passing silently — UTF-16 parts,
 * 0-byte and cut-off sheets, shared strings that do not exist, hex values and malformed cell
 * references, ZIP64 containers, huge tags. Each case is one small package written in the test.
 */
import { strToU8 } from 'fflate';
import { craftParts, craftXlsx, NS, rowsXml, sheetXml, utf16, zip64 } from '../../test/hostile-kit';
import { readXlsx, WorkbookReadError } from './read';
import { XmlScanner } from './xml';

jest.setTimeout(60_000);

async function failure(bytes: Uint8Array): Promise<string> {
  try {
    await readXlsx(bytes);
    return 'ok';
  } catch (e) {
    if (e instanceof WorkbookReadError) return `${e.code}: ${e.reason.zh} / ${e.reason.en}`;
    throw e;
  }
}

const DATA = rowsXml([['部门支出总体情况表'], ['合计', 1114.26]]);

describe('sheet parts in UTF-16 (item 2)', () => {
  it.each([
    ['little-endian with a byte-order mark', 'le', true],
    ['big-endian with a byte-order mark', 'be', true],
    ['little-endian without one', 'le', false],
    ['big-endian without one', 'be', false],
  ] as const)('reads a sheet in UTF-16 %s', async (_name, endian, bom) => {
    const xml = sheetXml(DATA).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const model = await readXlsx(craftXlsx({ sheets: [utf16(xml, endian, bom)] }));
    expect(model.sheets[0].rows[0][0]).toEqual({ v: '部门支出总体情况表' });
    expect(model.sheets[0].rows[1][1]).toEqual({ v: 1114.26 });
  });

  it('reads shared strings in UTF-16 and a part in the encoding its declaration names (GB18030)', async () => {
    const sst = `<?xml version="1.0" encoding="UTF-16"?><sst ${NS}><si><t>一般公共预算</t></si></sst>`;
    const gbk = new Uint8Array([
      ...strToU8(`<?xml version="1.0" encoding="GB18030"?><worksheet ${NS}><sheetData><row r="1">`),
      ...strToU8('<c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>'),
      0xba,
      0xcf,
      0xbc,
      0xc6, // 合计 in GB18030
      ...strToU8('</t></is></c></row></sheetData></worksheet>'),
    ]);
    const model = await readXlsx(craftXlsx({ sheets: [gbk], sharedStrings: utf16(sst) }));
    expect(model.sheets[0].rows[0]).toEqual([{ v: '一般公共预算' }, { v: '合计' }]);
  });

  it('refuses bytes that are not valid in the part’s encoding, and an unknown encoding', async () => {
    const bad = new Uint8Array([...strToU8(sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>')), 0xff, 0xfe, 0x41]);
    const broken = new Uint8Array([...bad, ...strToU8('</t></is></c></row></sheetData></worksheet>')]);
    expect(await failure(craftXlsx({ sheets: [broken] }))).toMatch(
      /^corrupt: .*不是有效的 UTF-8 文本.*is not valid UTF-8 text/,
    );
    const odd = sheetXml(DATA).replace('encoding="UTF-8"', 'encoding="X-NO-SUCH"');
    expect(await failure(craftXlsx({ sheets: [odd] }))).toMatch(
      /无法识别的编码：X-NO-SUCH.*encoding this reader does not know/,
    );
  });
});

describe('corrupt parts are said to be corrupt (item 3)', () => {
  it('a 0-byte sheet part: unreadable, exit 2, naming the sheet', async () => {
    expect(await failure(craftXlsx({ sheets: [sheetXml(DATA), ''], names: ['表1', '表2'] }))).toBe(
      'corrupt: 文件已损坏，无法读取：工作表“表2”（xl/worksheets/sheet2.xml）是空的（0 字节） / ' +
        'The file is corrupt and cannot be read: sheet “表2” (xl/worksheets/sheet2.xml) is empty (0 bytes)',
    );
  });

  it('a sheet cut off between rows (the zip itself intact): unreadable', async () => {
    const whole = sheetXml(
      rowsXml([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]),
    );
    const cut = whole.slice(0, whole.indexOf('<row r="3">'));
    expect(await failure(craftXlsx({ sheets: [cut] }))).toMatch(
      /^corrupt: .*被截断：在 <\/worksheet> 之前就结束了.*is cut off: it ends before <\/worksheet>/,
    );
  });

  it('tags that do not match, and an end tag with nothing open, are refused', async () => {
    const bad = sheetXml('<row r="1"><c r="A1"><v>1</v></row>');
    expect(await failure(craftXlsx({ sheets: [bad] }))).toMatch(/<c> 被 <\/row> 结束.*<c> closed by <\/row>/);
    expect(await failure(craftXlsx({ sheets: [sheetXml('') + '</worksheet>'] }))).toMatch(/closes nothing/);
  });

  it('a shared-string index past the end (or no index) makes the file unreadable, naming the cell', async () => {
    const sst = `<sst ${NS}><si><t>合计</t></si></sst>`;
    const sheet = sheetXml('<row r="7"><c r="B7" t="s"><v>0</v></c><c r="C7" t="s"><v>512</v></c></row>');
    expect(await failure(craftXlsx({ sheets: [sheet], sharedStrings: sst, names: ['表1'] }))).toBe(
      'corrupt: 文件已损坏，无法读取：工作表“表1”（xl/worksheets/sheet1.xml）单元格 C7 引用的第 512 号共享字符串不存在（文件中共 1 个） / ' +
        'The file is corrupt and cannot be read: sheet “表1” (xl/worksheets/sheet1.xml) cell C7 refers to shared string 512, which does not exist (the file has 1)',
    );
    const noTable = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
    expect(await failure(craftXlsx({ sheets: [noTable] }))).toMatch(
      /shared string 0, which does not exist \(the file has 0\)/,
    );
    const notIndex = sheetXml('<row r="1"><c r="A1" t="s"><v>-1</v></c></row>');
    expect(await failure(craftXlsx({ sheets: [notIndex], sharedStrings: sst }))).toMatch(/shared string -1/);
  });
});

describe('what the format does not allow is refused (item 10)', () => {
  it('a hex or otherwise non-XML number stays text (an amount cell holding it is then a finding)', async () => {
    const data =
      '<row r="1"><c r="A1"><v>0x427</v></c><c r="B1"><v>Infinity</v></c><c r="C1"><v> 12 </v></c><c r="D1"><v>1 000</v></c><c r="E1"><v>-1.5E+3</v></c></row>';
    const model = await readXlsx(craftXlsx({ sheets: [sheetXml(data)] }));
    expect(model.sheets[0].rows[0]).toEqual([
      { v: '0x427' },
      { v: 'Infinity' },
      { v: 12 },
      { v: '1 000' },
      { v: -1500 },
    ]);
  });

  it.each(['E0x7', 'F7.0', 'G 7', 'A0', 'A01', '7A', 'AAAA1', 'A1:B2', ''])(
    'refuses the cell reference %p',
    async (ref) => {
      const data = `<row r="7"><c r="${ref}"><v>1</v></c></row>`;
      expect(await failure(craftXlsx({ sheets: [sheetXml(data)] }))).toMatch(
        /^corrupt: .*单元格地址无效.*bad cell reference/,
      );
    },
  );

  it.each(['7.0', '0x7', ' 7', '0', '-1', '1e3'])('refuses the row number %p', async (r) => {
    const data = `<row r="${r}"><c><v>1</v></c></row>`;
    expect(await failure(craftXlsx({ sheets: [sheetXml(data)] }))).toMatch(/^corrupt: .*行号无效.*bad row number/);
  });
});

describe('ZIP64 containers (item 10)', () => {
  it('reads a workbook whose zip is ZIP64, as Excel writes large files', async () => {
    const parts = craftParts({ sheets: [sheetXml(DATA)], names: ['表1'] });
    const bytes = zip64(parts);
    const model = await readXlsx(bytes);
    expect(model.sheets.map((s) => s.name)).toEqual(['表1']);
    expect(model.sheets[0].rows[1]).toEqual([{ v: '合计' }, { v: 1114.26 }]);
  });

  it('refuses a ZIP64 end record that points nowhere', async () => {
    const bytes = zip64(craftParts({ sheets: [sheetXml(DATA)] }));
    const view = new DataView(bytes.buffer);
    view.setUint32(bytes.length - 22 - 20 + 8, 7, true); // the locator's offset of the ZIP64 record
    expect(await failure(bytes)).toMatch(/^corrupt: .*bad zip64/);
  });
});

describe('the XML scanner is linear on huge tokens and enforces its limit on the unpacked text (item 8)', () => {
  const big = 'x'.repeat(5 * 1024 * 1024);

  it.each([
    ['a 5 MB attribute', `<a><b v="${big}" w="1"/><c/></a>`],
    ['a 5 MB comment', `<a><!--${big}--><c/></a>`],
    ['a 5 MB processing instruction', `<a><?pi ${big}?><c/></a>`],
    ['a 5 MB DOCTYPE', `<!DOCTYPE a [${big}]><a><c/></a>`],
    ['a 5 MB CDATA section', `<a><![CDATA[${big}]]><c/></a>`],
  ])('%s fed 16 KB at a time completes with the right events', (_name, doc) => {
    const opened: string[] = [];
    const attrs: number[] = [];
    const scanner = new XmlScanner({
      open: (n, a) => {
        opened.push(n);
        if (a.v) attrs.push(a.v.length);
      },
      close() {},
      text() {},
      wantText: () => false,
    });
    for (let i = 0; i < doc.length; i += 16 * 1024) scanner.push(doc.slice(i, i + 16 * 1024));
    scanner.end();
    expect(opened.filter((n) => n === 'c')).toEqual(['c']);
    if (doc.includes(' v="')) expect(attrs).toEqual([big.length]);
  });

  it('refuses a tag over the limit as the text arrives, with a readable message', async () => {
    // 17 M characters of attribute packed into a small file: refused, not held or scanned twice.
    const huge = sheetXml(`<row r="1"><c r="A1" x="${'y'.repeat(17 * 1024 * 1024)}"><v>1</v></c></row>`);
    const bytes = craftXlsx({ sheets: [huge] });
    expect(bytes.length).toBeLessThan(200 * 1024);
    expect(await failure(bytes)).toMatch(/^corrupt: .*超过 16M 个字符或没有结束.*longer than 16 M characters/);
  });
});

describe('a sparse sheet costs its cells, not its addresses (item 7)', () => {
  it('20 sheets with one value each at A1048576 read into holes, not 20 million empty rows', async () => {
    const sheets = Array.from({ length: 20 }, (_, i) =>
      sheetXml(`<row r="1048576"><c r="A1048576"><v>${i}</v></c></row>`),
    );
    const bytes = craftXlsx({ sheets });
    expect(bytes.length).toBeLessThan(20 * 1024);
    const heap = process.memoryUsage().heapUsed;
    const model = await readXlsx(bytes);
    // Filling the missing rows with empty arrays cost about 40 MB a sheet.
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(100 * 1024 * 1024);
    for (const [i, s] of model.sheets.entries()) {
      expect(s.rows.length).toBe(1048576);
      expect(s.rows[1048575]).toEqual([{ v: i }]);
      let present = 0;
      s.rows.forEach(() => present++);
      expect(present).toBe(1);
    }
  });

  it('a dense sheet still has an empty array for each missing row', async () => {
    const model = await readXlsx(craftXlsx({ sheets: [sheetXml(rowsXml([['a'], [null], [null], ['b']]))] }));
    expect(model.sheets[0].rows).toEqual([[{ v: 'a' }], [], [], [{ v: 'b' }]]);
  });
});
