/** H2: 总计 = Σ类 in every amount column. */
import { amountKeys, checkRowSum, codedRows, totalRow } from '../../engine/access';
import { Rule } from '../../engine/types';
import { findingMessage } from '../../i18n/messages';
import { a1 } from '../../workbook/model';

const CODED = ['dept.t02', 'dept.t03', 'dept.t05', 'dept.t06', 'dept.t07', 'dept.t08', 'dept.t09'];

const rule: Rule = {
  id: 'H2',
  scope: 'table',
  severity: 'error',
  family: 'dept',
  title: { zh: '总计 = Σ类', en: 'Total = Σ classes' },
  message: {
    zh: '{where}：{actual} ≠ 各类 {items} = {expected}，差 {difference}',
    en: '{where}: {actual} ≠ the classes {items} = {expected}, difference {difference}',
  },
  messageMany: {
    zh: '{where}：{actual} ≠ 各类 {n} 项之和 = {expected}，差 {difference}',
    en: '{where}: {actual} ≠ the sum of its {n} classes = {expected}, difference {difference}',
  },
  run(ctx) {
    for (const id of CODED) {
      for (const table of ctx.tablesOf(id)) {
        const total = totalRow(table);
        if (!total) continue;
        const classes = codedRows(table).filter((r) => r.code!.length === 3 && r.kind === 'code');
        checkRowSum(ctx, rule, table, total, classes, amountKeys(table));
        if (classes.length === 0) {
          for (const key of amountKeys(table)) {
            const cell = total.amounts.get(key);
            if (cell?.value && !cell.value.isZero()) {
              ctx.report({
                rule: rule.id,
                severity: 'error',
                sheet: table.sheet.name,
                cell: a1(cell.r, cell.c),
                related: [],
                expected: '0',
                actual: cell.value.toFixed(),
                difference: cell.value.toFixed(),
                ...findingMessage('H2.noClasses', { no: table.template.no, amount: cell.value.toFixed() }),
              });
              break;
            }
          }
        }
      }
    }
  },
};

export default rule;
