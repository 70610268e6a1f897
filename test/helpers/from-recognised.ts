/** Turning a recognised package back into the form generator's input (tests of the generated workbooks). */
import type { FormTemplateOptions } from '../../src/generate/forms';
import type { GenRow } from '../../src/generate/layout';
import type { RecognizedTable, TableRow } from '../../src/recognize/types';

/** A package as the generator's input, read back from its recognised tables (any form). */
export function fromRecognised(tables: readonly RecognizedTable[]): FormTemplateOptions {
  const gen = (row: TableRow, code = true): GenRow => ({
    code: code ? row.code : undefined,
    name: row.name,
    values: Object.fromEntries(
      [...row.amounts].map(([k, a]) => [k, a.value === null ? undefined : Number(a.value.toString())]),
    ),
  });
  const options: FormTemplateOptions = { rows: {}, panels: {}, single: {} };
  for (const t of tables) {
    const no = t.template.no;
    if (t.template.layout === 'two-panel' || t.template.layout === 'coded-panels') {
      const code = t.template.layout === 'coded-panels';
      options.panels![no] = {
        income: t.rows.filter((r) => r.panel === 'income').map((r) => gen(r, code)),
        expense: t.rows.filter((r) => r.panel === 'expense').map((r) => gen(r, code)),
      };
    } else if (t.template.layout === 'fixed') {
      if (t.rows[0]) options.single![no] = { ...gen(t.rows[0]), name: '金额' };
    } else options.rows![no] = t.rows.filter((r) => r.kind !== 'total').map((r) => gen(r));
  }
  return options;
}
