/**
 * Issue 16 item 16: the draft's year comes from the package (titles first, then its empty-table
 * sentences and sheet names), never silently from the clock; when none names a year
 * the draft says 20XX and the notice says so. Section numbers run 一 to 十二 without gaps.
 */
import { recognizeWorkbook } from '../recognize/recognize';
import { cleanSeed001, seed001Workbook } from '../../test/helpers/seed001';
import { draftNarrative, packageYear, yearNotice, YEAR_PLACEHOLDER } from './draft';
import { WorkbookModel } from '../workbook/model';

const tablesOf = (m: WorkbookModel) => recognizeWorkbook(m).tables;

/** The seed with every 2025 taken out of its notes and project names. */
function yearless(): WorkbookModel {
  const m = seed001Workbook(cleanSeed001());
  for (const s of m.sheets)
    for (const row of s.rows)
      for (const c of row ?? []) if (c && typeof c.v === 'string') c.v = c.v.replace(/2025年/g, '本年');
  return m;
}

describe('the draft’s year', () => {
  it('is read from a title when one carries it', () => {
    const m = seed001Workbook(cleanSeed001());
    m.sheets[0].rows[0][0]!.v = '阿图什市社会保险中心2024年部门收支总体情况表';
    m.sheets[1].rows[0][0]!.v = '2024年部门收入总体情况表';
    const y = packageYear(tablesOf(m));
    expect(y).toMatchObject({ year: 2024, source: 'title' });
    expect(draftNarrative(tablesOf(m), new Map())).toContain('阿图什市社会保险中心2024年收支预算情况');
    expect(yearNotice(tablesOf(m)).zh).toMatch(/^预算年度 2024，取自表名“/);
  });

  it('falls back to the empty-table sentences (seed 001 prints no year in its titles)', () => {
    const tables = tablesOf(seed001Workbook(cleanSeed001()));
    expect(packageYear(tables)).toMatchObject({ year: 2025, source: 'note' });
    expect(draftNarrative(tables, new Map())).toMatch(/^一、关于阿图什市社会保险中心2025年收支预算情况的总体说明$/m);
  });

  it('never takes the clock: without a year in the package it writes 20XX and says so', () => {
    const clock = jest.spyOn(Date.prototype, 'getFullYear').mockReturnValue(2031);
    try {
      const tables = tablesOf(yearless());
      expect(packageYear(tables)).toBeUndefined();
      const draft = draftNarrative(tables, new Map());
      expect(draft).not.toMatch(/2031|2026/);
      expect(draft).toContain(`阿图什市社会保险中心${YEAR_PLACEHOLDER}年收支预算情况`);
      const notice = yearNotice(tables);
      expect(notice.zh).toMatch(/没有年份.*20XX/);
      expect(notice.en).toMatch(/No year .* 20XX/);
      expect(yearNotice(tables, 2025).zh).toBe('预算年度 2025（指定）');
      expect(draftNarrative(tables, new Map(), { year: 2025 })).toContain('中心2025年收支预算情况');
    } finally {
      clock.mockRestore();
    }
  });

  it('numbers the sections 一 to 十二 without a gap', () => {
    const draft = draftNarrative(tablesOf(seed001Workbook(cleanSeed001())), new Map());
    const numbers = draft
      .split('\n')
      .map((l) => /^([一二三四五六七八九十]+)、/.exec(l)?.[1])
      .filter(Boolean);
    expect(numbers).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']);
    expect(draft).toContain(
      '阿图什市社会保险中心2025年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。',
    );
    expect(draft).toContain('阿图什市社会保险中心2025年没有上年结转结余预算安排的支出，上年结转结余情况明细表为空表。');
  });
});
