/**
 * The rule registry. A new rule kind is a new module added here; nothing else changes.
 */
import { Rule } from '../engine/types';
import { BilingualText } from '../i18n/messages';
import cells from './cells';
import codesNames from './dept/codes-names';
import emptyNotes from './dept/empty-notes';
import duplicateTables from './package/duplicate-tables';
import noTables from './package/no-tables';
import unrecognisedSheet from './package/unrecognised-sheet';
import boundSheet from './package/bound-sheet';
import soft from './dept/soft';
import { SI_RULES } from './si';
import { formulaRule } from '../formulas/builtin';
import { INFER_RULES } from '../infer/rules';
import { finalRules } from './final';
import { shRules } from './sh';
import { fundRules } from './funds';
import { centralRules } from './central';

const f = (...ids: string[]) => ids.map(formulaRule);

const registry: Rule[] = [
  cells,
  ...f('H1', 'H2'),
  ...f('T1', 'T2', 'T3', 'T5', 'T8', 'T9', 'T4', 'T6', 'T7'),
  ...f('T10', 'T11'),
  ...f('X1', 'X4', 'X6', 'X8', 'X10', 'X2', 'X3', 'X5', 'X7', 'X9', 'X11', 'X12'),
  codesNames,
  emptyNotes,
  duplicateTables,
  noTables,
  unrecognisedSheet,
  boundSheet,
  ...soft,
  ...SI_RULES,
  ...finalRules(),
  ...shRules(),
  ...fundRules(),
  ...centralRules(),
  ...INFER_RULES,
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

/** The 情况说明 rules, which run outside the registry (on the text, not the tables). */
const TEXT_RULE_TITLES: Record<string, BilingualText> = {
  N1: { zh: '说明中的金额与表格一致', en: 'Amounts in the text match the tables' },
  N2: { zh: '说明中的占比', en: 'Shares quoted in the text' },
  N3: { zh: '说明中的增减比例', en: 'Changes quoted in the text' },
  N4: { zh: '说明中的增减用词', en: 'Words of change in the text' },
  N5: { zh: '说明中的分项之和', en: 'Parts adding up in the text' },
  N6: { zh: '整体绩效目标资金', en: 'Funds of the overall performance targets' },
  'SI-TXT': { zh: '社会保险基金说明中的金额', en: 'Amounts in the social insurance fund text' },
};

/**
 * A rule's title in finance words, for headings (`H1` → 科目层级：类 = Σ款，款 = Σ项); the id
 * itself when the rule is not known.
 */
export function ruleTitle(id: string): BilingualText {
  const rule = registry.find((r) => r.id === id);
  if (rule) return rule.title;
  return TEXT_RULE_TITLES[id] ?? { zh: id, en: id };
}
