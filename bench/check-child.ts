/**
 * The check benchmark's compiled side (bench/check.bench.ts bundles this file and runs it under
 * plain node): `node check-child.js ROWS ROUNDS` prints the measurement as one JSON line.
 */
import { measure } from './check.bench';

process.stdout.write(`${JSON.stringify(measure(Number(process.argv[2]), Number(process.argv[3])))}\n`);
