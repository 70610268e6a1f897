/**
 * Recognizer: every layout variant real packages use, each applied to the consistent seed-001
 * package, must still be recognised table by table and validate with no finding.
 */
import { validateWorkbook } from '../engine/validate';
import { Cell, sheetFromValues, SheetModel, WorkbookModel } from '../workbook/model';
import { cleanSeed001, seed001Workbook } from '../../test/helpers/seed001';
import { recognizeSheet } from './recognize';
import { titleVariants } from './header';
import { DEPARTMENT_TEMPLATES } from '../templates';
import { normalisedLabels } from '../templates/types';

type Variant = [string, (m: WorkbookModel) => void];

function eachCell(m: WorkbookModel, f: (cell: Cell, r: number, c: number, s: SheetModel) => void) {
  for (const s of m.sheets) s.rows.forEach((row, r) => row.forEach((cell, c) => cell && f(cell, r, c, s)));
}

const variants: Variant[] = [
  [
    'numbers stored as text with thousands separators',
    (m) =>
      eachCell(m, (cell, r) => {
        if (typeof cell.v === 'number' && r > 4) {
          cell.v = cell.v.toLocaleString('en-US', { minimumFractionDigits: 2 });
          delete cell.z;
        }
      }),
  ],
  [
    '款/项 as numbers that lost their leading zero',
    (m) =>
      eachCell(m, (cell, r, c, s) => {
        if (
          r > 4 &&
          (c === 1 || c === 2) &&
          typeof cell.v === 'string' &&
          /^\d{2}$/.test(cell.v) &&
          s.name !== '表1' &&
          s.name !== '表4'
        ) {
          cell.v = Number(cell.v);
        }
      }),
  ],
  [
    'labels with spaces and line breaks',
    (m) =>
      eachCell(m, (cell, r) => {
        if (typeof cell.v === 'string' && r <= 4 && cell.v.length >= 4 && !cell.v.includes('：'))
          cell.v = cell.v.split('').join(' ').replace(/ (.) /, '$1\n');
        if (cell.v === '收入总计') cell.v = '收 入 总 计';
      }),
  ],
  [
    'titles with 表N, year and 单位 prefix',
    (m) => {
      for (const s of m.sheets) {
        const t = s.rows[0][0]!;
        t.v = `${s.name} 2025年${String(t.v).replace(/^部门/, '单位')}`;
        const org = s.rows[1][0]!;
        org.v = String(org.v).replace('编制部门', '编制单位');
      }
    },
  ],
  [
    'the unit line in its own row and blank spacer rows in the data',
    (m) => {
      for (const s of m.sheets) {
        const unitCell = s.rows[1].findIndex((c) => typeof c?.v === 'string' && c.v.startsWith('单位'));
        const unit = s.rows[1][unitCell]!;
        s.rows[1][unitCell] = undefined;
        s.rows.splice(1, 0, [undefined, undefined, unit]);
        s.merges = s.merges.map((x) => (x.r0 >= 1 ? { ...x, r0: x.r0 + 1, r1: x.r1 + 1 } : x));
        if (s.rows.length > 12 && s.name !== '表1' && s.name !== '表4') s.rows.splice(10, 0, []);
      }
    },
  ],
];

