import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from './main';
import { writeXlsx } from '../xlsx/write';
import { cleanSeed001, publishedSeed001, seed001Workbook } from '../../test/helpers/seed001';
import { captureIo } from '../../test/helpers/io';

// These tests read, validate and write whole workbooks (some in worker threads): on a loaded
// 2-core machine one can take well over jest's 5 s default. An explicit, generous budget.
jest.setTimeout(120_000);

let dir: string;

const capture = () => captureIo();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-cli-'));
  fs.mkdirSync(path.join(dir, 'ok'));
  fs.writeFileSync(path.join(dir, 'ok', 'clean.xlsx'), await writeXlsx(seed001Workbook(cleanSeed001())));
  fs.writeFileSync(path.join(dir, 'ok', 'published.xlsx'), await writeXlsx(seed001Workbook(publishedSeed001())));
  const broken = seed001Workbook(cleanSeed001());
  broken.sheets[2].rows[6][4]!.v = 2000;
  fs.writeFileSync(path.join(dir, 'broken.xlsx'), await writeXlsx(broken));
  const clean = fs.readFileSync(path.join(dir, 'ok', 'clean.xlsx'));
  fs.writeFileSync(path.join(dir, 'corrupt.xlsx'), clean.subarray(0, 1500));
  fs.writeFileSync(path.join(dir, 'notes.xlsx'), '这不是工作簿');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('budget-check validate', () => {
  it('exits 0 on packages without errors and prints only the report on stdout', async () => {
    const io = capture();
    const code = await main(['validate', path.join(dir, 'ok'), '--format', 'json'], io);
    expect(code).toBe(0);
    const report = JSON.parse(io.out);
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'files', 'summary']);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'budget-check', version: expect.any(String) });
    expect(report.files).toHaveLength(2);
    const f = report.files[1];
    expect(Object.keys(f)).toEqual(['file', 'sheets', 'findings', 'summary', 'organisation']);
    expect(f.organisation).toBe('阿图什市社会保险中心');
    expect(Object.keys(f.sheets[0])).toEqual(
      expect.arrayContaining(['name', 'template', 'unit', 'headerRows', 'dataRows']),
    );
    expect(Object.keys(f.findings[0])).toEqual(
      expect.arrayContaining(['rule', 'severity', 'sheet', 'cell', 'related', 'message', 'messageEn']),
    );
    expect(report.summary).toEqual({ files: 2, errors: 0, warnings: 18, infos: 1, unreadable: 0 });
    expect(io.err).toContain('[2/2]');
    // The same report from one worker thread and from several.
    const one = capture();
    await main(['validate', path.join(dir, 'ok'), '--format', 'json', '--jobs', '1'], one);
    expect(JSON.parse(one.out)).toEqual(report);
  });

  it('exits 1 when errors were found', async () => {
    const io = capture();
    expect(await main(['validate', path.join(dir, 'broken.xlsx')], io)).toBe(1);
    expect(io.out).toContain('[错误]');
  });

  it('exits 2 when a file cannot be read, and still reports the others', async () => {
    const io = capture();
    const code = await main(
      [
        'validate',
        path.join(dir, 'broken.xlsx'),
        path.join(dir, 'corrupt.xlsx'),
        path.join(dir, 'notes.xlsx'),
        path.join(dir, 'missing.xlsx'),
        '--format',
        'json',
      ],
      io,
    );
    expect(code).toBe(2);
    const report = JSON.parse(io.out);
    const byName = Object.fromEntries(report.files.map((f: { file: string }) => [path.basename(f.file), f]));
    expect(byName['corrupt.xlsx'].error).toMatch(/文件已损坏/);
    expect(byName['notes.xlsx'].error).toMatch(/不是 \.xlsx 工作簿/);
    expect(byName['missing.xlsx'].error).toBe('文件不存在');
    expect(byName['broken.xlsx'].summary.errors).toBeGreaterThan(0);
    expect(io.out).not.toMatch(/at .*\.js:\d+/);
  });

  it('writes text in English and an .xlsx report', async () => {
    const io = capture();
    await main(['validate', path.join(dir, 'ok', 'published.xlsx'), '--lang', 'en'], io);
    expect(io.out).toContain('[Warning]');
    const out = path.join(dir, 'report.xlsx');
    expect(await main(['validate', path.join(dir, 'ok'), '--format', 'xlsx', '--out', out], capture())).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('honours a fixed tolerance', async () => {
    const io = capture();
    await main(['validate', path.join(dir, 'ok', 'published.xlsx'), '--tolerance', '0', '--format', 'json'], io);
    expect(JSON.parse(io.out).summary.errors).toBeGreaterThan(0);
  });

  it('checks the 情况说明 with --text and folds its findings into the report', async () => {
    const io = capture();
    const root = path.resolve(__dirname, '../..');
    const code = await main(
      [
        'validate',
        path.join(root, 'test/fixtures/xlsx/seed002-published.xlsx'),
        '--text',
        path.join(root, 'test/data/seed002.txt'),
        '--format',
        'json',
      ],
      io,
    );
    expect(code).toBe(1);
    const text = JSON.parse(io.out).files[0].findings.filter((f: { rule: string }) => f.rule.startsWith('N'));
    expect(text).toHaveLength(1);
    expect(text[0]).toMatchObject({ rule: 'N5', severity: 'error', line: 492, sheet: '', cell: '' });
    expect(text[0].sentence).toContain('车辆2辆');
  });

  it('--text also checks the 社会保险基金 quotes (seed 000: 31,185 vs 31165)', async () => {
    const io = capture();
    const root = path.resolve(__dirname, '../..');
    await main(
      [
        'validate',
        path.join(root, 'test/fixtures/si/seed000-published.xlsx'),
        '--text',
        path.join(root, 'test/fixtures/si/seed000-text.txt'),
        '--format',
        'json',
      ],
      io,
    );
    const f = JSON.parse(io.out).files[0].findings.filter(
      (x: { rule: string; severity: string }) => x.rule === 'SI-TXT' && x.severity === 'error',
    );
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('31,185');
    // The corrected tables with the published text: only the text's 31,185 is left.
    const corrected = capture();
    expect(
      await main(
        [
          'validate',
          path.join(root, 'test/fixtures/si/seed000-corrected.xlsx'),
          '--text',
          path.join(root, 'test/fixtures/si/seed000-text.txt'),
          '--format',
          'json',
        ],
        corrected,
      ),
    ).toBe(1);
    expect(
      JSON.parse(corrected.out).files[0].findings.map((x: { rule: string; line?: number }) => `${x.rule} ${x.line}`),
    ).toEqual(['SI-TXT 55']);
  });

  it('narrate drafts the text (to .txt or .docx) and template writes the standard workbook', async () => {
    const io = capture();
    expect(
      await main(
        [
          'narrate',
          path.join(dir, 'ok', 'clean.xlsx'),
          '--prior',
          path.join(dir, 'ok', 'published.xlsx'),
          '--year',
          '2025',
        ],
        io,
      ),
    ).toBe(0);
    expect(io.out).toContain('一、关于阿图什市社会保险中心2025年收支预算情况的总体说明');
    expect(io.out).toContain('基本支出388.19万元，占34.84%，比上年预算减少0.01万元，下降0.00%');
    const docx = path.join(dir, 'draft.docx');
    expect(await main(['narrate', path.join(dir, 'ok', 'clean.xlsx'), '--out', docx], capture())).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const out = path.join(dir, 'template.xlsx');
    expect(
      await main(['template', '--kind', 'dept', '--unit', '测试单位', '--year', '2025', '--out', out], capture()),
    ).toBe(0);
    const check = capture();
    expect(await main(['validate', out, '--format', 'json'], check)).toBe(0);
    expect(JSON.parse(check.out).files[0].sheets.filter((s: { template: string | null }) => s.template)).toHaveLength(
      11,
    );
    for (const kind of ['si-a', 'si-b']) {
      const fund = path.join(dir, `${kind}.xlsx`);
      expect(
        await main(['template', '--kind', kind, '--unit', '某市', '--year', '2025', '--out', fund], capture()),
      ).toBe(0);
      const v = capture();
      await main(['validate', fund, '--format', 'json'], v);
      const r = JSON.parse(v.out).files[0];
      expect(r.sheets.every((s: { template: string | null }) => s.template?.startsWith('si.'))).toBe(true);
      expect(r.summary.errors).toBe(0);
    }
    expect(await main(['template', '--kind', 'other', '--out', out], capture())).toBe(2);
  });

  it('explains usage errors with exit 2: a short error and one hint line, not the whole help', async () => {
    const io = capture();
    expect(await main(['validate'], io)).toBe(2);
    expect(io.err).toContain('请给出要审核的文件或文件夹');
    expect(io.err).toContain('--help');
    expect(io.err).not.toContain('退出码 Exit codes');
    expect(io.err.trim().split('\n')).toHaveLength(2);
    expect(await main(['validate', dir, '--format', 'pdf'], capture())).toBe(2);
    const cmd = capture();
    expect(await main(['frobnicate'], cmd)).toBe(2);
    expect(cmd.err.trim().split('\n')).toHaveLength(2);
    const typo = capture();
    expect(await main(['valdiate', dir], typo)).toBe(2);
    expect(typo.err).toContain('did you mean validate?');
    // --help still prints the whole help, on stdout.
    const help = capture();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.out).toContain('退出码 Exit codes');
  });

  it('refuses unknown options with exit 2 and the closest valid one (issue 16 item 5)', async () => {
    const file = path.join(dir, 'broken.xlsx');
    const cases: [string[], string][] = [
      [['validate', file, '--fromat', 'json', '--outt', 'x.json'], 'did you mean --format?'],
      [['validate', file, '--outt', 'x.json'], 'did you mean --out?'],
      [['validate', file, '-f', 'json'], 'did you mean --format?'],
      [['validate', file, '--lnag=en'], 'did you mean --lang?'],
      [['validate', file, '--zzzzzz'], 'unknown option --zzzzzz'],
      [['template', '--knid', 'dept', '--out', path.join(dir, 't.xlsx')], 'did you mean --kind?'],
      [['narrate', file, '--format', 'json'], 'unknown option --format'],
      [['validate', file, '--format'], 'option --format needs a value'],
    ];
    for (const [argv, said] of cases) {
      const io = capture();
      expect(await main(argv, io)).toBe(2);
      expect(io.err).toContain(said);
      expect(io.out).toBe('');
      expect(io.err.trim().split('\n')).toHaveLength(2);
    }
    expect(fs.existsSync('x.json')).toBe(false);
    // After `--`, a name starting with `-` is a file name (here a missing one: exit 2, reported).
    const dashed = capture();
    expect(await main(['validate', '--format', 'json', '--', '-f'], dashed)).toBe(2);
    expect(JSON.parse(dashed.out).files[0]).toMatchObject({ file: '-f', error: '文件不存在' });
  });

  it('exits 2 on a folder with no workbooks in it (issue 16 item 4)', async () => {
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty, { recursive: true });
    fs.writeFileSync(path.join(empty, 'readme.txt'), 'x');
    const io = capture();
    expect(await main(['validate', empty], io)).toBe(2);
    expect(io.err).toContain('没有找到工作簿');
    expect(io.err).toContain('no workbooks');
  });
});
