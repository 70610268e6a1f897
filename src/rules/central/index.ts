/** The central departments' 部门预算 (family `central`) rules: the built-in formulas of src/rules/central/formulas.ts. */
import { Rule } from '../../engine/types';
import { builtinFormulas } from '../../formulas/builtin';

export function centralRules(): Rule[] {
  return builtinFormulas()
    .filter((f) => f.decl.source === '内置中央部门预算公式')
    .map((f) => f.rule);
}
