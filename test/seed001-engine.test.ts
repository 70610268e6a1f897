/**
 * Seed 001 built in memory (layout generator): the corrected package validates clean, the
 * published one gives exactly the discrepancies the spec lists, and every single mutation of an
 * amount is reported at or next to the mutated cell.
 */
import { validateWorkbook } from '../src/engine/validate';
import { sheetRef } from '../src/workbook/model';
import { cleanSeed001, publishedSeed001, seed001Workbook } from './helpers/seed001';

const brief = (f: { rule: string; severity: string; sheet: string; cell: string }) =>
  `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`;

describe('seed 001 in memory', () => {
  it('the corrected package gives no finding at all', () => {
    const res = validateWorkbook(seed001Workbook(cleanSeed001()));
    expect(res.findings.map((f) => `${brief(f)} ${f.message}`)).toEqual([]);
    expect(res.sheets.map((s) => s.template)).toEqual([
      'dept.t01',
      'dept.t02',
      'dept.t03',
      'dept.t04',
      'dept.t05',
      'dept.t06',
      'dept.t07',
      'dept.t08',
      'dept.t09',
      'dept.t10',
      'dept.t11',
    ]);
  });

  it('the published package gives the spec discrepancies, and nothing else', () => {
    const res = validateWorkbook(seed001Workbook(publishedSeed001()));
    expect(res.findings.map(brief).sort()).toEqual(
      [
        'warning K1 表2!A8', // 20801 printed as 208 (款 code missing)
        'warning H1 表2!E21',
        'warning H1 表2!F21',
        'warning H1 表2!G21', // 21011 23.16 vs 23.17
        'warning T3 表3!E6', // 1,114.26 vs 388.20 + 726.07
        'warning H2 表3!F6', // 基本支出 Σ类 388.19 vs 388.20
        'warning H1 表3!E21',
        'warning H1 表3!F21',
        'warning T5 表5!E6', // 1,105.54 vs 388.20 + 717.35
        'warning H2 表5!F6',
        'warning H1 表5!E21',
        'warning H1 表5!F21',
        'warning H2 表6!D6',
        'warning T6 表6!D6', // 388.20 vs 381.90 + 6.29
        'warning H1 表6!D7',
        'warning H1 表6!E7', // 301 Σ款 336.69
        'warning H1 表6!D15',
        'warning H1 表6!F15', // 302 Σ款 6.31
        'info S3 表7!G14', // 2082602 booked as 工资福利支出
      ].sort(),
    );
    const t3 = res.findings.find((f) => f.rule === 'T3')!;
    expect(t3).toMatchObject({
      expected: '1114.27',
      actual: '1114.26',
      difference: '-0.01',
      related: ['表3!F6', '表3!G6'],
    });
    expect(t3.message).toBe(
      '表3 总计 合计：1,114.26 ≠ 基本支出 388.20 + 项目支出 726.07 = 1,114.27，差 0.01（舍入差异，在容差 0.02 以内）',
    );
    expect(res.summary).toEqual({ errors: 0, warnings: 18, infos: 1 });
  });

  it('reports every single mutation of an amount at or next to the mutated cell', () => {
    const model = seed001Workbook(cleanSeed001());
    let mutated = 0;
    const missed: string[] = [];
    for (const sheet of model.sheets) {
      sheet.rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          if (!cell || typeof cell.v !== 'number' || r < 5) return;
          const original = cell.v;
          cell.v = Math.round((original + 1) * 100) / 100;
          mutated++;
          const res = validateWorkbook(model);
          const ref = sheetRef(sheet.name, r, c);
          const hit = res.findings.some(
            (f) =>
              (f.severity === 'error' || f.severity === 'warning') &&
              ((f.sheet === sheet.name && f.cell === ref.split('!')[1]) || f.related.includes(ref)),
          );
          if (!hit || res.summary.errors === 0) missed.push(ref);
          cell.v = original;
        });
      });
    }
    expect(mutated).toBeGreaterThan(150);
    expect(missed).toEqual([]);
  });
});
