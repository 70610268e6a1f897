/**
 * The public core: Office-free, usable from Node, the browser and the add-in.
 * See README.md "Library API".
 */
export { Decimal } from './amount/decimal';
export { decimalFromNumber, EXCEL_DIGITS } from './amount/decimal';
export {
  parseAmount,
  parseAmountText,
  toDecimal,
  AmountError,
  EMPTY_MARKERS,
  type Parsed,
  type ParsedAmount,
  type ParsedEmpty,
  type ParsedInvalid,
  type AmountLike,
  type Unit,
} from './amount/parse';
export { roundHalfUp } from './amount/round';
export { formatAmount, formatPercent, plainString, type FormatOptions } from './amount/format';
export {
  compareSum,
  compareValues,
  intervalTolerance,
  halfUnit,
  AUTO_TOLERANCE,
  type Term,
  type ToleranceMode,
  type Comparison,
  type Consistency,
} from './amount/tolerance';
export {
  change,
  yoy,
  ratio,
  executionRate,
  DivisionByZeroError,
  ZERO_BASES,
  type ZeroBase,
  type YoyOptions,
} from './metrics/change';
export { shares, type SharesOptions } from './metrics/shares';
export { balance, payableMonths, ZeroExpenditureError } from './metrics/balance';
export { describeChange, describeShare, changeFacts, type PhraseOptions, type ChangeFacts } from './metrics/describe';
export { message, messageIn, type Lang, type BilingualText } from './i18n/messages';
