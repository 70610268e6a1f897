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
import { BilingualText, registerMessages } from '../i18n/messages';
import { CompiledFormula } from './compile';
import { compilePack, parsePackText } from './pack';

let compiled: CompiledFormula[] | undefined;

/**
 * A built-in pack with its formulas' hints (提示语) as catalogue messages `formula.<id>.hint`: the
 * text stays declared once, in the formula, and a finding carries the id (`hintId`) so a locale
 * file can word it. Only the built-in packs: a loaded pack's formula ids are its own.
 */
function hintsAsMessages(pack: ReturnType<typeof parsePackText>): ReturnType<typeof parsePackText> {
  const hints: Record<string, BilingualText> = {};
  for (const f of pack.formulas) {
    if (!f.hint) continue;
    const id = `formula.${f.id}.hint`;
    hints[id] = { zh: f.hint.zh, en: f.hint.en };
    f.hint = { ...f.hint, id, params: {} };
  }
  // Not literal text for `npm run i18n:extract` to move: the formula declares it.
  registerMessages(hints);
  return pack;
}

/** A built-in pack's text, parsed, its hints made messages. */
const builtin = (text: string, name: string) => hintsAsMessages(parsePackText(text, name));

/** Every built-in formula, in declaration order. */
export function builtinFormulas(): readonly CompiledFormula[] {
  compiled ??= [
    ...compilePack(builtin(DEPT_FORMULAS, '内置公式'), [...DEPARTMENT_TEMPLATES, ...SI_TEMPLATES]).formulas,
    ...compilePack(builtin(FINAL_FORMULAS, '内置决算公式'), FINAL_TEMPLATES).formulas,
    ...compilePack(builtin(SH_FORMULAS, '内置上海部门预算公式'), SH_TEMPLATES).formulas,
    ...compilePack(builtin(FUND_FORMULAS, '内置基金表公式'), FUND_TEMPLATES).formulas,
    ...compilePack(builtin(CENTRAL_FORMULAS, '内置中央部门预算公式'), CENTRAL_TEMPLATES).formulas,
  ];
  return compiled;
}

/** The rule of one built-in formula. */
export function formulaRule(id: string): Rule {
  const f = builtinFormulas().find((x) => x.decl.id === id);
  if (!f) throw new Error(`no built-in formula ${id}`);
  return f.rule;
}
