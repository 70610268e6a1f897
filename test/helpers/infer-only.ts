/** The inference rule alone (G0 → G1–G6) on a workbook whose sheets no form recognised, for tests. */
import { AUTO_TOLERANCE } from '../../src/amount/tolerance';
import { bundledCatalog } from '../../src/catalog/catalog';
import { Finding, RuleContextApi } from '../../src/engine/types';
import rule from '../../src/infer/rules';
import { WorkbookModel } from '../../src/workbook/model';

/** Runs only the inference (G0 → G1–G4) on a workbook whose sheets no form recognised. */
export function inferOnly(workbook: WorkbookModel): Finding[] {
  const findings: Finding[] = [];
  const ctx: RuleContextApi = {
    tables: [],
    sheets: workbook.sheets.map((s) => ({ sheet: s.name, hidden: false, table: null })),
    workbook,
    tolerance: AUTO_TOLERANCE,
    catalog: bundledCatalog(),
    tablesOf: () => [],
    table: () => undefined,
    report: (f) => findings.push(f),
  };
  rule.run(ctx);
  return findings;
}
