/**
 * Seed 000 (阿图什市 2024 社会保险基金预算, style (a)) end to end: as published it gives exactly the
 * spec's discrepancies (the shifted 结余表 in tables 3 and 6, recognised as a shift, with the true
 * closing balance 52,964; 保险费收入 31,185 in the text vs 31165 in the tables; the 全市/本级 labels),
 * corrected it gives nothing; and every mutation of an amount is reported at or next to it.
 */
import { validateWorkbook } from '../src/engine/validate';
import { checkFundText } from '../src/rules/si/text';
import { Finding } from '../src/engine/types';
import { sheetRef, WorkbookModel } from '../src/workbook/model';
import {
  correctedSeed000,
  correctedSeed000Text,
  publishedSeed000,
  seed000Text,
  seed000Workbook,
} from './helpers/seed000';

const brief = (f: Finding) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`;

function check(model: WorkbookModel, text: string): Finding[] {
  const res = validateWorkbook(model);
  return [...res.findings, ...checkFundText(text, res.recognition.tables)];
}

describe('seed 000 (style (a))', () => {
  it('as published: the shifted 结余表, the text’s 31,185, the labels — and nothing else', () => {
    const f = check(seed000Workbook(publishedSeed000()), seed000Text());
    expect(f.map(brief)).toEqual([
      'error SI-5 表3!D5',
      'error SI-5 表3!D7',
      'error SI-5 表3!D8',
      'info SI-11 表4!B13',
      'info SI-11 表4!B35',
      'info SI-11 表4!B36',
      'error SI-5 表6!D5',
      'error SI-5 表6!D7',
      'error SI-5 表6!D8',
      'error SI-TXT !',
      'info SI-TXT !',
      'info SI-TXT !',
    ]);
    const shifted = f.filter((x) => x.rule === 'SI-5' && x.cell === 'D5');
    for (const s of shifted) {
      expect(s.expected).toBe('52964');
      expect(s.hint).toMatch(
        /错了一年.*“2024年年末累计结余预算数” 45,941 \+ 本年收入 43,477 − 本年支出 36,454 = 52,964。$/,
      );
      expect(s.hintEn).toMatch(/shifted by one year/);
    }
    const text = f.find((x) => x.rule === 'SI-TXT' && x.severity === 'error')!;
    expect(text).toMatchObject({ expected: '31165', actual: '31185', line: 55, related: ['表1!C6'] });
  });

  it('corrected: no finding at all', () => {
    const res = validateWorkbook(seed000Workbook(correctedSeed000()));
    expect(res.findings.map((x) => `${brief(x)} ${x.message}`)).toEqual([]);
    expect(res.sheets.map((s) => s.template)).toEqual([
      'si.a.income',
      'si.a.expense',
      'si.a.balance',
      'si.a.income',
      'si.a.expense',
      'si.a.balance',
    ]);
    expect(checkFundText(correctedSeed000Text(), res.recognition.tables)).toEqual([]);
  });

  it('gives the same findings with the six tables stacked on one sheet', () => {
    const f = check(seed000Workbook(publishedSeed000(), { stacked: true }), seed000Text());
    expect(f.map((x) => `${x.severity} ${x.rule}`)).toEqual(
      check(seed000Workbook(publishedSeed000()), seed000Text()).map((x) => `${x.severity} ${x.rule}`),
    );
    expect(f.filter((x) => x.rule === 'SI-5').map((x) => x.expected)).toEqual([
      '52964',
      '32277',
      '20687',
      '52964',
      '32277',
      '20687',
    ]);
  });

  it('reports every mutation of an amount (+10 万元) at or next to it, text included', () => {
    const model = seed000Workbook(correctedSeed000());
    const text = correctedSeed000Text();
    const missed: string[] = [];
    let mutated = 0;
    for (const sheet of model.sheets) {
      sheet.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell || typeof cell.v !== 'number' || /%/.test(cell.z ?? '')) return;
          const original = cell.v;
          cell.v = original + 10;
          mutated++;
          const ref = sheetRef(sheet.name, r, c);
          const f = check(model, text);
          const hit = f.some(
            (x) =>
              x.severity === 'error' &&
              ((x.sheet === sheet.name && x.cell === ref.split('!')[1]) || x.related.includes(ref)),
          );
          if (!hit) missed.push(ref);
          cell.v = original;
        }),
      );
    }
    expect(mutated).toBe(80);
    // The 2024 待遇 rows of the 全市 支出表: style (a) has no 待遇 total to add them up against,
    // the text quotes only 2023's 待遇, and a higher 全市 figure is allowed (SI-12 is 本级 ≤ 全市).
    expect(missed).toEqual(['表2!D9', '表2!D11']);
  });
});
