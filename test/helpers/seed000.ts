/**
 * Seed 000 (阿图什市 2024 年社会保险基金预算, style (a)) built in memory: tables 1–3 (全市) and
 * 4–6 (本级) as published, and corrected. Integers in 万元, integer percents (98%).
 *
 * Published discrepancies (spec): the 结余表 (tables 3 and 6) are shifted one year (the "2023年
 * 年末" column holds the 2022 year-end 34985, the "2024年年末" column the 2023 year-end 45941; by
 * roll-forward the 2024 year-end is 45941 + 43477 − 36454 = 52964); the text says 保险费收入
 * 31,185 where tables 1 and 4 say 31165; the 全市 and 本级 income tables label 10211 and the
 * 失业保险 rows differently. The corrected package fixes all three.
 */
import * as fs from 'fs';
import * as path from 'path';
import { STYLE_A_ROWS, FundTableKind } from '../../src/templates/si/funds';
import { WorkbookModel } from '../../src/workbook/model';
import { SiRow, siSheet, SiTable } from './si-layout';

type Triple = [number, number, number];

export interface Seed000 {
  /** [2023 完成数, 2024 预算数, 预算数为上年完成数的 %] by code, or by name for the uncoded 其中 rows. */
  income: Record<string, Triple>;
  expense: Record<string, Triple>;
  balance: Record<string, Triple>;
  /** Names that differ from the standard rows, by table number (1–6) and code. */
  names: Record<number, Record<string, string>>;
  /** Table 2 (and 5) repeat the 209 row at the bottom, as published. */
  repeatTotal: boolean;
}

export function publishedSeed000(): Seed000 {
  return {
    income: {
      '102': [44570, 43477, 98],
      '其中:保险费收入': [31165, 29653, 95],
      社会保险基金财政补贴收入: [4671, 5038, 108],
      利息收入: [352, 378, 107],
      '10211': [37804, 36304, 96],
      '1021101': [29422, 27906, 95],
      '1021103': [238, 269, 113],
      '10210': [6766, 7173, 106],
      '1021001': [1743, 1747, 100],
      '1021002': [4671, 5038, 108],
      '1021003': [114, 109, 96],
    },
    expense: {
      '209': [33614, 36454, 108],
      '20911': [29145, 31565, 108],
      '2091101': [29088, 31501, 108],
      '20910': [4469, 4889, 109],
      '2091001': [4361, 4434, 102],
    },
    balance: {
      '23009': [34985, 45941, 131],
      '2300916': [18879, 27538, 146],
      '2300915': [16106, 18403, 114],
    },
    names: {
      4: {
        '10211': '二、机关事业基本养老保险基金收入',
        '1020202': '失业保险财政补贴收入',
        '1020203': '失业保险利息收入',
      },
    },
    repeatTotal: true,
  };
}

/** The published package with the shifted 结余表 and the labels corrected. */
export function correctedSeed000(): Seed000 {
  const s = publishedSeed000();
  s.balance = {
    '23009': [45941, 52964, 115],
    '2300916': [27538, 32277, 117],
    '2300915': [18403, 20687, 112],
  };
  s.names = {};
  return s;
}

const TITLES: Record<FundTableKind, string> = { income: '收入表', expense: '支出表', balance: '结余表' };
const FOOTER = '备注：请根据社会保险基金统筹级次填列数据，并按全表格式公开。';

function rowsOf(s: Seed000, kind: FundTableKind, no: number): SiRow[] {
  const values = s[kind];
  const rows: SiRow[] = STYLE_A_ROWS[kind].map((std) => {
    const v = values[std.code ?? std.name];
    return {
      code: std.code,
      name: s.names[no]?.[std.code ?? ''] ?? std.name,
      values: v ? { prev: v[0], cur: v[1], pct: v[2] / 100 } : undefined,
    };
  });
  if (kind === 'expense' && s.repeatTotal) rows.push({ ...rows[0] });
  return rows;
}

/** The six tables as layout specs (表1 … 表6). */
export function seed000Tables(s: Seed000): SiTable[] {
  const out: SiTable[] = [];
  for (const own of [false, true]) {
    (['income', 'expense', 'balance'] as FundTableKind[]).forEach((kind, i) => {
      const no = i + 1 + (own ? 3 : 0);
      const balance = kind === 'balance';
      out.push({
        template: `si.a.${kind}`,
        printedNo: String(no),
        title: `2024 年阿图什市${own ? '本级' : ''}社会保险基金预算${TITLES[kind]}`,
        headers: balance
          ? {
              prev: '2023 年年末累计结余预计数',
              cur: '2024 年年末累计结余预算数',
              pct: '预算数为上年预计数的%',
              name: own ? '项 目' : '项目',
            }
          : { prev: '2023 年完成数', cur: '2024 年预算数', name: own && kind === 'expense' ? '项 目' : '项目' },
        rows: rowsOf(s, kind, no),
        footer: balance ? FOOTER.replace(/。$/, '') : FOOTER,
        numFmt: '0',
        pctFmt: '0%',
      });
    });
  }
  return out;
}

/** One sheet per table (表1 … 表6), or all six stacked on one sheet. */
export function seed000Workbook(s: Seed000, options: { stacked?: boolean } = {}): WorkbookModel {
  const tables = seed000Tables(s);
  if (options.stacked) return { sheets: [siSheet('社会保险基金预算', tables)] };
  return { sheets: tables.map((t) => siSheet(`表${t.printedNo}`, [t])) };
}

/** The 情况说明 text of seed 000 as published (OCR text, kept verbatim in test/fixtures/si). */
export function seed000Text(): string {
  return fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'si', 'seed000-text.txt'), 'utf8');
}

/** The text with 保险费收入 corrected to the tables' 31,165. */
export function correctedSeed000Text(): string {
  return seed000Text().replace('保险费收入 31,185 万元', '保险费收入 31,165 万元');
}
