import { shiftFormula } from './formula';

describe('shiftFormula (shared formulas moved to another cell)', () => {
  it.each([
    ['E5+E6', 1, 0, 'E6+E7'],
    ['SUM(E8:E14)', 2, 1, 'SUM(F10:F16)'],
    ['$E$5+E$6+$E7', 3, 2, '$E$5+G$6+$E10'],
    ["'表3'!E7*2", 1, 0, "'表3'!E8*2"],
    ['Sheet1!A1', 0, 1, 'Sheet1!B1'],
    ['IF(B5=0,"",C5/B5)', 1, 0, 'IF(B6=0,"",C6/B6)'],
    ['"A1 stays"&A1', 1, 0, '"A1 stays"&A2'],
    ['LOG10(A1)', 1, 0, 'LOG10(A2)'],
    ['A1', -1, 0, '#REF!'],
    ['XFD1+1', 0, 1, '#REF!+1'],
    ['A1', 0, 0, 'A1'],
    ['my_name1+A1', 1, 0, 'my_name1+A2'],
  ])('%s moved by (%i, %i) is %s', (formula, dr, dc, expected) => {
    expect(shiftFormula(formula, dr, dc)).toBe(expected);
  });
});
