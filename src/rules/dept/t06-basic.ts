/**
 * T6 一般公共预算基本支出情况表: every row 合计 = 人员经费 + 公用经费; 总计 人员经费 = 301 + 303;
 * 总计 公用经费 = 302 (+ 310 and any other class under basic spending).
 */
import { checkRowIdentity, codedRows, totalRow } from '../../engine/access';
import { checkSum, operand, Operand, where } from '../../engine/compare';
import { Rule } from '../../engine/types';

const PERSONNEL = new Set(['301', '303']);

const rule: Rule = {
  id: 'T6',
  scope: 'table',
  severity: 'error',
  family: 'dept',
  title: { zh: '表6 人员经费与公用经费', en: 'Table 6 personnel and public expenses' },
  message: {
    zh: '{where}：{actual} ≠ {items} = {expected}，差 {difference}',
    en: '{where}: {actual} ≠ {items} = {expected}, difference {difference}',
  },
  run(ctx) {
    for (const table of ctx.tablesOf('dept.t06')) {
      const rows = table.rows.filter((r) => r.kind === 'total' || r.kind === 'code');
      checkRowIdentity(ctx, rule, table, rows, 'total', ['personnel', 'public']);
      const total = totalRow(table);
      if (!total) continue;
      const classes = codedRows(table).filter((r) => r.code!.length === 3);
      if (classes.length === 0) continue;
      for (const [key, pick] of [
        ['personnel', (code: string) => PERSONNEL.has(code)],
        ['public', (code: string) => !PERSONNEL.has(code)],
      ] as const) {
        const t = operand(table, total, key);
        if (!t) continue;
        const items = classes
          .filter((r) => pick(r.code!))
          .map((r) => operand(table, r, 'total', { zh: `${r.code} 合计`, en: `${r.code} total` }))
          .filter((o): o is Operand => o !== undefined);
        if (items.length === 0) continue;
        checkSum(ctx, { rule, target: t, items, where: () => where(table, total, key), copied: false });
      }
    }
  },
};

export default rule;
