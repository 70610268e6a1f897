/** The whole-document checks (PDF2 placeholders, PDF3 year, PDF4 department) on a made-up text. */
import { coverOf, documentFindings } from '../../src/pdf/document-checks';
import type { NarrativeLine, PdfTable } from '../../src/pdf/tables';

const table = (title: string, compiler: string, page: number): PdfTable => ({
  title,
  pages: [page],
  sheet: { name: title, rows: [[{ v: title }], [{ v: compiler }, { v: '单位：元' }]], merges: [] },
  boxes: new Map([['1,0', { page, x: 0, y: 0, w: 10, h: 10 }]]),
});

const text = (lines: [number, string][]): NarrativeLine[] => lines.map(([page, t]) => ({ page, text: t }));

describe('whole-document checks', () => {
  const cover = text([
    [1, '上海市普陀区商务委员会'],
    [1, '2025年部门预算'],
    [3, '2025年部门预算收入371,514,655.00元，比2024年预算增加10.00元。'],
  ]);
  const tables = [table('2025年部门收入预算总表', '编制部门：上海市普陀区商务委员会', 10)];

  it('reads the year and the department from the cover', () => {
    expect(coverOf(cover)).toEqual({ year: 2025, name: '上海市普陀区商务委员会' });
  });

  it('a clean package: nothing (a comparison with last year is no claim about the package, 目录 leaders no placeholder)', () => {
    expect(
      documentFindings(tables, [
        ...cover,
        ...text([
          [2, '第一部分 部门概况 ………………………… 3'],
          [2, '二、部门预算表..........9'],
        ]),
      ]),
    ).toEqual([]);
  });

  it('finds a placeholder, a wrong year and another department, each with its page', () => {
    const planted = [
      ...cover,
      ...text([
        [4, 'XX单位2024年度部门预算的说明'],
        [5, '主要原因是……'],
        [5, '上海市普陀区财政局2025年部门预算'],
      ]),
    ];
    const wrong = [...tables, table('2024年部门支出预算总表', '编制部门：{单位}', 12)];
    const got = documentFindings(wrong, planted).map(
      (f) => `${f.rule}:${(f as { page?: number }).page}:${f.messageEn}`,
    );
    expect(got).toEqual([
      'PDF2:4:A template placeholder “XX单位” is left on page 4: XX单位2024年度部门预算的说…',
      'PDF2:5:A template placeholder “……” is left on page 5: 主要原因是……',
      'PDF2:12:A template placeholder “{单位}” is left on page 12: 编制部门：{单位}',
      'PDF3:4:Page 4 says 2024 while the package is for 2025: XX单位2024年度部门预算的说明',
      'PDF3:12:Page 12 says 2024 while the package is for 2025: 2024年部门支出预算总表',
      'PDF4:5:The department named on page 5 (“上海市普陀区财政局”) differs from the cover (“上海市普陀区商务委员会”)',
    ]);
  });
});
