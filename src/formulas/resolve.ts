/**
 * Names in formulas resolved against the forms: `[表3]` → the logical table `dept.t03`, `合计` →
 * its column key `total`, `{收入总计}` → the fixed row `incomeTotal`. Done once, when a pack is
 * loaded, so an unknown or ambiguous name is an error with its line, never a silent skip.
 */
import { ColumnSpec, FixedRowSpec, normalizeLabel, stripNumbering, TableTemplate } from '../templates/types';
import { FormulaError, Pos, TableName } from './parse';

/** A logical table and every form (template) declared for it. */
export interface TableForms {
  table: string;
  templates: TableTemplate[];
  /** `表3` or the title, for messages. */
  label: string;
}

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_NUM[s];
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return undefined;
  return (m[1] ? CN_NUM[m[1]] : 1) * 10 + (m[2] ? CN_NUM[m[2]] : 0);
}

function group(templates: readonly TableTemplate[], pred: (t: TableTemplate) => boolean): TableForms[] {
  const by = new Map<string, TableTemplate[]>();
  for (const t of templates) if (pred(t)) (by.get(t.table) ?? by.set(t.table, []).get(t.table)!).push(t);
  return [...by.entries()].map(([table, ts]) => ({ table, templates: ts, label: '' }));
}

/**
 * `[表3]` (a department table by number; `family` picks the form family), `[dept.t03]` (by id),
 * `[部门支出总体情况表]` (by title).
 */
export function resolveTable(
  name: TableName,
  templates: readonly TableTemplate[],
  family: string | undefined,
): TableForms {
  const text = name.text;
  const byId = group(templates, (t) => t.table === text || t.id === text);
  if (byId.length === 1) return { ...byId[0], label: text };
  const m = /^表\s*(\S+)$/.exec(text);
  if (m) {
    const no = chineseNumber(m[1]);
    const fam = family ?? 'dept';
    const found = group(templates, (t) => t.no === no && t.family === fam);
    if (found.length === 1) return { ...found[0], label: text };
    if (found.length > 1) {
      throw new FormulaError(
        `“[${text}]”指向多张表（${found.map((f) => f.table).join('、')}），请写表名或编号`,
        `"[${text}]" names several tables (${found.map((f) => f.table).join(', ')}); write its title or id`,
        name.pos,
      );
    }
  }
  const norm = normalizeLabel(text);
  const byTitle = group(templates, (t) => [t.title, ...t.titles].some((x) => normalizeLabel(x) === norm));
  if (byTitle.length === 1) return { ...byTitle[0], label: text };
  throw new FormulaError(`未知的表“[${text}]”`, `unknown table "[${text}]"`, name.pos);
}

function uniqueKeys<T extends { key: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.key) ? false : (seen.add(i.key), true)));
}

function suggestions(names: string[]): string {
  return names.slice(0, 12).join('、');
}

/** An amount column by key, name or header label. */
export function resolveColumn(forms: TableForms, name: string, pos: Pos): ColumnSpec {
  const all = uniqueKeys(forms.templates.flatMap((t) => t.columns.filter((c) => c.role === 'amount')));
  const norm = normalizeLabel(name);
  const pick = (pred: (c: ColumnSpec) => boolean) => uniqueKeys(all.filter(pred));
  for (const found of [
    pick((c) => c.key === name),
    pick((c) => normalizeLabel(c.name.zh) === norm || c.name.en === name),
    pick((c) => c.labels.some((l) => normalizeLabel(l) === norm)),
  ]) {
    if (found.length === 1) return found[0];
    if (found.length > 1) {
      throw new FormulaError(
        `列名“${name}”在 ${forms.label} 中有多个（${found.map((c) => c.name.zh).join('、')}），请写完整列名`,
        `column "${name}" is ambiguous in ${forms.label} (${found.map((c) => c.name.en).join(', ')}); write its full name`,
        pos,
      );
    }
  }
  throw new FormulaError(
    `${forms.label} 没有列“${name}”（可用：${suggestions(all.map((c) => c.name.zh))}）`,
    `${forms.label} has no column "${name}" (available: ${suggestions(all.map((c) => c.name.en))})`,
    pos,
  );
}

