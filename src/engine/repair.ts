/**
 * Before the rules run: a coded row whose code names a different item than its name, while a
 * code under it carries exactly that name, lost part of its code (seed 001 prints 20801
 * 人力资源和社会保障管理事务 as `208`). The row is read as the longer code and marked, so the
 * hierarchy is checked as the clerk meant it and the codes rule reports the lost part.
 */
import { Catalog } from '../catalog/catalog';
import { RecognizedTable } from '../recognize/types';

export function repairCodes(tables: readonly RecognizedTable[], catalog: Catalog): void {
  for (const t of tables) {
    const kind = t.template.codeKind;
    if (!kind) continue;
    // An index, not an iterator (100k rows).
    for (let i = 0; i < t.rows.length; i++) {
      const row = t.rows[i];
      if (!row.code || !row.name || row.code.length >= 7) continue;
      const entry = catalog.lookup(kind, row.code);
      if (entry && catalog.nameMatches(entry, row.name)) continue;
      const child = catalog.findChildByName(kind, row.code, row.name);
      if (child) {
        row.repairedFrom = row.code;
        row.code = child.code;
      }
    }
  }
}
