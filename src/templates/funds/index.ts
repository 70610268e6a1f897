/** The fund forms beyond the two 社会保险基金 styles (family `fund`, issue 12). */
import { TableTemplate } from '../types';
import { oneFund, oneFundFinal, oneFundFinalStacked, stacked } from './one-fund';
import execution from './execution';

export const FUND_TEMPLATES: readonly TableTemplate[] = [
  oneFund,
  stacked,
  execution,
  oneFundFinal,
  oneFundFinalStacked,
];