describe('recognizer layout variants', () => {
  it.each(variants)('%s', (_name, apply) => {
    const model = seed001Workbook(cleanSeed001());
    apply(model);
    const res = validateWorkbook(model);
    expect(res.sheets.map((s) => s.template)).toEqual(
      res.sheets.map((_s, i) => `dept.t${String(i + 1).padStart(2, '0')}`),
    );
    expect(res.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
  });

  it('reads combined codes (2080109 and 208 01 09) and 合计 as the last row', () => {
    const model = seed001Workbook(cleanSeed001(), { codes: 'combined' });
    for (const s of model.sheets) {
      // move the 总计 row to the bottom as 合计
      const first = s.rows.findIndex((r, i) => i >= 5 && r.some((c) => c?.v === '总计'));
      if (first < 0 || s.name === '表7') continue;
      const [row] = s.rows.splice(first, 1);
      row.forEach((c) => c && c.v === '总计' && (c.v = '合计'));
      s.rows.push(row);
    }
    const t2 = model.sheets[1];
    t2.rows.forEach((row) => {
      const c = row[0];
      if (c && typeof c.v === 'string' && /^\d{7}$/.test(c.v))
        c.v = `${c.v.slice(0, 3)} ${c.v.slice(3, 5)} ${c.v.slice(5)}`;
    });
    const res = validateWorkbook(model);
    expect(res.sheets.every((s) => s.template !== null)).toBe(true);
    expect(res.sheets[1].columns).toMatchObject({ code: 'A', name: 'B', total: 'C' });
    expect(res.findings).toEqual([]);
  });

  it('reports an unrelated sheet as unrecognised with a reason, not forced into a template', () => {
    const [r] = recognizeSheet(
      sheetFromValues('人员名单', [
        ['姓名', '部门', '职务'],
        ['张三', '办公室', '科员'],
      ]),
    );
    expect(r.table).toBeNull();
    expect(r.reason?.zh).toMatch(/^未识别/);
  });

  it('names the nearest template when the title is gone but part of the header is there', () => {
    const model = seed001Workbook(cleanSeed001());
    const t6 = model.sheets[5];
    t6.rows[0] = [];
    t6.rows[4] = [];
    t6.rows[3] = t6.rows[3].map((c, i) => (i > 3 ? undefined : c));
    const [r] = recognizeSheet(t6);
    if (r.table === null) expect(r.reason?.zh).toMatch(/未识别/);
    else expect(r.table.template.id).toBe('dept.t06');
  });

  it('recognises a table by its header alone when the title is missing, and refuses to guess between twins', () => {
    const model = seed001Workbook(cleanSeed001());
    const t6 = model.sheets[5];
    t6.rows[0] = [];
    expect(recognizeSheet(t6)[0].table?.template.id).toBe('dept.t06');
    const t3 = model.sheets[2];
    t3.rows[0] = [];
    const [r3] = recognizeSheet(t3);
    expect(r3.table).toBeNull();
    expect(r3.reason?.zh).toMatch(/同时符合/);
  });

  it('finds the unit (元, 万元, 亿元) and compares tables in one unit', () => {
    const model = seed001Workbook(cleanSeed001());
    const t3 = model.sheets[2];
    t3.rows[1][6] = { v: '单位：元' };
    eachCell({ sheets: [t3] }, (cell, r) => {
      if (typeof cell.v === 'number' && r > 4) cell.v = Math.round(cell.v * 10000);
    });
    const res = validateWorkbook(model);
    expect(res.sheets[2].unit).toBe('元');
    expect(res.findings).toEqual([]);
    // A 1-元 difference in table 3 is a real difference against table 2 (in 万元: 0.0001).
    t3.rows[6][4]!.v = (t3.rows[6][4]!.v as number) + 1;
    const res2 = validateWorkbook(model);
    expect(res2.findings.some((f) => f.rule.startsWith('X') && f.severity === 'error')).toBe(true);
  });
});

describe('template data is normalised once per process', () => {
  it('label sets and title variants are computed once per template and kept', () => {
    const t = DEPARTMENT_TEMPLATES[0];
    const labels = t.columns[0].labels;
    expect(normalisedLabels(labels)).toBe(normalisedLabels(labels));
    expect([...normalisedLabels(['（单位：万元）', ' 合 计 '])]).toEqual(['(单位:万元)', '合计']);
    expect(titleVariants(t)).toBe(titleVariants(t));
    // Recognising a sheet does not change what is kept.
    const before = titleVariants(t);
    recognizeSheet(seed001Workbook(cleanSeed001()).sheets[0]);
    expect(titleVariants(t)).toBe(before);
  });
});
