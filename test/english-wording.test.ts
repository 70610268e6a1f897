/**
 * Issue 16 item 18: English plurals and wording — "1 file", "1 warning", notes rather than
 * "infos", and "the sum of its 7 sub-items" rather than "its sub-items the sum of 7 items".
 */
import { validateWorkbook } from '../src/engine/validate';
import { message, registerMessages } from '../src/i18n/messages';
import { buildReport, fileReport } from '../src/report/report';
import { formatText } from '../src/report/text';
import { reportSheet } from '../src/report/sheet';
import { reportWorkbook } from '../src/report/xlsx';
import { readXlsx } from '../src/xlsx/read';
import { typoSeed001 } from '../scripts/make-samples';
import { cleanSeed001, seed001Workbook } from './helpers/seed001';

describe('English wording', () => {
  it('counts files and findings with the right plural', () => {
    const s = cleanSeed001();
    s.t3.find((r) => r.code === '2101102')!.values!.total = 4.26; // one rounding warning and its kin
    const res = validateWorkbook(seed001Workbook(s));
    const one = { ...res, findings: res.findings.slice(0, 1), summary: { errors: 0, warnings: 1, infos: 1 } };
    const text = formatText(buildReport([fileReport('a.xlsx', one)]), 'en');
    expect(text).toContain('0 errors, 1 warning, 1 note');
    expect(text).toMatch(/^1 file: 0 errors, 1 warning, 1 note$/m);
    expect(text).not.toMatch(/infos|1 files|1 warnings/);
    const two = formatText(buildReport([fileReport('a.xlsx', res), fileReport('b.xlsx', res)]), 'en');
    expect(two).toMatch(/^2 files: /m);
  });

  it('the 审核报告 sheet and the .xlsx report count in English the same way', async () => {
    const sheet = reportSheet([], { errors: 1, warnings: 0, infos: 2 }, 'en');
    expect(sheet.rows[1]?.[0]?.v).toBe('1 error, 0 warnings, 2 notes');
    const res = validateWorkbook(seed001Workbook(cleanSeed001()));
    const book = await readXlsx(await reportWorkbook(buildReport([fileReport('a.xlsx', res)]), 'en'));
    const headers = book.sheets.flatMap((s) => (s.rows[0] ?? []).map((c) => c?.v));
    expect(headers).toContain('Notes');
    expect(headers).not.toContain('Infos');
  }, 60_000);

  it('says "the sum of its 7 sub-items" when the items are too many to list; Chinese unchanged', () => {
    const res = validateWorkbook(seed001Workbook(typoSeed001()));
    const t6 = res.findings.find((f) => f.sheet === '表6' && f.cell === 'E7')!;
    expect(t6.messageEn).toBe(
      'Table 6 301 工资福利支出, personnel: 336.70 ≠ the sum of its 7 sub-items = 363.70, difference 27.00',
    );
    expect(t6.message).toBe('表6 301 工资福利支出 人员经费：336.70 ≠ 下级科目 7 项之和 = 363.70，差 27.00');
    const t3 = res.findings.find((f) => f.sheet === '表3' && f.cell === 'F7')!;
    expect(t3.messageEn).toMatch(/≠ its sub-items 20801 287\.48 \+ 20805 58\.80 = 346\.28/);
  });

  it('chooses a plural form by the number in {n:one|other}', () => {
    registerMessages({ 'test.plural': { zh: '{n} 个文件', en: '{n:1 file|# files}, {n} {n:warning|warnings}' } });
    expect(message('test.plural', { n: 1 }).en).toBe('1 file, 1 warning');
    expect(message('test.plural', { n: 3 }).en).toBe('3 files, 3 warnings');
    expect(message('test.plural', { n: 0 }).en).toBe('0 files, 0 warnings');
    expect(message('test.plural', { n: 1 }).zh).toBe('1 个文件');
  });
});
