/**
 * Where the memory of read + validate goes, stage by stage, in a fresh process (issue 17):
 *
 *   node --expose-gc --import tsx bench/mem-stages.ts FILE.xlsx [full | rules]
 *
 * (`full`: then one validateWorkbook; `rules`: one with no rule, then one per rule, each alone.)
 * Prints, after each stage, the live heap (after a full collection), the heap used before it and
 * the process's RSS and peak RSS so far (MiB). The stages repeat what validateWorkbook does
 * (src/engine/validate.ts), with the rules run one by one so that the one that raises the peak shows.
 */
import * as fs from 'fs';
import { rulesInForce, validateWorkbook } from '../src/engine/validate';
import { recognizeWorkbook } from '../src/recognize/recognize';
import { readXlsxInNode } from '../src/xlsx/node-inflate';

const MiB = 1048576;
const gc = (global as { gc?: () => void }).gc;

function stage(name: string): void {
  const before = process.memoryUsage();
  gc?.();
  const after = process.memoryUsage();
  const peak = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${name.padEnd(28)} live heap ${(after.heapUsed / MiB).toFixed(0).padStart(5)}  heap before gc ${(before.heapUsed / MiB).toFixed(0).padStart(5)}  ` +
      `rss ${(before.rss / MiB).toFixed(0).padStart(5)}  peak rss ${peak.toFixed(0).padStart(5)}  external ${(after.external / MiB).toFixed(0)}\n`,
  );
}

async function main(): Promise<void> {
  stage('start');
  const bytes = fs.readFileSync(process.argv[2]);
  const model = await readXlsxInNode(bytes, { maxCells: 50_000_000 });
  stage('after read');
  const { templates } = rulesInForce({});
  let recognition: unknown = recognizeWorkbook(model, { templates });
  stage('after recognise');
  recognition = undefined; // not held through the runs below
  void recognition;
  if (process.argv[3] === 'rules') {
    const { rules } = rulesInForce({});
    const r0 = validateWorkbook(model, { rules: [] });
    stage('validate, no rules');
    void r0;
    for (const rule of rules) {
      const r = validateWorkbook(model, { rules: [rule] });
      stage(`validate, rule ${rule.id} (${r.findings.length})`);
    }
  }
  if (process.argv[3] === 'full') {
    const res = validateWorkbook(model);
    stage(`after validate (${res.findings.length})`);
  }
}

void main();
