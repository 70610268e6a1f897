/** The 社会保险基金 rules SI-1 … SI-12 (the text check is `checkFundText` in ./text). */
import { Rule } from '../../engine/types';
import fundSums from './fund-sums';
import rollForward from './roll-forward';
import balanceSheet from './balance-sheet';
import openingBalance from './opening-balance';
import ofWhichLimits from './of-which-limits';
import percent from './percent';
import planExecution from './plan-execution';
import labels from './labels';
import ownVsWhole from './own-vs-whole';

export const SI_RULES: readonly Rule[] = [
  ...fundSums,
  rollForward,
  balanceSheet,
  openingBalance,
  ofWhichLimits,
  percent,
  planExecution,
  labels,
  ownVsWhole,
];
