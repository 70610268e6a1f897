/**
 * Issue 16 item 9: no file we write may carry a character XML forbids. A label holding `_xFFFF_`
 * (which a reader decodes to a raw U+FFFF) or a raw U+FFFF, a C0 control or a lone surrogate must
 * come out as well-formed XML in the --format xlsx report, the generated and filled workbooks
 * (writeXlsx) and the .docx narrative, and read back as the same text where the format allows.
 */
import JSZip from 'jszip';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SaxesParser } from 'saxes';
import { main } from '../cli/main';
import { textToDocx } from '../narrative/docx-write';
import { reportSheet } from '../report/sheet';
import { WorkbookModel } from '../workbook/model';
import { typoSeed001 } from '../../scripts/make-samples';
import { seed001Workbook } from '../../test/helpers/seed001';
import { readXlsx } from './read';
import { writeXlsx } from './write';
import { ooxmlText, xmlChars } from './xml-text';

jest.setTimeout(60_000);

/** The hostile label: a literal escape, raw U+FFFF and U+FFFE, controls, CR, a lone surrogate, and a pair. */
const NASTY = 'A_xFFFF_B\uFFFFC\uFFFED\u0001E\u001FF\u007FG\rH\uD800I\uDC00J😀K\t\nL_x005F_M';

/** Every XML part of a zip that a strict parser refuses, with the reason. */
async function malformedParts(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const bad: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || !/\.(xml|rels)$/.test(name)) continue;
    const xml = await zip.files[name].async('string');
    const parser = new SaxesParser({ xmlns: false });
    let error: string | undefined;
    parser.on('error', (e) => (error ??= e.message));
    parser.write(xml).close();
    if (error) bad.push(`${name}: ${error}`);
  }
  return bad;
}

describe('ooxmlText / xmlChars', () => {
  it('escapes what XML forbids as _xHHHH_ and protects a literal escape', () => {
    expect(ooxmlText('_xFFFF_')).toBe('_x005F_xFFFF_');
    expect(ooxmlText('\uFFFF')).toBe('_xFFFF_');
    expect(ooxmlText('a\u0001b')).toBe('a_x0001_b');
    expect(ooxmlText('a\rb')).toBe('a_x000D_b');
    expect(ooxmlText('\uD800x')).toBe('_xD800_x');
    expect(ooxmlText('x\uDC00')).toBe('x_xDC00_');
    expect(ooxmlText('\u007F')).toBe('_x007F_');
    // Unchanged: tab, LF, pairs, CJK, underscores that start no escape.
    for (const s of ['a\tb\nc', '😀', '社会保障和就业支出', 'a_b', '_x12_', '_xGGGG_']) expect(ooxmlText(s)).toBe(s);
  });

  it('replaces them by U+FFFD where no escape exists', () => {
    expect(xmlChars('a\uFFFFb\u0001c\uD800d\te\nf')).toBe('a\uFFFDb\uFFFDc\uFFFDd\te\nf');
    expect(xmlChars('😀_xFFFF_')).toBe('😀_xFFFF_');
  });
});

describe('every file we write is well-formed XML', () => {
  it('writeXlsx (generated and filled workbooks, the browser page download): the text reads back exactly', async () => {
    const model: WorkbookModel = {
      sheets: [
        {
          name: `表\uFFFF1`,
          rows: [[{ v: NASTY }, { v: 1, f: `=LEN("${NASTY.replace(/"/g, '""')}")` }], [{ v: '_xFFFF_' }]],
          merges: [],
        },
      ],
    };
    const bytes = await writeXlsx(model);
    expect(await malformedParts(bytes)).toEqual([]);
    const back = await readXlsx(bytes);
    expect(back.sheets[0].rows[0][0]?.v).toBe(NASTY);
    expect(back.sheets[0].rows[1][0]?.v).toBe('_xFFFF_');
    expect(back.sheets[0].name).toBe('表\uFFFD1');
  });

  it('the --format xlsx report of a package whose label holds _xFFFF_ and a raw U+FFFF', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xmlsafe-'));
    try {
      const model = seed001Workbook(typoSeed001());
      const t3 = model.sheets.find((s) => s.name === '表3')!;
      // The name of the 208 row, whose total is wrong in the typo sample: it ends up in messages.
      const cell = t3.rows.flatMap((r) => r ?? []).find((c) => c?.v === '社会保障和就业支出')!;
      cell.v = '社会保障和就业支出_xFFFF_\uFFFF';
      const input = path.join(dir, 'nasty.xlsx');
      fs.writeFileSync(input, await writeXlsx(model));
      expect(await malformedParts(fs.readFileSync(input))).toEqual([]);
      const out = path.join(dir, 'report.xlsx');
      const io = { stdout: () => undefined, stderr: () => undefined };
      expect(await main(['validate', input, '--format', 'xlsx', '--out', out], io)).toBe(1);
      const report = fs.readFileSync(out);
      expect(await malformedParts(report)).toEqual([]);
      const texts = (await readXlsx(report)).sheets[1].rows.flatMap((r) => r ?? []).map((c) => String(c?.v ?? ''));
      expect(texts.some((t) => t.includes('社会保障和就业支出_xFFFF_\uFFFF'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the 审核报告 sheet (pane and browser page) written to a file', async () => {
    const finding = {
      rule: 'H1',
      severity: 'error' as const,
      sheet: '表3',
      cell: 'F7',
      related: [],
      expected: '1.00',
      actual: '2.00',
      difference: '1.00',
      message: NASTY,
      messageEn: NASTY,
      hint: '\u0002_xFFFF_',
    };
    const sheet = reportSheet([finding], { errors: 1, warnings: 0, infos: 0 } as never);
    const bytes = await writeXlsx({ sheets: [sheet] });
    expect(await malformedParts(bytes)).toEqual([]);
    expect((await readXlsx(bytes)).sheets[0].rows[3][4]?.v).toBe(NASTY);
  });

  it('the .docx narrative', async () => {
    const bytes = await textToDocx(`第一段 ${NASTY}\n第二段`);
    expect(await malformedParts(bytes)).toEqual([]);
    const doc = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(doc).toContain('A_xFFFF_B\uFFFDC\uFFFDD\uFFFDE\uFFFDF');
  });
});
