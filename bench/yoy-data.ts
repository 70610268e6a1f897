/** The BUDGET.YOY benchmark's data, shared by bench/yoy.bench.ts and its child processes (bench/yoy-child.ts). */
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
