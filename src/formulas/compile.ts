/**
 * Audit formulas compiled once into checks and derivations. A formula becomes a Rule whose run()
 * calls the engine's comparisons (checkSum and the cross-table helpers: the exact-cents fast path,
 * the interval rule, the hints), and, when the formula fills, the derivations the fill engine
 * writes as live Excel formulas. Nothing is interpreted per cell: names were resolved at load.
 */
import { Decimal, ZERO } from '../amount/decimal';
import { formatAmount } from '../amount/format';
import { UNIT_FACTOR } from '../amount/parse';
import { halfUnit, ToleranceMode } from '../amount/tolerance';
import {
  amountKeys,
  checkRowSum,
  childRows,
  childrenOf,
  columnsSumExactly,
  codedRows,
  codedRowIndex,
  firstByCode,
  isFirstOfCode,
  fixedRow,
  rowSumsExactly,
  rowsWithCode,
  totalRow,
} from '../engine/access';
import { checkSum, columnName, operand, Operand, rowLabel, tableName, where } from '../engine/compare';
import {
  codeRowFor,
  compareByCode,
  compareFigures,
  compareSumAcross,
  FigureRef,
  reportMissingTables,
} from '../engine/cross';
import { Finding, Rule, RuleContextApi, Scope, Severity } from '../engine/types';
import { checkPercent, percentPrecision } from '../engine/percent';
import {
  BilingualText,
  findingMessage,
  hasMessage,
  Hint,
  hintFields,
  messageTemplate,
  perLanguage,
} from '../i18n/messages';
import { RecognizedTable, TableRow } from '../recognize/types';
import { ColumnSpec, FormFamily, TableTemplate } from '../templates/types';
import { a1, parseA1, sheetRef } from '../workbook/model';
import { FormulaError, parseFormula, Ref, RelOp, Relation, Statement, Term } from './parse';
import { resolveColumn, resolveRow, resolveTable, RowSelector, TableForms } from './resolve';

/** One audit formula as declared (in a pack, or built in). */
export interface FormulaDecl {
  id: string;
  formula: string;
  /** 强制 → error, 提示 → warning (or info). */
  severity: Severity;
  title?: BilingualText;
  /** `auto` (the interval rule, default), `none` (a copied figure: no rounding excuse) or an amount. */
  tolerance?: string;
  message?: BilingualText;
  /**
   * A message of the locale catalogues instead (`消息编号：formula.classes`); `<id>Many`, when the
   * catalogue has it, is the message when the items are too many to list.
   */
  messageId?: string;
  hint?: Hint;
  /** Whether the fill engine derives the left side: every statement, or the listed ones (1-based). */
  fill?: boolean | number[];
  /** The form family `[表N]` means (default `dept`). */
  family?: FormFamily | 'any';
  /** Where it was declared: a pack's name and line. */
  source?: string;
  line?: number;
}

/** A resolved reference. */
export interface CRef {
  forms: TableForms;
  sign: 1 | -1;
  row?: RowSelector;
  col?: ColumnSpec;
  cell?: { r: number; c: number; address: string };
  constant?: Decimal;
}

export type Plan =
  | { kind: 'identity'; forms: TableForms; target: ColumnSpec; items: CRef[]; op: RelOp; ratio?: boolean }
  | { kind: 'rows'; forms: TableForms; target: RowSelector; items: CRef[]; cols: ColumnSpec[] | 'each'; op: RelOp }
  | { kind: 'figure'; target: CRef; items: CRef[]; op: RelOp }
  /** One row's column against a sum of rows' columns of the same table (`{总计}.人员经费 = Σ{类 301、303}.合计`). */
  | { kind: 'within'; forms: TableForms; target: RowSelector; col: ColumnSpec; items: CRef[]; op: RelOp }
  | { kind: 'code'; target: CRef; levels: number[]; items: CRef[]; op: RelOp };

export interface CStatement {
  plan: Plan;
  condition?: { left: CRef[]; op: RelOp; right: CRef[] };
  fill: boolean;
  text: string;
}

export interface CompiledFormula {
  decl: FormulaDecl;
  rule: Rule;
  statements: CStatement[];
  /** Logical tables the formula reads. */
  tables: string[];
}

/** The message templates of a formula without its own (src/i18n/locales: `formula.*`). */
const MESSAGE_IDS = {
  identity: 'formula.identity',
  children: 'formula.children',
  /** The hierarchy message when there are too many sub-items to list. */
  childrenMany: 'formula.childrenMany',
  cross: 'formula.cross',
} as const;

const MESSAGES: Record<keyof typeof MESSAGE_IDS, BilingualText> = {
  identity: messageTemplate(MESSAGE_IDS.identity),
  children: messageTemplate(MESSAGE_IDS.children),
  childrenMany: messageTemplate(MESSAGE_IDS.childrenMany),
  cross: messageTemplate(MESSAGE_IDS.cross),
};

/** The message of an inequality that fails, by its operator. */
const INEQUALITY_IDS: Record<string, string> = {
  '≤': 'formula.le',
  '<': 'formula.lt',
  '≥': 'formula.ge',
  '>': 'formula.gt',
  '≠': 'formula.ne',
};

function fail(zh: string, en: string, pos: { line: number; col: number }): never {
  throw new FormulaError(zh, en, pos);
}

