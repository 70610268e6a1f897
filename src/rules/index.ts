/**
 * The rule registry. A new rule kind is a new module added here; nothing else changes.
 */
import { Rule } from '../engine/types';
import cells from './cells';
import h1 from './dept/h1-hierarchy';
import h2 from './dept/h2-total';
import t01 from './dept/t01-summary';
import rowIdentities from './dept/row-identities';
import t04 from './dept/t04-appropriations';
import t06 from './dept/t06-basic';
import t07 from './dept/t07-projects';
import t10 from './dept/t10-three-public';
import t11 from './dept/t11-carryover';
import crossFigures from './dept/cross-figures';
import crossCodes from './dept/cross-codes';
import codesNames from './dept/codes-names';
import emptyNotes from './dept/empty-notes';
import duplicateTables from './package/duplicate-tables';
import noTables from './package/no-tables';
import unrecognisedSheet from './package/unrecognised-sheet';
import soft from './dept/soft';
import { SI_RULES } from './si';

const registry: Rule[] = [
  cells,
  h1,
  h2,
  t01,
  ...rowIdentities,
  t04,
  t06,
  t07,
  t10,
  t11,
  ...crossCodes,
  ...crossFigures,
  codesNames,
  emptyNotes,
  duplicateTables,
  noTables,
  unrecognisedSheet,
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
