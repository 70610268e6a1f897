/**
 * The built-in audit formulas (src/rules/dept/formulas.ts), compiled once against the built-in
 * forms. Rules are looked up by id: `formulaRule('T3')`.
 */
import { Rule } from '../engine/types';
import {
  CENTRAL_TEMPLATES,
  DEPARTMENT_TEMPLATES,
  FINAL_TEMPLATES,
  FUND_TEMPLATES,
  SH_TEMPLATES,
  SI_TEMPLATES,
} from '../templates';
import { DEPT_FORMULAS } from '../rules/dept/formulas';
import { FINAL_FORMULAS } from '../rules/final/formulas';
import { SH_FORMULAS } from '../rules/sh/formulas';
import { FUND_FORMULAS } from '../rules/funds/formulas';
import { CENTRAL_FORMULAS } from '../rules/central/formulas';
import { CompiledFormula } from './compile';
import { compilePack, parsePackText } from './pack';

let compiled: CompiledFormula[] | undefined;

/** Every built-in formula, in declaration order. */
export function builtinFormulas(): readonly CompiledFormula[] {
  compiled ??= [
    ...compilePack(parsePackText(DEPT_FORMULAS, '内置公式'), [...DEPARTMENT_TEMPLATES, ...SI_TEMPLATES]).formulas,
    ...compilePack(parsePackText(FINAL_FORMULAS, '内置决算公式'), FINAL_TEMPLATES).formulas,
    ...compilePack(parsePackText(SH_FORMULAS, '内置上海部门预算公式'), SH_TEMPLATES).formulas,
    ...compilePack(parsePackText(FUND_FORMULAS, '内置基金表公式'), FUND_TEMPLATES).formulas,
    ...compilePack(parsePackText(CENTRAL_FORMULAS, '内置中央部门预算公式'), CENTRAL_TEMPLATES).formulas,
  ];
  return compiled;
}

/** The rule of one built-in formula. */
export function formulaRule(id: string): Rule {
  const f = builtinFormulas().find((x) => x.decl.id === id);
  if (!f) throw new Error(`no built-in formula ${id}`);
  return f.rule;
}