/** Resolves and classifies one statement. */
function compileStatement(
  st: Statement,
  templates: readonly TableTemplate[],
  family: string | undefined,
  fill: boolean,
): CStatement {
  const scope = st.table ? resolveTable(st.table, templates, family) : undefined;
  // `[表1]{收入总计}.收入预算数 = {本年收入} + …`: names without a table are of the left side's table.
  const leftTable = st.relation.left[0]?.ref?.table;
  const home = scope ?? (leftTable ? resolveTable(leftTable, templates, family) : undefined);
  const ref = (t: Term, rowContext: boolean): CRef => {
    if (t.number !== undefined) {
      const forms = home ?? ({ table: '', templates: [], label: '' } as TableForms);
      return { forms, sign: t.sign, constant: new Decimal(t.number) };
    }
    const r = t.ref as Ref;
    const forms = r.table ? resolveTable(r.table, templates, family) : home;
    if (!forms)
      fail(
        '请在公式前写明表，如“[表3] 每行：…”或“[表3]{总计}”',
        'name the table, e.g. "[表3] 每行: …" or "[表3]{总计}"',
        r.pos,
      );
    if (r.kind === 'col') {
      if (!rowContext && st.each !== 'column')
        fail(
          `“${r.col}”是列名：请用“[表] 每行：”或写成 {行}.${r.col}`,
          `"${r.col}" is a column: use "[table] 每行:" or write {row}.${r.col}`,
          r.pos,
        );
      return { forms, sign: t.sign, col: resolveColumn(forms, r.col, r.pos) };
    }
    if (r.kind === 'cell') {
      const { r: row, c } = parseA1(r.address);
      return { forms, sign: t.sign, cell: { r: row, c, address: r.address } };
    }
    const row = resolveRow(forms, r.row, r.pos);
    const col = r.col !== undefined ? resolveColumn(forms, r.col, r.pos) : undefined;
    return { forms, sign: t.sign, row, col };
  };
  const rel = st.relation;
  const condition = st.condition
    ? {
        left: st.condition.left.map((t) => ref(t, false)),
        op: st.condition.op,
        right: st.condition.right.map((t) => ref(t, false)),
      }
    : undefined;
  if (condition) {
    for (const c of [...condition.left, ...condition.right])
      if (c.row && c.row.kind !== 'fixed' && c.row.kind !== 'total' && c.row.kind !== 'code')
        fail('条件中只能引用单个单元格', 'a condition can only name single cells', st.condition!.pos);
  }
  const plan = classify(st, rel, scope, ref);
  return { plan, condition, fill, text: st.text };
}

function classify(
  st: Statement,
  rel: Relation,
  scope: TableForms | undefined,
  ref: (t: Term, rowContext: boolean) => CRef,
): Plan {
  if (rel.left.length !== 1 || rel.left[0].sign !== 1 || rel.left[0].number !== undefined)
    fail('比较符号左边应为一个单元格、一列或一行', 'the left side must be one cell, column or row', rel.pos);
  if (st.each === 'row') {
    const target = ref(rel.left[0], true);
    const items = rel.right.map((t) => ref(t, true));
    for (const x of [target, ...items])
      if (!x.col || x.row || x.cell)
        fail('“每行”公式的两边只能是本表的列名', 'both sides of a 每行 formula must be columns of the table', rel.pos);
    if (items.some((x) => x.forms.table !== scope!.table))
      fail('“每行”公式只能引用本表的列', 'a 每行 formula can only name columns of its own table', rel.pos);
    if (rel.ratio && items.some((x) => x.sign !== 1))
      fail('百分比应写成“列 ÷ 列”', 'a percent is written "column ÷ column"', rel.pos);
    return { kind: 'identity', forms: scope!, target: target.col!, items, op: rel.op, ratio: rel.ratio };
  }
  const target = ref(rel.left[0], false);
  const items = rel.right.map((t) => ref(t, false));
  if (target.cell || items.some((i) => i.cell)) {
    if (![target, ...items].every((x) => x.cell || x.constant))
      fail('单元格地址不能与 {行} 混用', 'cell addresses cannot be mixed with {rows}', rel.pos);
    return { kind: 'figure', target, items, op: rel.op };
  }
  const trow = target.row!;
  if (
    (trow.kind === 'each' || (trow.kind === 'units' && trow.each)) &&
    items.every((i) => i.row?.kind === 'children' || i.row?.kind === 'ownProjects')
  ) {
    return {
      kind: 'rows',
      forms: target.forms,
      target: trow,
      items,
      cols: target.col ? [target.col] : 'each',
      op: rel.op,
    };
  }
  if (trow.kind === 'each') {
    if (!target.col)
      fail('“{每个编码}”之后应写列名：{每个编码}.合计', 'write a column after {每个编码}: {每个编码}.合计', rel.pos);
    if (items.some((i) => !i.constant && (i.row?.kind !== 'same' || !i.col)))
      fail('右边应为“[表]{同编码}.列”', 'the right side must be "[table]{同编码}.column"', rel.pos);
    return { kind: 'code', target, levels: trow.levels, items, op: rel.op };
  }
  if (trow.kind !== 'fixed' && trow.kind !== 'total' && trow.kind !== 'code' && trow.kind !== 'units')
    fail(
      '左边的行应为一行（如 {总计}、{收入总计}）或 {每个编码}',
      'the left row must be one row ({总计}, {收入总计}) or {每个编码}',
      rel.pos,
    );
  const sameTable = items.every((i) => i.forms.table === target.forms.table);
  const rowSum =
    sameTable &&
    items.every(
      (i) =>
        i.row &&
        (i.row.kind === 'level' ||
          (i.row.kind === 'total' && trow.kind === 'units') ||
          i.row.kind === 'units' ||
          i.row.kind === 'looseProjects' ||
          ((i.row.kind === 'fixed' || i.row.kind === 'code') &&
            (!i.col || !target.col || i.col.key === target.col.key))),
    );
  if (rowSum && (st.each === 'column' || !items.some((i) => i.col))) {
    const cols: ColumnSpec[] | 'each' = target.col ? [target.col] : 'each';
    return { kind: 'rows', forms: target.forms, target: trow, items, cols, op: rel.op };
  }
  if (
    sameTable &&
    target.col &&
    st.each !== 'column' &&
    items.some((i) => i.row?.kind === 'level') &&
    items.every((i) => i.row && i.col && (i.row.kind === 'level' || i.row.kind === 'fixed' || i.row.kind === 'code'))
  )
    return { kind: 'within', forms: target.forms, target: trow, col: target.col, items, op: rel.op };
  if (!target.col) fail('请写明比较的列：{行}.列', 'name the column compared: {row}.column', rel.pos);
  for (const i of items) if (i.row && !i.col && !i.constant) i.col = target.col;
  return { kind: 'figure', target, items, op: rel.op };
}

