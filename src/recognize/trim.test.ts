import { isTrimSpace, textOfValue } from './sheet-view';

describe('textOfValue trims as String.prototype.trim does', () => {
  it('knows every code unit trim removes', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isTrimSpace(c) !== (String.fromCharCode(c).trim() === '')) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('gives trim’s text for texts with and without white space at either end', () => {
    for (const t of [
      '',
      ' ',
      'a',
      ' a',
      'a ',
      '\u3000项目\u3000',
      '项目',
      '\ufeff201',
      '201\u00a0',
      '\t*\n',
      '一 二',
    ]) {
      expect(textOfValue(t)).toBe(t.trim());
    }
  });
});
