/**
 * T7 一般公共预算项目支出情况表: every row 项目支出合计 = Σ cols 2..11; a function row = Σ its project
 * rows; the unit's row = 总计.
 */
import { amountKeys, checkRowIdentity, checkRowSum, rowsWithCode, totalRow } from '../../engine/access';
import { checkSum, operand, where } from '../../engine/compare';
import { Rule } from '../../engine/types';

const ECON = ['e301', 'e302', 'e303', 'e307', 'e309', 'e310', 'e311', 'e312', 'e313', 'e399'];

const rule: Rule = {
  id: 'T7',
  scope: 'table',
  severity: 'error',
  family: 'dept',
  title: { zh: '表7 项目支出合计', en: 'Table 7 project sums' },
  message: {
    zh: '{where}：{actual} ≠ {items} = {expected}，差 {difference}',
    en: '{where}: {actual} ≠ {items} = {expected}, difference {difference}',
  },
  run(ctx) {
    for (const table of ctx.tablesOf('dept.t07')) {
      checkRowIdentity(ctx, rule, table, table.rows, 'total', ECON);
      const keys = amountKeys(table);
      // A function 项 row followed by its projects (same code): row = Σ projects.
      for (const fn of table.rows.filter((r) => r.kind === 'code' && r.code?.length === 7)) {
        const projects = rowsWithCode(table, fn.code!).filter((r) => r.kind === 'project');
        if (projects.length)
          checkRowSum(
            ctx,
            rule,
            table,
            fn,
            projects.map((p) => ({ ...p, code: undefined, name: p.project ?? p.name })),
            keys,
          );
      }
      const total = totalRow(table);
      const unit = table.rows.find((r) => r.kind === 'unit');
      if (total && unit) {
        for (const key of keys) {
          const a = operand(table, unit, key);
          const b = operand(table, total, key, { zh: '总计', en: 'total' });
          if (a && b)
            checkSum(ctx, { rule, target: a, items: [b], where: () => where(table, unit, key), copied: true });
        }
      }
    }
  },
};

export default rule;