function toleranceOf(decl: FormulaDecl): { mode?: ToleranceMode; copied?: boolean } {
  const t = (decl.tolerance ?? 'auto').trim();
  if (t === 'auto' || t === '自动' || t === '') return {};
  if (t === 'none' || t === '无' || t === '无容差' || t === '0') return { copied: true };
  return { mode: { kind: 'fixed', amount: new Decimal(t) } };
}

/** Compiles a formula declaration; throws FormulaError with the declaration's line on any problem. */
export function compileFormula(decl: FormulaDecl, templates: readonly TableTemplate[]): CompiledFormula {
  let statements: CStatement[];
  try {
    const parsed = parseFormula(decl.formula, decl.line ?? 1);
    const fills = decl.fill;
    statements = parsed.map((st, k) =>
      compileStatement(
        st,
        templates,
        decl.family === 'any' ? undefined : decl.family,
        fills === true || (Array.isArray(fills) && fills.includes(k + 1)),
      ),
    );
  } catch (e) {
    if (e instanceof FormulaError) {
      const zh = `公式 ${decl.id}：${e.zh}`;
      const en = `formula ${decl.id}: ${e.en}`;
      throw new FormulaError(zh, en, e.pos ?? (decl.line ? { line: decl.line, col: 1 } : undefined));
    }
    throw e;
  }
  const tol = toleranceOf(decl);
  const first = statements[0].plan;
  const cross = statements.some((s) => planTables(s.plan).size > 1);
  const scope: Scope = cross ? 'cross' : 'table';
  const kind: keyof typeof MESSAGE_IDS =
    first.kind === 'rows' && first.items.every((i) => i.row?.kind === 'children')
      ? 'children'
      : cross && first.kind !== 'rows' && first.kind !== 'identity'
        ? 'cross'
        : 'identity';
  const tables = [...new Set(statements.flatMap((s) => [...planTables(s.plan)]))];
  const family =
    decl.family ??
    (statements[0].plan.kind === 'identity' ? statements[0].plan.forms.templates[0]?.family : undefined) ??
    'dept';
  if (decl.messageId && !hasMessage(decl.messageId))
    throw new FormulaError(
      `公式 ${decl.id}：未知的消息编号“${decl.messageId}”`,
      `formula ${decl.id}: unknown message id "${decl.messageId}"`,
      decl.line ? { line: decl.line, col: 1 } : undefined,
    );
  const own = decl.messageId;
  const ownMany = own && hasMessage(`${own}Many`) ? `${own}Many` : undefined;
  const rule: Rule = {
    id: decl.id,
    scope,
    severity: decl.severity,
    family: family as Rule['family'],
    title: decl.title ?? { zh: decl.formula, en: decl.formula },
    message: decl.message ?? (own ? messageTemplate(own) : MESSAGES[kind]),
    ...(decl.message ? {} : { messageId: own ?? MESSAGE_IDS[kind] }),
    ...(!decl.message && !own && kind === 'children'
      ? { messageMany: MESSAGES.childrenMany, messageManyId: MESSAGE_IDS.childrenMany }
      : {}),
    ...(!decl.message && ownMany ? { messageMany: messageTemplate(ownMany), messageManyId: ownMany } : {}),
    run(ctx) {
      const c = tol.mode ? withTolerance(ctx, tol.mode) : ctx;
      const missing = new Set<string>();
      for (const s of statements) {
        if (s.condition && !conditionHolds((t) => c.table(t), s.condition)) continue;
        runPlan(c, rule, decl, s.plan, missing, tol.copied);
      }
      reportMissingTables(c, rule, missing);
    },
  };
  return { decl, rule, statements, tables };
}

function planTables(p: Plan): Set<string> {
  const out = new Set<string>();
  if (p.kind === 'identity' || p.kind === 'rows' || p.kind === 'within') out.add(p.forms.table);
  else out.add(p.target.forms.table);
  for (const i of p.items) if (!i.constant) out.add(i.forms.table);
  return out;
}

