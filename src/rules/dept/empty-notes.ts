/**
 * Empty tables: a table with no amounts keeps its header and says so in a sentence
 * (`…没有使用…安排的支出，…为空表。`). An empty table without the sentence is a finding, and so is
 * the sentence under a table that has amounts.
 */
import { tableName } from '../../engine/compare';
import { Rule } from '../../engine/types';
import { findingMessage } from '../../i18n/messages';
import { RecognizedTable } from '../../recognize/types';
import { a1 } from '../../workbook/model';

function hasAmounts(t: RecognizedTable): boolean {
  return t.rows.some((r) => [...r.amounts.values()].some((a) => a.value !== null && !a.value.isZero()));
}

const rule: Rule = {
  id: 'E1',
  scope: 'table',
  severity: 'warning',
  family: 'dept',
  title: { zh: '空表说明', en: 'Empty-table notes' },
  message: { zh: '{table} 空表说明', en: '{table} empty-table note' },
  run(ctx) {
    for (const t of ctx.tables) {
      if (t.template.family !== 'dept') continue;
      const tn = tableName(t);
      const amounts = hasAmounts(t);
      if (!amounts && !t.note) {
        const p = { title: t.template.title };
        ctx.report({
          rule: rule.id,
          severity: 'warning',
          sheet: t.sheet.name,
          cell: a1(t.title.r, t.title.c),
          related: [],
          ...findingMessage('E.noNote', { ...p, table: tn }),
        });
      } else if (amounts && t.note) {
        const p = { title: t.template.title, note: t.note.text };
        ctx.report({
          rule: rule.id,
          severity: 'warning',
          sheet: t.sheet.name,
          cell: a1(t.note.r, t.note.c),
          related: [],
          ...findingMessage('E.noteWithAmounts', { ...p, table: tn }),
        });
      }
    }
  },
};

export default rule;
