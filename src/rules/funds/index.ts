/** The fund forms' rules (family `fund`): the built-in formulas of ./formulas.ts, and FD2–FD7 (./items.ts). */
import { Rule } from '../../engine/types';
import { builtinFormulas } from '../../formulas/builtin';
import { identityRules, itemsRule, ofWhichRule } from './items';

export function fundRules(): Rule[] {
  return [
    ...builtinFormulas()
      .filter((f) => f.decl.source === '内置基金表公式')
      .map((f) => f.rule),
    itemsRule,
    ...identityRules,
    ofWhichRule,
  ];
}
