/**
 * P3: a sheet that holds amounts but was not recognised, in a package where other tables were.
 * Without it, one stray cell that defeats the recognizer would hide every error on that sheet and
 * the file would pass. A 警告 names the sheet and why; an 错误 when the table the sheet most
 * likely holds is missing from the package, so the cross-table checks that need it could not run.
 */
import { Rule } from '../../engine/types';
import { findingMessage, hintFields, hintMessage, message } from '../../i18n/messages';
import { allTemplates } from '../../templates';
import { SheetModel } from '../../workbook/model';

/** Cells that look like amounts: numbers that are not 0, a column number (1–99) or a year; decimal texts. */
export function countAmounts(sheet: SheetModel, limit = 1000): number {
  let n = 0;
  // `some` skips the holes of a sparse row list (one cell at A1048576 is one row, not a million).
  sheet.rows.some((row) =>
    row?.some((cell) => {
      const v = cell?.v;
      if (typeof v === 'number') {
        if (!Number.isFinite(v) || v === 0) return false;
        const a = Math.abs(v);
        if (Number.isInteger(a) && (a < 100 || (a >= 1900 && a <= 2100))) return false;
        n++;
      } else if (
        typeof v === 'string' &&
        v.length < 40 &&
        /^[\s(（-]*[\d,，]+[.．]\d{1,2}[\s)）]*$/.test(v.normalize('NFKC'))
      )
        n++;
      return n >= limit;
    }),
  );
  return n;
}

const rule: Rule = {
  id: 'P3',
  scope: 'package',
  severity: 'warning',
  family: 'any',
  title: { zh: '含金额的工作表未识别', en: 'Unrecognised sheet with amounts' },
  message: message('P3.unrecognised'),
  run(ctx) {
    if (!ctx.sheets || !ctx.workbook || ctx.tables.length === 0) return;
    const present = new Set(ctx.tables.map((t) => t.template.table));
    const families = new Set(ctx.tables.map((t) => t.template.family));
    const templates = allTemplates();
    // A sheet with a table recognised on it is checked (a second, unrecognised title on it is
    // usually a repeated heading); only sheets with nothing recognised are reported.
    const done = new Set(ctx.sheets.filter((s) => s.table).map((s) => s.sheet));
    for (const s of ctx.sheets) {
      // A sheet bound to a form it does not fit is P4's (bound-sheet.ts).
      if (s.table || done.has(s.sheet) || s.binding?.missing) continue;
      const model = ctx.workbook.sheets.find((m) => m.name === s.sheet);
      if (!model) continue;
      const n = countAmounts(model);
      if (n < 2) continue;
      done.add(s.sheet);
      // The table it most likely holds: the recognizer's nearest form, else a `表N` in its name.
      let candidate = s.nearest ? templates.find((t) => t.id === s.nearest!.template) : undefined;
      if (!candidate && families.has('dept')) {
        const no = /表\s*(\d{1,2})(?!\d)/.exec(s.sheet.normalize('NFKC'));
        if (no) candidate = templates.find((t) => t.family === 'dept' && t.table === `dept.t${no[1].padStart(2, '0')}`);
      }
      const reason = s.reason ?? { zh: '未识别', en: 'not recognised' };
      const blocked = candidate !== undefined && !present.has(candidate.table);
      const p = { sheet: s.sheet, n, title: candidate?.title ?? '', reason };
      const key = blocked ? 'P3.crossBlocked' : 'P3.unrecognised';
      const fix = hintMessage('P3.fix');
      ctx.report({
        rule: rule.id,
        severity: blocked ? 'error' : 'warning',
        sheet: s.sheet,
        cell: '',
        related: [],
        ...findingMessage(key, p),
        ...hintFields(fix),
      });
    }
  },
};

export default rule;