function withTolerance(ctx: RuleContextApi, mode: ToleranceMode): RuleContextApi {
  return {
    tables: ctx.tables,
    tolerance: mode,
    catalog: ctx.catalog,
    tablesOf: (t) => ctx.tablesOf(t),
    table: (t) => ctx.table(t),
    report: (f) => ctx.report(f),
  };
}

/** The one row a selector names (a fixed row, the total, a code), if the table has it. */
export function findRow(
  t: RecognizedTable,
  sel: RowSelector | undefined,
  panel?: 'income' | 'expense',
): TableRow | undefined {
  if (!sel) return undefined;
  if (sel.kind === 'fixed') return fixedRow(t, sel.key);
  // `{单位}` as one row: the unit's own row (the first).
  if (sel.kind === 'units') return t.rows.find((r) => r.kind === 'unit');
  // Two coded panels each close with their own total (人员经费合计 | 公用经费合计).
  if (sel.kind === 'total')
    return (panel && t.rows.find((r) => r.kind === 'total' && r.panel === panel)) || totalRow(t);
  if (sel.kind === 'code') return codeRowFor(t, sel.code, panel);
  return undefined;
}

/** Finds the first recognised table of a logical id. */
type TableLookup = (table: string) => RecognizedTable | undefined;

/** The exact value of a single-cell reference (empty or absent: 0), in 万元. */
function valueOf(lookup: TableLookup, x: CRef): Decimal {
  if (x.constant) return x.sign === 1 ? x.constant : x.constant.negated();
  const t = lookup(x.forms.table);
  if (!t) return ZERO;
  let v: Decimal | null | undefined;
  if (x.cell) v = cellAt(t, x.cell.r, x.cell.c)?.value;
  else if (x.row && x.col) v = findRow(t, x.row, x.col.panel)?.amounts.get(x.col.key)?.value;
  const w = (v ?? ZERO).times(UNIT_FACTOR[t.unit]);
  return x.sign === 1 ? w : w.negated();
}

/** Whether a statement's condition holds (absent cells count as 0); the fill engine asks it too. */
export function conditionHolds(lookup: TableLookup, c: NonNullable<CStatement['condition']>): boolean {
  const l = c.left.reduce((a, x) => a.plus(valueOf(lookup, x)), ZERO);
  const r = c.right.reduce((a, x) => a.plus(valueOf(lookup, x)), ZERO);
  const d = l.comparedTo(r);
  return holds(c.op, d);
}

function holds(op: RelOp, d: number): boolean {
  switch (op) {
    case '=':
      return d === 0;
    case '≠':
      return d !== 0;
    case '≤':
      return d <= 0;
    case '≥':
      return d >= 0;
    case '<':
      return d < 0;
    case '>':
      return d > 0;
  }
}

function cellAt(t: RecognizedTable, r: number, c: number) {
  for (const row of t.rows) {
    if (row.r !== r) continue;
    for (const cell of row.amounts.values()) if (cell.c === c) return cell;
  }
  return undefined;
}

/**
 * The rows a row-sum plan checks, in table order: each coded row of its levels (`{每个编码}`: not
 * the 项 rows unless summed from their projects), each unit (`{每个单位}`), or the one row named.
 * The fill engine derives the same rows (src/formulas/derive.ts).
 */
export function rowsPlanParents(t: RecognizedTable, plan: Extract<Plan, { kind: 'rows' }>): TableRow[] {
  const target = plan.target;
  if (target.kind === 'each') {
    const ownProjects = plan.items.every((i) => i.row?.kind === 'ownProjects');
    const parents: TableRow[] = [];
    // The first row of each code (firstByCode's rows, in its order) without a map.
    const index = codedRowIndex(t);
    for (let i = 0; i < index.coded.length; i++) {
      if (!isFirstOfCode(index, i)) continue;
      const r = index.coded[i];
      const n = r.code!.length;
      if ((n < 7 || ownProjects) && r.kind !== 'project' && target.levels.includes(n)) parents.push(r);
    }
    return parents;
  }
  if (target.kind === 'units')
    return target.each
      ? t.rows.filter((r) => r.kind === 'unit')
      : [findRow(t, target)].filter((r): r is TableRow => r !== undefined);
  return rowsOf(t, target, undefined, plan.cols === 'each' ? undefined : plan.cols[0].panel);
}

/** The rows a selector stands for in a sum (relative to `parent` for {下级}); the fill engine's too. */
export function rowsOf(
  t: RecognizedTable,
  sel: RowSelector,
  parent: TableRow | undefined,
  panel?: 'income' | 'expense',
): TableRow[] {
  switch (sel.kind) {
    case 'level':
      return codedRows(t, panel).filter((r) => r.code!.length === sel.level && r.kind === 'code' && pickCode(sel, r));
    case 'children':
      return parent?.code ? childrenOf(t, parent.code) : [];
    case 'units':
      return t.rows.filter((r) => r.kind === 'unit');
    case 'projects':
      return t.rows.filter((r) => r.kind === 'project');
    case 'ownProjects':
      if (parent?.kind === 'unit') return projectsOfUnits(t).get(parent) ?? [];
      return parent?.code ? rowsWithCode(t, parent.code).filter((r) => r.kind === 'project') : [];
    case 'looseProjects':
      return projectsOfUnits(t).get(undefined) ?? [];
    default: {
      const r = findRow(t, sel, panel);
      return r ? [r] : [];
    }
  }
}

