import { groupLines } from '../../src/pdf/layout';

describe('pdf layout', () => {
  it('groups runs into lines by baseline (within half the text height), left to right, blanks dropped', () => {
    const lines = groupLines([
      { str: '1,234.50', x: 200, y: 101, w: 40, h: 10 },
      { str: '201', x: 10, y: 100, w: 15, h: 10 },
      { str: ' ', x: 30, y: 100, w: 5, h: 10 },
      { str: '一般公共', x: 40, y: 100.5, w: 40, h: 10 },
      { str: '项目', x: 10, y: 80, w: 20, h: 10 },
    ]);
    expect(lines.map((l) => l.map((i) => i.str))).toEqual([['项目'], ['201', '一般公共', '1,234.50']]);
  });
});
