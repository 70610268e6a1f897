import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from './main';
import { writeXlsx } from '../xlsx/write';
import { readXlsx } from '../xlsx/read';
import { proposeFills } from '../fill/fill';
import { parseA1, WorkbookModel } from '../workbook/model';
import { cleanSeed001, seed001Workbook } from '../../test/helpers/seed001';
import { captureIo } from '../../test/helpers/io';

jest.setTimeout(120_000);

let dir: string;
/** The derived cells of the clean seed (what a fill must restore), and the workbook with them blanked. */
let derived: { sheet: string; cell: string; value: string }[];
let blanked: WorkbookModel;

const capture = () => captureIo();

function cell(model: WorkbookModel, sheet: string, address: string) {
  const { r, c } = parseA1(address);
  return model.sheets.find((s) => s.name === sheet)!.rows[r]?.[c];
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-fill-'));
  const clean = seed001Workbook(cleanSeed001());
  // rewire: every derived cell, right values included.
  derived = proposeFills(clean, { rewire: true }).proposals.map((p) => ({
    sheet: p.sheet,
    cell: p.cell,
    value: p.value,
  }));
  blanked = seed001Workbook(cleanSeed001());
  for (const d of derived) {
    const { r, c } = parseA1(d.cell);
    const row = blanked.sheets.find((s) => s.name === d.sheet)!.rows[r];
    if (row) row[c] = undefined;
  }
  fs.writeFileSync(path.join(dir, 'blank.xlsx'), await writeXlsx(blanked));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('budget-check fill', () => {
  it('fills every blanked derived cell with its formula and value; the result validates clean', async () => {
    expect(derived.length).toBeGreaterThan(20);
    const pre = capture();
    expect(await main(['validate', path.join(dir, 'blank.xlsx'), '--format', 'json'], pre)).toBe(1);

    const io = capture();
    const out = path.join(dir, 'filled.xlsx');
    expect(await main(['fill', path.join(dir, 'blank.xlsx'), '--out', out], io)).toBe(0);
    expect(io.out).toMatch(new RegExp(`^已填充 ${derived.length} 个派生单元格`));
    expect(io.out).toMatch(new RegExp(`\\nFilled ${derived.length} derived cell\\(s\\)`));
    expect(io.out).toContain('保留 0 个手填值');

    const back = await readXlsx(fs.readFileSync(out));
    for (const d of derived) {
      const c = cell(back, d.sheet, d.cell);
      expect(c?.f).toMatch(/^=/);
      expect(c?.v).toBe(Number(d.value));
    }
    const check = capture();
    expect(await main(['validate', out, '--format', 'json'], check)).toBe(0);
    expect(JSON.parse(check.out).summary.errors).toBe(0);
  });

  it('keeps a typed value and reports it; --overwrite replaces it', async () => {
    const target = derived.find((d) => Number(d.value) > 100)!;
    const typed = structuredClone(blanked);
    const { r, c } = parseA1(target.cell);
    typed.sheets.find((s) => s.name === target.sheet)!.rows[r][c] = { v: 12345.67 };
    const src = path.join(dir, 'typed.xlsx');
    fs.writeFileSync(src, await writeXlsx(typed));

    const io = capture();
    const out = path.join(dir, 'kept.xlsx');
    expect(await main(['fill', src, '--out', out], io)).toBe(0);
    expect(io.out).toContain('保留 1 个手填值');
    expect(io.out).toContain('kept 1 typed value(s)');
    expect(io.out).toContain(`保留 kept ${target.sheet}!${target.cell}: 12345.67 →`);
    const kept = cell(await readXlsx(fs.readFileSync(out)), target.sheet, target.cell);
    expect(kept).toEqual({ v: 12345.67 });

    const io2 = capture();
    const out2 = path.join(dir, 'overwritten.xlsx');
    expect(await main(['fill', src, '--out', out2, '--overwrite'], io2)).toBe(0);
    expect(io2.out).toContain('改写 1 个手填值');
    const replaced = cell(await readXlsx(fs.readFileSync(out2)), target.sheet, target.cell);
    expect(replaced?.f).toMatch(/^=/);
    expect(replaced?.v).toBe(Number(target.value));
  });

  it('refuses a missing --out', async () => {
    const io = capture();
    expect(await main(['fill', path.join(dir, 'blank.xlsx')], io)).toBe(2);
    expect(io.err).toContain('--out');
  });
});
