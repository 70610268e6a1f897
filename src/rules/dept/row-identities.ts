/**
 * Row identities of the coded and project tables (one rule kind: "within each row, a column is
 * the sum of others"):
 * - T2 every row: col2 = col3 + … + col8; col1 = col2 + col9 + col10 + col11 + col12.
 * - T3, T5 every row: 合计 = 基本支出 + 项目支出.
 * - T8, T9 every row: 合计 = 人员经费 + 公用经费 + 项目支出.
 */
import { checkRowIdentity } from '../../engine/access';
import { Rule } from '../../engine/types';

interface Identity {
  target: string;
  items: string[];
}

function rowIdentityRule(id: string, table: string, title: { zh: string; en: string }, identities: Identity[]): Rule {
  const rule: Rule = {
    id,
    scope: 'table',
    severity: 'error',
    family: 'dept',
    title,
    message: {
      zh: '{where}：{actual} ≠ {items} = {expected}，差 {difference}',
      en: '{where}: {actual} ≠ {items} = {expected}, difference {difference}',
    },
    run(ctx) {
      for (const t of ctx.tablesOf(table)) {
        const rows = t.rows.filter((r) => r.kind !== 'other' || r.amounts.size > 0);
        for (const { target, items } of identities) checkRowIdentity(ctx, rule, t, rows, target, items);
      }
    },
  };
  return rule;
}

export const T2 = rowIdentityRule(
  'T2',
  'dept.t02',
  { zh: '表2 每行收入来源合计', en: 'Table 2 income sources add up in every row' },
  [
    { target: 'fiscal', items: ['gpb', 'gpbTransfer', 'gfb', 'gfbTransfer', 'socb', 'socbTransfer'] },
    { target: 'total', items: ['fiscal', 'special', 'unit', 'fiscalCarry', 'nonFiscalCarry'] },
  ],
);

export const T3 = rowIdentityRule(
  'T3',
  'dept.t03',
  { zh: '表3 每行 合计 = 基本支出 + 项目支出', en: 'Table 3: total = basic + project in every row' },
  [{ target: 'total', items: ['basic', 'project'] }],
);

export const T5 = rowIdentityRule(
  'T5',
  'dept.t05',
  { zh: '表5 每行 合计 = 基本支出 + 项目支出', en: 'Table 5: total = basic + project in every row' },
  [{ target: 'total', items: ['basic', 'project'] }],
);

export const T8 = rowIdentityRule(
  'T8',
  'dept.t08',
  { zh: '表8 每行 合计 = 人员经费 + 公用经费 + 项目支出', en: 'Table 8: total = personnel + public + project' },
  [{ target: 'total', items: ['personnel', 'public', 'project'] }],
);

export const T9 = rowIdentityRule(
  'T9',
  'dept.t09',
  { zh: '表9 每行 合计 = 人员经费 + 公用经费 + 项目支出', en: 'Table 9: total = personnel + public + project' },
  [{ target: 'total', items: ['personnel', 'public', 'project'] }],
);

export default [T2, T3, T5, T8, T9];
