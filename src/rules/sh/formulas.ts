/**
 * The Shanghai district 部门预算 / 单位预算 tables' arithmetic (family `sh`), in the audit formula
 * language (see src/rules/dept/formulas.ts). Table numbers follow the published order: 表2 收入预算
 * 总表, 表3 支出预算总表, 表5–7 一般公共预算 / 政府性基金 / 国有资本经营 支出功能分类预算表, 表8 基本
 * 支出经济分类预算表. 表1, 表4 and 表9 are not declared yet (the inference checks them).
 */
export const SH_FORMULAS = String.raw`
名称：上海区级部门预算公开（内置）

公式 SH1 强制 表族=sh：[表2] 每列：{每个编码} = Σ{下级}；[表3] 每列：{每个编码} = Σ{下级}；[表5] 每列：{每个编码} = Σ{下级}
  ；[表6] 每列：{每个编码} = Σ{下级}；[表7] 每列：{每个编码} = Σ{下级}；[表8] 每列：{每个编码} = Σ{下级}
  标题：科目层级合计（类 = Σ款，款 = Σ项） | Code hierarchy sums (class = Σ sections, section = Σ items)

公式 SH2 强制 表族=sh 填充：[表2] 每列：{总计} = Σ{类}；[表3] 每列：{总计} = Σ{类}；[表5] 每列：{总计} = Σ{类}
  ；[表6] 每列：{总计} = Σ{类}；[表7] 每列：{总计} = Σ{类}；[表8] 每列：{总计} = Σ{类}
  标题：合计行 = Σ各类 | Total row = Σ classes

公式 SH3 强制 表族=sh 填充：[表2] 每行：合计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入
  标题：收入预算总表 每行 合计 = 各项收入 | Income table: sources add up in every row

公式 SH4 强制 表族=sh 填充：[表3] 每行：合计 = 基本支出 + 项目支出；[表5] 每行：合计 = 基本支出 + 项目支出
  ；[表6] 每行：合计 = 基本支出 + 项目支出；[表7] 每行：合计 = 基本支出 + 项目支出
  标题：支出表 每行 合计 = 基本支出 + 项目支出 | Expenditure tables: total = basic + project in every row

公式 SH5 强制 表族=sh 填充：[表8] 每行：合计 = 人员经费 + 公用经费
  标题：基本支出经济分类表 每行 合计 = 人员经费 + 公用经费 | Basic expenditure: total = personnel + public

公式 SH6 强制 表族=sh：[表2]{每个编码}.合计 = [表3]{同编码}.合计
  ；[表2]{总计}.合计 = [表3]{总计}.合计
  标题：收入预算总表 各科目 = 支出预算总表 同科目 | Income table rows = expenditure table rows by code
`;
