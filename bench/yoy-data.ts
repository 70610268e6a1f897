/** The BUDGET.YOY benchmark's data, shared by bench/yoy.bench.ts and its child processes (bench/yoy-child.ts). */
import { yoy } from '../functions/functions';
import { rng } from './harness';

/** n pairs of amounts up to 1,000,000.00 with 2 decimals, the prior never 0 (the same every run: seed 42). */
export function data(n: number): { cur: number[]; prior: number[] } {
  const r = rng(42);
  const cur = new Array<number>(n);
  const prior = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    cur[i] = Math.round(r() * 1e8) / 100;
    prior[i] = Math.round(r() * 1e8 + 1) / 100;
  }
  return { cur, prior };
}

/**
 * The two calls the yardstick compares over the same n×1 matrices: the float loop
 * `[(c − p) / |p|]` row by row, and BUDGET.YOY. Each returns its result's length (callers add it
 * to a sink, so that nothing is optimised away).
 */
export function matrixCalls(colC: number[][], colP: number[][]): { floatLoop: () => number; budgetYoy: () => number } {
  const n = colC.length;
  return {
    floatLoop: () => {
      const out = new Array<number[]>(n);
      for (let i = 0; i < n; i++) {
        const c = colC[i][0];
        const p = colP[i][0];
        out[i] = [(c - p) / Math.abs(p)];
      }
      return out.length;
    },
    budgetYoy: () => yoy(colC, colP).length,
  };
}
