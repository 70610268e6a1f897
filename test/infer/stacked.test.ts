/** Several tables stacked on one sheet: each found, inferred and saved as its own form. */
import { validateWorkbook } from '../../src/engine/validate';
import { compilePacks } from '../../src/formulas/load';
import { parsePackText } from '../../src/formulas/pack';
import { inferPack, inferTables, packableFindings } from '../../src/infer/pack';
import { findTables } from '../../src/infer/table';
import { allRules } from '../../src/rules';
import { Cell, SheetModel } from '../../src/workbook/model';
import { publishedSeed000, seed000Workbook } from '../helpers/seed000';
import { inferOnly } from '../helpers/infer-only';

const OFF = { builtinForms: false } as const;
type V = string | number | null;

function stacked(second: V[][] = SECOND): SheetModel {
  const rows: V[][] = [
    ['某县一般公共预算收入表'],
    [null, null, '单位：万元'],
    ['项目', '上年执行数', '本年预算数'],
    ['一、税收收入', 1000, 1035],
    ['二、非税收入', 400, 380],
    ['合计', 1400, 1415],
    [],
    ['某县一般公共预算支出表'],
    [null, null, '单位：万元'],
    ['项目', '合计', '基本支出', '项目支出'],
    ...second,
  ];
  return {
    name: '收支',
    rows: rows.map((r) => r.map((v): Cell | undefined => (v === null ? undefined : { v }))),
    merges: [],
  };
}

const SECOND: V[][] = [
  ['一、一般公共服务', 300, 200, 100],
  ['二、教育', 500, 420, 80],
  ['三、卫生健康', 120, 100, 20],
  ['合计', 920, 720, 200],
];

describe('stacked tables', () => {
  it('finds both tables, each with its own title, header and rows', () => {
    const ts = findTables(stacked());
    expect(ts.map((t) => t.title?.text)).toEqual(['某县一般公共预算收入表', '某县一般公共预算支出表']);
    expect(ts.map((t) => t.dataRows)).toEqual([
      [3, 5],
      [10, 13],
    ]);
    expect(ts[1].panels[0].columns.map((c) => c.path.join('/'))).toEqual(['合计', '基本支出', '项目支出']);
  });

  it('infers each separately: clean is silent; an error in the second table at its cell', () => {
    expect(inferOnly({ sheets: [stacked()] }).filter((f) => f.severity !== 'info')).toEqual([]);
    const notes = inferOnly({ sheets: [stacked()] }).filter((f) => f.rule === 'G0');
    expect(notes.map((f) => f.cell)).toEqual(['A1', 'A8']);
    const bad = SECOND.map((r, i) => (i === 1 ? [r[0], r[1], 430, r[3]] : r));
    const errors = inferOnly({ sheets: [stacked(bad)] }).filter((f) => f.severity === 'error');
    expect([...new Set(errors.map((f) => f.cell))]).toEqual(['C12']);
  });

  it('the pack declares both forms; loaded back, the same findings', () => {
    const model = { sheets: [stacked()] };
    const res = inferPack(model, OFF);
    expect(res.tables.map((t) => t.form)).toEqual(['infer.收支', 'infer.收支_2']);
    const bad = { sheets: [stacked(SECOND.map((r, i) => (i === 1 ? [r[0], r[1], 430, r[3]] : r)))] };
    const packs = compilePacks([parsePackText(res.text, 'p.txt')], new Set(allRules().map((r) => r.id)));
    const v = validateWorkbook(bad, { ...OFF, packs });
    const got = v.findings.filter((f) => /^INF/.test(f.rule)).map((f) => `${f.cell} ${f.severity}`);
    const inferred = packableFindings(inferTables(bad, OFF));
    expect(v.sheets.map((s) => s.template)).toEqual(['infer.收支', 'infer.收支_2']);
    // the same failing identities, each at its stated total (the inference moves both to the cell they share)
    expect(got.sort()).toEqual(['B12 error', 'C14 error']);
    expect(inferred.map((f) => `${f.cell} ${f.severity}`)).toEqual(['C12 error', 'C12 error']);
    expect(inferred.map((f) => f.related[0].replace(/^.*!/, '')).sort()).toEqual(['B12', 'C14']);
  });

  it('the published seed000 with its six tables on one sheet: six tables, each inferred, no error', () => {
    const wb = seed000Workbook(publishedSeed000(), { stacked: true });
    expect(findTables(wb.sheets[0]).map((t) => t.title?.text)).toEqual([
      '2024 年阿图什市社会保险基金预算收入表',
      '2024 年阿图什市社会保险基金预算支出表',
      '2024 年阿图什市社会保险基金预算结余表',
      '2024 年阿图什市本级社会保险基金预算收入表',
      '2024 年阿图什市本级社会保险基金预算支出表',
      '2024 年阿图什市本级社会保险基金预算结余表',
    ]);
    const res = validateWorkbook(wb, OFF);
    expect(res.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(res.findings.filter((f) => f.rule === 'G0')).toHaveLength(6);
  });
});
