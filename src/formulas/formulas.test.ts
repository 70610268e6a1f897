import { validateWorkbook } from '../engine/validate';
import { MemoryHost } from '../host/memory-host';
import { allRules } from '../rules';
import { allTemplates } from '../templates';
import { sheetFromValues } from '../workbook/model';
import { writeXlsx } from '../xlsx/write';
import { cleanSeed001, seed001Workbook } from '../../test/helpers/seed001';
import { exampleProcurementSheet } from '../../test/helpers/pack-sample';
import { fillWrites, proposeFills } from '../fill/fill';
import { builtinFormulas } from './builtin';
import { compileFormula } from './compile';
import { compilePacks, parsePack } from './load';
import { compilePack, PackError, parsePackText, parseRuleSetting } from './pack';
import { FormulaError, parseFormula } from './parse';
import * as fs from 'fs';
import * as path from 'path';

const EXAMPLE = fs.readFileSync(path.join(__dirname, '../../samples/packs/example-pack.txt'), 'utf8');
const builtinIds = new Set(allRules().map((r) => r.id));

function problemsOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof PackError) return e.problems.map((p) => `${p.line ?? ''}:${p.zh} / ${p.en}`);
    if (e instanceof FormulaError) return [`${e.pos?.line ?? ''}:${e.zh} / ${e.en}`];
    throw e;
  }
  return [];
}

describe('the formula language', () => {
  it('parses the shapes the rule catalogue needs', () => {
    const shapes = [
      '[表3] 每行：合计 = 基本支出 + 项目支出',
      '[表3] 每列：{每个编码} = Σ{下级}',
      '[表1]{收入总计}.收入预算数 = [表2]{总计}.总计',
      '[表2]{每个编码}.总计 = [表3]{同编码}.合计',
      '[表1]C5 = [表2]D5 + [表3]E5',
      '当 [表4]{其中：一般公共预算}.收入合计 ≠ 0 时：[表4]{支出总计}.一般公共预算 = [表5]{总计}.合计 + [表4]{其中：一般公共预算}.收入合计',
      '[表5] 每行：项目支出 <= 合计',
    ];
    for (const s of shapes) expect(parseFormula(s)).toHaveLength(1);
    expect(parseFormula('[表3] 每行：合计 = 基本支出 + 项目支出；[表5] 每行：合计 = 基本支出 + 项目支出')).toHaveLength(
      2,
    );
  });

  it('says where a formula is broken, in both languages', () => {
    expect(problemsOf(() => parseFormula('[表3] 每行：合计 = 基本支出 +', 7))).toEqual([
      '7:公式不完整：缺少项 / incomplete formula: a term is missing',
    ]);
    expect(problemsOf(() => parseFormula('[表3 每行：合计 = 基本支出', 2))[0]).toMatch(/^2:缺少右方括号/);
    expect(problemsOf(() => parseFormula('[表3] 每行：合计 基本支出', 1))[0]).toMatch(/缺少比较符号/);
  });

  it('resolves names against the forms and refuses unknown or ambiguous ones', () => {
    const t = allTemplates();
    const c = (formula: string) => () => compileFormula({ id: 'Q1', formula, severity: 'error', line: 4 }, t);
    expect(problemsOf(c('[表3] 每行：合计 = 基本支出 + 项目支持'))[0]).toMatch(
      /^4:公式 Q1：表3 没有列“项目支持”（可用：合计、基本支出、项目支出）/,
    );
    expect(problemsOf(c('[表33] 每行：合计 = 基本支出'))[0]).toMatch(/未知的表“\[表33\]”/);
    expect(problemsOf(c('[表1]{收入总额}.收入预算数 = [表2]{总计}.总计'))[0]).toMatch(/表1 没有行“收入总额”/);
    expect(problemsOf(c('[表4]{一般公共预算}.合计 = [表1]{一般公共预算拨款}.收入预算数'))[0]).toMatch(
      /列名“合计”在 表4 中有多个（收入合计、支出合计）/,
    );
    expect(problemsOf(c('[表3] 每行：合计 = {总计}.基本支出'))[0]).toMatch(/“每行”公式的两边只能是本表的列名/);
  });

  it('{类 301、303} takes only those classes, {类 除 301、303} the others; a code of another level is refused', () => {
    const t = allTemplates();
    const c = (formula: string) => compileFormula({ id: 'Q1', formula, severity: 'error', line: 4 }, t);
    const only = c('[表6] {总计}.人员经费 = Σ{类 301、303}.合计').statements[0].plan;
    expect(only).toMatchObject({ kind: 'within', col: { key: 'personnel' } });
    if (only.kind !== 'within') throw new Error('not within');
    expect(only.items[0].row).toEqual({ kind: 'level', level: 3, codes: ['301', '303'], except: false });
    expect(only.items[0].col?.key).toBe('total');
    const rest = c('[表6] {总计}.公用经费 = Σ{类 除 301，303}.合计').statements[0].plan;
    if (rest.kind !== 'within') throw new Error('not within');
    expect(rest.items[0].row).toEqual({ kind: 'level', level: 3, codes: ['301', '303'], except: true });
    expect(problemsOf(() => c('[表6] {总计}.人员经费 = Σ{类 30101}.合计'))[0]).toMatch(
      /^4:公式 Q1：“\{类 30101\}”中的 30101 不是类级编码（3 位）/,
    );
  });

  it('projects and units: {所属项目}, {每个单位}, {单位外项目}, {单位} = {总计}', () => {
    const t = allTemplates();
    const plan = (formula: string) => compileFormula({ id: 'Q1', formula, severity: 'error' }, t).statements[0].plan;
    expect(plan('[表7] 每列：{每个项} = Σ{所属项目}')).toMatchObject({
      kind: 'rows',
      target: { kind: 'each', levels: [7] },
      items: [{ row: { kind: 'ownProjects' } }],
    });
    expect(plan('[表11] 每列：{每个单位} = Σ{所属项目}')).toMatchObject({
      kind: 'rows',
      target: { kind: 'units', each: true },
    });
    expect(plan('[表11] 每列：{总计} = Σ{单位} + Σ{单位外项目}')).toMatchObject({
      kind: 'rows',
      target: { kind: 'total' },
      items: [{ row: { kind: 'units' } }, { row: { kind: 'looseProjects' } }],
    });
    expect(plan('[表7] 每列：{单位} = {总计}')).toMatchObject({
      kind: 'rows',
      target: { kind: 'units' },
      cols: 'each',
    });
  });

  it('every built-in formula resolves, and no two rules share an id', () => {
    expect(builtinFormulas().length).toBeGreaterThanOrEqual(20);
    const ids = allRules().map((r) => r.id);
    expect(ids.filter((id, k) => ids.indexOf(id) !== k)).toEqual([]);
  });
});

