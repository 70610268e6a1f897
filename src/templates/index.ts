/**
 * The template catalogue. A new form or a province's variant is a new module added to this list;
 * nothing else changes.
 */
import { TableTemplate } from './types';
import t01 from './dept/t01-income-expense-summary';
import t02 from './dept/t02-income';
import t03 from './dept/t03-expense';
import t04 from './dept/t04-appropriation-summary';
import t05 from './dept/t05-general-budget';
import t06 from './dept/t06-basic-expenditure';
import t07 from './dept/t07-project-expenditure';
import t08 from './dept/t08-government-fund';
import t09 from './dept/t09-state-capital';
import t10 from './dept/t10-three-public';
import t11 from './dept/t11-carryover';
import { SI_TEMPLATES } from './si';
import { FINAL_TEMPLATES } from './final';
import { SH_TEMPLATES } from './sh';
import { FUND_TEMPLATES } from './funds';
import { CENTRAL_TEMPLATES } from './central';

export const DEPARTMENT_TEMPLATES: readonly TableTemplate[] = [t01, t02, t03, t04, t05, t06, t07, t08, t09, t10, t11];

export { SI_TEMPLATES, FINAL_TEMPLATES, SH_TEMPLATES, FUND_TEMPLATES, CENTRAL_TEMPLATES };

const registry: TableTemplate[] = [
  ...DEPARTMENT_TEMPLATES,
  ...SI_TEMPLATES,
  ...FINAL_TEMPLATES,
  ...SH_TEMPLATES,
  ...FUND_TEMPLATES,
  ...CENTRAL_TEMPLATES,
];

export function allTemplates(): readonly TableTemplate[] {
  return registry;
}

/** Registers more templates (a province's variant, the social insurance fund tables). */
export function registerTemplates(templates: readonly TableTemplate[]): void {
  for (const t of templates) {
    if (registry.some((x) => x.id === t.id)) throw new Error(`template registered twice: ${t.id}`);
    registry.push(t);
  }
}

export * from './types';
