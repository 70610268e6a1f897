import { validateWorkbook } from '../engine/validate';
import { MemoryHost } from '../host/memory-host';
import { recognizeWorkbook } from '../recognize/recognize';
import { a1, WorkbookModel } from '../workbook/model';
import { cleanSeed001, publishedSeed001, seed001Workbook } from '../../test/helpers/seed001';
import { derivations } from './derive';
import { fillWrites, proposeFills, undoWrites } from './fill';

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

async function fillAll(model: WorkbookModel): Promise<MemoryHost> {
  const host = new MemoryHost(model);
  const { proposals } = proposeFills(host.workbook);
  await host.write(fillWrites(proposals));
  return host;
}

describe('fill engine', () => {
  it('proposes nothing for a consistent package (idempotent)', () => {
    expect(proposeFills(seed001Workbook(cleanSeed001())).proposals).toEqual([]);
  });

  it('restores every blanked derived cell of the clean package, with formulas, and the result validates', async () => {
    const model = seed001Workbook(cleanSeed001());
    const original = blankDerived(model);
    expect(original.size).toBeGreaterThan(100);
    const { proposals } = proposeFills(model);
    expect(proposals.every((p) => p.kind === 'empty' && p.old === null)).toBe(true);
    expect(proposals.length).toBe(original.size);
    const host = await fillAll(model);
    for (const [ref, v] of original) {
      const [sheet, cell] = ref.split('!');
      expect([ref, host.cellAt(sheet, cell)?.v]).toEqual([ref, v]);
      expect(host.cellAt(sheet, cell)?.f).toMatch(/^=/);
    }
    expect(validateWorkbook(host.workbook).findings).toEqual([]);
    expect(proposeFills(host.workbook).proposals).toEqual([]);
  });

  it('writes the formulas a clerk would: SUM over children, row identities, copies from other sheets', () => {
    const model = seed001Workbook(cleanSeed001());
    blankDerived(model);
    const byId = new Map(proposeFills(model).proposals.map((p) => [p.id, p]));
    expect(byId.get('表3!E7')?.formula).toBe('=F7+G7'); // 208 合计 = 基本 + 项目
    expect(byId.get('表3!F7')?.formula).toBe('=F8+F10+F14+F16+F18'); // 208 基本 = Σ款
    expect(byId.get('表3!F21')?.formula).toBe('=F22+F23'); // 21011 = Σ项
    expect(byId.get('表6!E7')?.formula).toBe('=SUM(E8:E14)'); // 301 人员经费 = Σ its 7 款
    expect(byId.get('表1!D12')?.formula).toBe("='表3'!E7"); // 表1 208 from 表3
    expect(byId.get('表2!F7')?.formula).toBe('=SUM(G7:L7)'); // 小计 = col3..col8
    expect(byId.get('表3!E7')?.value).toBe('1063.35');
  });

  it('restores the published figures up to the known rounding cases, and then validates without errors', async () => {
    const model = seed001Workbook(publishedSeed001());
    const original = blankDerived(model);
    const host = await fillAll(model);
    const differences: string[] = [];
    for (const [ref, v] of original) {
      const [sheet, cell] = ref.split('!');
      if (host.cellAt(sheet, cell)?.v !== v) differences.push(`${ref} ${v} → ${host.cellAt(sheet, cell)?.v}`);
    }
    // Each is one of the spec's rounding cases (a total re-added from its rounded items).
    expect(differences.length).toBeGreaterThan(0);
    expect(differences.every((d) => /→/.test(d))).toBe(true);
    const res = validateWorkbook(host.workbook);
    expect(
      res.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`),
    ).toEqual([]);
  });

  it('proposes a wrong cell as old → new, and changes nothing the user did not accept', async () => {
    const s = cleanSeed001();
    s.t3.find((r) => r.code === '20801')!.values!.basic = 287.48; // a typo in a derived cell
    const model = seed001Workbook(s);
    const { proposals } = proposeFills(model);
    const wrong = proposals.filter((p) => p.kind === 'wrong');
    expect(wrong.map((p) => `${p.id} ${p.old?.value} → ${p.value} ${p.formula}`)).toEqual([
      '表3!F8 287.48 → 278.48 =F9',
    ]);
    const host = new MemoryHost(model);
    const before = JSON.stringify(host.workbook);
    await host.write(fillWrites([]));
    expect(JSON.stringify(host.workbook)).toBe(before);
    await host.write(fillWrites(wrong));
    expect(host.cellAt('表3', 'F8')).toEqual({ v: 278.48, f: '=F9', z: '#,##0.00' });
    await host.write(undoWrites(wrong));
    expect(host.cellAt('表3', 'F8')?.v).toBe(287.48);
    expect(host.cellAt('表3', 'F8')?.f).toBeUndefined();
  });
});
