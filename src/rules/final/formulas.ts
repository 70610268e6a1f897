/**
 * The 部门决算 (final accounts) tables' arithmetic, in the audit formula language (see
 * src/rules/dept/formulas.ts). Table numbers are those of the national 9-table form (family `final`).
 */
export const FINAL_FORMULAS = String.raw`
名称：部门决算公开（内置）

公式 F1 强制 表族=final：[表2] 每列：{每个编码} = Σ{下级}；[表3] 每列：{每个编码} = Σ{下级}；[表5] 每列：{每个编码} = Σ{下级}
  ；[表8] 每列：{每个编码} = Σ{下级}；[表9] 每列：{每个编码} = Σ{下级}
  标题：决算 科目层级合计（类 = Σ款，款 = Σ项） | Final accounts: code hierarchy sums

公式 F10 强制 表族=final 填充：[表2] 每列：{总计} = Σ{类}；[表3] 每列：{总计} = Σ{类}；[表5] 每列：{总计} = Σ{类}
  ；[表8] 每列：{总计} = Σ{类}；[表9] 每列：{总计} = Σ{类}
  标题：决算 合计行 = Σ各类 | Final accounts: total row = Σ classes

公式 F2 强制 表族=final 填充：[表2] 每行：本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入
  标题：收入决算表 每行收入来源合计 | Income table: sources add up in every row

公式 F3 强制 表族=final 填充：[表3] 每行：本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出
  标题：支出决算表 每行支出合计 | Expenditure table: kinds add up in every row

公式 F5 强制 表族=final 填充：[表5] 每行：合计 = 基本支出 + 项目支出
  标题：一般公共预算财政拨款支出决算表 每行 合计 = 基本支出 + 项目支出 | General budget table: total = basic + project

公式 F8 强制 表族=final 填充：[表8] 每行：本年支出小计 = 基本支出 + 项目支出
  ；[表9] 每行：本年支出小计 = 基本支出 + 项目支出
  标题：基金、国资决算表 本年支出 = 基本支出 + 项目支出 | Fund and state capital tables: expenditure = basic + project

公式 F9 强制 表族=final：[表8] 每行：年末结转和结余 = 年初结转和结余 + 本年收入 - 本年支出小计
  ；[表9] 每行：年末结转和结余 = 年初结转和结余 + 本年收入 - 本年支出小计
  标题：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出 | Closing balance = opening + income − expenditure

`;