/** The project rows of each unit row (those after it, up to the next unit); under `undefined` those before any. */
function projectsOfUnits(t: RecognizedTable): Map<TableRow | undefined, TableRow[]> {
  const out = new Map<TableRow | undefined, TableRow[]>([[undefined, []]]);
  let current: TableRow | undefined;
  for (const r of t.rows) {
    if (r.kind === 'unit') {
      current = r;
      out.set(r, []);
    } else if (r.kind === 'project') out.get(current)!.push(r);
  }
  return out;
}

/** Whether a `{类 301、303}` / `{类 除 …}` selector takes the row (every row when it lists no codes). */
export function pickCode(sel: Extract<RowSelector, { kind: 'level' }>, r: TableRow): boolean {
  if (!sel.codes) return true;
  return sel.codes.includes(r.code!) !== (sel.except ?? false);
}

/** Fixed rows named in a sum are labelled by their names without 其中. */
function labelled(rows: TableRow[], sel: RowSelector, parent?: TableRow): TableRow[] {
  // Projects go by their names; the total by 总计 whatever its printed name.
  if (sel.kind === 'ownProjects' && parent?.kind !== 'unit')
    return rows.map((p) => ({ ...p, code: undefined, name: p.project ?? p.name }));
  if (sel.kind === 'ownProjects' || sel.kind === 'units' || sel.kind === 'looseProjects')
    return rows.map((r) => ({ ...r, code: undefined }));
  if (sel.kind === 'total') return rows.map((r) => ({ ...r, name: '总计' }));
  if (sel.kind !== 'fixed') return rows;
  return rows.map((c) => ({ ...c, code: undefined, name: c.name.replace(/^其中[:：]\s*/, '') }));
}

/** The columns a row-sum plan compares for a row: those named, or every amount column of its panel. */
export function panelOf(t: RecognizedTable, row: TableRow | undefined, cols: ColumnSpec[] | 'each'): string[] {
  if (cols !== 'each') return cols.map((c) => c.key);
  return amountKeys(t, row?.panel);
}

/** The first amount of a total whose table has no class rows, as a finding. */
function reportNoClasses(ctx: RuleContextApi, rule: Rule, t: RecognizedTable, total: TableRow, keys: string[]): void {
  for (const key of keys) {
    const cell = total.amounts.get(key);
    if (!cell?.value || cell.value.isZero()) continue;
    ctx.report({
      rule: rule.id,
      severity: rule.severity,
      sheet: t.sheet.name,
      cell: a1(cell.r, cell.c),
      related: [],
      expected: '0',
      actual: cell.value.toFixed(),
      difference: cell.value.toFixed(),
      ...findingMessage('formula.noClasses', { no: t.template.no, amount: cell.value.toFixed() }),
    });
    return;
  }
}

