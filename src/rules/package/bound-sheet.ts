/**
 * P4: a sheet the user bound to a form (`--bind "Sheet=表5"`, the pane's 此表是…) that does not fit
 * it. An 错误 when the header lacks the form's columns (the table is then not checked), a 警告 when
 * the binding names no form (the sheet was recognised as usual), a 提示 when the table was read as
 * bound but its own title names other terms (which ones).
 */
import { Rule } from '../../engine/types';
import { findingMessage, hintFields, hintMessage, message, MessageFields } from '../../i18n/messages';
import { allTemplates } from '../../templates';
import { a1 } from '../../workbook/model';
import { termsNote } from '../../recognize/title-terms';
import { SheetRecognition } from '../../recognize/types';

function report(s: SheetRecognition): ({ severity: 'error' | 'warning' | 'info' } & MessageFields) | undefined {
  const b = s.binding;
  if (!b) return undefined;
  if (b.unknown) {
    return { severity: 'warning', ...findingMessage('bind.unknown', { sheet: s.sheet, ref: b.ref }) };
  }
  const t = allTemplates().find((x) => x.id === b.template);
  const title = t?.title ?? b.ref;
  if (b.missing) {
    const params = { sheet: s.sheet, title, columns: b.missing.join('、') };
    return { severity: 'error', ...findingMessage('bind.missing', params) };
  }
  const note = termsNote(b.title ?? '', title, b.titleTerms);
  if (!note) return undefined;
  return {
    severity: 'info',
    ...findingMessage('bind.title', { sheet: s.sheet, title, note }),
  };
}

const rule: Rule = {
  id: 'P4',
  scope: 'package',
  severity: 'error',
  family: 'any',
  title: { zh: '指定表样与工作表不符', en: 'Sheet does not fit the form it is bound to' },
  message: message('bind.missing'),
  run(ctx) {
    for (const s of ctx.sheets ?? []) {
      const r = report(s);
      if (!r) continue;
      const { severity, ...text } = r;
      const hint = hintMessage('bind.hint');
      ctx.report({
        rule: rule.id,
        severity,
        sheet: s.sheet,
        cell: s.table && s.table.title.r >= 0 && s.binding?.title ? a1(s.table.title.r, s.table.title.c) : '',
        related: [],
        ...text,
        ...hintFields(hint),
      });
    }
  },
};

export default rule;
