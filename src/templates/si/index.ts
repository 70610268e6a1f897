/** The 社会保险基金预算 templates: style (a) (收入表, 支出表, 结余表 with codes) and style (b) (平衡表, execution and plan tables). */
import { TableTemplate } from '../types';
import aIncome from './a-income';
import aExpense from './a-expense';
import aBalance from './a-balance';
import bBalanceSheet from './b-balance-sheet';
import bExecIncome from './b-exec-income';
import bExecExpense from './b-exec-expense';
import bExecBalance from './b-exec-balance';
import bPlanIncome from './b-plan-income';
import bPlanExpense from './b-plan-expense';
import bPlanBalance from './b-plan-balance';

export const SI_TEMPLATES: readonly TableTemplate[] = [
  aIncome,
  aExpense,
  aBalance,
  bBalanceSheet,
  bExecIncome,
  bExecExpense,
  bExecBalance,
  bPlanIncome,
  bPlanExpense,
  bPlanBalance,
];
