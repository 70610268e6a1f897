import { Decimal } from '../amount/decimal';
import { validateWorkbook } from '../engine/validate';
import { MemoryHost } from '../host/memory-host';
import { recognizeWorkbook } from '../recognize/recognize';
import { a1, WorkbookModel } from '../workbook/model';
import { correctedSeed000, seed000Workbook } from '../../test/helpers/seed000';
import { cleanStyleB, styleBWorkbook } from '../../test/helpers/si-style-b';
import { derivations } from './derive';
import { siDerivations } from './derive-si';
import { fillWrites, proposeFills } from './fill';

/** Blanks every derived cell; returns their original values by `sheet!A1`. */
function blankDerived(model: WorkbookModel): Map<string, unknown> {
  const original = new Map<string, unknown>();
  for (const d of derivations(recognizeWorkbook(model).tables)) {
    const row = d.target.table.sheet.rows[d.target.r];
    const cell = row?.[d.target.c];
    if (!cell) continue;
    original.set(`${d.target.table.sheet.name}!${a1(d.target.r, d.target.c)}`, cell.v);
    row[d.target.c] = undefined;
  }
  return original;
}

const PACKAGES: [string, () => WorkbookModel][] = [
  ['seed 000 corrected (style a), one table per sheet', () => seed000Workbook(correctedSeed000())],
  ['seed 000 corrected, stacked on one sheet', () => seed000Workbook(correctedSeed000(), { stacked: true })],
  ['style (b), one table per sheet', () => styleBWorkbook(cleanStyleB())],
  [
    'style (b), stacked, with codes and a group row',
    () => styleBWorkbook(cleanStyleB(), { stacked: true, codes: true, groupRow: true }),
  ],
];

describe('fund fill derivations', () => {
  it.each(PACKAGES)('%s: blanked derived cells are restored, and the package validates', async (_name, make) => {
    const model = make();
    const tables = recognizeWorkbook(model).tables;
    expect(siDerivations(tables).length).toBeGreaterThan(20);
    expect(proposeFills(model).proposals).toEqual([]);
    const original = blankDerived(model);
    const { proposals } = proposeFills(model);
    const host = new MemoryHost(model);
    await host.write(fillWrites(proposals));
    const differences: string[] = [];
    for (const [ref, v] of original) {
      const [sheet, cell] = ref.split('!');
      const now = host.cellAt(sheet, cell);
      // A percent is restored up to its rounding: at the table's precision (`0%`, `0.00%`).
      const fmt = proposals.find((p) => p.id === ref)?.numFmt ?? '';
      const places = fmt.endsWith('%') ? (/\.(0+)%$/.exec(fmt)?.[1].length ?? 0) + 2 : undefined;
      const same =
        places !== undefined && typeof now?.v === 'number'
          ? new Decimal(now.v).toDecimalPlaces(places).toNumber() === v
          : now?.v === v;
      if (!same) differences.push(`${ref} ${v} → ${now?.v} ${now?.f}`);
    }
    expect(differences).toEqual([]);
    const res = validateWorkbook(host.workbook);
    expect(res.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
    expect(proposeFills(host.workbook).proposals).toEqual([]);
  });

  it('writes portable formulas: SUM over the funds, roll-forward, 平衡表 totals, percents with their format', () => {
    const a = seed000Workbook(correctedSeed000());
    blankDerived(a);
    const pa = new Map(proposeFills(a).proposals.map((p) => [p.id, p]));
    expect(pa.get('表1!D5')?.formula).toBe('=SUM(D9,D13,D17,D21,D25,D29,D33)'); // 102 = Σ funds
    expect(pa.get('表1!D6')?.formula).toBe('=SUM(D10,D14,D18,D22,D26,D30,D34)'); // 其中 保险费收入
    expect(pa.get('表2!D22')?.formula).toBe('=D5'); // 209 printed again at the foot
    expect(pa.get('表3!D7')?.formula).toBe("=C7+'表1'!D13-'表2'!D8"); // 机关事业 roll-forward
    expect(pa.get('表3!D7')?.value).toBe('32277');
    expect(pa.get('表3!D5')?.formula).toBe('=SUM(D6:D12)');
    expect(pa.get('表1!E5')).toMatchObject({ formula: '=IF(C5=0,"",D5/C5)', numFmt: '0%' });

    const b = styleBWorkbook(cleanStyleB());
    blankDerived(b);
    const pb = new Map(proposeFills(b).proposals.map((p) => [p.id, p]));
    expect(pb.get('表一!H12')?.formula).toBe('=D12+D11-H11+D13+D14-H13-H14'); // 23009 with transfers
    expect(pb.get('表一!D12')?.formula).toBe('=G12'); // 11008 本年 = 23009 上年
    expect(pb.get('表一!C15')?.formula).toBe('=SUM(C11:C14)'); // 收入总计
    // A fund line from the plan table's 上年预计执行数, the one SI-10 compares it with (the execution
    // table's 预计执行数 is the alternative).
    expect(pb.get('表一!C4')?.formula).toBe("='表五'!B8");
    expect(pb.get('表五!B8')?.formula).toBe("='表二'!C8"); // plan 上年 = execution 预计执行数
    expect(pb.get('表三!B5')?.formula).toBe('=SUM(B7,B9,B11,B13,B15,B18,B20)'); // 待遇 without 大病保险
    expect(pb.get('表二!D4')).toMatchObject({ formula: '=IF(B4=0,"",C4/B4)', numFmt: '0.00%' });
    // 全地区 has transfers: its funds' balances are not rolled forward one by one; 本级 has none.
    expect(pb.has('表七!C5')).toBe(false);
    expect(pb.get('表十四!C5')?.formula).toBe("=B5+'表十二'!C8-'表十三'!C6");
  });

  it('keeps a stated percent that agrees at the table’s precision, and proposes a wrong one', () => {
    const s = correctedSeed000();
    const model = seed000Workbook(s);
    expect(proposeFills(model).proposals).toEqual([]);
    s.income['102'][2] = 99; // 43477 / 44570 = 97.5…% shows as 98%
    const wrong = proposeFills(seed000Workbook(s)).proposals;
    expect(wrong.map((p) => `${p.id} ${p.kind} ${p.old?.value} ${p.formula}`)).toEqual([
      '表1!E5 wrong 0.99 =IF(C5=0,"",D5/C5)',
      '表4!E5 wrong 0.99 =IF(C5=0,"",D5/C5)', // the 本级 tables carry the same figures
    ]);
  });

  it('wires a blank percent as "" (not a missing result)', () => {
    const model = seed000Workbook(correctedSeed000());
    blankDerived(model);
    const { proposals } = proposeFills(model, { wireEmpty: true });
    const blank = proposals.find((p) => p.id === '表1!E9'); // 企业职工 has no figures in seed 000
    expect(blank).toMatchObject({ formula: '=IF(C9=0,"",D9/C9)', value: '' });
    expect(fillWrites([blank!])[0].value).toBe('');
  });
});
