/**
 * T10 财政拨款"三公"经费支出情况表: 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费（小计）;
 * 小计 = 购置费 + 运行费; every row 合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算.
 */
import { amountKeys, checkRowIdentity, checkRowSum, fixedRow } from '../../engine/access';
import { Rule } from '../../engine/types';
import { TableRow } from '../../recognize/types';

const rule: Rule = {
  id: 'T10',
  scope: 'table',
  severity: 'error',
  family: 'dept',
  title: { zh: '表10 “三公”经费合计', en: 'Table 10 "three public" sums' },
  message: {
    zh: '{where}：{actual} ≠ {items} = {expected}，差 {difference}',
    en: '{where}: {actual} ≠ {items} = {expected}, difference {difference}',
  },
  run(ctx) {
    for (const table of ctx.tablesOf('dept.t10')) {
      const get = (keys: string[]) => keys.map((k) => fixedRow(table, k)).filter((r): r is TableRow => r !== undefined);
      const keys = amountKeys(table);
      const total = fixedRow(table, 'total');
      if (total) checkRowSum(ctx, rule, table, total, get(['abroad', 'reception', 'vehicles']), keys);
      const vehicles = fixedRow(table, 'vehicles');
      if (vehicles) checkRowSum(ctx, rule, table, vehicles, get(['vehiclePurchase', 'vehicleRunning']), keys);
      checkRowIdentity(ctx, rule, table, table.rows, 'total', ['gpb', 'gfb', 'socb']);
    }
  },
};

export default rule;
