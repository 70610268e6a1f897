/** The 部门决算 (family `final`) rules: the built-in formulas of src/rules/final/formulas.ts. */
import { Rule } from '../../engine/types';
import { builtinFormulas } from '../../formulas/builtin';

export function finalRules(): Rule[] {
  return builtinFormulas()
    .filter((f) => f.decl.source === '内置决算公式')
    .map((f) => f.rule);
}
