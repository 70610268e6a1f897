/**
 * The rule registry. A new rule kind is a new module added here; nothing else changes.
 */
import { Rule } from '../engine/types';
import cells from './cells';
import h2 from './dept/h2-total';
import t06 from './dept/t06-basic';
import t07 from './dept/t07-projects';
import t11 from './dept/t11-carryover';
import codesNames from './dept/codes-names';
import emptyNotes from './dept/empty-notes';
import duplicateTables from './package/duplicate-tables';
import noTables from './package/no-tables';
import soft from './dept/soft';
import { SI_RULES } from './si';
import { formulaRule } from '../formulas/builtin';

const f = (...ids: string[]) => ids.map(formulaRule);

const registry: Rule[] = [
  cells,
  ...f('H1'),
  h2,
  ...f('T1', 'T2', 'T3', 'T5', 'T8', 'T9', 'T4'),
  t06,
  t07,
  ...f('T10'),
  t11,
  ...f('X1', 'X4', 'X6', 'X8', 'X10', 'X2', 'X3', 'X5', 'X7', 'X9', 'X11', 'X12'),
  codesNames,
  emptyNotes,
  duplicateTables,
  noTables,
  ...soft,
  ...SI_RULES,
];

export function allRules(): readonly Rule[] {
  return registry;
}

export function registerRules(rules: readonly Rule[]): void {
  for (const r of rules) {
    if (registry.some((x) => x === r)) continue;
    registry.push(r);
  }
}
