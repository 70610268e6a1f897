/**
 * Soft rules (提示): figures that usually agree but may be explained.
 * S1 T6 economic 款 vs T5 function 项 in basic spending (30108 = 2080505, 30109 = 2080506,
 *    30110 = 2101101 + 2101102, 30111 = 2101103, 30113 = 2210201).
 * S2 T10 公务接待费 ≈ T6 30217, 公务用车运行费 ≈ T6 30231.
 * S3 a T7 amount in an economic column that does not fit the function code (2082602 补助 booked as
 *    工资福利支出 instead of 对社会保障基金补助).
 * S4 T4 收入总计 = T1 财政拨款 (一般 + 基金 + 国资) + 财政拨款结转: the Xinjiang T4 has no 上年结转 rows, so a
 *    carry-over shown in T1 is missing from T4 (seed 002: 5.13).
 */
import { codedRows, fixedRow } from '../../engine/access';
import { checkSum, columnName, operand, Operand, tableName, where } from '../../engine/compare';
import { Rule } from '../../engine/types';
import { formatAmount } from '../../amount/format';
import { findingMessage, hintMessage, messageTemplate } from '../../i18n/messages';
import { a1 } from '../../workbook/model';
import { codeRowFor } from '../../engine/cross';

/** The soft rules' comparison message (S1, S2, S4). */
const SOFT_MESSAGE = { message: messageTemplate('soft.differs'), messageId: 'soft.differs' };

const ECON_VS_FUNCTION: [string, string[]][] = [
  ['30108', ['2080505']],
  ['30109', ['2080506']],
  ['30110', ['2101101', '2101102']],
  ['30111', ['2101103']],
  ['30113', ['2210201']],
];

export const S1: Rule = {
  id: 'S1',
  scope: 'cross',
  severity: 'info',
  family: 'dept',
  title: { zh: '表6 经济分类与表5 功能分类对应', en: 'Table 6 economic items vs Table 5 function items' },
  ...SOFT_MESSAGE,
  run(ctx) {
    const t6 = ctx.table('dept.t06');
    const t5 = ctx.table('dept.t05');
    if (!t6 || !t5) return;
    for (const [econ, functions] of ECON_VS_FUNCTION) {
      const row6 = codeRowFor(t6, econ);
      const items = functions
        .map((code) => codeRowFor(t5, code))
        .map((row) =>
          row
            ? operand(t5, row, 'basic', { zh: `表5 ${row.code} 基本支出`, en: `Table 5 ${row.code} basic` })
            : undefined,
        )
        .filter((o): o is Operand => o !== undefined);
      if (!row6 && items.every((i) => !i.cell.value || i.cell.value.isZero())) continue;
      if (!row6 || items.length === 0) continue;
      const target = operand(t6, row6, 'total');
      if (target) checkSum(ctx, { rule: S1, target, items, where: () => where(t6, row6, 'total'), copied: false });
    }
  },
};

export const S2: Rule = {
  id: 'S2',
  scope: 'cross',
  severity: 'info',
  family: 'dept',
  title: { zh: '表10 与表6 公务接待费、公务用车运行费', en: 'Table 10 vs Table 6 reception and vehicle running costs' },
  ...SOFT_MESSAGE,
  run(ctx) {
    const t10 = ctx.table('dept.t10');
    const t6 = ctx.table('dept.t06');
    if (!t10 || !t6) return;
    for (const [key, econ] of [
      ['reception', '30217'],
      ['vehicleRunning', '30231'],
    ] as const) {
      const row10 = fixedRow(t10, key);
      const row6 = codeRowFor(t6, econ);
      if (!row10 || !row6) continue;
      const target = operand(t10, row10, 'gpb');
      const item = operand(t6, row6, 'total', { zh: `表6 ${econ}`, en: `Table 6 ${econ}` });
      if (target && item)
        checkSum(ctx, { rule: S2, target, items: [item], where: () => where(t10, row10, 'gpb'), copied: true });
    }
  },
};

/** Function code prefixes whose project spending belongs to one economic column. */
const EXPECTED_ECON: [string, string][] = [
  ['20826', 'e313'],
  ['20827', 'e313'],
  ['2080507', 'e313'],
  ['21012', 'e313'],
];

export const S3: Rule = {
  id: 'S3',
  scope: 'table',
  severity: 'info',
  family: 'dept',
  title: { zh: '表7 经济分类与功能科目是否相符', en: 'Table 7 economic columns fit the function code' },
  message: { zh: '{table} {code}', en: '{table} {code}' },
  run(ctx) {
    for (const t of ctx.tablesOf('dept.t07')) {
      const tn = tableName(t);
      for (const row of codedRows(t).filter((r) => r.code!.length === 7)) {
        const expected = EXPECTED_ECON.find(([prefix]) => row.code!.startsWith(prefix))?.[1];
        if (!expected) continue;
        for (const [key, cell] of row.amounts) {
          if (key === 'total' || key === expected || !cell.value || cell.value.isZero()) continue;
          const p = { code: row.code!, name: row.project ?? row.name, amount: formatAmount(cell.value) };
          const col = columnName(t, key);
          const exp = columnName(t, expected);
          ctx.report({
            rule: S3.id,
            severity: 'info',
            sheet: t.sheet.name,
            cell: a1(cell.r, cell.c),
            related: [],
            actual: cell.value.toFixed(),
            ...findingMessage('S3.misbooked', { ...p, table: tn, column: col, expected: exp }),
          });
        }
      }
    }
  },
};

export const S4: Rule = {
  id: 'S4',
  scope: 'cross',
  severity: 'info',
  family: 'dept',
  title: {
    zh: '表4 收入总计与表1 财政拨款及结转',
    en: 'Table 4 total income vs Table 1 appropriations and carry-over',
  },
  ...SOFT_MESSAGE,
  run(ctx) {
    const t4 = ctx.table('dept.t04');
    const t1 = ctx.table('dept.t01');
    if (!t4 || !t1) return;
    const total4 = fixedRow(t4, 'incomeTotal');
    if (!total4) return;
    const target = operand(t4, total4, 'inTotal');
    // Each line named as the form names it (表1 一般公共预算拨款 / Table 1 general budget appropriation).
    const items = ['gpb', 'gfb', 'socb', 'fiscalCarry']
      .map((key) => {
        const row = fixedRow(t1, key);
        const name = t1.template.fixedRows?.find((f) => f.key === key)?.name ?? { zh: key, en: key };
        return row ? operand(t1, row, 'inAmount', { zh: `表1 ${name.zh}`, en: `Table 1 ${name.en}` }) : undefined;
      })
      .filter((o): o is Operand => o !== undefined);
    if (!target || items.length === 0) return;
    const carryRow = fixedRow(t1, 'fiscalCarry');
    const carry = carryRow?.amounts.get('inAmount')?.value;
    const hint =
      !fixedRow(t4, 'carry') && carry && !carry.isZero()
        ? hintMessage('S4.hint', { carry: formatAmount(carry) })
        : undefined;
    checkSum(ctx, { rule: S4, target, items, where: () => where(t4, total4, 'inTotal'), copied: false, hint });
  },
};

export default [S1, S2, S3, S4];
