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

  it('PDF5: every table the 目录 lists is found, in its order (numbering, years, quotes and leaders aside)', () => {
    const toc = text([
      [2, '目   录'],
      [2, '一、部门主要职能'],
      [2, '五、部门预算表'],
      [2, '1. 2025年部门财务收支预算总表 ………… 9'],
      [2, '2. 2025年部门收入预算总表'],
      [2, '3．2025年部门“三公”经费和机关运行经费预算表'],
      [2, '六、其他相关情况说明'],
      [3, '上海市普陀区商务委员会主要职能'],
    ]);
    const all = [
      table('2025年部门财务收支预算总表', '编制部门：上海市普陀区商务委员会', 9),
      table('2025年部门收入预算总表', '编制部门：上海市普陀区商务委员会', 10),
      table('2025年部门"三公"经费和机关运行经费预算表', '编制部门：上海市普陀区商务委员会', 11),
    ];
    const pdf5 = (ts: PdfTable[]) =>
      documentFindings(ts, [...cover, ...toc])
        .filter((f) => f.rule === 'PDF5')
        .map((f) => `${f.severity}:${(f as { page?: number }).page}:${f.message}`);
    expect(pdf5(all)).toEqual([]);
    expect(pdf5([all[2], all[0]])).toEqual([
      'warning:2:目录（第2页）列出的“2.2025年部门收入预算总表”在文件中没有找到（缺表，或表名与目录不同）',
      'info:11:第11页的“2025年部门"三公"经费和机关运行经费预算表”与目录所列顺序不同',
    ]);
  });
});
