/**
 * Packages whose every figure adds up, of every family the fill engine derives: the seeds
 * (department 001 and 002, the 社会保险基金 seed 000 and style (b)), the real Shanghai 决算 and 预算
 * and the one-fund 收支表 as published, and the generated department workbook filled with seed 001. The property
 * tests blank derived cells of these, fill them and validate (test/fill-property.test.ts,
 * src/formulas/formulas.test.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { readXlsx } from '../../src/xlsx/read';
import { WorkbookModel } from '../../src/workbook/model';
import { departmentWorkbook } from '../../src/generate/department';
import { cleanSeed001, seed001Workbook } from './seed001';
import { correctedSeed000, seed000Workbook } from './seed000';
import { cleanStyleB, styleBWorkbook } from './si-style-b';
import { layOutPackage } from './real-layout';
import { PACKAGES } from '../fixtures/real/check-real';

export interface CorpusPackage {
  name: string;
  model: () => Promise<WorkbookModel>;
}

const xlsx = (file: string) => async () => readXlsx(fs.readFileSync(path.join(__dirname, '..', 'fixtures', file)));
const real = (id: string) => async () => layOutPackage(PACKAGES.find((p) => p.id === id)!).workbook;

/** The seed 001 tables as the generator's data rows (表1, 表4 and 表10 are made from them). */
function seed001Rows() {
  const s = cleanSeed001();
  const noTotal = (rows: typeof s.t2) => rows.filter((r) => r.name !== '总计');
  return { 2: noTotal(s.t2), 3: noTotal(s.t3), 5: noTotal(s.t5), 6: noTotal(s.t6), 7: noTotal(s.t7) };
}

export const FILL_CORPUS: readonly CorpusPackage[] = [
  { name: 'seed 001', model: async () => seed001Workbook(cleanSeed001()) },
  { name: 'seed 002 (.xlsx)', model: xlsx('xlsx/seed002-clean.xlsx') },
  {
    name: 'generated department workbook with seed 001',
    model: async () =>
      departmentWorkbook({
        organisation: '阿图什市社会保险中心',
        rows: seed001Rows(),
        fixed: { 1: { 其他收入: { inAmount: 8.72 } } },
      }),
  },
  { name: 'seed 000 corrected', model: async () => seed000Workbook(correctedSeed000()) },
  { name: 'style (b)', model: async () => styleBWorkbook(cleanStyleB()) },
  // Not the Putuo finance bureau's 决算 as published: its tables are rounded one by one, so a total
  // refilled from its items differs by a cent from the same figure in another table (F14).
  ...PACKAGES.filter((p) => p.id !== 'sh-putuo-finance-2024-dept-final').map((p) => ({
    name: p.id,
    model: real(p.id),
  })),
];
