/**
 * The hand-made style (b) package (平衡表 + execution + plan tables, 全地区 and 本级), built from
 * consistent numbers: it validates clean in every layout variant, and each single mutation of one
 * amount or percent is reported at or next to the mutated cell.
 */
import { validateWorkbook } from '../src/engine/validate';
import { sheetRef, WorkbookModel } from '../src/workbook/model';
import { cleanStyleB, StyleBOptions, styleBWorkbook } from './helpers/si-style-b';

const variants: [string, StyleBOptions][] = [
  ['one table per sheet', {}],
  ['each scope’s seven tables stacked on one sheet', { stacked: true }],
  ['codes printed in the execution and plan tables', { codes: true }],
  ['其中 rows marked by indentation only', { indentOnly: true }],
  ['amounts and percents stored as text', { asText: true }],
  ['a 收入/支出 group row over the 平衡表 header', { groupRow: true }],
  ['the plan tables list the funds in another order', { reversePlan: true }],
  ['stacked, coded and indented at once', { stacked: true, codes: true, indentOnly: true }],
];

/** Applies `change` to every number of the data rows in turn and lists the cells nobody reported. */
function mutations(
  model: WorkbookModel,
  change: (v: number, percent: boolean) => number | undefined,
  accept: (severity: string) => boolean,
): { mutated: number; missed: string[] } {
  let mutated = 0;
  const missed: string[] = [];
  for (const sheet of model.sheets) {
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || typeof cell.v !== 'number') return;
        const original = cell.v;
        const next = change(original, /%/.test(cell.z ?? ''));
        if (next === undefined) return;
        cell.v = next;
        mutated++;
        const ref = sheetRef(sheet.name, r, c);
        const res = validateWorkbook(model);
        const hit = res.findings.some(
          (f) =>
            accept(f.severity) && ((f.sheet === sheet.name && f.cell === ref.split('!')[1]) || f.related.includes(ref)),
        );
        if (!hit) missed.push(ref);
        cell.v = original;
      }),
    );
  }
  return { mutated, missed };
}

describe('style (b) package', () => {
  it.each(variants)('validates clean: %s', (_name, options) => {
    const res = validateWorkbook(styleBWorkbook(cleanStyleB(), options));
    expect(res.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
    expect(res.sheets.filter((s) => s.template).length).toBe(14);
  });

  it('reports every +1 mutation of an amount or a percent as an error at or next to it', () => {
    const { mutated, missed } = mutations(
      styleBWorkbook(cleanStyleB()),
      (v, percent) => Math.round((v + (percent ? 0.01 : 1)) * 10000) / 10000,
      (s) => s === 'error',
    );
    expect(mutated).toBe(770);
    expect(missed).toEqual([]);
  }, 180_000);

  it('reports every −0.01 mutation of an amount at or next to it (a 警告 where rounding could explain it)', () => {
    const { mutated, missed } = mutations(
      styleBWorkbook(cleanStyleB()),
      (v, percent) => (percent ? undefined : Math.round((v - 0.01) * 100) / 100),
      (s) => s === 'error' || s === 'warning',
    );
    expect(mutated).toBe(542);
    // 本级 大病保险支出 预算调整数: only its percent (to 2 decimals, unchanged by a cent) and the
    // 其中 limit see it; 大病保险 is not part of the 待遇 total and has no 其中 total of its own.
    expect(missed).toEqual(['表十!B16']);
  }, 180_000);
});
