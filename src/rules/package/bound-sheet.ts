/**
 * P4: a sheet the user bound to a form (`--bind "Sheet=表5"`, the pane's 此表是…) that does not fit
 * it. An 错误 when the header lacks the form's columns (the table is then not checked), a 警告 when
 * the binding names no form (the sheet was recognised as usual), a 提示 when the table was read as
 * bound but its own title names other terms (which ones).
 */
import { Rule } from '../../engine/types';
import { message } from '../../i18n/messages';
import { allTemplates } from '../../templates';
import { a1 } from '../../workbook/model';
import { termsNote } from '../../recognize/title-terms';
import { SheetRecognition } from '../../recognize/types';

function report(s: SheetRecognition): { severity: 'error' | 'warning' | 'info'; zh: string; en: string } | undefined {
  const b = s.binding;
  if (!b) return undefined;
  if (b.unknown) {
    const m = message('bind.unknown', { sheet: s.sheet, ref: b.ref });
    return { severity: 'warning', ...m };
  }
  const t = allTemplates().find((x) => x.id === b.template);
  const title = t?.title ?? b.ref;
  if (b.missing) {
    const m = message('bind.missing', { sheet: s.sheet, title, columns: b.missing.join('、') });
    return { severity: 'error', ...m };
  }
  const note = termsNote(b.title ?? '', title, b.titleTerms);
  if (!note) return undefined;
  return {
    severity: 'info',
    zh: message('bind.title', { sheet: s.sheet, title, note: note.zh }).zh,
    en: message('bind.title', { sheet: s.sheet, title, note: note.en }).en,
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
      const hint = message('bind.hint');
      ctx.report({
        rule: rule.id,
        severity: r.severity,
        sheet: s.sheet,
        cell: s.table && s.table.title.r >= 0 && s.binding?.title ? a1(s.table.title.r, s.table.title.c) : '',
        related: [],
        message: r.zh,
        messageEn: r.en,
        hint: hint.zh,
        hintEn: hint.en,
      });
    }
  },
};

export default rule;
