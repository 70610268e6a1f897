/**
 * SI-5 roll-forward, per fund and in total: 本年年末结余 = 上年年末结余 + 本年收入 − 本年支出.
 * - 结余表 / 结余安排表: 本年预算数 column = 上年 column + 收入表 本年 − 支出表 本年, per fund and in
 *   total. When the package has a 平衡表 with transfers (11017 上级补助 + 11018 下级上解 − 23018 补助下级 −
 *   23019 上解上级), the total includes them, and the funds are left out (the forms do not say which
 *   fund the transfers go to).
 * - 结余执行情况表: 预计执行数 total = 平衡表 11008 上年结余收入 (上年 column) + 收入执行 − 支出执行 (+ transfers).
 * A 结余表 shifted by a year (its columns hold the previous and current opening balances instead of
 * the closing ones: 本年 column = 上年 column + 上年收入 − 上年支出) is recognised as such: the finding's
 * expected figure is the true closing balance, and the hint says how the columns moved.
 */
import { Decimal } from '../../amount/decimal';
import { formatAmount } from '../../amount/format';
import { compareSum } from '../../amount/tolerance';
import { cellRefOf, Operand } from '../../engine/compare';
import { Rule, RuleContextApi } from '../../engine/types';
import { hintMessage, perLanguage } from '../../i18n/messages';
import { TableRow } from '../../recognize/types';
import { siOperand, siSum, SUM_MESSAGE, withRelated } from './check';
import {
  executionRollForward,
  ROLL_LABELS,
  rollForwardLines,
  rollLabel,
  siTableShort as siShort,
  transferTerms,
} from './identities';
import { cellOf, columnLabel, FundTable, hasValue, SiPackage, siPackages, transferCandidates } from './package';

const L = ROLL_LABELS;
const label = rollLabel;
const siTableShort = (ft: FundTable) => siShort(ft.table);

/** The 平衡表's transfer lines of a period as signed operands. */
function transferOperands(pkg: SiPackage, period: 'P' | 'C'): Operand[] {
  const out: Operand[] = [];
  for (const x of transferTerms(pkg.balanceSheet, period)) {
    const op = siOperand(x.table, x.row, x.key, undefined, x.negate);
    if (op && hasValue(op.cell) && !op.cell.value.isZero()) out.push(op);
  }
  return out;
}

function value(row: TableRow | undefined, key: string): Decimal | undefined {
  const c = cellOf(row, key);
  return hasValue(c) ? c.value : undefined;
}

function checkPlan(ctx: RuleContextApi, rule: Rule, pkg: SiPackage): void {
  const { balance: bal, income: inc, expense: exp } = pkg.plan;
  if (!bal || !inc || !exp) return;
  const transfersC = transferOperands(pkg, 'C');
  const transfersP = transferOperands(pkg, 'P');
  for (const line of rollForwardLines(bal, inc, exp, transfersC.length === 0)) {
    const isTotal = line.total;
    if (!line.bal) continue;
    const cur = cellOf(line.bal, 'cur');
    const prev = cellOf(line.bal, 'prev');
    const incCur = value(line.inc, 'cur');
    const expCur = value(line.exp, 'cur');
    if (!cur || (!hasValue(cur) && !hasValue(prev) && !incCur && !expCur)) continue;
    const extra = isTotal ? transfersC : [];
    const normal = [
      siOperand(bal.table, line.bal, 'prev', L.opening),
      siOperand(inc.table, line.inc, 'cur', label(inc, L.income)),
      siOperand(exp.table, line.exp, 'cur', label(exp, L.expense), true),
      ...extra,
    ];
    // The year-shift test: does the 本年 column hold last year's closing balance?
    const shifted = (() => {
      const p = value(line.bal, 'prev');
      const c = value(line.bal, 'cur');
      const ip = value(line.inc, 'prev');
      const ep = value(line.exp, 'prev');
      if (!p || !c || !ip || !ep) return false;
      const net = (isTotal ? transfersP : []).reduce(
        (a, o) => (o.negate ? a.minus(o.cell.value!) : a.plus(o.cell.value!)),
        new Decimal(0),
      );
      const term = (v: Decimal) => ({ value: v, decimals: cur.decimals });
      const terms = normal
        .filter((o): o is Operand => !!o && hasValue(o.cell))
        .map((o) => term(o.negate ? o.cell.value!.negated() : o.cell.value!));
      if (compareSum(term(c), terms, ctx.tolerance).status !== 'mismatch') return false;
      return (
        compareSum(term(c), [term(p), term(ip), term(ep.negated()), term(net)], ctx.tolerance).status !== 'mismatch'
      );
    })();
    if (!shifted) {
      siSum(ctx, {
        rule,
        table: bal.table,
        row: line.bal,
        key: 'cur',
        items: normal,
        candidates: isTotal ? transferCandidates(pkg, 'C') : [],
      });
      continue;
    }
    const expected = [siOperand(bal.table, line.bal, 'cur', L.openingShifted), ...normal.slice(1)];
    const fmt = (v: Decimal | undefined) => (v ? formatAmount(v, { decimals: Math.min(cur.decimals, 2) }) : '0');
    const params = (lang: 'zh' | 'en') => ({
      table:
        lang === 'zh'
          ? siTableShort(bal)
          : bal.table.printedNo
            ? `Table ${bal.table.printedNo}`
            : bal.table.template.nameEn,
      prevCol: columnLabel(bal.table, 'prev')[lang],
      curCol: columnLabel(bal.table, 'cur')[lang],
      prev: fmt(value(line.bal, 'prev')),
      cur: fmt(value(line.bal, 'cur')),
      incPrev: fmt(value(line.inc, 'prev')),
      expPrev: fmt(value(line.exp, 'prev')),
      incCur: fmt(incCur),
      expCur: fmt(expCur),
      expected: fmt(
        [
          value(line.bal, 'cur'),
          incCur,
          expCur?.negated(),
          ...extra.map((o) => (o.negate ? o.cell.value!.negated() : o.cell.value!)),
        ].reduce<Decimal>((a, v) => (v ? a.plus(v) : a), new Decimal(0)),
      ),
    });
    const hint = () => hintMessage('SI-5.shift', perLanguage(params('zh'), params('en')));
    siSum(withRelated(ctx, prev ? [cellRefOf({ table: bal.table, cell: prev })] : []), {
      rule,
      table: bal.table,
      row: line.bal,
      key: 'cur',
      items: expected,
      hint,
    });
  }
}

function checkExecution(ctx: RuleContextApi, rule: Rule, pkg: SiPackage): void {
  const id = executionRollForward(pkg);
  if (!id) return;
  siSum(ctx, {
    rule,
    table: id.table,
    row: id.row,
    key: id.key,
    items: [...id.items.map((i) => siOperand(i.table, i.row, i.key, i.label, i.negate)), ...transferOperands(pkg, 'P')],
    candidates: transferCandidates(pkg, 'P'),
  });
}

const rule: Rule = {
  id: 'SI-5',
  scope: 'cross',
  severity: 'error',
  family: 'si',
  title: {
    zh: '结余滚存：年末结余 = 上年结余 + 收入 − 支出',
    en: 'Roll-forward: closing = opening + income − expenditure',
  },
  ...SUM_MESSAGE,
  run(ctx) {
    for (const pkg of siPackages(ctx)) {
      checkPlan(ctx, rule, pkg);
      checkExecution(ctx, rule, pkg);
    }
  },
};

export default rule;
