/**
 * Writes every finding of the samples, the fixtures and twelve perturbed synthetic packages (changed
 * amounts, blanked cells, bad codes, wrong names, duplicated rows, text in amount columns) as JSON,
 * and then every finding of test/helpers/all-findings.ts (the xlsx fixtures with and without the
 * built-in forms, the packages with their text, the real transcriptions, the one-fund table), to
 * compare validation before and after a performance change or a refactor of the messages:
 *
 *   git stash; npx tsx bench/findings-snapshot.ts /tmp/before.json; git stash pop
 *   npx tsx bench/findings-snapshot.ts /tmp/after.json; cmp /tmp/before.json /tmp/after.json
 */
import * as fs from 'fs';
import { validateWorkbook } from '../src/engine/validate';
import { readXlsx } from '../src/xlsx/read';
import { allFindings, perturbedPackage } from '../test/helpers/all-findings';
(async () => {
  const out: unknown[] = [];
  for (const f of ['seed001-published.xlsx', 'seed001-typo.xlsx', 'seed001-clean.xlsx']) {
    out.push(validateWorkbook(await readXlsx(fs.readFileSync('samples/' + f))).findings);
  }
  for (const dir of ['test/fixtures/si', 'test/fixtures']) {
    for (const f of fs
      .readdirSync(dir)
      .filter((x) => x.endsWith('.xlsx'))
      .sort()) {
      try {
        out.push([f, validateWorkbook(await readXlsx(fs.readFileSync(dir + '/' + f))).findings]);
      } catch (e) {
        out.push([f, String(e)]);
      }
    }
  }
  for (let k = 0; k < 12; k++) out.push(validateWorkbook(perturbedPackage(99 + k, 1500)).findings);
  for (const s of await allFindings()) out.push([s.source, s.findings]);
  fs.writeFileSync(process.argv[2], JSON.stringify(out, null, 1));
})();
