/**
 * Writes the 社会保险基金 fixture workbooks into test/fixtures/si/ (from the in-memory packages of
 * test/helpers, so the two cannot drift apart: test/si-fixtures.test.ts reads them back):
 * - seed000-published.xlsx: seed 000 (阿图什市 2024, style (a)) as published, tables 1–6 on six sheets;
 * - seed000-corrected.xlsx: the same with the shifted 结余表 and the labels corrected;
 * - style-b.xlsx: the hand-made consistent style (b) package (平衡表, execution and plan tables,
 *   全地区 and 本级), 14 sheets;
 * - mixed-dept-si.xlsx: seed 001's 11 department tables and seed 000's six fund tables stacked on
 *   one sheet, in one workbook.
 * Run: npx tsx scripts/make-si-fixtures.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { writeXlsx } from '../src/xlsx/write';
import { WorkbookModel } from '../src/workbook/model';
import { correctedSeed000, publishedSeed000, seed000Workbook } from '../test/helpers/seed000';
import { cleanStyleB, styleBWorkbook } from '../test/helpers/si-style-b';
import { cleanSeed001, seed001Workbook } from '../test/helpers/seed001';

export function mixedWorkbook(): WorkbookModel {
  const dept = seed001Workbook(cleanSeed001());
  const [fund] = seed000Workbook(publishedSeed000(), { stacked: true }).sheets;
  return { sheets: [...dept.sheets, fund] };
}

export const SI_FIXTURES: Record<string, () => WorkbookModel> = {
  'seed000-published.xlsx': () => seed000Workbook(publishedSeed000()),
  'seed000-corrected.xlsx': () => seed000Workbook(correctedSeed000()),
  'style-b.xlsx': () => styleBWorkbook(cleanStyleB()),
  'mixed-dept-si.xlsx': mixedWorkbook,
};

const FIXED_DATE = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

/** Re-zips with fixed entry dates and order, so that re-running gives byte-identical files. */
export async function stable(bytes: Uint8Array): Promise<Uint8Array> {
  const zin = await JSZip.loadAsync(bytes);
  const zout = new JSZip();
  // [Content_Types].xml first, as Excel writes it; then by name.
  const names = Object.keys(zin.files)
    .filter((n) => !zin.files[n].dir)
    .sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const n of names) {
    zout.file(n, await zin.files[n].async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  return zout.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'UNIX',
  });
}

/** The bytes a fixture is written with. */
export async function fixtureBytes(name: string): Promise<Uint8Array> {
  const model = SI_FIXTURES[name]();
  const widths = Object.fromEntries(model.sheets.map((s) => [s.name, [10, 40, 16, 16, 16, 40, 16, 16]]));
  return stable(await writeXlsx(model, { widths }));
}

async function main() {
  const out = path.join(__dirname, '..', 'test', 'fixtures', 'si');
  fs.mkdirSync(out, { recursive: true });
  for (const name of Object.keys(SI_FIXTURES)) {
    fs.writeFileSync(path.join(out, name), await fixtureBytes(name));
    console.log('written', path.join('test', 'fixtures', 'si', name));
  }
}

if (require.main === module) void main();
