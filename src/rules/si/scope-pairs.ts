/** The 全市/全地区 and 本级 tables of one kind and year, paired (for SI-11 and SI-12). */
import { RuleContextApi } from '../../engine/types';
import { RecognizedTable, TableRow } from '../../recognize/types';
import { semanticRows, semanticSheetRows, SiPackage, siPackages } from './package';

export interface ScopePair {
  whole: RecognizedTable;
  own: RecognizedTable;
  wholeRows: Map<string, TableRow>;
  ownRows: Map<string, TableRow>;
}

export function scopePairs(ctx: Pick<RuleContextApi, 'tables'>): ScopePair[] {
  const packages = siPackages(ctx);
  const out: ScopePair[] = [];
  for (const own of packages.filter((p) => p.scope === 'own')) {
    const whole = packages.find((p) => p.scope === 'whole' && (p.year === own.year || !p.year || !own.year));
    if (!whole) continue;
    for (const slot of ['plan', 'exec'] as const) {
      for (const kind of ['income', 'expense', 'balance'] as const) {
        const a = whole[slot][kind];
        const b = own[slot][kind];
        if (a && b) out.push({ whole: a.table, own: b.table, wholeRows: semanticRows(a), ownRows: semanticRows(b) });
      }
    }
    pairSheets(whole, own, out);
  }
  return out;
}

function pairSheets(whole: SiPackage, own: SiPackage, out: ScopePair[]) {
  const a = whole.balanceSheet;
  const b = own.balanceSheet;
  if (a && b)
    out.push({ whole: a.table, own: b.table, wholeRows: semanticSheetRows(a), ownRows: semanticSheetRows(b) });
}
