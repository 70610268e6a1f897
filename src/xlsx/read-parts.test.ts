/** The streaming reader on hand-written package parts: what Excel, WPS and others put in files. */
import { strToU8, zipSync, Zippable } from 'fflate';
import { readXlsx, WorkbookReadError } from './read';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Parts {
  sheets?: string[];
  sharedStrings?: string;
  styles?: string;
  workbookPr?: string;
  extra?: Zippable;
}

function craft(p: Parts): Uint8Array {
  const sheets = p.sheets ?? [];
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<workbook ${NS} xmlns:r="${REL}">${p.workbookPr ?? ''}<sheets>` +
        sheets.map((_s, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships>' +
        sheets
          .map(
            (_s, i) =>
              `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="/xl/worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    ...p.extra,
  };
  sheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)));
  if (p.sharedStrings) files['xl/sharedStrings.xml'] = strToU8(p.sharedStrings);
  if (p.styles) files['xl/styles.xml'] = strToU8(p.styles);
  return zipSync(files);
}

const sheet = (data: string, tail = '') => `<worksheet ${NS}><sheetData>${data}</sheetData>${tail}</worksheet>`;

async function readOne(p: Parts) {
  return (await readXlsx(craft(p))).sheets[0];
}

describe('readXlsx on hand-written parts', () => {
  it('reads shared strings with rich-text runs, leaves phonetic guides out and undoes _xHHHH_ escapes', async () => {
    const s = await readOne({
      sheets: [sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>')],
      sharedStrings:
        '<sst><si><r><rPr><b/></rPr><t>一般公共</t></r><r><t xml:space="preserve">预算 </t></r><rPh><t>よみ</t></rPh></si>' +
        '<si><t>a_x000D_b</t></si></sst>',
    });
    expect(s.rows[0]).toEqual([{ v: '一般公共预算 ' }, { v: 'a\rb' }]);
  });

  it('moves shared formulas to each cell of their block', async () => {
    const s = await readOne({
      sheets: [
        sheet(
          '<row r="5"><c r="E5"><f t="shared" ref="E5:E7" si="0">C5+D5</f><v>3</v></c></row>' +
            '<row r="6"><c r="E6"><f t="shared" si="0"/><v>4</v></c></row>' +
            '<row r="7"><c r="E7"><f t="shared" si="0"/></c></row>',
        ),
      ],
    });
    expect([s.rows[4][4], s.rows[5][4], s.rows[6][4]]).toEqual([
      { v: 3, f: '=C5+D5' },
      { v: 4, f: '=C6+D6' },
      { v: null, f: '=C7+D7' }, // no cached value: the engine reports it as not calculated
    ]);
  });

  it('reads inline strings, booleans, errors, formula strings, and cells and rows without positions', async () => {
    const s = await readOne({
      sheets: [
        sheet(
          '<row><c t="inlineStr"><is><t>合计</t></is></c><c t="b"><v>1</v></c><c t="e"><v>#REF!</v></c></row>' +
            '<row><c t="str"><f>"A"&amp;"B"</f><v>AB</v></c><c><v>1.5E3</v></c><c><v>not a number</v></c></row>',
        ),
      ],
    });
    expect(s.rows[0]).toEqual([{ v: '合计' }, { v: true }, { v: { error: '#REF!' } }]);
    expect(s.rows[1]).toEqual([{ v: 'AB', f: '="A"&"B"' }, { v: 1500 }, { v: 'not a number' }]);
  });

  it('reads number formats (built-in and custom) and dates in both date systems', async () => {
    const styles =
      '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00&quot;万元&quot;"/></numFmts>' +
      '<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="4"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="10"/></cellXfs></styleSheet>';
    const data =
      '<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="2"><v>2</v></c><c r="C1" s="3"><v>46023</v></c><c r="D1" s="4"><v>0.5</v></c></row>';
    const s = await readOne({ sheets: [sheet(data)], styles });
    expect(s.rows[0]).toEqual([
      { v: 1, z: '#,##0.00' },
      { v: 2, z: '#,##0.00"万元"' },
      { v: '2026-01-01', z: 'mm-dd-yy' },
      { v: 0.5, z: '0.00%' },
    ]);
    const s1904 = await readOne({ sheets: [sheet(data)], styles, workbookPr: '<workbookPr date1904="1"/>' });
    expect(s1904.rows[0][2]).toEqual({ v: '2030-01-02', z: 'mm-dd-yy' });
  });

  it('keeps a merged range’s first cell and drops what lies under the rest; ignores unreadable merges', async () => {
    const s = await readOne({
      sheets: [
        sheet(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1"><v>9</v></c><c r="E1"><v>1</v></c></row>',
          '<mergeCells><mergeCell ref="A1:C2"/><mergeCell ref="nonsense"/></mergeCells>',
        ),
      ],
    });
    expect(s.merges).toEqual([{ r0: 0, c0: 0, r1: 1, c1: 2 }]);
    expect(s.rows[0][0]).toEqual({ v: '标题' });
    expect(s.rows[0][1]).toBeUndefined();
    expect(s.rows[0][4]).toEqual({ v: 1 });
  });

  it('reads namespace-prefixed parts (x:c) as written by some generators', async () => {
    const s = await readOne({
      sheets: [
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
          '<x:row r="2"><x:c r="B2"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>',
      ],
    });
    expect(s.rows[1][1]).toEqual({ v: 7 });
  });

  async function failure(bytes: Uint8Array): Promise<string> {
    try {
      await readXlsx(bytes);
      return 'ok';
    } catch (e) {
      if (e instanceof WorkbookReadError) return `${e.code}: ${e.reason.zh} / ${e.reason.en}`;
      throw e;
    }
  }

  it.each([
    [
      'a cell beyond Excel’s last row',
      sheet('<row r="2000000"><c r="A2000000"><v>1</v></c></row>'),
      /^corrupt: .*超出 Excel 的最后一行：2000000 \/ .*beyond Excel's last row: 2000000/,
    ],
    ['a tag that never closes', `<worksheet ${NS}><sheetData><row r="1"><c r="A1"`, /^corrupt: .*ends inside a tag/],
    ['a sheet the workbook names but the zip lacks', null, /^corrupt: .*missing xl\/worksheets\/sheet1.xml/],
  ])('refuses %s with a readable message', async (_name, xml, expected) => {
    const bytes = craft({ sheets: [xml ?? ''] });
    const broken = xml === null ? zipWithout(bytes, 'xl/worksheets/sheet1.xml') : bytes;
    expect(await failure(broken)).toMatch(expected);
  });

  it('refuses an entry that unpacks to more than its declared size (a lying zip)', async () => {
    const bytes = craft({ sheets: [sheet('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50))] });
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    // Find the sheet's central-directory record and shrink its declared size.
    const view = new DataView(bytes.buffer);
    for (let p = bytes.length - 22; p > 0; p--) {
      if (view.getUint32(p, true) !== 0x02014b50) continue;
      const n = view.getUint16(p + 28, true);
      if (n === name.length && bytes.subarray(p + 46, p + 46 + n).every((b, i) => b === name[i])) {
        view.setUint32(p + 24, 100, true);
        break;
      }
    }
    expect(await failure(bytes)).toMatch(/^too-large: 压缩包中的 xl\/worksheets\/sheet1.xml 解压后比它声明的更大/);
  });

  it('skips chart sheets and reads hidden and very hidden sheets as hidden', async () => {
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(
        `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="图" sheetId="1" r:id="rId1"/>` +
          '<sheet name="表1" sheetId="2" state="veryHidden" r:id="rId2"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships><Relationship Id="rId1" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheet('<row r="1"><c r="A1"><v>1</v></c></row>')),
    });
    const m = await readXlsx(bytes);
    expect(m.sheets.map((s) => [s.name, s.hidden])).toEqual([['表1', true]]);
  });
});

function zipWithout(bytes: Uint8Array, name: string): Uint8Array {
  // Rename the entry in both headers so the zip stays valid but the part is gone.
  const out = bytes.slice();
  const needle = new TextEncoder().encode(name);
  for (let i = 0; i + needle.length <= out.length; i++) {
    if (out.subarray(i, i + needle.length).every((b, k) => b === needle[k])) out[i + needle.length - 5] = 0x79; // …sheet1.yml
  }
  return out;
}
