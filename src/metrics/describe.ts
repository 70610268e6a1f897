import { Decimal, ZERO } from '../amount/decimal';
import { formatAmount, formatPercent } from '../amount/format';
import { AmountLike, toDecimal } from '../amount/parse';
import { roundHalfUp } from '../amount/round';
import { alignScaled, formatScaled, POW10, readScaled, roundDiv, Scaled } from '../amount/scaled';

const sc: Scaled = { n: 0, k: 0 };
const sp: Scaled = { n: 0, k: 0 };
const SAFE = Number.MAX_SAFE_INTEGER;

export interface PhraseOptions {
  /** The unit printed after amounts (default 万元). */
  unit?: string;
  /** Decimals of amounts and percentages (default 2). */
  decimals?: number;
  /** What the change is measured against (default 上年预算 → `比上年预算增加…`). */
  basis?: string;
  /**
   * Spaces around numbers (`增加 34.45 万元`), as typeset in most PDFs; false gives the compact
   * form (`增加34.45万元`). Default true.
   */
  spaced?: boolean;
  /** A label before the current amount: `一般公共预算 1,104.54 万元，…`. */
  label?: string;
}

export interface ChangeFacts {
  current: Decimal;
  prior: Decimal;
  change: Decimal;
  /** 增加 or 减少. */
  amountWord: '增加' | '减少';
  /** 增长 or 下降. */
  rateWord: '增长' | '下降';
  /** The percentage as printed (2 decimals by default), following the zero conventions. */
  percent: Decimal;
}

/**
 * The facts behind a 比上年 sentence, with the disclosure conventions: a zero prior gives
 * 增长 100.00%; a zero current 下降 100.00%; both zero 增加 0.00，增长 0.00%. The percent is
 * change / |prior| × 100 rounded half away from zero.
 */
export function changeFacts(current: AmountLike, prior: AmountLike, decimals = 2): ChangeFacts {
  const c = toDecimal(current);
  const p = toDecimal(prior);
  const ch = c.minus(p);
  const down = ch.isNegative() && !ch.isZero();
  let percent: Decimal;
  if (p.isZero()) percent = c.isZero() ? ZERO : new Decimal(100);
  else percent = roundHalfUp(ch.abs().div(p.abs()).times(100), decimals);
  return {
    current: c,
    prior: p,
    change: ch,
    amountWord: down ? '减少' : '增加',
    rateWord: down ? '下降' : '增长',
    percent,
  };
}

function joiner(spaced: boolean) {
  const s = spaced ? ' ' : '';
  return (amount: string, unit: string) => `${s}${amount}${s}${unit}`;
}

/** `比上年预算增加 34.45 万元，增长 3.44%` (optionally preceded by `label amount 万元，`). */
export function describeChange(current: AmountLike, prior: AmountLike, options: PhraseOptions = {}): string {
  return new ChangePhrase(options).describe(current, prior, options.label);
}

/**
 * {@link describeChange} for one set of options and many pairs (BUDGET.DESCRIBE's columns): the
 * sentence's fixed pieces (`比上年预算增加 `, ` 万元，增长 ` …) are worked out once, and each pair
 * costs its two numbers' formatting and one join. The label may change from pair to pair (a
 * column of labels); `options.label` is not read.
 */
export class ChangePhrase {
  private readonly decimals: number;
  /** Whether the integer path may run: decimals an integer 0 … 10. */
  private readonly scaled: boolean;
  private readonly s: string;
  /** `比上年预算增加 ` and `比上年预算减少 `. */
  private readonly up: string;
  private readonly down: string;
  /** ` 万元，增长 ` and ` 万元，下降 `. */
  private readonly rise: string;
  private readonly fall: string;
  /** ` 万元，` after a label's amount. */
  private readonly headTail: string;

  constructor(private readonly options: PhraseOptions) {
    const decimals = options.decimals ?? 2;
    this.decimals = decimals;
    this.scaled = Number.isInteger(decimals) && decimals >= 0 && decimals <= 10;
    const unit = options.unit ?? '万元';
    const s = (options.spaced ?? true) ? ' ' : '';
    const basis = options.basis ?? '上年预算';
    this.s = s;
    this.up = `比${basis}增加${s}`;
    this.down = `比${basis}减少${s}`;
    this.rise = `${s}${unit}，增长${s}`;
    this.fall = `${s}${unit}，下降${s}`;
    this.headTail = `${s}${unit}，`;
  }

