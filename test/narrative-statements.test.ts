/**
 * Every 比上年 statement of the seeds that states a current amount and a change recomputes to its
 * stated percent through yoy() and through BUDGET.DESCRIBE.
 */
import statements from './data/narrative-statements.json';
import { parseAmount } from '../src/amount/parse';
import { Decimal } from '../src/amount/decimal';
import { yoy } from '../src/metrics/change';
import { describe as describeFn } from '../functions/functions';

interface Statement {
  doc: string;
  sentence: string;
  current: string | null;
  change: string | null;
  stated_pct: string | null;
  wording: string | null;
}

const amount = (s: string): Decimal => {
  const p = parseAmount(s);
  if (p.kind !== 'amount') throw new Error(`not an amount: ${s}`);
  return p.value;
};

const cases = (statements as Statement[]).filter((s) => s.current && s.change && s.stated_pct);

describe('narrative statements of the seeds', () => {
  it('has the statements to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map((s) => [s.sentence.slice(-40), s] as const))('%s', (_label, s) => {
    const current = amount(s.current!);
    const prior = current.minus(amount(s.change!));
    const stated = amount(s.stated_pct!); // a fraction: 11.71% → 0.1171
    const r = yoy(current, prior, { zeroBase: 'hundred' })!;
    expect(r.abs().toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString()).toBe(stated.toString());

    const sentence = describeFn([[current.toNumber()]], [[prior.toNumber()]])[0][0] as string;
    const [amountWord, rateWord] = s.wording!.split('/');
    const changeText = s.change!.replace(/^[+-]/, '');
    const expected = `比上年预算${amountWord}${changeText}万元，${rateWord}${s.stated_pct}`;
    expect(sentence.replace(/\s/g, '')).toBe(expected);
    // And the seed's own sentence says the same once OCR spaces and punctuation are normalised.
    const seed = s.sentence.replace(/\s/g, '').replace(/,(?=[^\d])/g, '，');
    expect(seed.endsWith(expected)).toBe(true);
  });
});
