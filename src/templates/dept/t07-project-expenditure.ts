/** 表7 一般公共预算项目支出情况表: function rows and their projects, split by economic class. */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, functionCodeColumns } from './common';

const template: TableTemplate = {
  id: 'dept.t07',
  table: 'dept.t07',
  family: 'dept',
  no: 7,
  title: '一般公共预算项目支出情况表',
  titles: ['一般公共预算项目支出情况表', '一般公共预算项目支出表'],
  nameEn: 'General budget project expenditure',
  layout: 'coded',
  codeKind: 'function',
  numberRow: true,
  columns: [
    ...functionCodeColumns().map((c) =>
      c.key === 'name' ? { ...c, labels: ['功能分类科目名称', '科目名称', '功能科目名称'] } : c,
    ),
    { key: 'project', role: 'project', labels: ['项目名称', '项目'], name: { zh: '项目名称', en: 'project' } },
    amount('total', 1, ['项目支出合计', '合计'], '项目支出合计', 'project total'),
    amount('e301', 2, ['工资福利支出'], '工资福利支出', 'wages and benefits (301)'),
    amount('e302', 3, ['商品和服务支出', '商品服务支出'], '商品和服务支出', 'goods and services (302)'),
    amount('e303', 4, ['对个人和家庭的补助'], '对个人和家庭的补助', 'subsidies to households (303)'),
    amount('e307', 5, ['债务利息及费用支出'], '债务利息及费用支出', 'interest (307)'),
    amount('e309', 6, ['资本性支出(基本建设)'], '资本性支出（基本建设）', 'capital, construction (309)'),
    amount('e310', 7, ['资本性支出'], '资本性支出', 'capital (310)'),
    amount('e311', 8, ['对企业补助(基本建设)'], '对企业补助（基本建设）', 'enterprise subsidies, construction (311)'),
    amount('e312', 9, ['对企业补助'], '对企业补助', 'enterprise subsidies (312)'),
    amount('e313', 10, ['对社会保障基金补助'], '对社会保障基金补助', 'social security fund subsidies (313)'),
    amount('e399', 11, ['其他支出'], '其他支出', 'other (399)'),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
