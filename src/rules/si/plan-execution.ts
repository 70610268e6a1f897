/**
 * SI-10 the same figures in the plan, execution and balance tables:
 * - a plan table's 上年预计执行数 = the execution table's 预计执行数, row by row (rows matched by code
 *   or name: the fund order differs between tables);
 * - the 平衡表's fund lines, 102, 209 and 23009: 上年 column = the plan table's 上年预计执行数 (or the
 *   execution table's 预计执行数), 本年 column = the plan table's 本年预算数.
 * The pairs, and which table the 平衡表's 上年 column is compared with, are declared in ./identities.ts
 * (the fill copies them in the same order of preference). Copied figures: any
 * difference is an error. A difference that is exactly one of the 平衡表's
 * transfer lines (11017 上级补助收入 …) says so: it was probably included in one table only.
 */
import { formatAmount } from '../../amount/format';
import { tableName } from '../../engine/compare';
import { Rule, RuleContextApi } from '../../engine/types';
import { BilingualText, findingMessage } from '../../i18n/messages';
import { RecognizedTable, TableRow } from '../../recognize/types';
import { FundTableKind } from '../../templates/si/funds';
import { a1 } from '../../workbook/model';
import { COPY_MESSAGE, siOperand, siSum } from './check';
import { planExecutionCopies, sheetCopies } from './identities';
import { columnLabel, FundTable, hasValue, SiPackage, siPackages, siWhere, transferCandidates } from './package';

const KINDS: FundTableKind[] = ['income', 'expense', 'balance'];

function ref(t: RecognizedTable, key: string): BilingualText {
  const tn = tableName(t);
  const cl = columnLabel(t, key);
  return { zh: `${tn.zh} ${cl.zh}`, en: `${tn.en} ${cl.en}` };
}

function rowMissing(
  ctx: RuleContextApi,
  rule: Rule,
  t: RecognizedTable,
  row: TableRow,
  key: string,
  other: RecognizedTable,
) {
  const cell = row.amounts.get(key);
  if (!hasValue(cell) || cell.value.isZero()) return;
  const w = siWhere(t, row, key);
  const o = tableName(other);
  const amount = formatAmount(cell.value, { decimals: cell.decimals });
  ctx.report({
    rule: rule.id,
    severity: 'error',
    sheet: t.sheet.name,
    cell: a1(cell.r, cell.c),
    related: [],
    expected: '0',
    actual: cell.value.toFixed(),
    difference: cell.value.toFixed(),
    ...findingMessage('SI-10.rowMissing', { where: w, amount, other: o }),
  });
}

/** `a[ka] = b[kb]` for one row, or the missing-row finding. */
function same(
  ctx: RuleContextApi,
  rule: Rule,
  pkg: SiPackage,
  period: 'P' | 'C',
  a: { t: RecognizedTable; row?: TableRow; key: string },
  b: { t: RecognizedTable; row?: TableRow; key: string },
) {
  if (!a.row && !b.row) return;
  if (!a.row) return rowMissing(ctx, rule, b.t, b.row!, b.key, a.t);
  if (!b.row) return rowMissing(ctx, rule, a.t, a.row, a.key, b.t);
  siSum(ctx, {
    rule,
    table: a.t,
    row: a.row,
    key: a.key,
    items: [siOperand(b.t, b.row, b.key, ref(b.t, b.key))],
    copied: true,
    candidates: transferCandidates(pkg, period),
  });
}

function planVsExec(ctx: RuleContextApi, rule: Rule, pkg: SiPackage, plan: FundTable, exec: FundTable) {
  for (const { a, b } of planExecutionCopies(plan, exec)) same(ctx, rule, pkg, 'P', a, b);
}

function sheetVsTables(ctx: RuleContextApi, rule: Rule, pkg: SiPackage) {
  for (const { period, a, sources } of sheetCopies(pkg)) same(ctx, rule, pkg, period, a, sources[0]);
}

const rule: Rule = {
  id: 'SI-10',
  scope: 'cross',
  severity: 'error',
  family: 'si',
  title: { zh: '安排表、执行表与平衡表的同一数字一致', en: 'Plan, execution and balance-sheet figures agree' },
  ...COPY_MESSAGE,
  run(ctx) {
    for (const pkg of siPackages(ctx)) {
      for (const kind of KINDS) {
        const plan = pkg.plan[kind];
        const exec = pkg.exec[kind];
        if (plan && exec) planVsExec(ctx, rule, pkg, plan, exec);
      }
      sheetVsTables(ctx, rule, pkg);
    }
  },
};

export default rule;
