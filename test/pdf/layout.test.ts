import { cellValue, pagesToSheet } from '../../src/pdf/layout';

describe('pdf layout', () => {
  it('groups items into lines and cells, amounts as numbers, boxes kept', () => {
    const sheet = pagesToSheet('t', [
      {
        page: 2,
        items: [
          { str: '201', x: 10, y: 100, w: 15, h: 10 },
          { str: '一般公共', x: 40, y: 100.5, w: 40, h: 10 },
          { str: '服务支出', x: 80, y: 100.5, w: 40, h: 10 },
          { str: '1,234.50', x: 200, y: 101, w: 40, h: 10 },
          { str: '项目', x: 10, y: 80, w: 20, h: 10 },
        ],
      },
    ]);
    expect(sheet.rows.map((r) => r.map((c) => c?.v))).toEqual([['项目'], ['201', '一般公共服务支出', 1234.5]]);
    expect(sheet.boxes.get('1,2')).toEqual({ page: 2, x: 200, y: 101, w: 40, h: 10 });
  });
  it('keeps non-amounts as printed', () => {
    expect(cellValue(' 12.3% ')).toBe('12.3%');
    expect(cellValue('-')).toBe('-');
  });
});
