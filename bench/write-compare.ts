/**
 * Ad hoc writer comparison (issue 17, item 5 — not yet in bench/run.ts): writes a 100k-row sheet with
 * a ROUND((C-B)/B*100,2) column by the streaming writer or by exceljs. Run one per process so that
 * peak memory is its own: `/usr/bin/time -f %M npx tsx bench/write-compare.ts stream|exceljs`.
 */
import ExcelJS from 'exceljs';
import { Cell } from '../src/workbook/model';
import { writeXlsxStream } from '../src/xlsx/stream-write';
const which = process.argv[2];
const rows: Cell[][] = Array.from({ length: 100000 }, (_v, i) => [
  { v: `项目${i}` },
  { v: 1000 + i * 1.25 },
  { v: 1100 + i * 1.5 },
  {
    v: Math.round(((100 + i * 0.25) / (1000 + i * 1.25)) * 10000) / 100,
    f: `=ROUND((C${i + 1}-B${i + 1})/B${i + 1}*100,2)`,
    z: '0.00',
  },
]);
(async () => {
  const t = Date.now();
  let n = 0;
  if (which === 'stream') n = (await writeXlsxStream({ sheets: [{ name: 's', rows, merges: [] }] })).length;
  else {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    rows.forEach((r, i) =>
      r.forEach((c, j) => {
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = (c.f ? { formula: c.f.slice(1), result: c.v } : c.v) as ExcelJS.CellValue;
        if (c.z) cell.numFmt = c.z;
      }),
    );
    n = ((await wb.xlsx.writeBuffer()) as ArrayBuffer).byteLength;
  }
  console.log(which, 'ms', Date.now() - t, 'bytes', n, 'rssMiB', Math.round(process.memoryUsage().rss / 1048576));
})();
