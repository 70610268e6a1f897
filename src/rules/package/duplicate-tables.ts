/** P1: the same table twice in one workbook. Cross-table rules use the first copy; say so. */
import { Rule } from '../../engine/types';
import { findingMessage } from '../../i18n/messages';
import { a1 } from '../../workbook/model';

const rule: Rule = {
  id: 'P1',
  scope: 'package',
  severity: 'warning',
  family: 'any',
  title: { zh: '重复的表', en: 'Duplicate tables' },
  message: { zh: '{title} 重复', en: '{title} twice' },
  run(ctx) {
    const byTable = new Map<string, (typeof ctx.tables)[number][]>();
    for (const t of ctx.tables) {
      // Fund tables come in 全市 and 本级 copies by design; only department tables are unique.
      if (t.template.family !== 'dept') continue;
      const list = byTable.get(t.template.table) ?? [];
      list.push(t);
      byTable.set(t.template.table, list);
    }
    for (const list of byTable.values()) {
      if (list.length < 2) continue;
      const p = { n: list.length, title: list[0].template.title, sheets: list.map((t) => t.sheet.name).join('、') };
      const second = list[1];
      ctx.report({
        rule: rule.id,
        severity: 'warning',
        sheet: second.sheet.name,
        cell: a1(second.title.r, second.title.c),
        related: [],
        ...findingMessage('P1.duplicate', p),
      });
    }
  },
};

export default rule;
