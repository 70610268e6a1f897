import { runRuleCases } from '../../../test/helpers/rule-cases';
import { formulaRule } from '../../formulas/builtin';
import { ORG } from '../../../test/helpers/seed001';
import type { GenRow } from '../../generate/layout';

const rule = formulaRule('T11');

const v = (total: number, project = total) => ({ total, fiscal: total, fiscalProject: project });
const rows = (unit: number, project: number, total = unit, projectCol = project): GenRow[] => [
  { name: '总计', values: v(total) },
  { name: ORG, values: v(unit) },
  { name: '2023年自治区“访惠聚”驻村工作专项经费', values: v(project, projectCol) },
];

// 表11: B 合计, C 财政拨款小计, F 项目支出; rows 6 总计, 7 unit, 8 project.
describe('T11 上年结转结余', () => {
  runRuleCases(rule, [
    ['a consistent table', (s) => (s.t11 = rows(5.13, 5.13)), []],
    [
      '总计 ≠ Σ units',
      (s) => (s.t11 = rows(5.13, 5.13, 5.31)),
      ['error T11 表11!B6', 'error T11 表11!C6', 'error T11 表11!F6'],
    ],
    [
      'a unit ≠ Σ its projects',
      (s) => (s.t11 = rows(5.13, 5.3)),
      ['error T11 表11!B7', 'error T11 表11!C7', 'error T11 表11!F7'],
    ],
    [
      'a row: 小计 ≠ 人员 + 公用 + 项目',
      (s) => (s.t11 = rows(5.13, 5.13, 5.13, 5.0)),
      ['error T11 表11!C8', 'error T11 表11!F7'],
    ],
  ]);
});
