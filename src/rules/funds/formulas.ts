/**
 * The fund forms' fixed-line arithmetic (family `fund`), in the audit formula language (see
 * src/rules/dept/formulas.ts). 表1 is the one-fund 收支表 (src/templates/funds/one-fund.ts), as
 * printed (two panels side by side) or with its panels stacked. Said in ./items.ts instead: its own
 * items above the 小计 lines (FD2: they differ from fund to fund, found by position) and the
 * identities across the panels (FD3–FD6: the language names a column by its panel, and a stacked
 * table has one column for both).
 */
export const FUND_FORMULAS = String.raw`
名称：基金收支表（内置）

公式 FD1 强制 表族=fund 填充：[表1] 每列：{本年收入合计} = {本年收入小计} + {上级补助收入} + {下级上解收入}
  ；[表1] 每列：{收入总计} = {本年收入合计} + {上年结余}
  ；[表1] 每列：{本年支出合计} = {本年支出小计} + {补助下级支出} + {上解上级支出}
  ；[表1] 每列：{支出总计} = {本年支出合计} + {年末滚存结余}
  标题：基金收支表 合计与总计 | One-fund table: totals
`;