function runPlan(
  ctx: RuleContextApi,
  rule: Rule,
  decl: FormulaDecl,
  plan: Plan,
  missing: Set<string>,
  copied: boolean | undefined,
): void {
  const hint = decl.hint;
  if (plan.kind === 'identity' && plan.ratio) {
    const [num, den] = plan.items.map((i) => i.col!.key);
    for (const t of ctx.tablesOf(plan.forms.table)) {
      const precision = percentPrecision(t, plan.target.key, 2);
      for (const row of t.rows) {
        if (!row.amounts.has(plan.target.key)) continue;
        checkPercent(ctx, {
          rule,
          table: t,
          row,
          pct: plan.target.key,
          num,
          den,
          precision,
          where: where(t, row, plan.target.key),
          denName: columnName(t, den),
        });
      }
    }
    return;
  }
  if (plan.kind === 'identity') {
    // Compiled once per statement: the item columns and signs; per row, the integer cents are
    // summed on the cells (rowSumsExactly) and operands are made only when a finding is possible.
    const fast = plan.op === '=';
    const keys: string[] = [];
    const signs: number[] = [];
    for (const i of plan.items) {
      if (i.constant) continue;
      keys.push(i.col!.key);
      signs.push(i.sign);
    }
    for (const t of ctx.tablesOf(plan.forms.table)) {
      const tn = columnName(t, plan.target.key);
      for (const row of t.rows) {
        if (fast && rowSumsExactly(row, plan.target.key, keys, signs)) continue;
        const target = operand(t, row, plan.target.key);
        if (!target) continue;
        const items: Operand[] = [];
        for (const i of plan.items) {
          if (i.constant) continue;
          const op = operand(t, row, i.col!.key, columnName(t, i.col!.key));
          if (op) items.push(i.sign === -1 ? { ...op, negate: true } : op);
        }
        if (items.length === 0) continue;
        target.label = tn.zh;
        target.labelEn = tn.en;
        compare(ctx, rule, plan.op, {
          target,
          items,
          where: () => where(t, row, plan.target.key),
          copied: copied ?? false,
          hint,
        });
      }
    }
    return;
  }
  if (plan.kind === 'rows') {
    // `{每个编码} = Σ{下级}` (the hierarchy): each parent's columns are first summed in cents on
    // the index's own child list; the children, keys and operands are made only when that fails.
    const hierarchy =
      plan.op === '=' && plan.items.length === 1 && plan.items[0].sign === 1 && plan.items[0].row?.kind === 'children';
    for (const t of ctx.tablesOf(plan.forms.table)) {
      const parents = rowsPlanParents(t, plan);
      const keysByPanel = new Map<string | undefined, string[]>();
      for (const parent of parents) {
        if (hierarchy && parent.code) {
          const kids = childRows(t, parent.code);
          if (kids.length > 0) {
            let keys = keysByPanel.get(parent.panel);
            if (!keys) keysByPanel.set(parent.panel, (keys = panelOf(t, parent, plan.cols)));
            if (columnsSumExactly(parent, keys, kids)) continue;
          }
        }
        const children = plan.items.flatMap((i) => labelled(rowsOf(t, i.row!, parent, parent.panel), i.row!, parent));
        if (children.length === 0) {
          // 总计 = Σ{类} with no class row at all: a total of nothing.
          if (
            plan.target.kind === 'total' &&
            plan.items.every((i) => i.row?.kind === 'level' && i.row.level === 3 && !i.row.codes)
          )
            reportNoClasses(ctx, rule, t, parent, panelOf(t, parent, plan.cols));
          continue;
        }
        const keys = panelOf(t, parent, plan.cols);
        if (plan.op === '=' && plan.items.every((i) => i.sign === 1)) {
          // A row that repeats the total (the unit's row) is a copied figure: no rounding excuse.
          const repeats = plan.items.length === 1 && plan.items[0].row?.kind === 'total';
          checkRowSum(ctx, rule, t, parent, children, keys, { copied: copied ?? (repeats || undefined), hint });
          continue;
        }
        for (const key of keys) {
          const target = operand(t, parent, key);
          if (!target) continue;
          const items: Operand[] = [];
          plan.items.forEach((i) => {
            for (const r of labelled(rowsOf(t, i.row!, parent, parent.panel), i.row!, parent)) {
              const label = r.code ?? rowLabel(r).zh;
              const op = operand(t, r, key, { zh: label, en: r.code ?? rowLabel(r).en });
              if (op) items.push(i.sign === -1 ? { ...op, negate: true } : op);
            }
          });
          compare(ctx, rule, plan.op, {
            target,
            items,
            where: () => where(t, parent, key),
            copied: copied ?? false,
            hint,
          });
        }
      }
    }
    return;
  }
  if (plan.kind === 'within') {
    for (const t of ctx.tablesOf(plan.forms.table)) {
      const parent = findRow(t, plan.target, plan.col.panel);
      const target = parent && operand(t, parent, plan.col.key);
      if (!parent || !target) continue;
      const items: Operand[] = [];
      for (const i of plan.items) {
        const cn = columnName(t, i.col!.key);
        for (const r of rowsOf(t, i.row!, parent, parent.panel)) {
          const rl = rowLabel(r);
          const label = r.code ? { zh: `${r.code} ${cn.zh}`, en: `${r.code} ${cn.en}` } : rl;
          const op = operand(t, r, i.col!.key, label);
          if (op) items.push(i.sign === -1 ? { ...op, negate: true } : op);
        }
      }
      if (items.length === 0) continue;
      compare(ctx, rule, plan.op, {
        target,
        items,
        where: () => where(t, parent, plan.col.key),
        copied: copied ?? false,
        hint,
      });
    }
    return;
  }
  if (plan.kind === 'code' && plan.op !== '=') {
    // An inequality row by row: each code of the left table against the same code on the right.
    const a = plan.target;
    const ta = ctx.table(a.forms.table);
    if (!ta) missing.add(a.forms.table);
    for (const i of plan.items) if (!i.constant && !ctx.table(i.forms.table)) missing.add(i.forms.table);
    if (!ta || plan.items.some((i) => !i.constant && !ctx.table(i.forms.table))) return;
    for (const [code, row] of firstByCode(codedRows(ta, a.col!.panel))) {
      if (!plan.levels.includes(code.length)) continue;
      const target = operand(ta, row, a.col!.key);
      if (!target) continue;
      const items = itemOperands(ctx, plan.items, missing, (t, i) => {
        const r = codeRowFor(t, code, i.col!.panel);
        return r
          ? operand(t, r, i.col!.key, {
              zh: `${tableName(t).zh} ${columnName(t, i.col!.key).zh}`,
              en: `${tableName(t).en} ${columnName(t, i.col!.key).en}`,
            })
          : undefined;
      });
      if (!items) return;
      if (items.length === 0) continue;
      compare(ctx, rule, plan.op, {
        target,
        items,
        where: () => where(ta, row, a.col!.key),
        copied: copied ?? false,
        hint,
        constant: sumConstants(plan.items),
      });
    }
    return;
  }
  if (plan.kind === 'code') {
    const a = plan.target;
    const tables = new Set(plan.items.map((i) => i.forms.table));
    const aside = { table: a.forms.table, cols: [a.col!.key], panel: a.col!.panel };
    if (tables.size === 1 && plan.op === '=' && plan.items.every((i) => i.sign === 1 && !i.constant) && !decl.hint) {
      const b = plan.items[0];
      compareByCode(
        ctx,
        rule,
        aside,
        { table: b.forms.table, cols: plan.items.map((i) => i.col!.key), panel: b.col!.panel },
        plan.levels,
        missing,
      );
      return;
    }
    const ta = ctx.table(a.forms.table);
    if (!ta) missing.add(a.forms.table);
    for (const i of plan.items) if (!i.constant && !ctx.table(i.forms.table)) missing.add(i.forms.table);
    if (!ta) return;
    for (const [code] of firstByCode(codedRows(ta, a.col!.panel))) {
      if (!plan.levels.includes(code.length)) continue;
      compareSumAcross(
        ctx,
        rule,
        { ...aside, row: { code } },
        plan.items
          .filter((i) => !i.constant)
          .map((i) => ({ table: i.forms.table, row: { code }, cols: [i.col!.key], panel: i.col!.panel })),
        missing,
      );
    }
    return;
  }
  // figure
  const { target } = plan;
  if (target.cell) return runCells(ctx, rule, plan, missing, copied, hint);
  const fig = (x: CRef): FigureRef => ({
    table: x.forms.table,
    row:
      x.row!.kind === 'total'
        ? 'total'
        : x.row!.kind === 'fixed'
          ? { key: x.row!.key }
          : { code: (x.row as { code: string }).code },
    cols: [x.col!.key],
    panel: x.col!.panel,
  });
  const plainSum = plan.op === '=' && plan.items.every((i) => i.sign === 1 && !i.constant) && !hint;
  const sameTable = plan.items.every((i) => i.constant || i.forms.table === target.forms.table);
  if (plainSum && sameTable && plan.items.length === 1) {
    // Within one table the rows are named as rows (收入总计 = 支出总计), and it is one figure copied.
    const t = ctx.table(target.forms.table);
    if (!t) return;
    const i = plan.items[0];
    const ra = findRow(t, target.row!, target.col!.panel);
    const rb = findRow(t, i.row!, i.col!.panel);
    if (!ra || !rb) return;
    const a = operand(t, ra, target.col!.key, rowLabel(ra));
    const b = operand(t, rb, i.col!.key, {
      zh: rowLabel(rb).zh.replace(/^[一二三四五六七八九十]+、/, ''),
      en: rowLabel(rb).en,
    });
    if (!a || !b) return;
    compare(ctx, rule, plan.op, {
      target: a,
      items: [b],
      where: () => where(t, ra, target.col!.key),
      copied: copied ?? true,
    });
    return;
  }
  if (plainSum && copied === undefined) {
    const tables = new Set(plan.items.map((i) => i.forms.table));
    const rows = new Set(plan.items.map((i) => JSON.stringify(i.row)));
    if (tables.size === 1 && rows.size === 1) {
      const b = fig(plan.items[0]);
      b.cols = plan.items.map((i) => i.col!.key);
      compareFigures(ctx, rule, fig(target), b, missing);
      return;
    }
    compareSumAcross(ctx, rule, fig(target), plan.items.map(fig), missing);
    return;
  }
  // The general case: signed terms from any tables, any comparison.
  const tt = ctx.table(target.forms.table);
  if (!tt) missing.add(target.forms.table);
  const ops = itemOperands(ctx, plan.items, missing, (t, i) => {
    const r = findRow(t, i.row!, i.col!.panel);
    return r
      ? operand(t, r, i.col!.key, {
          zh: `${tableName(t).zh} ${rowLabel(r).zh} ${columnName(t, i.col!.key).zh}`,
          en: `${tableName(t).en} ${rowLabel(r).en} ${columnName(t, i.col!.key).en}`,
        })
      : undefined;
  });
  if (!tt || !ops) return;
  const ra = findRow(tt, target.row!, target.col!.panel);
  const a = ra && operand(tt, ra, target.col!.key);
  if (!ra || !a) return;
  compare(ctx, rule, plan.op, {
    target: a,
    items: ops,
    where: () => where(tt, ra, target.col!.key),
    copied: copied ?? ops.length === 1,
    hint,
    constant: sumConstants(plan.items),
  });
}

