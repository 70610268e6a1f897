/** H1: 类 = Σ款 and 款 = Σ项 by code prefix (3/5/7 digits; economic codes 3/5), in every amount column. */
import { amountKeys, checkRowSum, childrenOf, codedRows, firstByCode } from '../../engine/access';
import { Rule } from '../../engine/types';

const CODED = ['dept.t02', 'dept.t03', 'dept.t05', 'dept.t06', 'dept.t07', 'dept.t08', 'dept.t09'];

const rule: Rule = {
  id: 'H1',
  scope: 'table',
  severity: 'error',
  family: 'dept',
  title: {
    zh: '科目层级合计（类 = Σ款，款 = Σ项）',
    en: 'Code hierarchy sums (class = Σ sections, section = Σ items)',
  },
  message: {
    zh: '{where}：{actual} ≠ 下级科目 {items} = {expected}，差 {difference}',
    en: '{where}: {actual} ≠ its sub-items {items} = {expected}, difference {difference}',
  },
  messageMany: {
    zh: '{where}：{actual} ≠ 下级科目 {n} 项之和 = {expected}，差 {difference}',
    en: '{where}: {actual} ≠ the sum of its {n} sub-items = {expected}, difference {difference}',
  },
  run(ctx) {
    for (const id of CODED) {
      for (const table of ctx.tablesOf(id)) {
        const rows = codedRows(table);
        const keys = amountKeys(table);
        for (const [code, parent] of firstByCode(rows)) {
          if (code.length >= 7) continue;
          if (parent.kind === 'project') continue;
          checkRowSum(ctx, rule, table, parent, childrenOf(table, code), keys);
        }
      }
    }
  },
};

export default rule;