/** What `{…}` selects. */
export type RowSelector =
  | { kind: 'fixed'; key: string; spec: FixedRowSpec }
  | { kind: 'total' }
  | { kind: 'code'; code: string }
  /** `{每个编码}` and its levels: every coded row of those code lengths. */
  | { kind: 'each'; levels: number[] }
  /** `{同编码}`: the row with the code of the row being checked. */
  | { kind: 'same' }
  /** `{下级}`: the rows one level below the row being checked. */
  | { kind: 'children' }
  /**
   * `{类}`, `{款}`, `{项}`: every coded row of one level; `{类 301、303}` only those codes,
   * `{类 除 301、303}` all but those.
   */
  | { kind: 'level'; level: number; codes?: string[]; except?: boolean }
  /** `{单位}` rows and `{项目}` rows. */
  /** `{单位}`: the unit rows (as one row: the first); `{每个单位}`: each unit row in turn. */
  | { kind: 'units'; each?: boolean }
  | { kind: 'projects' }
  /** `{单位外项目}`: the project rows above the first unit row (every project when there is none). */
  | { kind: 'looseProjects' }
  /**
   * `{所属项目}`: the project rows under the row being checked: a 项 row's (printed with its code),
   * or a unit row's (those after it, up to the next unit).
   */
  | { kind: 'ownProjects' };

const SPECIAL: Record<string, RowSelector> = {
  每个编码: { kind: 'each', levels: [3, 5, 7] },
  每个科目: { kind: 'each', levels: [3, 5, 7] },
  每个类: { kind: 'each', levels: [3] },
  每个款: { kind: 'each', levels: [5] },
  每个项: { kind: 'each', levels: [7] },
  同编码: { kind: 'same' },
  同科目: { kind: 'same' },
  下级: { kind: 'children' },
  下级科目: { kind: 'children' },
  类: { kind: 'level', level: 3 },
  款: { kind: 'level', level: 5 },
  项: { kind: 'level', level: 7 },
  单位: { kind: 'units' },
  项目: { kind: 'projects' },
  每个单位: { kind: 'units', each: true },
  单位外项目: { kind: 'looseProjects' },
  所属项目: { kind: 'ownProjects' },
  下属项目: { kind: 'ownProjects' },
};

const LEVELS: Record<string, number> = { 类: 3, 款: 5, 项: 7 };

export function resolveRow(forms: TableForms, name: string, pos: Pos): RowSelector {
  const special = SPECIAL[name];
  if (special) return special;
  const some = /^(类|款|项)\s*(除)?\s*(\d[\d、,，\s]*)$/.exec(name);
  if (some) {
    const level = LEVELS[some[1]];
    const codes = some[3].split(/[、,，\s]+/).filter(Boolean);
    const wrong = codes.find((c) => c.length !== level);
    if (wrong)
      throw new FormulaError(
        `“{${name}}”中的 ${wrong} 不是${some[1]}级编码（${level} 位）`,
        `${wrong} in "{${name}}" is not a ${level}-digit code`,
        pos,
      );
    return { kind: 'level', level, codes, except: some[2] !== undefined };
  }
  if (/^\d{3}(\d{2}){0,2}$/.test(name)) return { kind: 'code', code: name };
  const all = uniqueKeys(forms.templates.flatMap((t) => t.fixedRows ?? []));
  const norm = normalizeLabel(name);
  const stripped = stripNumbering(name);
  for (const found of [
    all.filter((r) => r.key === name),
    all.filter((r) => normalizeLabel(r.name.zh) === norm || r.name.en === name),
    all.filter((r) => stripNumbering(r.name.zh) === stripped),
    all.filter((r) => r.labels.some((l) => stripNumbering(l) === stripped)),
  ]) {
    if (found.length === 1) return { kind: 'fixed', key: found[0].key, spec: found[0] };
    if (found.length > 1) {
      throw new FormulaError(
        `行名“${name}”在 ${forms.label} 中有多行（${found.map((r) => r.name.zh).join('、')}），请写完整行名`,
        `row "${name}" is ambiguous in ${forms.label} (${found.map((r) => r.name.en).join(', ')}); write its full name`,
        pos,
      );
    }
  }
  if (/^(总计|合计)$/.test(name)) return { kind: 'total' };
  throw new FormulaError(
    `${forms.label} 没有行“${name}”（可用：${suggestions([...all.map((r) => r.name.zh), '总计', '每个编码', '同编码', '下级', '类'])}）`,
    `${forms.label} has no row "${name}" (available: ${suggestions([...all.map((r) => r.name.en), '总计', '每个编码', '同编码', '下级', '类'])})`,
    pos,
  );
}