/** A formula written with A1 addresses (`[表1]C5 = [表2]D5 + [表3]E5`), through the recognised tables. */
function runCells(
  ctx: RuleContextApi,
  rule: Rule,
  plan: Extract<Plan, { kind: 'figure' }>,
  missing: Set<string>,
  copied: boolean | undefined,
  hint: BilingualText | undefined,
): void {
  const target = plan.target;
  const tt = ctx.table(target.forms.table);
  if (!tt) missing.add(target.forms.table);
  const items = itemOperands(ctx, plan.items, missing, (t, i) => {
    const cell = cellAt(t, i.cell!.r, i.cell!.c);
    if (!cell) {
      reportNotInTable(ctx, rule, t, i.cell!.address);
      return null;
    }
    const tn = tableName(t);
    return { table: t, cell, label: `${tn.zh}${i.cell!.address}`, labelEn: `${tn.en} ${i.cell!.address}` };
  });
  if (!tt || !items) return;
  const cell = cellAt(tt, target.cell!.r, target.cell!.c);
  if (!cell) return reportNotInTable(ctx, rule, tt, target.cell!.address);
  const tn = tableName(tt);
  const w = { zh: `${tn.zh} ${target.cell!.address}`, en: `${tn.en} ${target.cell!.address}` };
  compare(ctx, rule, plan.op, {
    target: { table: tt, cell },
    items,
    where: w,
    copied: copied ?? items.length === 1,
    hint,
    constant: sumConstants(plan.items),
  });
}

/**
 * The items' operands, each from its own table (constants aside), negated where subtracted.
 * Undefined when a table is absent (noted in `missing`) or `pick` says a named cell is unusable (null).
 */
