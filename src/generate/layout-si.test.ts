/** layoutTable lays out every registered template, the 社会保险基金 ones included, so that they read back. */
import { recognizeSheet } from '../recognize/recognize';
import { SI_TEMPLATES } from '../templates';
import { layoutTable } from './layout';

describe('layoutTable for the 社会保险基金 templates', () => {
  it('lays out the 平衡表 with a code and a name column in each panel', () => {
    const t = SI_TEMPLATES.find((x) => x.layout === 'coded-panels')!;
    const { sheet } = layoutTable(t, {
      income: [
        { code: '102', name: '社会保险基金收入合计', values: { inPrev: 10, inCur: 12 } },
        { name: '收入总计', values: { inPrev: 10, inCur: 12 } },
      ],
      expense: [
        { code: '209', name: '社会保险基金支出合计', values: { exPrev: 8, exCur: 9 } },
        { name: '支出总计', values: { exPrev: 10, exCur: 12 } },
      ],
    });
    const [r] = recognizeSheet(sheet);
    expect(r.table?.template.id).toBe(t.id);
    expect(r.table!.rows.map((x) => `${x.panel} ${x.code ?? x.kind} ${x.name}`)).toEqual([
      'income 102 社会保险基金收入合计',
      'expense 209 社会保险基金支出合计',
      'income total 收入总计',
      'expense total 支出总计',
    ]);
  });

  it.each(SI_TEMPLATES.filter((t) => t.layout === 'itemized').map((t) => [t.id, t] as const))(
    '%s reads back with its codes',
    (_id, t) => {
      const { sheet } = layoutTable(t, [
        { code: '102', name: '社会保险基金收入合计', values: { [t.columns[2].key]: 5 } },
        { name: '其中：保险费收入', values: { [t.columns[2].key]: 3 } },
      ]);
      const [r] = recognizeSheet(sheet);
      expect(r.table?.template.id).toBe(t.id);
      expect(r.table!.rows.map((x) => [x.code, x.ofWhich ?? false])).toEqual([
        ['102', false],
        [undefined, true],
      ]);
    },
  );
});
