/**
 * SI-8 a `其中` row never exceeds the row it breaks down, and has no amount under an empty parent.
 * Every amount column (not the percent).
 */
import { formatAmount } from '../../amount/format';
import { cellRefOf } from '../../engine/compare';
import { Rule } from '../../engine/types';
import { findingMessage, perLanguage } from '../../i18n/messages';
import { TableRow } from '../../recognize/types';
import { a1 } from '../../workbook/model';
import { allFundTables, hasValue, moneyKeys, siRowLabel, siWhere } from './package';

const rule: Rule = {
  id: 'SI-8',
  scope: 'table',
  severity: 'error',
  family: 'si',
  title: { zh: '“其中”不大于所属项', en: '“Of which” never exceeds its parent' },
  message: { zh: '{where}', en: '{where}' },
  run(ctx) {
    for (const ft of allFundTables(ctx)) {
      const t = ft.table;
      const subs: [TableRow, TableRow][] = [];
      for (const [, row] of ft.totalSubs) if (ft.total) subs.push([row, ft.total]);
      for (const line of ft.funds.values()) for (const [, row] of line.subs) subs.push([row, line.row]);
      for (const [row, parent] of subs) {
        for (const key of moneyKeys(t)) {
          const cell = row.amounts.get(key);
          const limit = parent.amounts.get(key);
          if (!hasValue(cell) || cell.value.isZero() || !limit || limit.invalid || limit.uncalculated) continue;
          const empty = !hasValue(limit);
          if (!empty && cell.value.lte(limit.value!)) continue;
          const params = (lang: 'zh' | 'en') => ({
            where: siWhere(t, row, key)[lang],
            parent: siRowLabel(parent)[lang],
            actual: formatAmount(cell.value),
            limit: empty ? '' : formatAmount(limit.value!),
            difference: empty ? '' : formatAmount(cell.value.minus(limit.value!)),
          });
          const key2 = empty ? 'SI-8.emptyParent' : 'SI-8.above';
          ctx.report({
            rule: rule.id,
            severity: 'error',
            sheet: t.sheet.name,
            cell: a1(cell.r, cell.c),
            related: [cellRefOf({ table: t, cell: limit })],
            expected: empty ? '0' : limit.value!.toFixed(),
            actual: cell.value.toFixed(),
            difference: empty ? cell.value.toFixed() : cell.value.minus(limit.value!).toFixed(),
            ...findingMessage(key2, perLanguage(params('zh'), params('en'))),
          });
        }
      }
    }
  },
};

export default rule;
