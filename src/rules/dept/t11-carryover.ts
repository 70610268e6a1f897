/**
 * T11 上年结转结余情况明细表: every row col1 = col2 + col6; col2 = col3 + col4 + col5; col6 = col7 + col8 +
 * col9; 总计 = Σ units (or Σ projects when no unit row); a unit = Σ its projects.
 */
import { amountKeys, checkRowIdentity, checkRowSum, totalRow } from '../../engine/access';
import { Rule } from '../../engine/types';
import { TableRow } from '../../recognize/types';

const rule: Rule = {
  id: 'T11',
  scope: 'table',
  severity: 'error',
  family: 'dept',
  title: { zh: '表11 总计与单位、项目', en: 'Table 11 total, units and projects' },
  message: {
    zh: '{where}：{actual} ≠ {items} = {expected}，差 {difference}',
    en: '{where}: {actual} ≠ {items} = {expected}, difference {difference}',
  },
  run(ctx) {
    for (const table of ctx.tablesOf('dept.t11')) {
      checkRowIdentity(ctx, rule, table, table.rows, 'total', ['fiscal', 'nonFiscal']);
      checkRowIdentity(ctx, rule, table, table.rows, 'fiscal', ['fiscalPersonnel', 'fiscalPublic', 'fiscalProject']);
      checkRowIdentity(ctx, rule, table, table.rows, 'nonFiscal', [
        'nonFiscalPersonnel',
        'nonFiscalPublic',
        'nonFiscalProject',
      ]);
      const keys = amountKeys(table);
      const units = table.rows.filter((r) => r.kind === 'unit');
      const total = totalRow(table);
      // Projects belong to the unit row above them.
      const projectsOf = new Map<TableRow, TableRow[]>();
      let current: TableRow | undefined;
      const loose: TableRow[] = [];
      for (const r of table.rows) {
        if (r.kind === 'unit') {
          current = r;
          projectsOf.set(r, []);
        } else if (r.kind === 'project') {
          if (current) projectsOf.get(current)!.push(r);
          else loose.push(r);
        }
      }
      const asItem = (r: TableRow) => ({ ...r, code: undefined });
      if (total) checkRowSum(ctx, rule, table, total, (units.length ? [...units, ...loose] : loose).map(asItem), keys);
      for (const [unit, projects] of projectsOf)
        if (projects.length) checkRowSum(ctx, rule, table, unit, projects.map(asItem), keys);
    }
  },
};

export default rule;
