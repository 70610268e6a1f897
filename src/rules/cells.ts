/**
 * Cells the engine cannot read: text where an amount belongs, Excel error values, formulas whose
 * result the file does not hold. Each is a finding at its cell; the arithmetic rules skip them.
 */
import { tableName, columnName } from '../engine/compare';
import { Rule } from '../engine/types';
import { findingMessage } from '../i18n/messages';
import { a1 } from '../workbook/model';
import { AmountCell } from '../recognize/types';
import { RowAmounts } from '../recognize/amounts';

/** Set by seeUnreadable: whether the row just looked at has a cell the rule reports. */
let unreadable = false;
const seeUnreadable = (cell: AmountCell) => {
  if (cell.invalid || cell.uncalculated) unreadable = true;
};

const rule: Rule = {
  id: 'C1',
  scope: 'cell',
  severity: 'error',
  family: 'any',
  title: { zh: '无法读取的单元格', en: 'Unreadable cells' },
  message: { zh: '{table} {column}：{reason}', en: '{table} {column}: {reason}' },
  run(ctx) {
    for (const t of ctx.tables) {
      const tn = tableName(t);
      for (const row of t.rows) {
        // Most rows have no such cell: the reader noted which have (RowAmounts), else looked for
        // without an entry array or iterator per row.
        if (row.amounts instanceof RowAmounts) {
          if (!row.amounts.anyUnreadable()) continue;
        } else {
          unreadable = false;
          row.amounts.forEach(seeUnreadable);
          if (!unreadable) continue;
        }
        for (const [key, cell] of row.amounts) {
          if (!cell.invalid && !cell.uncalculated) continue;
          const cn = columnName(t, key);
          const text = cell.invalid
            ? findingMessage('C1.invalid', { table: tn, column: cn, reason: cell.invalid })
            : findingMessage('C1.uncalculated', { table: tn, column: cn, formula: cell.formula ?? '' });
          ctx.report({
            rule: rule.id,
            severity: cell.invalid ? 'error' : 'warning',
            sheet: t.sheet.name,
            cell: a1(cell.r, cell.c),
            related: [],
            actual:
              typeof cell.raw === 'object' && cell.raw !== null ? JSON.stringify(cell.raw) : String(cell.raw ?? ''),
            ...text,
          });
        }
      }
    }
  },
};

export default rule;
