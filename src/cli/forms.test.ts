/** `budget-check validate --forms PACK --rule ID=…` on the bundled example pack and its sample. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from './main';
import { captureIo } from '../../test/helpers/io';

const root = path.join(__dirname, '../..');
const PACK = path.join(root, 'samples/packs/example-pack.txt');
const SAMPLE = path.join(root, 'samples/packs/example-package.xlsx');

const capture = () => captureIo('utf8');

async function run(...argv: string[]) {
  const io = capture();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('budget-check validate --forms / --rule', () => {
  it('reports the pack formulas on its sample (exit 1), and not without the pack', async () => {
    const withPack = await run('validate', '--forms', PACK, '--format', 'json', SAMPLE);
    expect(withPack.code).toBe(1);
    const report = JSON.parse(withPack.out);
    const findings = report.files[0].findings.map(
      (f: { severity: string; rule: string; sheet: string; cell: string }) =>
        `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`,
    );
    expect(findings).toEqual(['error Z1 表12!E9']);
    expect(withPack.err).toMatch(/审核包 pack: 示例地区补充表样与审核公式 — 1 张表样 forms, 3 条公式 formulas/);
    // Without the pack 表12 matches no form: the inferred checks (G2 row, G4 code) find its wrong
    // 合计 at E9; with the inference off (G0) nothing is checked on it.
    const without = await run('validate', '--format', 'json', SAMPLE);
    expect(without.code).toBe(1);
    expect(
      JSON.parse(without.out)
        .files[0].findings.filter((f: { severity: string }) => f.severity === 'error')
        .map((f: { rule: string; sheet: string; cell: string }) => `${f.rule} ${f.sheet}!${f.cell}`),
    ).toEqual(['G2 表12!E9', 'G4 表12!E9']);
    expect((await run('validate', '--rule', 'G0=off', SAMPLE)).code).toBe(0);
  }, 60_000);

  it('--rule turns a formula off or changes its severity', async () => {
    expect((await run('validate', '--forms', PACK, '--rule', 'Z1=off', SAMPLE)).code).toBe(0);
    const warned = await run('validate', '--forms', PACK, '--rule', 'Z1=warning', '--format', 'json', SAMPLE);
    expect(warned.code).toBe(0);
    expect(JSON.parse(warned.out).files[0].findings.map((f: { severity: string }) => f.severity)).toEqual(['warning']);
    const bad = await run('validate', '--rule', 'Z1', SAMPLE);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--rule 应写成 编号=off\|error\|warning\|info/);
  }, 60_000);

  it('a pack with a typo: exit 2, the file, the line and the unknown name', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-pack-'));
    try {
      const bad = path.join(dir, 'bad.txt');
      fs.writeFileSync(
        bad,
        fs.readFileSync(PACK, 'utf8').replace('每行：合计 = 货物 + 工程', '每行：合计 = 货物 + 工城'),
      );
      const r = await run('validate', '--forms', bad, SAMPLE);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/bad\.txt:19：公式 Z1：表12 没有列“工城”/);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
