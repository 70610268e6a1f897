/** SheetView on a sparse sheet (issue 16 item 7): missing rows are holes, skipped without a lookup. */
import { SheetModel } from '../workbook/model';
import { recognizeSheet } from './recognize';
import { SheetView } from './sheet-view';

function sparse(): SheetModel {
  const rows: SheetModel['rows'] = [];
  rows[0] = [{ v: '部门支出总体情况表' }];
  rows[1048575] = [undefined, { v: 7 }];
  return { name: '表3', rows, merges: [] };
}

describe('SheetView on a sheet whose missing rows are holes', () => {
  it('reads the cells present and treats the holes as empty rows', () => {
    const view = new SheetView(sparse());
    expect([view.rows, view.cols]).toEqual([1048576, 2]);
    expect(view.rowTexts(0)).toEqual([{ c: 0, text: '部门支出总体情况表' }]);
    expect(view.rowTexts(5)).toEqual([]);
    expect(Object.isFrozen(view.rowTexts(5))).toBe(true);
    expect(view.isBlankRow(5)).toBe(true);
    expect(view.rowTexts(1048575)).toEqual([{ c: 1, text: '7' }]);
    expect(view.isBlankRow(1048575)).toBe(false);
    expect(view.cell(1048575, 1)).toEqual({ v: 7 });
    expect(view.cell(3, 1)).toBeUndefined();
  });

  it('recognizing such a sheet gives a result, not a throw', () => {
    const res = recognizeSheet(sparse());
    expect(res).toHaveLength(1);
    expect(res[0].sheet).toBe('表3');
  });
});
