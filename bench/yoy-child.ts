/**
 * One side of the BUDGET.YOY yardstick (issue 17), alone in a fresh process: started by
 * bench/yoy.bench.ts `isolated` bundled (harness `bundled`) as `node --expose-gc yoy-child.js SIDE N WARM CALLS`, SIDE
 * `float` (the float loop over the n×1 arrays) or `yoy` (BUDGET.YOY on them). Both sides load the
 * same modules and build the same data; only the timed call differs, so neither meets the other's
 * allocation-site pretenuring decisions or leftover garbage (in one process they do: bench/NOTES.md).
 * After WARM untimed calls and a full collection (when gc is exposed) it times CALLS calls back to back, each in wall time and in the process's
 * CPU time (user + system, the collector's threads included), and prints one JSON line: the ms of
 * each call.
 */
import { data, matrixCalls } from './yoy-data';

const [side, nArg, warmArg, callsArg] = process.argv.slice(2);
const n = Number(nArg);
const warm = Number(warmArg);
const calls = Number(callsArg);
if (side !== 'float' && side !== 'yoy') throw new Error(`yoy-child: side must be float or yoy, not ${side}`);

const { cur, prior } = data(n);
const colC = cur.map((v) => [v]);
const colP = prior.map((v) => [v]);
let sink = 0;

// The same two calls as the in-process rows of bench/yoy.bench.ts.
const { floatLoop, budgetYoy } = matrixCalls(colC, colP);
const call = side === 'float' ? floatLoop : budgetYoy;
const f = () => {
  sink += call();
};

for (let k = 0; k < warm; k++) f();
// One full collection, untimed, so that every process starts its timed calls from the same heap:
// otherwise whether a mark-compact (5–8 times a call's time at 10^6) falls inside the few timed
// calls decides a process's figure. Every collection the timed calls cause is counted.
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) gc();
const cpu: number[] = [];
const wall: number[] = [];
for (let k = 0; k < calls; k++) {
  const c0 = process.cpuUsage();
  const w0 = process.hrtime.bigint();
  f();
  const w = Number(process.hrtime.bigint() - w0) / 1e6;
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  wall.push(w);
}
process.stdout.write(JSON.stringify({ side, n, cpu, wall, sink }) + '\n');
