/**
 * SI-12 本级 ≤ 全市/全地区, cell by cell (every row matched by code or meaning, every amount column).
 * Tables in different units are compared in 万元. Left out: the 平衡表's 11018 下级上解收入 and 23018 补助下级支出 and the two 总计 that include them:
 * transfers between the levels inside the area are the 本级's own but cancel out in the whole area.
 */
import { formatAmount } from '../../amount/format';
import { cellRefOf, tableName } from '../../engine/compare';
import { Rule } from '../../engine/types';
import { findingMessage, message, perLanguage } from '../../i18n/messages';
import { a1 } from '../../workbook/model';
import { hasValue, inWan, moneyKeys, siWhere } from './package';
import { scopePairs } from './scope-pairs';

const EXEMPT = new Set(['income:11018', 'expense:23018', 'income:grand', 'expense:grand']);

const rule: Rule = {
  id: 'SI-12',
  scope: 'cross',
  severity: 'error',
  family: 'si',
  title: { zh: '本级不大于全市（全地区）', en: 'Own level never exceeds the whole area' },
  message: { zh: '{where}', en: '{where}' },
  run(ctx) {
    for (const pair of scopePairs(ctx)) {
      for (const [key, own] of pair.ownRows) {
        if (EXEMPT.has(key)) continue;
        const whole = pair.wholeRows.get(key);
        for (const col of moneyKeys(pair.own)) {
          const cell = own.amounts.get(col);
          if (!hasValue(cell) || cell.value.isZero()) continue;
          const limitCell = whole?.amounts.get(col);
          if (limitCell && (limitCell.invalid || limitCell.uncalculated)) continue;
          const limit = hasValue(limitCell) ? limitCell.value : undefined;
          if (limit && inWan(pair.own, cell.value).lte(inWan(pair.whole, limit))) continue;
          if (!limit && cell.value.isNegative()) continue;
          const p = (lang: 'zh' | 'en') => ({
            where: siWhere(pair.own, own, col)[lang],
            own: formatAmount(cell.value, { decimals: cell.decimals }),
            whole: tableName(pair.whole)[lang],
            limit: limit ? formatAmount(limit, { decimals: limitCell!.decimals }) : message('compare.empty')[lang],
            difference: formatAmount(cell.value.minus(limit ?? 0), { decimals: cell.decimals }),
          });
          ctx.report({
            rule: rule.id,
            severity: 'error',
            sheet: pair.own.sheet.name,
            cell: a1(cell.r, cell.c),
            related: limitCell ? [cellRefOf({ table: pair.whole, cell: limitCell })] : [],
            expected: (limit ?? cell.value.times(0)).toFixed(),
            actual: cell.value.toFixed(),
            difference: cell.value.minus(limit ?? 0).toFixed(),
            ...findingMessage('SI-12.above', perLanguage(p('zh'), p('en'))),
          });
        }
      }
    }
  },
};

export default rule;
