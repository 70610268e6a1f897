/** The national 部门决算 form (family `final`). */
import { TableTemplate } from '../types';
import t01 from './t01-income-expense-total';
import t02 from './t02-income';
import t03 from './t03-expense';
import t04 from './t04-fiscal-total';
import t05 from './t05-general-budget';
import t06 from './t06-basic-expenditure';
import t07 from './t07-three-public';
import t08 from './t08-government-fund';
import t09 from './t09-state-capital';

export const FINAL_TEMPLATES: readonly TableTemplate[] = [t01, t02, t03, t04, t05, t06, t07, t08, t09];
