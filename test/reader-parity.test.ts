/**
 * The streaming .xlsx reader against exceljs's in-memory reader on every bundled workbook: files
 * written by exceljs, by hand-made generators and by LibreOffice must read cell for cell the same.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readXlsx } from '../src/xlsx/read';
import { Cell, WorkbookModel } from '../src/workbook/model';
import { readWithExcelJs } from './helpers/exceljs-reader';

const root = path.join(__dirname, '..');
const files = [
  ...fs.readdirSync(path.join(root, 'test/fixtures/xlsx')).map((f) => `test/fixtures/xlsx/${f}`),
  ...fs.readdirSync(path.join(root, 'test/fixtures/si')).map((f) => `test/fixtures/si/${f}`),
  ...fs.readdirSync(path.join(root, 'samples')).map((f) => `samples/${f}`),
].filter((f) => f.endsWith('.xlsx'));

/** Cells by address, so that trailing empty slots in a row do not count as a difference. */
function cells(model: WorkbookModel): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const s of model.sheets)
    s.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell) out[`${s.name}!${r},${c}`] = cell;
      }),
    );
  return out;
}

describe('the streaming reader reads what exceljs reads', () => {
  it('has files to compare', () => expect(files.length).toBeGreaterThan(8));

  it.each(files)('%s', async (file) => {
    const bytes = fs.readFileSync(path.join(root, file));
    const ours = await readXlsx(bytes);
    const theirs = await readWithExcelJs(bytes);
    expect(ours.sheets.map((s) => [s.name, !!s.hidden, s.rows.length])).toEqual(
      theirs.sheets.map((s) => [s.name, !!s.hidden, s.rows.length]),
    );
    expect(ours.sheets.map((s) => s.merges)).toEqual(theirs.sheets.map((s) => s.merges));
    expect(cells(ours)).toEqual(cells(theirs));
  });
});
