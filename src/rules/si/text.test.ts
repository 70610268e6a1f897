import { recognizeWorkbook } from '../../recognize/recognize';
import { Decimal } from '../../amount/decimal';
import {
  correctedSeed000,
  correctedSeed000Text,
  publishedSeed000,
  seed000Text,
  seed000Workbook,
} from '../../../test/helpers/seed000';
import { setCells, shift, styleB } from '../../../test/helpers/si-rule-cases';
import { WorkbookModel } from '../../workbook/model';
import { checkFundText, fundQuotes } from './text';

const tables = (m: WorkbookModel) => recognizeWorkbook(m).tables;
const brief = (f: { severity: string; line?: number; related: string[] }) =>
  `${f.severity} line ${f.line} ${f.related.join(',')}`;

describe('SI-TXT text vs tables', () => {
  it('reads the fund figures of the seed 000 report with their years, and nothing else', () => {
    const q = fundQuotes(seed000Text());
    expect(q.map((x) => `${x.line} ${x.year} ${JSON.stringify(x.measure)} ${x.value}`)).toEqual([
      '55 2023 {"kind":"income","what":"total"} 44570',
      '55 2023 {"kind":"income","what":"sub","sub":"premium"} 31185',
      '55 2023 {"kind":"income","what":"sub","sub":"interest"} 352',
      '55 2023 {"kind":"income","what":"sub","sub":"subsidy"} 4671',
      '55 2023 {"kind":"line","code":"11017"} 8059',
      '57 2023 {"kind":"expense","what":"total"} 33614',
      '57 2023 {"kind":"expense","what":"sub","sub":"benefits"} 33449',
      '57 2023 {"kind":"balance","what":"opening"} 34985',
      '57 2023 {"kind":"balance","what":"closing"} 45941',
      '107 2024 {"kind":"income","what":"total"} 43477',
      '107 2024 {"kind":"expense","what":"total"} 36454',
      '107 2024 {"kind":"balance","what":"closing"} 52964',
    ]);
  });

  it('seed 000 as published: 保险费收入 31,185 vs 31165 is an error; the balances the shifted 结余表 contradicts are 提示', () => {
    const f = checkFundText(seed000Text(), tables(seed000Workbook(publishedSeed000())));
    expect(f.map(brief)).toEqual(['error line 55 表1!C6', 'info line 57 表3!C5', 'info line 107 表3!D5']);
    expect(f[0]).toMatchObject({
      rule: 'SI-TXT',
      sheet: '',
      cell: '',
      expected: '31165',
      actual: '31185',
      difference: '20',
      line: 55,
      message:
        '说明第 55 行“保险费收入 31,185 万元”与表1 102 社会保险基金收入合计 其中:保险费收入 2023年完成数 31,165 不一致，差 20',
    });
    expect(f[0].sentence).toMatch(/^2023 年，阿图什市社会保险基金收入完成 44,570 万元，.*上级补助收入 8,059 万元。$/);
    expect(f[0].messageEn).toMatch(/^Text line 55: “保险费收入 31,185 万元” differs from Table 1 /);
    expect(f[2].message).toBe(
      '说明第 107 行“年末滚存结余预计52,964万元”与表3 23009 社会保险基金年终结余合计 2024年年末累计结余预算数 45,941 不一致，但与按滚存更正后的结余 52,964 一致',
    );
    expect(f[2].hint).toBe('表3错了一年（见 SI-5），正文的数字是对的：更正结余表即可');
  });

  it('seed 000 corrected: text and tables agree (待遇支出 33,449 = Σ the funds’ 待遇 rows)', () => {
    expect(checkFundText(correctedSeed000Text(), tables(seed000Workbook(correctedSeed000())))).toEqual([]);
    expect(checkFundText(seed000Text(), tables(seed000Workbook(correctedSeed000()))).map(brief)).toEqual([
      'error line 55 表1!C6',
    ]);
  });

  it('checks the 待遇 sum, 本级 figures, a fund’s figures, transfer lines and 亿元 against a style (b) package', () => {
    const m = styleB();
    const t = tables(m);
    const v = (ref: string) => {
      const [name, addr] = ref.split('!');
      const sheet = m.sheets.find((s) => s.name === name)!;
      const { r, c } = { r: Number(addr.slice(1)) - 1, c: addr.charCodeAt(0) - 65 };
      return new Decimal(sheet.rows[r][c]!.v as number);
    };
    const fmt = (d: Decimal) => d.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const text = [
      '（四）社会保险基金预算。',
      `2024年，全地区社会保险基金收入${fmt(v('表五!C4'))}万元，其中：保险费收入${fmt(v('表五!C5'))}万元。`,
      `社会保险基金支出${v('表六!C4').div(10000).toFixed(2)}亿元。上级补助收入${fmt(v('表一!D13'))}万元。`,
      `企业职工基本养老保险基金收入${fmt(v('表五!C8'))}万元。`,
      `本级社会保险基金支出${fmt(v('表十三!C4'))}万元，年末滚存结余${fmt(v('表十四!C4'))}万元。`,
      `2023年，全地区社会保险基金收入预计完成${fmt(v('表二!C4'))}万元，上年结余${fmt(v('表一!C12'))}万元。`,
      '（五）地方政府债务。2024年全地区一般债务收入 999.00 万元。',
    ].join('\n');
    expect(checkFundText(text, t)).toEqual([]);
    const changed = text.replace(fmt(v('表五!C8')), fmt(v('表五!C8').plus(1)));
    expect(checkFundText(changed, t).map(brief)).toEqual(['error line 4 表五!C8']);
    const wrongOwn = text.replace(fmt(v('表十四!C4')), fmt(v('表十四!C4').minus(0.01)));
    expect(checkFundText(wrongOwn, t).map(brief)).toEqual(['error line 5 表十四!C4']);
    // 亿元 to 2 decimals: the table figure rounded to the nearest 100 万元 must agree.
    const wrongYi = checkFundText(text, tables(shift(styleB(), ['表六!C4'], 100)));
    expect(wrongYi.map(brief)).toEqual(['error line 3 表六!C4']);
    expect(checkFundText(text, tables(shift(styleB(), ['表六!C4'], 1)))).toEqual([]);
    // A 上年结余 of 2023 is 11008 of the 平衡表.
    expect(checkFundText(text, tables(setCells(styleB(), { '表一!C12': 1 }))).map(brief)).toEqual([
      'error line 6 表一!C12',
    ]);
  });

  it('accepts differences up to a fixed tolerance', () => {
    const t = tables(seed000Workbook(correctedSeed000()));
    expect(checkFundText(seed000Text(), t, { tolerance: { kind: 'fixed', amount: new Decimal(20) } })).toEqual([]);
  });
});
