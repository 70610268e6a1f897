/**
 * The fund forms' fixed-line arithmetic (family `fund`), in the audit formula language (see
 * src/rules/dept/formulas.ts). 表1 is the one-fund 收支表 (src/templates/funds/one-fund.ts), as
 * printed (two panels side by side) or with its panels stacked; 表3 its 决算 annex (the same lines). Said in ./items.ts instead: its own
 * items above the 小计 lines (FD2: they differ from fund to fund, found by position) and the
 * identities across the panels (FD3–FD6: the language names a column by its panel, and a stacked
 * table has one column for both). 表2 is the execution table (src/templates/funds/execution.ts):
 * the parts' roll-forward here (FD9), the by-fund lines and the percents in ./execution.ts (the
 * fund lines repeat in every part, and the percents are due on the 收入/支出 lines only).
 */
export const FUND_FORMULAS = String.raw`
名称：基金收支表（内置）

公式 FD1 强制 表族=fund 填充：[表1] 每列：{本年收入合计} = {本年收入小计} + {上级补助收入} + {下级上解收入}
  ；[表1] 每列：{收入总计} = {本年收入合计} + {上年结余}
  ；[表1] 每列：{本年支出合计} = {本年支出小计} + {补助下级支出} + {上解上级支出}
  ；[表1] 每列：{支出总计} = {本年支出合计} + {年末滚存结余}
  ；[表3] 每列：{本年收入合计} = {本年收入小计} + {上级补助收入} + {下级上解收入}
  ；[表3] 每列：{收入总计} = {本年收入合计} + {上年结余}
  ；[表3] 每列：{本年支出合计} = {本年支出小计} + {补助下级支出} + {上解上级支出}
  ；[表3] 每列：{支出总计} = {本年支出合计} + {年末滚存结余}
  标题：基金收支表 合计与总计 | One-fund table: totals

公式 FD9 强制 表族=fund：[表2] {期末余额}.预算数 = {期初余额} + {基金收入} - {基金支出}
  ；[表2] {期末余额}.累计执行数 = {期初余额} + {基金收入} - {基金支出}
  ；[表2] {期末余额}.上年同期累计执行数 = {期初余额} + {基金收入} - {基金支出}
  标题：执行情况表 期末余额 = 期初余额 + 收入 − 支出 | Execution table: closing = opening + income − expenditure
`;
