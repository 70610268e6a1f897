/**
 * Declarative table templates. A template says how a published table looks (titles, header
 * labels, printed column numbers, fixed rows, where codes come from); the recognizer uses it to
 * find the table on a sheet, and rules address its columns and rows by the keys declared here.
 *
 * Adding a province's variant or next year's form is a new template module registered in
 * `src/templates/index.ts` with the same `table` as the form it varies: rules refer to `table`
 * and column/row keys, never to a particular module.
 */

export type ColumnRole =
  /** 类 of a split function/economic code (3 digits). */
  | 'code-lei'
  /** 款 of a split code (2 digits, may have lost its leading zero). */
  | 'code-kuan'
  /** 项 of a split code (2 digits). */
  | 'code-xiang'
  /** A combined code column (`2080109` or `208 01 09`). */
  | 'code'
  /** The classification name column (功能分类科目名称 / 经济分类科目名称). */
  | 'name'
  /** A project name (项目名称) column. */
  | 'project'
  /** A row label column of a fixed-row table or panel (项目, "三公"经费支出内容). */
  | 'label'
  | 'amount';

export interface ColumnSpec {
  /** The key rules use (`total`, `basic`, `gpb` …). */
  key: string;
  role: ColumnRole;
  /** Accepted header labels, compared after normalisation; the first is the canonical one. */
  labels: string[];
  /** Labels of the group header above it, when that tells it apart (基本支出, 非财政拨款). */
  group?: string[];
  /** The printed column number (the `*`/`※` row), for amount columns. */
  no?: number;
  /** For two-panel tables: which panel. */
  panel?: 'income' | 'expense';
  /** Columns a variant may leave out. */
  optional?: boolean;
  /**
   * Header labels that vary (years: `2023年完成数`), tested against the normalised label after
   * the exact `labels` failed.
   */
  patterns?: RegExp[];
  /** Short Chinese and English names used in messages. */
  name: { zh: string; en: string };
}

/** Whether a normalised header label is one of a column's labels or fits one of its patterns. */
export function columnLabelMatches(spec: ColumnSpec, normalised: string): boolean {
  if (normalisedLabels(spec.labels).has(normalised)) return true;
  return !!spec.patterns && spec.patterns.some((p) => p.test(normalised));
}

export interface FixedRowSpec {
  key: string;
  /** Accepted labels after normalisation (numbering like `1.`, `一、`, `其中：` is stripped). */
  labels: string[];
  panel?: 'income' | 'expense';
  optional?: boolean;
  name: { zh: string; en: string };
}

export type Layout =
  /** Rows by classification code (类/款/项) with a 总计/合计 row. */
  | 'coded'
  /** Two panels side by side: 收入 items on the left, 支出 by function class on the right. */
  | 'two-panel'
  /** Fixed rows with a label column. */
  | 'fixed'
  /** Rows are units and projects (表11). */
  | 'projects'
  /**
   * Rows by code or by name (codes optional), with `其中` sub-rows attached to their parent (by
   * the 其中 prefix, by indentation or by code length): the 社会保险基金 收入/支出/结余 tables.
   */
  | 'itemized'
  /** Two coded lists side by side, each with its own code, name and amount columns (收支平衡表). */
  | 'coded-panels';

/**
 * A form family (套表): the set of tables published together, within which `[表N]` numbers are
 * unique: `dept` (部门预算, the Xinjiang/standard form), `si` (社会保险基金预算), and any family a
 * pack or a built-in form set declares (`final` for the 部门决算, …).
 */
export type FormFamily = 'dept' | 'si' | (string & {});

export interface TableTemplate {
  /** Unique id of this module (`dept.t04`, `dept.t04.mof`). */
  id: string;
  /** The logical table rules refer to (`dept.t04`). */
  table: string;
  family: FormFamily;
  /** The table's number in the package (表N). */
  no: number;
  /** The canonical title. */
  title: string;
  /** Every accepted title, compared after normalisation (部门/单位 prefixes are handled by the recognizer). */
  titles: string[];
  layout: Layout;
  /** Function (功能分类) or economic (经济分类) codes. */
  codeKind?: 'function' | 'economic';
  /** Whether the printed form has a column-number row. */
  numberRow: boolean;
  columns: ColumnSpec[];
  fixedRows?: FixedRowSpec[];
  /**
   * Itemized tables: labels (numbering stripped) that always start a new main row, so that they
   * end a run of 其中 sub-rows even without numbering (`企业职工基本养老保险基金收入`).
   */
  mainRows?: RegExp[];
  /** Words of the sentence that marks an empty table (没有…为空表). */
  emptyNote?: RegExp;
  /** A short English name for messages. */
  nameEn: string;
}

/** Normalises a label: full-width to half-width, no spaces or line breaks, unified brackets and quotes. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”"「」『』‘’']/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[：]/g, ':');
}

const labelSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * A template's list of labels (a column's `labels` or `group`, a fixed row's `labels`), normalised
 * once per process: the set is kept with the list itself (template data is declared once and never
 * changed), so recognising a sheet — or 200 packages in a batch — does not normalise them again.
 */
export function normalisedLabels(labels: readonly string[]): ReadonlySet<string> {
  let set = labelSets.get(labels);
  if (!set) {
    set = new Set(labels.map(normalizeLabel));
    labelSets.set(labels, set);
  }
  return set;
}

/** A row label with its numbering stripped: `1. 一般公共预算拨款` → `一般公共预算拨款`, `其中：事业收入` → `事业收入`. */
export function stripNumbering(label: string): string {
  return normalizeLabel(label)
    .replace(/^其中:/, '')
    .replace(/^\(?[一二三四五六七八九十]+(?:[、.]\)?|\)[、.]?)/, '')
    .replace(/^\(?\d{1,2}(?:[.、]\)?|\)[.、]?)/, '')
    .replace(/^其中:/, '');
}
