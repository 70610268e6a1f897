/**
 * From inference to a pack: the inferred structure of each table of no declared form, saved as a
 * pack (`inferPack`, `budget-check infer`), loaded back with `--forms pack.txt` validates the same
 * table with the same findings (same cells, same severities) as the inference did — on the real
 * tables with the built-in forms off, and on the seeds.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { validateWorkbook } from '../../src/engine/validate';
import { Finding } from '../../src/engine/types';
import { compilePacks } from '../../src/formulas/load';
import { parsePackText } from '../../src/formulas/pack';
import { inferPack, inferTables, packableFindings } from '../../src/infer/pack';
import { allRules } from '../../src/rules';
import { WorkbookModel } from '../../src/workbook/model';
import { PACKAGES } from '../fixtures/real/check-real';
import { layOutPackage, layOutTable } from '../helpers/real-layout';
import { cleanSeed001, publishedSeed001, seed001Workbook } from '../helpers/seed001';
import { correctedSeed000, publishedSeed000, seed000Workbook } from '../helpers/seed000';
import { cleanStyleB, styleBWorkbook } from '../helpers/si-style-b';

jest.setTimeout(120_000);

const OFF = { builtinForms: false } as const;
const key = (f: Finding) => `${f.sheet}!${f.cell} ${f.severity}`;

function loadBack(model: WorkbookModel, text: string) {
  const packs = compilePacks([parsePackText(text, 'inferred.txt')], new Set(allRules().map((r) => r.id)));
  return validateWorkbook(model, { ...OFF, packs });
}

const workbooks: [string, WorkbookModel][] = [
  ...PACKAGES.map((p): [string, WorkbookModel] => [p.id, layOutPackage(p).workbook]),
  ['seed001 clean', seed001Workbook(cleanSeed001())],
  ['seed001 published', seed001Workbook(publishedSeed001())],
  ['seed000 published', seed000Workbook(publishedSeed000())],
  ['seed000 corrected, six tables stacked on one sheet', seed000Workbook(correctedSeed000(), { stacked: true })],
  ['social insurance style (b), clean', styleBWorkbook(cleanStyleB())],
];

describe('inferPack: the saved pack reproduces the inference', () => {
  it.each(workbooks)('%s: every table written as a form, loaded back, the same findings', (_id, model) => {
    const res = inferPack(model, OFF);
    expect(res.tables.length).toBeGreaterThan(0);
    expect(res.tables.filter((t) => !t.form)).toEqual([]);
    const inferred = packableFindings(inferTables(model, OFF)).map(key).sort();
    const v = loadBack(model, res.text);
    // every sheet the pack declares is recognised as its form, and nothing is left to the inference
    const declared = new Set(res.tables.map((t) => t.sheet));
    const sheets = v.sheets.filter((x) => declared.has(x.name));
    expect(sheets).toHaveLength(res.tables.length);
    for (const s of sheets) expect(s.template).toMatch(/^infer\./);
    expect(v.findings.filter((f) => /^G[1-4]$/.test(f.rule) && declared.has(f.sheet))).toEqual([]);
    const got = v.findings
      .filter((f) => /^INF\d+$/.test(f.rule))
      .map(key)
      .sort();
    expect(got).toEqual(inferred);
    // no other error, but the “×” marks a declared form reads as unreadable cells (said in the pack)
    const others = v.findings.filter((f) => f.severity === 'error' && !/^INF\d+$/.test(f.rule));
    for (const f of others) expect([f.rule, f.actual]).toEqual(['C1', '×']);
    if (others.length) expect(res.text).toContain('“×”');
  });

  it('a planted error is an error at the same cell through the pack as through the inference', () => {
    const p = PACKAGES.find((x) => x.id.includes('commerce-2025-dept'))!;
    const t = structuredClone(layOutPackage(p).tables.find((x) => x.sheet.name === 'com-03')!.table);
    const clean = layOutTable(t);
    const pack = inferPack({ sheets: [clean.sheet] }, OFF).text;
    // the 合计 of the first coded row, +1.00
    const i = t.panels[0].rows.findIndex((r) => r.code);
    t.panels[0].rows[i].amounts[0] = (Number(t.panels[0].rows[i].amounts[0]!.replace(/,/g, '')) + 1).toFixed(2);
    const bad = layOutTable(t);
    const model = { sheets: [bad.sheet] };
    const inferred = packableFindings(inferTables(model, OFF)).filter((f) => f.severity === 'error');
    const at = bad.at(0, i, 0);
    expect(inferred.map((f) => f.cell)).toContain(`${String.fromCharCode(65 + at.c)}${at.r + 1}`);
    const got = loadBack(model, pack).findings.filter((f) => /^INF/.test(f.rule) && f.severity === 'error');
    // the same failing identities; the inference moves a finding to the one cell several failing
    // identities share (the 合计 row's G1 to the mutated 类), the pack reports it at its stated total
    expect(got.map((f) => f.cell)).toContain(`${String.fromCharCode(65 + at.c)}${at.r + 1}`);
    expect(got).toHaveLength(inferred.length);
    const places = new Set(
      inferred.flatMap((f) => [f.cell, ...f.related.slice(0, 1).map((x) => x.replace(/^.*!/, ''))]),
    );
    for (const f of got) expect(places).toContain(f.cell);
  });

  it('writes the form and formulas a reviewer can read; the left-out identities as comments', () => {
    const nx = workbooks.find(([id]) => id.startsWith('ningxia'))![1];
    const text = inferPack(nx, OFF).text;
    expect(text).toContain('表样 infer.nx01：二○二四年城乡居民基本医疗保险基金收支预算表');
    expect(text).toContain('布局：固定行');
    expect(text).toMatch(/标题：推断 G1：总计 = 八、本年收入合计 \+ 九、上年结余/);
    expect(text).toMatch(/# {3}G1 总计 = 七、本年支出合计 \+ 八、本年收支结余 \+ 九、年末滚存结余/);
    const com = workbooks.find(([id]) => id.includes('commerce-2025-dept'))![1];
    expect(inferPack(com, OFF).text).toMatch(/每行：合计 = 财政拨款收入 \+ 事业收入/);
  });
});

describe('budget-check infer', () => {
  it('writes the pack of the published sample; validate --forms none --forms pack gives the same findings', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infer-'));
    const out = path.join(dir, 'pack.txt');
    const sample = path.join(__dirname, '../../samples/seed001-published.xlsx');
    let err = '';
    const io = { stdout: () => undefined, stderr: (s: string) => (err += s) };
    expect(await main(['infer', sample, '--forms', 'none', '--out', out], io)).toBe(0);
    expect(err).toContain('pack written');
    const json = async (args: string[]) => {
      let s = '';
      await main(['validate', sample, '--format', 'json', ...args], {
        stdout: (x) => (s += typeof x === 'string' ? x : Buffer.from(x).toString()),
        stderr: () => undefined,
      });
      return JSON.parse(s).files[0].findings as Finding[];
    };
    const byInference = (await json(['--forms', 'none'])).filter(
      (f) => /^G[1-4]$/.test(f.rule) && f.severity !== 'info',
    );
    const byPack = (await json(['--forms', 'none', '--forms', out])).filter((f) => /^INF/.test(f.rule));
    expect(byPack.map(key).sort()).toEqual(byInference.map(key).sort());
    expect(byPack.length).toBeGreaterThan(0);
  });

  it('refuses a missing file argument', async () => {
    let err = '';
    expect(await main(['infer'], { stdout: () => undefined, stderr: (s) => (err += s) })).toBe(2);
    expect(err).toContain('.xlsx');
  });
});
