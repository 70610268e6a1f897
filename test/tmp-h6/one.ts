import { PACKAGES } from '../fixtures/real/check-real';
import { layOutPackage } from '../helpers/real-layout';
import { findTable } from '../../src/infer/table';
import { inferIdentities } from '../../src/infer/structure';
const id = process.argv[2];
for (const p of PACKAGES) {
  const { tables } = layOutPackage(p);
  for (const t of tables) {
    if (t.table.id !== id) continue;
    const f = findTable(t.sheet);
    console.log(JSON.stringify(f && { ...f, sheet: undefined, panels: f.panels.map((x) => ({ ...x, rows: x.rows.map((r) => [r.r, r.norm, r.code]) })) }, null, 0));
    if (f) for (const i of inferIdentities(f)) console.log(i.rule, i.text);
  }
}
