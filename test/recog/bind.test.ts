/**
 * Issue 12, `--bind "Sheet=表5"`: the user says which form a sheet holds. A sheet whose title the
 * recognizer cannot read is then checked as that form; a binding that names no form, a header that
 * lacks the form's columns and a title whose terms differ are each a P4 finding saying what did not
 * fit. Through validateWorkbook, the batch job and the CLI.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { validateWorkbook } from '../../src/engine/validate';
import { resolveBinding } from '../../src/recognize/recognize';
import { allTemplates } from '../../src/templates';
import { a1, WorkbookModel } from '../../src/workbook/model';
import { writeXlsx } from '../../src/xlsx/write';
import { PACKAGES } from '../fixtures/real/check-real';
import { layOutPackage } from '../helpers/real-layout';

const SH = PACKAGES.find((p) => p.id === 'sh-putuo-commerce-2025-dept-budget')!;
const id = (ref: string, family?: string) => resolveBinding(ref, allTemplates(), family)?.id;

/** The Shanghai package with 表3's title replaced by `title`. */
function retitled(title: string): WorkbookModel {
  const { workbook } = layOutPackage(SH);
  workbook.sheets.find((s) => s.name === 'com-03')!.rows[0][0] = { v: title };
  return workbook;
}

const p4 = (res: ReturnType<typeof validateWorkbook>) => res.findings.filter((f) => f.rule === 'P4');

describe('bindings', () => {
  it('resolve 表N in the workbook’s family, family.表N, template and table ids, and titles', () => {
    expect(id('表5', 'sh')).toBe('sh.t05');
    expect(id('表5')).toBe('dept.t05');
    expect(id('表五', 'final')).toBe('final.t05');
    expect(id('sh.表4')).toBe('sh.t04');
    expect(id('sh:4')).toBe('sh.t04');
    expect(id('dept.t05', 'sh')).toBe('dept.t05');
    expect(id('si.a.income')).toBe('si.a.income');
    expect(id('部门收入预算总表')).toBe('sh.t02');
    expect(id('表99')).toBeUndefined();
    expect(id('随便')).toBeUndefined();
  });

  it('a sheet whose title names no form is checked as the form it is bound to', () => {
    const wb = retitled('资金安排明细');
    const before = validateWorkbook(wb);
    expect(before.sheets.find((s) => s.name === 'com-03')!.template).toBeNull();
    const after = validateWorkbook(wb, { bindings: { 'com-03': '表3' } });
    expect(after.sheets.find((s) => s.name === 'com-03')!.template).toBe('sh.t03');
    expect(after.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    // and its cells are checked: a +1.00 change is reported at the cell
    const sheet = wb.sheets.find((s) => s.name === 'com-03')!;
    const r = sheet.rows.findIndex((row) => row.some((c) => c?.v === 9389913));
    const c = sheet.rows[r].findIndex((x) => x?.v === 9389913);
    (sheet.rows[r][c]!.v as number) += 1;
    const changed = validateWorkbook(wb, { bindings: { 'com-03': 'sh.t03' } });
    const at = changed.findings.filter((f) => f.sheet === 'com-03' && f.severity === 'error').map((f) => f.cell);
    expect(at).toContain(a1(r, c));
  });

  it('a title with other key terms is read as bound, and a 提示 says which terms differ', () => {
    const res = validateWorkbook(retitled('2025年部门专项支出决算总表'), { bindings: { 'com-03': '表3' } });
    expect(res.sheets.find((s) => s.name === 'com-03')!.template).toBe('sh.t03');
    const [f] = p4(res);
    expect(f).toMatchObject({ severity: 'info', sheet: 'com-03', cell: 'A1' });
    expect(f.message).toContain('缺少“预算”');
    expect(f.message).toContain('多出“专项、决算”');
    expect(f.messageEn).toContain('lacks “预算”');
  });

  it('a header that lacks the bound form’s columns is a P4 错误 naming them (and not a P3 as well)', () => {
    const { workbook } = layOutPackage(SH);
    const res = validateWorkbook(workbook, { bindings: { 'com-03': '表2' } });
    expect(res.sheets.find((s) => s.name === 'com-03')!.template).toBeNull();
    // (the inference's 提示 G0 aside: it checks what the sheet's labels imply)
    expect(res.findings.filter((f) => f.sheet === 'com-03' && f.severity !== 'info').map((f) => f.rule)).toEqual([
      'P4',
    ]);
    const [f] = p4(res);
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/已指定为“部门收入预算总表”.*缺少列：财政拨款收入、事业收入、事业单位经营收入、其他收入/);
    expect(res.sheets.find((s) => s.name === 'com-03')!.reason).toMatch(/表头缺少列/);
  });

  it('a binding that names no form is a 警告, and the sheet is recognised as usual', () => {
    const { workbook } = layOutPackage(SH);
    const res = validateWorkbook(workbook, { bindings: { 'com-03': '表99' } });
    expect(res.sheets.find((s) => s.name === 'com-03')!.template).toBe('sh.t03');
    expect(p4(res)).toMatchObject([{ severity: 'warning', sheet: 'com-03' }]);
    expect(p4(res)[0].message).toContain('“表99”不存在');
  });

  it('budget-check validate --bind (through the batch job)', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bind-')), 'sh.xlsx');
    fs.writeFileSync(file, await writeXlsx(retitled('资金安排明细')));
    const io = {
      out: '',
      err: '',
      stdout: (s: string | Uint8Array) => void (io.out += String(s)),
      stderr: (s: string) => void (io.err += s),
    };
    const run = async (...argv: string[]) => {
      io.out = '';
      return main(['validate', '--format', 'json', ...argv, file], io);
    };
    await run();
    const sheet = (out: string) =>
      JSON.parse(out).files[0].sheets.find((s: { name: string }) => s.name === 'com-03') as { template: string | null };
    expect(sheet(io.out).template).toBeNull();
    expect(await run('--bind', 'com-03=表3')).toBe(0);
    expect(sheet(io.out).template).toBe('sh.t03');
    expect(await run('--bind', 'com-03')).toBe(2);
  }, 60_000);
});
