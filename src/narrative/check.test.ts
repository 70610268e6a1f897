import * as fs from 'fs';
import * as path from 'path';
import { readXlsx } from '../xlsx/read';
import { recognizeWorkbook } from '../recognize/recognize';
import { RecognizedTable } from '../recognize/types';
import { cleanSeed001, seed001Workbook } from '../../test/helpers/seed001';
import { checkNarrative } from './check';
import { docxText } from './read';
import JSZip from 'jszip';

const root = path.resolve(__dirname, '../..');

async function tablesOf(fixture: string): Promise<RecognizedTable[]> {
  return recognizeWorkbook(await readXlsx(fs.readFileSync(path.join(root, 'test/fixtures/xlsx', fixture)))).tables;
}

const brief = (f: { severity: string; rule: string; line?: number }) => `${f.severity} ${f.rule} line ${f.line}`;

describe('narrative checker on the seeds', () => {
  it('seed 001: finds 571.48 vs 571.49, and nothing false', async () => {
    const res = checkNarrative(
      fs.readFileSync(path.join(root, 'test/data/seed001.txt'), 'utf8'),
      await tablesOf('seed001-published.xlsx'),
    );
    expect(res.checked).toBeGreaterThan(60);
    expect(res.findings.map(brief)).toEqual([
      'warning N5 line 417', // 基本支出 388.20 vs 人员 381.90 + 公用 6.29 (the tables' own rounding difference)
      'error N1 line 615', // the performance table's 571.48
    ]);
    const n1 = res.findings[1];
    expect(n1).toMatchObject({ expected: '571.49', actual: '571.48', related: ['表7!F14'] });
    expect(n1.sentence).toContain('本项目安排预算资金571.48万元');
  });

  it('seed 002: finds the vehicles 22.86 vs 22.76, and nothing false', async () => {
    const res = checkNarrative(
      fs.readFileSync(path.join(root, 'test/data/seed002.txt'), 'utf8'),
      await tablesOf('seed002-published.xlsx'),
    );
    expect(res.checked).toBeGreaterThan(50);
    expect(res.findings.map(brief)).toEqual(['error N5 line 492']);
    expect(res.findings[0].message).toBe('说明中车辆价值 22.86 ≠ 各项之和 22.76 + 0.00 + 0.00 = 22.76，差 0.10');
  });
});

describe('narrative rules', () => {
  const tables = recognizeWorkbook(seed001Workbook(cleanSeed001())).tables;
  const check = (text: string) => checkNarrative(text, tables).findings.map((f) => `${f.severity} ${f.rule}`);

  it.each([
    [
      'a correct income section',
      '二、关于收入预算情况说明\n部门收入预算1,114.26万元，其中：\n一般公共预算1,104.54万元，占99.13%，比上年预算减少146.46万元，下降11.71%，主要原因是……。',
      [],
    ],
    [
      'N1: an amount the tables do not have',
      '二、关于收入预算情况说明\n部门收入预算1,114.26万元，其中：\n一般公共预算1,104.45万元，占99.12%。',
      ['error N1'],
    ],
    [
      'N2: a share that does not recompute',
      '三、关于支出预算情况说明\n支出预算1,114.26万元，其中：\n基本支出388.19万元，占34.48%。',
      ['error N2'],
    ],
    ['N3: a rate that does not recompute', '单位资金8.72万元，比上年预算减少5.20万元，下降37.63%。', ['error N3']],
    [
      'N3: the zero conventions (prior 0 → 100.00%)',
      '其他企业改革发展补助1.00万元，比上年预算增加1.00万元，增长100.00%。',
      [],
    ],
    ['N3: both zero → 0.00%', '公务接待费0.00万元，比上年预算增加0.00万元，增长0.00%。', []],
    ['N4: direction words that disagree', '单位资金8.72万元，比上年预算减少5.20万元，增长37.36%。', ['error N4']],
    [
      'N5: procurement parts that do not add up',
      '政府采购预算25.56万元，其中：政府采购货物预算21.96万元，政府采购工程预算0.00万元，政府采购服务预算3.50万元。',
      ['error N5'],
    ],
    ['N5: staff counts', '实有人数19人，其中：在职18人，减少1人；退休0人，增加0人；离休0人，增加0人。', ['error N5']],
    [
      'N6: the overall performance target',
      '本部门预算绩效管理整体预算绩效目标1个，涉及预算金额1,114.62万元。',
      ['error N6'],
    ],
    [
      'hard line breaks and OCR spaces are joined',
      '基本支出 388. 19 万元,比上年预算增加 37. 78 万元,\n\n增长 10. 78%,主要原因是……',
      [],
    ],
  ])('%s', (_name, text, expected) => {
    expect(check(text)).toEqual(expected);
  });

  it('reads a .docx', async () => {
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      '<w:document><w:body><w:p><w:r><w:t>单位资金8.72万元，</w:t></w:r><w:r><w:t xml:space="preserve">比上年预算减少5.20万元，下降37.36%。</w:t></w:r></w:p></w:body></w:document>',
    );
    const text = await docxText(await zip.generateAsync({ type: 'uint8array' }));
    expect(text).toBe('单位资金8.72万元，比上年预算减少5.20万元，下降37.36%。');
  });
});
