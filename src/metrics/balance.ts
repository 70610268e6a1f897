import { Decimal } from '../amount/decimal';
import { AmountLike, toDecimal } from '../amount/parse';
import { message } from '../i18n/messages';

/**
 * Roll-forward: 年末结余 = 上年结余 + 收入 − 支出 (+ 上级补助 + 下级上解 − 补助下级 − 上解上级,
 * passed as `otherIn` and `otherOut`).
 */
export function balance(
  opening: AmountLike,
  income: AmountLike,
  expenditure: AmountLike,
  otherIn: AmountLike = 0,
  otherOut: AmountLike = 0,
): Decimal {
  return toDecimal(opening)
    .plus(toDecimal(income))
    .minus(toDecimal(expenditure))
    .plus(toDecimal(otherIn))
    .minus(toDecimal(otherOut));
}

export class ZeroExpenditureError extends Error {
  constructor() {
    const m = message('metric.zeroExpenditure');
    super(`${m.zh} / ${m.en}`);
    this.name = 'ZeroExpenditureError';
  }
}

/** Static payable months (可支付月数): 年末结余 ÷ (年支出 ÷ 12). */
export function payableMonths(closingBalance: AmountLike, annualExpenditure: AmountLike): Decimal {
  const e = toDecimal(annualExpenditure);
  if (e.isZero()) throw new ZeroExpenditureError();
  return toDecimal(closingBalance).times(12).div(e);
}
