/**
 * Table-driven rule tests: each case mutates the consistent seed-001 package and lists the
 * findings the rule under test must give (`severity rule sheet!cell`), and nothing else.
 */
import { validateWorkbook, ValidateOptions } from '../../src/engine/validate';
import { Finding, Rule } from '../../src/engine/types';
import { GenRow } from '../../src/generate/layout';
import { WorkbookModel } from '../../src/workbook/model';
import { cleanSeed001, Seed001, seed001Workbook } from './seed001';

export type RuleCase = [
  name: string,
  mutate: (s: Seed001) => void,
  expected: string[],
  model?: (m: WorkbookModel) => void,
];

export const brief = (f: Finding) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`;

export function findings(
  rules: Rule[],
  mutate: (s: Seed001) => void,
  model?: (m: WorkbookModel) => void,
  options: ValidateOptions = {},
): Finding[] {
  const s = cleanSeed001();
  mutate(s);
  const wb = seed001Workbook(s);
  model?.(wb);
  return validateWorkbook(wb, { ...options, rules }).findings;
}

export function runRuleCases(rules: Rule | Rule[], cases: RuleCase[]): void {
  const list = Array.isArray(rules) ? rules : [rules];
  // Each row is passed whole: jest would take a missing fourth element for a `done` callback.
  it.each(cases.map((c) => [c[0], c] as const))('%s', (_name, c) => {
    const [, mutate, expected, model] = c;
    expect(findings(list, mutate, model).map(brief).sort()).toEqual([...expected].sort());
  });
}

/** Sets values on the row with `code` (or, without a code, the row named `name`). */
export function set(rows: GenRow[], key: string, values: Record<string, number | undefined>): void {
  const row = rows.find((r) => r.code === key || (!r.code && r.name === key));
  if (!row) throw new Error(`no row ${key}`);
  row.values = { ...row.values, ...values };
}
