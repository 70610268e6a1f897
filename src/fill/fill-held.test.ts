/**
 * Issue 16 item 13: fill must not contradict the audit or spread a typo. When a derived cell and
 * its items disagree and another check confirms the cell, nothing is proposed for it (or for the
 * totals above it) and the preview says why; rounding differences are told apart from "all right".
 */
import { cleanSeed001, publishedSeed001, seed001Workbook } from '../../test/helpers/seed001';
import { typoSeed001 } from '../../scripts/make-samples';
import { proposeFills } from './fill';

describe('fill holds a confirmed total and names the suspect item', () => {
  it('on the typo sample proposes no change to 表6 E7 or the totals above it', () => {
    const res = proposeFills(seed001Workbook(typoSeed001()));
    const ids = res.proposals.map((p) => `${p.id} ${p.old?.value} → ${p.value}`);
    expect(ids).toEqual(['表3!F8 287.48 → 278.48']);
    expect(ids.some((p) => p.startsWith('表6!'))).toBe(false);
    expect(res.held.map((h) => `${h.id} ${h.stated} ${h.sum}`)).toEqual(['表6!E7 336.7 363.7']);
    expect(res.held[0].why.zh).toBe(
      '表6!E7 为 336.70，与其组成项之和 363.70 不符；但 336.70 与“表6 总计 人员经费 = 301 工资福利支出 + 302 商品和服务支出 + 303 对个人和家庭的补助”相符，所以不改它（改了会把错误带进上级合计），请检查组成项（141.30 可能应为 114.30）',
    );
    expect(res.held[0].why.en).toMatch(/left alone .* check its items \(141\.30 may be 114\.30\)$/);
  });

  it('still proposes a total typed wrong whose items and parent agree with each other', () => {
    const s = cleanSeed001();
    const r = s.t6.find((x) => x.code === '301')!;
    r.values!.personnel = 363.7; // 336.70 typed as 363.70: its parent and its row now disagree with it
    const res = proposeFills(seed001Workbook(s));
    expect(res.held).toEqual([]);
    expect(res.proposals.map((p) => `${p.id} ${p.old?.value} → ${p.value}`)).toEqual(['表6!E7 363.7 → 336.7']);
  });

  it('fixes the item, not the totals above it, when the item can be derived', () => {
    const s = cleanSeed001();
    s.t3.find((r) => r.code === '2080109')!.values!.total = 320.2; // 302.20 typed as 320.20
    const res = proposeFills(seed001Workbook(s));
    expect(res.proposals.map((p) => `${p.id} ${p.old?.value} → ${p.value} ${p.formula}`)).toEqual([
      '表3!E9 320.2 → 302.2 =F9+G9',
    ]);
    expect(res.held).toEqual([]);
  });

  it('a package without differences has nothing held and no rounding', () => {
    const res = proposeFills(seed001Workbook(cleanSeed001()));
    expect(res).toMatchObject({ proposals: [], held: [], rounding: [] });
  });

  it('on the published sample reports the rounding differences it leaves, not "all right"', () => {
    const res = proposeFills(seed001Workbook(publishedSeed001()));
    expect(res.proposals).toEqual([]);
    expect(res.held).toEqual([]);
    expect(res.rounding.length).toBeGreaterThan(0);
    expect(res.rounding).toContainEqual({ id: '表3!E6', stated: '1114.26', sum: '1114.27' });
  });
});
