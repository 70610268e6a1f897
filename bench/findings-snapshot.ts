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
import { syntheticPackage } from './synthetic';
import { rng } from './harness';
import { allFindings } from '../test/helpers/all-findings';
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
  const r = rng(99);
  for (let k = 0; k < 12; k++) {
    const m = syntheticPackage(1500);
    for (let j = 0; j < 25; j++) {
      const s = m.sheets[1 + Math.floor(r() * 2)];
      const row = 5 + Math.floor(r() * (s.rows.length - 5));
      const c = Math.floor(r() * 8);
      const cell = s.rows[row]?.[c];
      const what = r();
      if (!s.rows[row]) continue;
      if (what < 0.4 && c >= 4 && cell && typeof cell.v === 'number') cell.v = cell.v + [0.01, 9, -100, 0.001][j % 4];
      else if (what < 0.55) s.rows[row][c] = undefined;
      else if (what < 0.7 && c <= 2) s.rows[row][c] = { v: '01' };
      else if (what < 0.8) s.rows[row][3] = { v: '错名' + j };
      else if (what < 0.9)
        s.rows.splice(
          row,
          0,
          s.rows[row].map((x) => (x ? { ...x } : x)),
        );
      else s.rows[row][4] = { v: 'abc' };
    }
    out.push(validateWorkbook(m).findings);
  }
  for (const s of await allFindings()) out.push([s.source, s.findings]);
  fs.writeFileSync(process.argv[2], JSON.stringify(out, null, 1));
})();
