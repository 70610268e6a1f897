/**
 * The table rebuild on positioned text made here (no pdf.js): the runs and ruling lines a PDF of
 * test/pdf/make-pdf.ts would give, a table continued over two pages, the text around it, and a ruled
 * page of amounts without a 单位 line (said, not skipped).
 */
import { gridTable, PdfPageSpec, textWidth } from './make-pdf';
import { narrativeText, reconstructPdf } from '../../src/pdf/tables';
import type { PdfPageText } from '../../src/pdf/layout';

/** What readPdfText gives for a page of make-pdf (baselines, widths from the font's metrics). */
function asRead(page: number, spec: PdfPageSpec): PdfPageText {
  return {
    page,
    items: spec.texts.map((t) => ({ str: t.str, x: t.x, y: t.y, w: textWidth(t.str, t.size), h: t.size })),
    rules: spec.lines,
  };
}

const row = (k: number) => [String(2010600 + k), `事务${k}`, `${k}0.00`, `${k}.00`, `${9 * k}.00`];

describe('reconstructPdf', () => {
  it('a table over two pages (header repeated) with text before and after: one sheet, rows joined, text kept', () => {
    const first = gridTable(
      [['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ...[1, 2, 3].map(row)],
      [70, 140, 80, 80, 80],
      {
        top: 150,
      },
    );
    const second = gridTable(
      [['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ...[4, 5].map(row)],
      [70, 140, 80, 80, 80],
      {
        top: 60,
      },
    );
    const pages = [
      asRead(1, {
        texts: [
          { x: 40, y: 60, size: 12, str: '一、部门职责' },
          { x: 150, y: 100, size: 16, str: '一般公共预算财政拨款支出决算表' },
          { x: 470, y: 135, size: 10, str: '单位：万元' },
          ...first.texts,
        ],
        lines: first.lines,
      }),
      asRead(2, {
        texts: [...second.texts, { x: 40, y: 200, size: 12, str: '二、情况说明：支出150.00万元。' }],
        lines: second.lines,
      }),
    ];
    const doc = reconstructPdf(pages);
    expect(doc.problems).toEqual([]);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0];
    expect(t.pages).toEqual([1, 2]);
    expect(t.sheet.rows.map((r) => Array.from(r, (c) => c?.v ?? null))).toEqual([
      ['一般公共预算财政拨款支出决算表'],
      [null, null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ...[1, 2, 3, 4, 5].map((k) => [String(2010600 + k), `事务${k}`, k * 10, k, 9 * k]),
    ]);
    // the rows of page 2 keep page 2
    expect(t.boxes.get('7,2')).toMatchObject({ page: 2 });
    expect(narrativeText(doc)).toBe('一、部门职责\n二、情况说明：支出150.00万元。');
    expect(doc.narrative.map((l) => l.page)).toEqual([1, 2]);
  });

  it('a ruled page of amounts with no 单位 line: a PDF1 warning, not a silent pass', () => {
    const g = gridTable([['项目', '金额'], ...[1, 2, 3, 4, 5, 6].map((k) => [`项${k}`, `${k}.00`])], [140, 80], {
      top: 100,
    });
    const doc = reconstructPdf([
      asRead(1, { texts: [{ x: 40, y: 60, size: 12, str: '收支情况' }, ...g.texts], lines: g.lines }),
    ]);
    expect(doc.tables).toEqual([]);
    expect(doc.problems).toEqual([
      { page: 1, key: 'pdf.tableNoUnit', params: { page: 1, amounts: 6 }, severity: 'warning' },
    ]);
  });

  it('without ruling lines: columns from the x-extents, rows from the baselines', () => {
    const g = gridTable(
      [['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ...[1, 2].map(row)],
      [70, 140, 80, 80, 80],
      {
        top: 150,
      },
    );
    const doc = reconstructPdf([
      asRead(1, {
        texts: [
          { x: 150, y: 100, size: 16, str: '一般公共预算财政拨款支出决算表' },
          { x: 470, y: 135, size: 10, str: '单位：万元' },
          ...g.texts,
        ],
      }),
    ]);
    const rows = doc.tables[0].sheet.rows.map((r) => Array.from(r, (c) => c?.v ?? null).filter((v) => v !== null));
    expect(rows.slice(2)).toEqual([
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['2010601', '事务1', 10, 1, 9],
      ['2010602', '事务2', 20, 2, 18],
    ]);
  });
});
