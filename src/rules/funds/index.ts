/** The fund forms' rules (family `fund`): the built-in formulas of ./formulas.ts, and FD2–FD7 (./items.ts), FD8 and FD10–FD12 (./execution.ts). */
import { Rule } from '../../engine/types';
import { builtinFormulas } from '../../formulas/builtin';
import { identityRules, itemsRule, ofWhichRule } from './items';
import { EXECUTION_RULES } from './execution';

export function fundRules(): Rule[] {
  return [
    ...builtinFormulas()
      .filter((f) => f.decl.source === '内置基金表公式')
      .map((f) => f.rule),
    itemsRule,
    ...identityRules,
    ofWhichRule,
    ...EXECUTION_RULES,
  ];
}
