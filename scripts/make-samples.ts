/**
 * Writes the bundled sample packages into samples/ (deterministic):
 * - seed001-clean.xlsx: seed 001 (阿图什市社会保险中心 2025) with its discrepancies corrected;
 * - seed001-published.xlsx: as published (rounding differences, a lost 款 code, a misbooked project);
 * - seed001-typo.xlsx: the clean package with two typing mistakes a clerk makes (transposed digits),
 *   to show real errors.
 * Run: npx tsx scripts/make-samples.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeXlsx } from '../src/xlsx/write';
import { cleanSeed001, publishedSeed001, seed001Workbook } from '../test/helpers/seed001';

export function typoSeed001() {
  const s = cleanSeed001();
  const t3 = s.t3.find((r) => r.code === '20801')!;
  t3.values!.basic = 287.48; // 278.48 typed as 287.48
  const t6 = s.t6.find((r) => r.code === '30102')!;
  t6.values!.total = 141.3; // 114.30 typed as 141.30
  t6.values!.personnel = 141.3;
  return s;
}

async function main() {
  const out = path.join(__dirname, '..', 'samples');
  fs.mkdirSync(out, { recursive: true });
  const widths = [6, 5, 5, 36, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14];
  const w = (names: string[]) => Object.fromEntries(names.map((n) => [n, widths]));
  const sheetNames = Array.from({ length: 11 }, (_, i) => `表${i + 1}`);
  for (const [name, s] of [
    ['seed001-clean.xlsx', cleanSeed001()],
    ['seed001-published.xlsx', publishedSeed001()],
    ['seed001-typo.xlsx', typoSeed001()],
  ] as const) {
    fs.writeFileSync(path.join(out, name), await writeXlsx(seed001Workbook(s), { widths: w(sheetNames) }));
    console.log('written', path.join('samples', name));
  }
}

if (require.main === module) void main();