function itemOperands(
  ctx: RuleContextApi,
  items: readonly CRef[],
  missing: Set<string>,
  pick: (t: RecognizedTable, i: CRef) => Operand | null | undefined,
): Operand[] | undefined {
  const ops: Operand[] = [];
  let absent = false;
  for (const i of items) {
    if (i.constant) continue;
    const t = ctx.table(i.forms.table);
    if (!t) {
      missing.add(i.forms.table);
      absent = true;
      continue;
    }
    const op = pick(t, i);
    if (op === null) absent = true;
    else if (op) ops.push(i.sign === -1 ? { ...op, negate: true } : op);
  }
  return absent ? undefined : ops;
}

function sumConstants(items: CRef[]): Decimal | undefined {
  const cs = items.filter((i) => i.constant);
  if (cs.length === 0) return undefined;
  return cs.reduce((a, i) => (i.sign === 1 ? a.plus(i.constant!) : a.minus(i.constant!)), ZERO);
}

function reportNotInTable(ctx: RuleContextApi, rule: Rule, t: RecognizedTable, address: string): void {
  ctx.report({
    rule: rule.id,
    severity: 'info',
    sheet: t.sheet.name,
    cell: address,
    related: [],
    ...findingMessage('formula.notInTable', { rule: rule.id, table: tableName(t), address }),
  });
}

interface Check {
  target: Operand;
  items: Operand[];
  where: BilingualText | (() => BilingualText);
  copied: boolean;
  hint?: BilingualText;
  constant?: Decimal;
}

/** `=` goes through checkSum; inequalities are compared here with the same rounding allowance. */
function compare(ctx: RuleContextApi, rule: Rule, op: RelOp, check: Check): void {
  if (op === '=' && !check.constant) {
    checkSum(ctx, {
      rule,
      target: check.target,
      items: check.items,
      where: check.where,
      copied: check.copied,
      hint: check.hint,
    });
    return;
  }
  const all = [check.target, ...check.items];
  if (all.some((o) => o.cell.invalid !== undefined || o.cell.uncalculated)) return;
  if (check.target.cell.value === null && check.items.every((i) => i.cell.value === null)) return;
  const unit = check.target.table.unit;
  const conv = (o: Operand) => {
    const v = o.cell.value ?? ZERO;
    const w = o.table.unit === unit ? v : v.times(UNIT_FACTOR[o.table.unit]).div(UNIT_FACTOR[unit]);
    return o.negate ? w.negated() : w;
  };
  const actual = conv(check.target);
  const expected = check.items.reduce((a, o) => a.plus(conv(o)), check.constant ?? ZERO);
  const d = actual.minus(expected);
  if (holds(op, d.comparedTo(0))) return;
  let tolerance = ZERO;
  if (!check.copied && (op === '≤' || op === '≥' || op === '=')) {
    tolerance =
      ctx.tolerance.kind === 'fixed'
        ? ctx.tolerance.amount
        : all.reduce((a, o) => a.plus(o.cell.value === null ? ZERO : halfUnit(o.cell.decimals)), ZERO);
  }
  const rounding = d.abs().lte(tolerance) && !d.isZero();
  if (rounding && rule.severity === 'info') return;
  const severity: Severity = rounding ? 'warning' : rule.severity;
  const w = typeof check.where === 'function' ? check.where() : check.where;
  const inequality = op === '=' ? undefined : INEQUALITY_IDS[op];
  const template = inequality ? messageTemplate(inequality) : rule.message;
  const messageId = inequality ?? rule.messageId;
  const itemsText = (lang: 'zh' | 'en') =>
    [
      ...check.items.map((o, k) => {
        const label = lang === 'zh' ? o.label : (o.labelEn ?? o.label);
        const v = formatAmount(conv(o).abs());
        const term = label ? `${label} ${v}` : v;
        return k === 0 ? (o.negate ? `− ${term}` : term) : `${o.negate ? '−' : '+'} ${term}`;
      }),
      ...(check.constant && !check.constant.isZero() ? [formatAmount(check.constant)] : []),
    ].join(' ') || formatAmount(ZERO);
  const params = (lang: 'zh' | 'en'): Record<string, string> => ({
    where: w[lang],
    actual: check.target.cell.value === null ? (lang === 'zh' ? '（空）' : '(empty)') : formatAmount(actual),
    items: itemsText(lang),
    expected: formatAmount(expected),
    difference: formatAmount(d.abs()),
    target: (lang === 'zh' ? check.target.label : check.target.labelEn) ?? '',
    rounding: '',
  });
  const render = (t: string, p: Record<string, string>) =>
    t.replace(/\{(\w+)\}/g, (m, k: string) => p[k] ?? m).replace(/\s{2,}/g, ' ');
  const finding: Finding = {
    rule: rule.id,
    severity,
    sheet: check.target.table.sheet.name,
    cell: a1(check.target.cell.r, check.target.cell.c),
    related: check.items.map((o) => sheetRef(o.table.sheet.name, o.cell.r, o.cell.c)),
    expected: expected.toFixed(),
    actual: actual.toFixed(),
    difference: d.toFixed(),
    message: render(template.zh, params('zh')),
    messageEn: render(template.en, params('en')),
  };
  if (messageId) {
    // Messages as data when the catalogue renders the same text.
    const data = findingMessage(messageId, perLanguage(params('zh'), params('en')));
    if (data.message === finding.message && data.messageEn === finding.messageEn) Object.assign(finding, data);
  }
  if (check.hint) Object.assign(finding, hintFields(check.hint));
  ctx.report(finding);
}