// Fill and audit from one declaration, for every built-in formula that fills and every package of
// test/helpers/fill-corpus.ts: test/fill-property.test.ts.

describe('packs', () => {
  it('the example pack adds a form and three formulas; its sample reports the one discrepancy', () => {
    const pack = compilePack(parsePackText(EXAMPLE, 'example-pack.txt'), allTemplates(), builtinIds);
    expect(pack.pack.forms.map((f) => f.id)).toEqual(['example.t12']);
    expect(pack.formulas.map((f) => f.decl.id)).toEqual(['Z1', 'Z2', 'Z3']);
    expect(pack.pack.rules).toEqual({ X12: 'off' });
    const model = seed001Workbook(cleanSeed001());
    model.sheets.push(exampleProcurementSheet());
    const res = validateWorkbook(model, { packs: [pack] });
    expect(res.sheets.find((s) => s.name === '表12')?.template).toBe('example.t12');
    expect(res.findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`)).toEqual(['error Z1 表12!E9']);
    // Without the pack the sheet is not recognised.
    expect(validateWorkbook(model).sheets.find((s) => s.name === '表12')?.template).toBeNull();
  });

  it('a pack form fills its code hierarchy from its own formula, and only when a formula declares it', async () => {
    const form = `名称：层级填充
表样 test.t12：部门政府采购预算表
  表号：12
  布局：编码
  编码：功能
  列号行：有
  列 合计：1 | 合计、总计 | total
  列 货物：2 | 货物 | goods
  列 工程：3 | 工程 | works
  列 服务：4 | 服务 | services
`;
    const hierarchy = `公式 Q1 强制 填充：[表12] 每列：{每个编码} = Σ{下级}；[表12] 每列：{总计} = Σ{类}\n`;
    const blanked = () => {
      const model = seed001Workbook(cleanSeed001());
      const sheet = exampleProcurementSheet();
      sheet.rows[8][4] = { v: 30.5, z: '#,##0.00' }; // 2080109 adds up
      for (const r of [5, 6, 7]) for (const c of [4, 5, 6, 7]) sheet.rows[r][c] = undefined; // 总计, 208, 20801
      model.sheets.push(sheet);
      return model;
    };
    const without = compilePack(parsePackText(form, 'p.txt'), allTemplates(), builtinIds);
    expect(proposeFills(blanked(), { packs: [without] }).proposals.filter((p) => p.sheet === '表12')).toEqual([]);

    const pack = compilePack(parsePackText(form + hierarchy, 'p.txt'), allTemplates(), builtinIds);
    const model = blanked();
    const { proposals } = proposeFills(model, { packs: [pack] });
    const mine = proposals.filter((p) => p.sheet === '表12');
    // 总计 = Σ{类} (the one class 208), 208 = Σ its 款, 20801 = Σ its 项, in every column.
    const values: Record<string, string> = { E: '30.5', F: '12.5', G: '0', H: '18' };
    expect(mine.map((p) => `${p.cell} ${p.formula} ${p.value}`).sort()).toEqual(
      Object.entries(values)
        .flatMap(([c, v]) => [`${c}6 =${c}7 ${v}`, `${c}7 =${c}8 ${v}`, `${c}8 =${c}9 ${v}`])
        .sort(),
    );
    const host = new MemoryHost(model);
    await host.write(fillWrites(proposals));
    expect(validateWorkbook(host.workbook, { packs: [pack] }).findings).toEqual([]);
  });

  it('the inequality and the cross-table identity report when broken', () => {
    const pack = compilePack(parsePackText(EXAMPLE, 'example-pack.txt'), allTemplates(), builtinIds);
    const model = seed001Workbook(cleanSeed001());
    const sheet = exampleProcurementSheet();
    // 2080109 procurement 400 > its 表3 spending 302.20; the rows above follow.
    for (const r of [5, 6, 7, 8]) {
      sheet.rows[r][4] = { v: 418, z: '#,##0.00' };
      sheet.rows[r][5] = { v: 400, z: '#,##0.00' };
    }
    model.sheets.push(sheet);
    const t1 = model.sheets.find((s) => s.name === '表1')!;
    const res = validateWorkbook(model, { packs: [pack] });
    const z2 = res.findings.filter((f) => f.rule === 'Z2');
    expect(z2.map((f) => `${f.severity} ${f.sheet}!${f.cell}`)).toEqual(['warning 表12!E8', 'warning 表12!E9']);
    expect(z2[1].message).toBe('表12 2080109 社会保险经办机构 合计：418.00 大于 表3 合计 302.20 = 302.20，超出 115.80');
    expect(z2[1].hint).toMatch(/^政府采购预算是支出的一部分/);
    expect(t1).toBeDefined();
  });

  it('a pack with a typo names the line and the unknown name; nothing is half-loaded', () => {
    const bad = EXAMPLE.replace('每行：合计 = 货物 + 工程 + 服务', '每行：合计 = 货物 + 工城 + 服务').replace(
      '规则 X12：关闭',
      '规则 X12：关掉',
    );
    const problems = problemsOf(() => compilePack(parsePackText(bad, 'p.txt'), allTemplates(), builtinIds));
    expect(problems).toEqual([
      '32:规则设置应为“规则 <编号>：关闭|错误|警告|提示” / a rule setting reads "规则 <id>: off|error|warning|info"',
    ]);
    const only = EXAMPLE.replace('每行：合计 = 货物 + 工程 + 服务', '每行：合计 = 货物 + 工城 + 服务');
    const p2 = problemsOf(() => compilePack(parsePackText(only, 'p.txt'), allTemplates(), builtinIds));
    expect(p2).toHaveLength(1);
    expect(p2[0]).toMatch(/^19:公式 Z1：表12 没有列“工城”（可用：合计、货物、工程、服务）/);
    expect(
      problemsOf(() =>
        compilePack(parsePackText('公式 T3 强制：[表3] 每行：合计 = 基本支出', 'p.txt'), allTemplates(), builtinIds),
      ),
    ).toEqual(['1:公式编号 T3 重复 / formula id T3 is used twice']);
  });

  it('消息编号 takes a catalogue message (and its …Many form); an unknown id names the line', () => {
    const text = '公式 Q1 强制：[表3] 每列：{总计} = Σ{类}\n  消息编号：formula.classes\n';
    const [f] = compilePack(parsePackText(text, 'p.txt'), allTemplates(), builtinIds).formulas;
    expect(f.rule.messageId).toBe('formula.classes');
    expect(f.rule.messageManyId).toBe('formula.classesMany');
    expect(f.rule.message.zh).toMatch(/≠ 各类 \{items\}/);
    const bad = text.replace('formula.classes', 'formula.klasses');
    expect(problemsOf(() => compilePack(parsePackText(bad, 'p.txt'), allTemplates(), builtinIds))).toEqual([
      '1:公式 Q1：未知的消息编号“formula.klasses” / formula Q1: unknown message id "formula.klasses"',
    ]);
  });

  it('rule settings: off is silent, error reports errors', () => {
    expect(parseRuleSetting('X6=off')).toEqual(['X6', 'off']);
    expect(parseRuleSetting('T3=警告')).toEqual(['T3', 'warning']);
    expect(parseRuleSetting('T3')).toBeUndefined();
    const s = cleanSeed001();
    s.t3.find((r) => r.code === '20801')!.values!.basic = 287.48;
    const model = seed001Workbook(s);
    const rules = (settings: Record<string, 'off' | 'error' | 'warning' | 'info'>) =>
      validateWorkbook(model, { ruleSettings: settings })
        .findings.filter((f) => f.rule === 'T3')
        .map((f) => f.severity);
    expect(rules({})).toEqual(['error']);
    expect(rules({ T3: 'off' })).toEqual([]);
    expect(rules({ T3: 'warning' })).toEqual(['warning']);
    expect(rules({ T3: 'error' })).toEqual(['error']);
  });

  it('reads the same pack from JSON and from an .xlsx with 表样 and 审核公式 sheets', async () => {
    const json = JSON.stringify({
      name: 'json',
      formulas: [{ id: 'Z9', formula: '[表5] 每行：项目支出 ≤ 合计', severity: '提示' }],
      rules: { X12: 'off' },
    });
    const fromJson = compilePacks([await parsePack(new TextEncoder().encode(json), 'p.json')], builtinIds);
    expect(fromJson[0].formulas[0].rule.severity).toBe('warning');
    const wb = {
      sheets: [
        sheetFromValues('表样', [
          ['表样编号', '项目', '值'],
          ['example.t12', '标题', '部门政府采购预算表'],
          ['', '表号', 12],
          ['', '布局', '编码'],
          ['', '编码', '功能'],
          ['', '列号行', '有'],
          ['', '列 合计', 1, '合计、总计', 'total'],
          ['', '列 货物', 2, '货物', 'goods'],
          ['', '列 工程', 3, '工程', 'works'],
          ['', '列 服务', 4, '服务', 'services'],
        ]),
        sheetFromValues('审核公式', [
          ['编号', '公式', '强制/提示', '说明'],
          ['Z1', '[表12] 每行：合计 = 货物 + 工程 + 服务', '强制', ''],
          ['Z2', '[表12]{每个编码}.合计 ≤ [表3]{同编码}.合计', '提示', ''],
        ]),
      ],
    };
    const bytes = await writeXlsx(wb);
    const [pack] = compilePacks([await parsePack(bytes, 'pack.xlsx')], builtinIds);
    const model = seed001Workbook(cleanSeed001());
    model.sheets.push(exampleProcurementSheet());
    expect(validateWorkbook(model, { packs: [pack] }).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([
      'Z1 表12!E9',
    ]);
    // A typo in the workbook names the sheet and row.
    wb.sheets[1].rows[2]![1] = { v: '[表12]{每个编码}.合计 ≤ [表3]{同编码}.合记' };
    const err = await parsePack(await writeXlsx(wb), 'pack.xlsx').then((p) =>
      problemsOf(() => compilePacks([p], builtinIds)),
    );
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/表3 没有列“合记”/);
  });

  it('an .xlsx without pack sheets is refused with a clear message', async () => {
    const bytes = await writeXlsx({ sheets: [sheetFromValues('Sheet1', [['x']])] });
    await expect(parsePack(bytes, 'x.xlsx')).rejects.toThrow(/没有“表样”“审核公式”或“规则设置”工作表/);
  });

  it('a variant of a built-in table (a changed column): recognised by its columns, the built-in rules still apply', () => {
    const pack = compilePack(
      parsePackText(
        [
          '表样 demo.t05：一般公共预算支出情况表',
          '  对应：dept.t05',
          '  编码：功能',
          '  列号行：有',
          '  列 合计：1 | 合计',
          '  列 基本支出：2 | 基本支出',
          '  列 项目支出：3 | 项目支出',
          '  列 人员经费：4 | 人员经费',
          '  列 公用经费：5 | 公用经费',
          '公式 Z5 强制：[表5] 每行：基本支出 = 人员经费 + 公用经费',
        ].join('\n'),
        'variant.txt',
      ),
      allTemplates(),
      builtinIds,
    );
    expect(pack.pack.forms[0]).toMatchObject({ table: 'dept.t05', no: 5, family: 'dept' });
    const model = seed001Workbook(cleanSeed001());
    const t5 = model.sheets.find((s) => s.name === '表5')!;
    t5.rows[2][7] = { v: '人员经费' };
    t5.rows[2][8] = { v: '公用经费' };
    t5.rows[4][7] = { v: 4 };
    t5.rows[4][8] = { v: 5 };
    for (let r = 5; r < t5.rows.length; r++) {
      const basic = t5.rows[r]?.[5]?.v;
      if (typeof basic === 'number') {
        t5.rows[r][7] = { v: basic, z: '0.00' };
        t5.rows[r][8] = { v: 0, z: '0.00' };
      }
    }
    expect(validateWorkbook(model, { packs: [pack] }).findings).toEqual([]);
    t5.rows[8][7] = { v: 200, z: '0.00' }; // 2080109 人员经费 278.48 typed as 200
    const res = validateWorkbook(model, { packs: [pack] });
    expect(res.sheets.find((s) => s.name === '表5')?.template).toBe('demo.t05');
    expect(res.findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`)).toEqual([
      'error H1 表5!H8',
      'error Z5 表5!F9',
    ]);
  });

  it('a percent column (÷) and a signed identity, checked and filled from the same formulas', async () => {
    const pack = compilePack(
      parsePackText(
        [
          '表样 demo.t13：部门支出预算增减变化表',
          '  表号：13',
          '  编码：功能',
          '  列 上年预算数：1 | 上年预算数',
          '  列 本年预算数：2 | 本年预算数',
          '  列 增减额：3 | 增减额',
          '  列 增长率：4 | 增长率(%)、增长率',
          '公式 Z6 强制 填充：[表13] 每行：增减额 = 本年预算数 − 上年预算数；[表13] 每行：增长率 = 增减额 ÷ 上年预算数',
        ].join('\n'),
        'growth.txt',
      ),
      allTemplates(),
      builtinIds,
    );
    const rows: (string | number | null)[][] = [
      ['部门支出预算增减变化表'],
      ['编制部门：某单位', null, null, null, null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '上年预算数', '本年预算数', '增减额', '增长率(%)'],
      [null, '合计', 1000, 1100, 100, '10.00%'],
      ['208', '社会保障和就业支出', 1000, 1100, 100, '10.01%'],
    ];
    const sheet = sheetFromValues('表13', rows);
    for (const row of sheet.rows.slice(3)) for (const c of [2, 3, 4]) row[c]!.z = '#,##0.00';
    const model = { sheets: [sheet] };
    const res = validateWorkbook(model, { packs: [pack] });
    expect(res.sheets[0].template).toBe('demo.t13');
    expect(res.findings.map((f) => `${f.severity} ${f.rule} ${f.cell} ${f.message}`)).toEqual([
      'error Z6 F5 表13 208 社会保障和就业支出 增长率：10.01% ≠ 100.00 ÷ 1,000.00 = 10.00%',
    ]);
    // Blank the derived cells: fill writes the difference and the percent as formulas, and the result is clean.
    for (const row of sheet.rows.slice(3)) {
      row[4] = undefined;
      row[5] = undefined;
    }
    const host = new MemoryHost(model);
    const { proposals } = proposeFills(host.workbook, { packs: [pack] });
    expect(proposals.map((p) => `${p.id} ${p.formula}`).sort()).toEqual([
      '表13!E4 =D4-C4',
      '表13!E5 =D5-C5',
      '表13!F4 =IF(C4=0,"",E4/C4)',
      '表13!F5 =IF(C5=0,"",E5/C5)',
    ]);
    await host.write(fillWrites(proposals));
    expect(validateWorkbook(host.workbook, { packs: [pack] }).findings).toEqual([]);
  });
});