  /** The sentence for one pair, led by `label` when there is one. */
  describe(current: AmountLike, prior: AmountLike, label?: string): string {
    if (this.scaled) {
      const fast = this.describeScaled(current, prior, label);
      if (fast !== undefined) return fast;
    }
    const o = label === this.options.label ? this.options : { ...this.options, label };
    return describeChangeDecimal(current, prior, o);
  }

  /**
   * The sentence in integer arithmetic, for numbers and plain texts read exactly as integers of one
   * scale (src/amount/scaled.ts); undefined when any step would leave the exact range, and the
   * caller then takes the decimal.js path. The same text, property-tested.
   */
  private describeScaled(current: AmountLike, prior: AmountLike, label: string | undefined): string | undefined {
    if (!readScaled(current, sc) || !readScaled(prior, sp)) return undefined;
    const decimals = this.decimals;
    // The head prints the current amount as read, before the scales are aligned.
    const head = label !== undefined ? formatScaled(sc.n, sc.k, decimals, true) : '';
    if (!alignScaled(sc, sp)) return undefined;
    const c = sc.n;
    const p = sp.n;
    const k = sc.k;
    const ch = c - p; // exact: both below 2^52
    const down = ch < 0;
    const a = down ? -ch : ch;
    // percent = |change| / |prior| × 100, rounded half away from zero to `decimals`, as an integer
    // count of 10^−decimals: round(|change| × 10^(decimals+2) / |prior|).
    let pct: number;
    if (p === 0) pct = c === 0 ? 0 : 100 * POW10[decimals];
    else {
      const num = a * POW10[decimals + 2];
      if (!(num <= SAFE)) return undefined;
      pct = roundDiv(num, p < 0 ? -p : p);
    }
    const amount = formatScaled(a, k, decimals, true);
    const percent = formatScaled(pct, decimals, decimals, false);
    // One flat string (join), not a tree of concatenations: a spilled column keeps 10^5 of them alive.
    if (label !== undefined) {
      return [
        label,
        this.s,
        head,
        this.headTail,
        down ? this.down : this.up,
        amount,
        down ? this.fall : this.rise,
        percent,
        '%',
      ].join('');
    }
    return [down ? this.down : this.up, amount, down ? this.fall : this.rise, percent, '%'].join('');
  }
}

/** The decimal.js path of {@link describeChange}, kept as the reference the fast path is tested against. */
export function describeChangeDecimal(current: AmountLike, prior: AmountLike, options: PhraseOptions = {}): string {
  const decimals = options.decimals ?? 2;
  const unit = options.unit ?? '万元';
  const spaced = options.spaced ?? true;
  const num = joiner(spaced);
  const f = changeFacts(current, prior, decimals);
  const sp = spaced ? ' ' : '';
  const head =
    options.label !== undefined ? `${options.label}${num(formatAmount(f.current, { decimals }), unit)}，` : '';
  const amount = formatAmount(f.change.abs(), { decimals });
  const pct = `${formatAmount(f.percent, { decimals, grouping: false })}%`;
  return `${head}比${options.basis ?? '上年预算'}${f.amountWord}${num(amount, unit)}，${f.rateWord}${sp}${pct}`;
}

/** `占 99.13%` (optionally preceded by `label amount 万元，`). */
export function describeShare(part: AmountLike, whole: AmountLike, options: PhraseOptions = {}): string {
  const decimals = options.decimals ?? 2;
  const spaced = options.spaced ?? true;
  const sp = spaced ? ' ' : '';
  const w = toDecimal(whole);
  const p = toDecimal(part);
  const share = w.isZero() ? ZERO : p.div(w);
  const head =
    options.label !== undefined
      ? `${options.label}${joiner(spaced)(formatAmount(p, { decimals }), options.unit ?? '万元')}，`
      : '';
  return `${head}占${sp}${formatPercent(share, decimals)}`;
}
