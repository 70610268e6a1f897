/**
 * The drafter reproduces every 比上年 sentence of the seeds' 第三部分 from their tables and the
 * prior-year figures their own texts imply (current − change).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Decimal } from '../amount/decimal';
import { readXlsx } from '../xlsx/read';
import { recognizeWorkbook } from '../recognize/recognize';
import statements from '../../test/data/narrative-statements.json';
import { draftNarrative, Figures } from './draft';

const root = path.resolve(__dirname, '../..');
const d = (s: string) => new Decimal(s);

const PRIOR: Record<string, [Figures, Map<string, string[]>]> = {
  '001': [
    new Map([
      ['income.gpb', d('1251.00')],
      ['income.gpbTransfer', d('4140.25')],
      ['income.unit', d('13.92')],
      ['expense.basic', d('350.41')],
      ['expense.project', d('5054.78')],
      ['gpb.basic', d('350.41')],
      ['gpb.project', d('5040.86')],
      ['gpb.item.2080109', d('1164.21')],
      ['gpb.item.2080501', d('22.72')],
      ['gpb.item.2080502', d('1.76')],
      ['gpb.item.2080505', d('32.05')],
      ['gpb.item.2080699', d('0')],
      ['gpb.item.2082602', d('3824.00')],
      ['gpb.item.2083001', d('0')],
      ['gpb.item.2089999', d('309.00')],
      ['gpb.item.2101101', d('9.33')],
      ['gpb.item.2101102', d('2.26')],
      ['gpb.item.2210201', d('25.92')],
      ['threePublic.total', d('0')],
      ['operating', d('5.90')],
    ]),
    new Map([['gpb.item.2089999', ['社会保障和就业支出', '其他社会保障和就业支出', '其他社会保障和就业支出']]]),
  ],
  '002': [
    new Map([
      ['income.gpb', d('1001.57')],
      ['income.fiscalCarry', d('0')],
      ['expense.basic', d('950.57')],
      ['expense.project', d('51.00')],
      ['gpb.basic', d('950.57')],
      ['gpb.project', d('51.00')],
      ['gpb.item.2080107', d('782.28')],
      ['gpb.item.2080505', d('69.63')],
      ['gpb.item.2089999', d('51.00')],
      ['gpb.item.2101101', d('16.47')],
      ['gpb.item.2101102', d('24.87')],
      ['gpb.item.2101103', d('4.35')],
      ['gpb.item.2101199', d('0.26')],
      ['gpb.item.2210201', d('52.70')],
      ['threePublic.total', d('0')],
      ['operating', d('49.95')],
    ]),
    new Map([['gpb.item.2089999', ['社会保障和就业支出', '其他社会保障和就业支出', '其他社会保障和就业支出']]]),
  ],
};

interface Statement {
  doc: string;
  current: string | null;
  change: string | null;
  stated_pct: string | null;
  wording: string | null;
}

describe('narrative drafter', () => {
  it.each([
    ['001', 'seed001-published.xlsx', 2025],
    ['002', 'seed002-published.xlsx', 2024],
  ])('reproduces every 比上年 sentence of seed %s', async (doc, fixture, year) => {
    const tables = recognizeWorkbook(
      await readXlsx(fs.readFileSync(path.join(root, 'test/fixtures/xlsx', fixture))),
    ).tables;
    const [prior, names] = PRIOR[doc];
    const draft = draftNarrative(tables, prior, { year, priorNames: names });
    const lines = draft.split('\n');
    const wanted = (statements as Statement[]).filter((s) => s.doc === doc && s.current && s.change && s.stated_pct);
    expect(wanted.length).toBeGreaterThan(10);
    const missing = wanted.filter((s) => {
      const [w1, w2] = s.wording!.split('/');
      const phrase = `比上年预算${w1}${s.change!.replace(/^[+-]/, '')}万元，${w2}${s.stated_pct}`;
      return !lines.some((l) => l.includes(`${s.current}万元`) && l.includes(phrase));
    });
    expect(missing).toEqual([]);
    expect(draft).toContain('主要原因是……');
  });
});
