/**
 * The reader with zlib's decompressor (as the CLI reads) gives the same workbook as with fflate's,
 * and refuses what fflate's refuses: an entry that unpacks to more than it declares, damaged data.
 */
import * as fs from 'fs';
import * as path from 'path';
import { craftXlsx, rowsXml, sheetXml } from '../../test/hostile-kit';
import { nodeInflateRaw } from './node-inflate';
import { readXlsx, WorkbookReadError } from './read';
import { writeXlsx } from './write';

const SAMPLES = path.join(__dirname, '../../samples');

async function failure(bytes: Uint8Array): Promise<string> {
  try {
    await readXlsx(bytes, { inflateRaw: nodeInflateRaw });
    return 'ok';
  } catch (e) {
    if (e instanceof WorkbookReadError) return `${e.code}: ${e.reason.en}`;
    throw e;
  }
}

describe('reading with zlib’s decompressor', () => {
  it('reads the samples as fflate’s does', async () => {
    const files = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(SAMPLES, f));
      expect(await readXlsx(bytes, { inflateRaw: nodeInflateRaw })).toEqual(await readXlsx(bytes));
    }
  });

  it('streams a part larger than it unpacks at once through fflate’s, with the same result', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => [`项目${i}`, i * 1.25, -i, `说明 ${i}`]);
    const bytes = await writeXlsx({ sheets: [{ name: '表1', hidden: false, rows: rowsToCells(rows), merges: [] }] });
    // zlib unpacks parts of up to 32 MiB at once; this one (about 8 MiB) with a 1 MiB limit.
    const inflateRaw = Object.assign((c: Uint8Array, max: number) => nodeInflateRaw(c, max), {
      crc32: nodeInflateRaw.crc32,
      wholeMax: 1 << 20,
    });
    expect(await readXlsx(bytes, { inflateRaw })).toEqual(await readXlsx(bytes));
    const model = await readXlsx(bytes, { inflateRaw: nodeInflateRaw });
    expect(model).toEqual(await readXlsx(bytes));
    expect(model.sheets[0].rows[59_999][1]).toEqual({ v: 59_999 * 1.25 });
  });

  it('checks every entry with zlib’s CRC-32: a changed byte in a stored sheet is refused', async () => {
    const stored = craftXlsx({ sheets: [sheetXml(rowsXml([['合计', 1114.26]]))] }, 0);
    expect(await failure(stored)).toBe('ok');
    const flipped = stored.slice();
    const at = Buffer.from(flipped).indexOf('<v>1114.26</v>');
    expect(at).toBeGreaterThan(0);
    flipped[at + 3] = '2'.charCodeAt(0);
    expect(await failure(flipped)).toMatch(/CRC-32/);
  });

  it('refuses an entry that unpacks to more than it declares, and damaged data', async () => {
    const bytes = craftXlsx({ sheets: [sheetXml(rowsXml([['合计', 1114.26]]))] });
    const good = await failure(bytes);
    expect(good).toBe('ok');
    // the sheet's declared size, in its central directory record, made one byte smaller
    const lie = bytes.slice();
    const view = new DataView(lie.buffer);
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    for (let p = 0; p + 46 < lie.length; p++) {
      if (view.getUint32(p, true) !== 0x02014b50) continue;
      const n = view.getUint16(p + 28, true);
      if (n === name.length && lie.subarray(p + 46, p + 46 + n).every((b, i) => b === name[i]))
        view.setUint32(p + 24, view.getUint32(p + 24, true) - 1, true);
    }
    expect(await failure(lie)).toMatch(/^too-large: .*unpacks to more than it declares/);
    // the sheet's compressed bytes overwritten
    const damaged = bytes.slice();
    const at = findLocal(damaged, name);
    damaged.fill(0xff, at, at + 8);
    expect(await failure(damaged)).toMatch(/^corrupt: The file is corrupt/);
  });
});

function rowsToCells(rows: (string | number)[][]) {
  return rows.map((r) => r.map((v) => ({ v })));
}

/** Where the data of the entry named `name` starts (after its local header). */
function findLocal(bytes: Uint8Array, name: Uint8Array): number {
  const view = new DataView(bytes.buffer);
  for (let p = 0; p + 30 < bytes.length; p++) {
    if (view.getUint32(p, true) !== 0x04034b50) continue;
    const n = view.getUint16(p + 26, true);
    if (n === name.length && bytes.subarray(p + 30, p + 30 + n).every((b, i) => b === name[i]))
      return p + 30 + n + view.getUint16(p + 28, true);
  }
  throw new Error('entry not found');
}
