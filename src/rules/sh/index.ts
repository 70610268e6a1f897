/** The Shanghai district 部门预算 (family `sh`) rules: the built-in formulas of src/rules/sh/formulas.ts. */
import { Rule } from '../../engine/types';
import { builtinFormulas } from '../../formulas/builtin';

export function shRules(): Rule[] {
  return builtinFormulas()
    .filter((f) => f.decl.source === '内置上海部门预算公式')
    .map((f) => f.rule);
}
