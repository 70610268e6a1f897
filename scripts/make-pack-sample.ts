/**
 * Makes samples/packs/example-package.xlsx: the clean seed 001 package plus a 表12 部门政府采购预算表
 * (the form declared in samples/packs/example-pack.txt) with one row that does not add up.
 * Run: npx tsx scripts/make-pack-sample.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import { readXlsx } from '../src/xlsx/read';
import { writeXlsx } from '../src/xlsx/write';
import { exampleProcurementSheet } from '../test/helpers/pack-sample';

(async () => {
  const root = path.join(__dirname, '..');
  const model = await readXlsx(fs.readFileSync(path.join(root, 'samples/seed001-clean.xlsx')));
  model.sheets.push(exampleProcurementSheet());
  fs.writeFileSync(path.join(root, 'samples/packs/example-package.xlsx'), await writeXlsx(model));
})();
