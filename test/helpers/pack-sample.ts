/** The 表12 of the example pack's sample (samples/packs): 208 08 01's total is 0.50 short of its parts. */
import { SheetModel, sheetFromValues } from '../../src/workbook/model';

export function exampleProcurementSheet(): SheetModel {
  const sheet = sheetFromValues(
    '表12',
    [
      ['部门政府采购预算表'],
      ['编制部门：阿图什市社会保险中心', null, null, null, null, null, null, '单位：万元'],
      ['功能分类科目编码', null, null, '功能分类科目名称', '合计', '货物', '工程', '服务'],
      ['类', '款', '项'],
      ['*', '*', '*', '*', 1, 2, 3, 4],
      [null, null, null, '总计', 30.5, 12.5, 0, 18],
      ['208', null, null, '社会保障和就业支出', 30.5, 12.5, 0, 18],
      ['208', '01', null, '人力资源和社会保障管理事务', 30.5, 12.5, 0, 18],
      ['208', '01', '09', '社会保险经办机构', 30, 12.5, 0, 18],
    ],
    ['A1:H1', 'A3:C3', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4', 'H3:H4'],
  );
  // Amounts shown with two decimals, as published.
  sheet.rows.forEach((row, r) => {
    if (r >= 5) for (const cell of row) if (cell && typeof cell.v === 'number') cell.z = '#,##0.00';
  });
  return sheet;
}
