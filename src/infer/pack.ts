/**
 * From inference to a pack (审核包): the structure inferred on each table of no declared form,
 * written as a form declaration (表样) and audit formulas (审核公式) in the pack text format, for
 * a reviewer to read, correct and keep (`budget-check infer FILE --out pack.txt`, `inferPack`).
 *
 * - The form: the table's title (and the title without its year), 布局：固定行, every amount column
 *   by its own header label, told apart by the header words above it, left to right.
 * - A column identity (G2: 合计 = 基本支出 + 项目支出) becomes a 每行 formula by column names.
 * - A row identity (G1 totals, G3 其中 limits, G4 code levels) becomes one formula of cell
 *   statements (`[表1]B30 = [表1]B5 + [表1]B12`, one per column), titled with the labels it was
 *   inferred from: the formula language names rows by a declared label or a code, and inferred
 *   rows have neither for sure (a label printed twice, a code read from a neighbour).
 * - Only identities the data confirm go in (they hold, or fail in at most as many places as they
 *   hold); those contradicted by the data, and those guessed from one failing row, are listed as
 *   comments. What the language cannot say the same way is said in a comment too.
 * - The pack is checked before it is returned: it is compiled, its forms must recognise their
 *   sheets, and every cell a formula names must be an amount of the recognised table; a table
 *   whose form does not come back is written commented out, with the reason.
 */
import { AUTO_TOLERANCE } from '../amount/tolerance';
import { message, MessageParams } from '../i18n/messages';
import { bundledCatalog } from '../catalog/catalog';
import { Finding, RuleContextApi } from '../engine/types';
import { rulesInForce, ValidateOptions } from '../engine/validate';
import { parsePackText, PackError, compilePack } from '../formulas/pack';
import { FormulaError } from '../formulas/parse';
import { recognizeWorkbook } from '../recognize/recognize';
import { allTemplates } from '../templates';
import { normalizeLabel, TableTemplate } from '../templates/types';
import { a1, WorkbookModel } from '../workbook/model';
import { inferWorkbook, TableInference } from './rules';
import { byColumns, Identity, isLimit } from './structure';
import { InferredColumn, InferredPanel, InferredTable } from './table';
import { economicCodeColumns, functionCodeColumns } from '../templates/dept/common';

/** A message in both languages, Chinese first (pack comments are read by either). */
function both(key: string, params?: MessageParams): string {
  const m = message(key, params);
  return `${m.zh} / ${m.en}`;
}

/** The form family of inferred forms: `[表N]` in their formulas means the N-th inferred table. */
export const INFERRED_FAMILY = '推断';

export interface InferPackOptions extends ValidateOptions {
  /** The pack's name (its 名称 line). */
  name?: string;
  /** The first formula number (`INF1`); ids must not clash with a pack loaded beside it. */
  firstId?: number;
  /** Check each form against its sheet and comment out those that fail (default true). */
  verify?: boolean;
}

export interface InferredPackTable {
  sheet: string;
  /** The form id (`infer.表2`), or undefined when the table could not be written as a form. */
  form?: string;
  /** Formulas written (confident identities). */
  formulas: number;
  /** Identities left out (contradicted by the data, or guessed from one failing row). */
  left: number;
  /** Why a form was written commented out, or what a formula cannot say the same way. */
  notes: string[];
}

export interface InferredPack {
  text: string;
  tables: InferredPackTable[];
}

/** The rule context the inference needs, without running any declared rule. */
function contextFor(model: WorkbookModel, options: ValidateOptions): RuleContextApi {
  const { templates } = rulesInForce(options);
  const recognition = recognizeWorkbook(model, { ...options, templates });
  const tables = recognition.tables;
  return {
    tables,
    sheets: recognition.sheets,
    workbook: model,
    tolerance: options.tolerance ?? AUTO_TOLERANCE,
    catalog: options.catalog ?? bundledCatalog(),
    tablesOf: (t) => tables.filter((x) => x.template.table === t),
    table: (t) => tables.find((x) => x.template.table === t),
    report: () => undefined,
  };
}

/** The tables of a workbook no declared form recognised, inferred (as the validator's G0 does). */
export function inferTables(model: WorkbookModel, options: ValidateOptions = {}): TableInference[] {
  return inferWorkbook(contextFor(model, options));
}

/** A name the formula language reads as one word: no blanks, operators, brackets or separators. */
function word(text: string): string {
  const w = normalizeLabel(text).replace(/[\s[\]【】{}=＝≠≤≥<>+＋\-−－÷Σ∑:：;；,，、|｜#.．]/g, '');
  return /^\d+$/.test(w) || !w ? `列${w}` : w;
}

/** A text for a 标题 or comment: one line, no bars, no comment marks. */
function plain(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[|｜]/g, '/')
    .replace(/#/g, '＃');
}

const YEAR = /(?:19|20)\d{2}\s*年度?/g;

interface FormColumn {
  col: InferredColumn;
  name: string;
}

/** Column names: the header label, with the words above it when another column has the same label. */
function columnNames(cols: InferredColumn[]): FormColumn[] {
  const words = cols.map((c) => (c.path.length ? c.path.map(word) : [`列${c.c + 1}`]));
  const names = words.map((w) => w[w.length - 1]);
  for (let depth = 2; ; depth++) {
    const count = new Map<string, number>();
    for (const n of names) count.set(n, (count.get(n) ?? 0) + 1);
    const dup = names.map((n) => (count.get(n) ?? 0) > 1);
    if (!dup.some(Boolean)) break;
    let grew = false;
    names.forEach((_, i) => {
      if (!dup[i]) return;
      const w = words[i];
      if (w.length >= depth) {
        names[i] = w.slice(w.length - depth).join('·');
        grew = true;
      }
    });
    if (!grew) {
      // identical header paths: number them left to right
      const seen = new Map<string, number>();
      names.forEach((n, i) => {
        if (!dup[i]) return;
        const k = (seen.get(n) ?? 0) + 1;
        seen.set(n, k);
        if (k > 1) names[i] = `${n}_${k}`;
      });
      break;
    }
  }
  return cols.map((col, i) => ({ col, name: names[i] }));
}

const SEPARATOR = /[、,，|｜]/;

interface Block {
  lines: string[];
  table: InferredPackTable;
  formId: string;
  sheet: string;
  inf: TableInference;
  no: number;
  nameOf: Map<number, string>;
}

/** Writes one table's form (its formulas come once the form is seen to recognise the sheet). */
function formBlock(inf: TableInference, no: number, formId: string): Block {
  const t: InferredTable = inf.table;
  const sheet = t.sheet.name;
  const notes: string[] = [];
  const lines: string[] = [];
  const allCols = t.panels.flatMap((p) => [...p.columns, ...p.ratioColumns]).sort((a, b) => a.c - b.c);
  const named = columnNames(allCols);
  const title = normalizeLabel(t.title?.text ?? shortTitle(t) ?? '');
  const left = inf.identities.filter((x) => x.verdict !== 'holds' && x.verdict !== 'error');
  const table: InferredPackTable = { sheet, form: formId, formulas: 0, left: left.length, notes };

  lines.push(`# ── ${both('inferPack.sheet', { sheet: plain(sheet) })}`);
  if (!title) notes.push(both('inferPack.noTitle'));
  const bad = allCols.filter((c) => c.path.some((p) => SEPARATOR.test(p)));
  if (bad.length) notes.push(both('inferPack.separator', { columns: bad.map((c) => c.path.join('/')).join('；') }));
  // An untitled table gets a title no sheet prints: its form is then recognised by its header.
  lines.push(`表样 ${formId}：${plain(title || message('inferPack.untitled', { sheet }).zh)}`);
  lines.push(`  表族：${INFERRED_FAMILY}`);
  lines.push(`  表号：${no}`);
  const yearless = title.replace(YEAR, '');
  if (yearless && yearless !== title && yearless.length >= 4) lines.push(`  标题：${plain(yearless)}`);
  lines.push('  布局：固定行');
  const p0 = t.panels[0];
  const labelHead = p0 ? headOf(t, p0.labelCol) : undefined;
  const codes = p0 ? codeKindOf(t, p0, labelHead) : undefined;
  if (codes) lines.push(`  编码：${codes}`);
  else if (labelHead && !SEPARATOR.test(labelHead) && p0.labelCol < (allCols[0]?.c ?? 0))
    lines.push(`  标签列：${plain(labelHead)}`);
  for (const { col, name } of named) {
    const leaf = col.path[col.path.length - 1] ?? '';
    const above = [...new Set(col.path.slice(0, -1))];
    const group = above.length ? ` | 组=${above.map(plain).join('、')}` : '';
    lines.push(`  列 ${name}： | ${plain(leaf)} | ${name}${group}`);
  }
  lines.push('');
  return { lines, table, formId, sheet, inf, no, nameOf: new Map(named.map((x) => [x.col.c, x.name])) };
}

/**
 * Writes the formulas of a table whose form recognised its sheet. `present` says whether a cell is
 * an amount of the recognised table: an empty cell of a row the form does not read (a row of the
 * longer panel beside nothing) adds nothing and is left out of its sum.
 */
function formulaLines(b: Block, present: (r: number, c: number) => boolean, nextId: () => string): void {
  const { inf, no, nameOf, lines, table } = b;
  const notes = table.notes;
  const ref = (r: number, c: number) => `[表${no}]${a1(r, c)}`;
  const used = inf.identities.filter((x) => x.verdict === 'holds' || x.verdict === 'error');
  const left = inf.identities.filter((x) => x.verdict !== 'holds' && x.verdict !== 'error');
  const single: string[] = [];
  const lost: string[] = [];
  const inexpressible: string[] = [];
  for (const { identity, verdict } of used) {
    const rule = identity.rule;
    const head = `推断 ${rule}：${plain(identity.text)}`;
    let body: string[];
    if (identity.ratio) {
      const r = identity.ratio;
      const [pc, nc, dc] = [r.pct.c, r.num.c, r.den.c].map((c) => nameOf.get(c));
      if (!expressible(identity) || !pc || !nc || !dc) {
        inexpressible.push(`${rule} ${plain(identity.text)}`);
        continue;
      }
      body = [`[表${no}] 每行：${pc} = ${nc} ÷ ${dc}`];
    } else if (identity.balanceColumns) {
      const b = identity.balanceColumns;
      const target = nameOf.get(b.target);
      const items = b.items.map((c) => nameOf.get(c));
      if (!target || items.some((x) => !x)) continue;
      const terms = items.map(
        (x, k) => `${k === 0 ? (b.signs[k] === -1 ? '−' : '') : b.signs[k] === -1 ? ' − ' : ' + '}${x}`,
      );
      body = [`[表${no}] 每行：${target} = ${terms.join('')}`];
    } else if (byColumns(identity)) {
      const inst = identity.instances[0];
      const target = nameOf.get(inst.target.cell.c);
      const items = inst.items.map((i) => nameOf.get(i.cell.c));
      if (!target || items.some((x) => !x)) continue;
      body = [`[表${no}] 每行：${target} = ${items.join(' + ')}`];
    } else {
      body = [];
      let ones = false;
      for (const inst of identity.instances) {
        const t = inst.target.cell;
        const items = inst.items.filter((i) => present(i.cell.r, i.cell.c));
        if (!present(t.r, t.c) || items.length === 0) {
          if (inst.target.cell.value !== null || inst.items.some((i) => i.cell.value !== null)) lost.push(inst.where);
          continue;
        }
        if (isLimit(identity)) body.push(`${ref(items[0].cell.r, items[0].cell.c)} ≤ ${ref(t.r, t.c)}`);
        else {
          const sum = items
            .map((i, k) => `${k === 0 ? (i.negate ? '−' : '') : i.negate ? ' − ' : ' + '}${ref(i.cell.r, i.cell.c)}`)
            .join('');
          body.push(`${ref(t.r, t.c)} = ${sum}`);
          if (items.length === 1) ones = true;
        }
      }
      if (body.length === 0) continue;
      const id = nextId();
      if (ones) single.push(id);
      lines.push(`公式 ${id} 强制 表族=${INFERRED_FAMILY}：${body[0]}`);
      for (const s of body.slice(1)) lines.push(`  ；${s}`);
      body = [];
    }
    if (body.length) lines.push(`公式 ${nextId()} 强制 表族=${INFERRED_FAMILY}：${body[0]}`);
    lines.push(`  标题：${head} | Inferred ${rule}: ${plain(identity.text)}`);
    if (verdict === 'error') lines.push(`  说明：${both('inferPack.contradicted')}`);
    table.formulas++;
  }
  if (single.length) notes.push(both('inferPack.oneItem', { ids: single.join('、') }));
  if (lost.length) notes.push(both('inferPack.lost', { where: lost.slice(0, 6).join('；') }));
  if (used.some((x) => !byColumns(x.identity) && !x.identity.balanceColumns && !x.identity.ratio))
    notes.push(both('inferPack.byAddress'));
  if (inexpressible.length) {
    lines.push(`# ${both('inferPack.inexpressible')}`);
    for (const x of inexpressible) lines.push(`#   ${x}`);
    notes.push(both('inferPack.inexpressibleCount', { n: inexpressible.length }));
  }
  if (left.length) {
    lines.push(`# ${both('inferPack.notUsed')}`);
    for (const { identity } of left) lines.push(`#   ${identity.rule} ${plain(identity.text)}`);
  }
  // Not-applicable marks (× in an amount column) are read by a declared form as unreadable cells.
  const marks = inf.table.panels.some((p) =>
    p.rows.some((r) =>
      [...r.cells.values()].some((c) => typeof c.raw === 'string' && /^[×xX]$/.test(String(c.raw).trim())),
    ),
  );
  if (marks) notes.push(both('inferPack.marks'));
}

/**
 * A title too short for table finding to take as one (`大表`), alone on a row above the header:
 * the form is better recognised by it than by its header alone.
 */
function shortTitle(t: InferredTable): string | undefined {
  for (let r = t.headerRows[0] - 1; r >= 0; r--) {
    const texts = (t.sheet.rows[r] ?? []).filter((c) => typeof c?.v === 'string' && c.v.trim());
    if (texts.length === 0) continue;
    const v = String(texts[0]!.v);
    if (texts.length === 1 && !/单位[:：]|编制/.test(v) && normalizeLabel(v).length >= 2) return v;
    if (!/单位[:：]|编制/.test(v)) return undefined;
  }
  return undefined;
}

/**
 * The standard code columns (编码：功能 | 经济) when the first panel prints its codes in columns of
 * their own under a standard header and its names under a standard name header: the form then
 * spans the code columns too, so a note or a stacked table's title in them ends the table.
 */
function codeKindOf(t: InferredTable, p: InferredPanel, labelHead: string | undefined): '功能' | '经济' | undefined {
  if (p.codeCols.length === 0 || !labelHead) return undefined;
  const codes = p.rows.map((r) => r.code).filter((c): c is string => !!c);
  const kind = codes.length > 0 && codes.every((c) => /^[35]/.test(c)) ? '经济' : '功能';
  const cols = kind === '经济' ? economicCodeColumns() : functionCodeColumns();
  const labels = (role: (r: string) => boolean) =>
    new Set(cols.filter((c) => role(c.role)).flatMap((c) => c.labels.map(normalizeLabel)));
  if (!labels((r) => r === 'name').has(normalizeLabel(labelHead))) return undefined;
  const codeLabels = labels((r) => r.startsWith('code'));
  const heads = p.codeCols.map((c) => headOf(t, c));
  return heads.some((h) => h && codeLabels.has(normalizeLabel(h))) ? kind : undefined;
}

/** The bottom header word of a text column (the label column's header), if any. */
function headOf(t: InferredTable, c: number): string | undefined {
  const [top, end] = t.headerRows;
  let out: string | undefined;
  for (let r = top; r <= end; r++) {
    const v = t.sheet.rows[r]?.[c]?.v;
    const s = typeof v === 'string' ? normalizeLabel(v) : '';
    if (s) out = s;
  }
  if (out === undefined) {
    const m = t.sheet.merges.find((x) => x.c0 <= c && x.c1 >= c && x.r0 >= top && x.r0 <= end);
    const v = m ? t.sheet.rows[m.r0]?.[m.c0]?.v : undefined;
    if (typeof v === 'string' && normalizeLabel(v)) out = normalizeLabel(v);
  }
  return out;
}

const commentOut = (lines: string[]) => lines.map((l) => (l ? `# ${l}` : l));

/**
 * The inferred structure of every table of no declared form, as a pack text. Each form is checked
 * against its own sheet before it is kept (see the file comment).
 */
export function inferPack(model: WorkbookModel, options: InferPackOptions = {}): InferredPack {
  // a declared table's uncovered columns stay with its form: only tables of no declared form are written
  const inferences = inferTables(model, options).filter(
    (inf) => !inf.declared && inf.identities.some((x) => x.verdict === 'holds' || x.verdict === 'error'),
  );
  let n = options.firstId ?? 1;
  const nextId = () => `INF${n++}`;
  const ids = new Set<string>();
  const blocks = inferences.map((inf, k) => {
    let id = `infer.${word(inf.table.sheet.name)}`;
    for (let j = 2; ids.has(id); j++) id = `infer.${word(inf.table.sheet.name)}_${j}`;
    ids.add(id);
    return formBlock(inf, k + 1, id);
  });
  // The forms first: each must recognise its own sheet (with the forms in force beside it).
  const { templates } = rulesInForce(options);
  const base: TableTemplate[] = [...(templates ?? allTemplates())];
  const forms: TableTemplate[] = [];
  for (const b of blocks) {
    try {
      const p = parsePackText(b.lines.join('\n'), 'inferred');
      compilePack(p, [...base, ...forms]);
      forms.push(...p.forms);
    } catch (err) {
      if (!(err instanceof PackError) && !(err instanceof FormulaError)) throw err;
      b.table.notes.push(both('inferPack.formNotLoaded', { problem: err.message }));
      b.table.form = undefined;
    }
  }
  const recognised = recognizeWorkbook(model, { templates: [...base, ...forms] });
  for (const b of blocks) {
    if (!b.table.form) continue;
    const t = recognised.tables.find((x) => x.template.id === b.formId && x.sheet.name === b.sheet);
    if (!t && options.verify !== false) {
      const s = recognised.sheets.find((x) => x.sheet === b.sheet && !x.table);
      b.table.notes.push(both('inferPack.formNotRecognised', { reason: s?.reason ? `：${s.reason.zh}` : '' }));
      b.table.form = undefined;
    }
    const cells = new Set<string>();
    for (const row of t?.rows ?? []) for (const cell of row.amounts.values()) cells.add(`${cell.r},${cell.c}`);
    formulaLines(b, (r, c) => !t || cells.has(`${r},${c}`), nextId);
  }
  // Then the whole pack must load.
  const packText = (bs: Block[]) => bs.flatMap((b) => (b.table.form ? b.lines : [])).join('\n');
  try {
    compilePack(parsePackText(packText(blocks), 'inferred'), base);
  } catch (e) {
    if (!(e instanceof PackError) && !(e instanceof FormulaError)) throw e;
    for (const b of blocks) {
      if (!b.table.form) continue;
      try {
        compilePack(parsePackText(b.lines.join('\n'), 'inferred'), base);
      } catch (err) {
        if (!(err instanceof PackError) && !(err instanceof FormulaError)) throw err;
        b.table.notes.push(both('inferPack.formulasNotLoaded', { problem: err.message }));
        b.table.form = undefined;
      }
    }
  }
  const out: string[] = [
    `# ${both('inferPack.header')}`,
    `# 用法 Usage: budget-check validate --forms 本文件 FILE`,
    `名称：${plain(options.name ?? message('inferPack.name').zh)}`,
    '',
  ];
  for (const b of blocks) {
    const ok = !!b.table.form;
    if (!ok) b.table.formulas = 0;
    out.push(...(ok ? b.lines : commentOut(b.lines)));
    for (const note of b.table.notes) out.push(`# 注 Note: ${plain(note)}`);
    out.push('');
  }
  return {
    text: `${out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()}\n`,
    tables: blocks.map((b) => b.table),
  };
}

/** Whether the formula language says an identity the way the inference checks it. */
export function expressible(identity: Identity): boolean {
  if (!identity.ratio) return true;
  return identity.ratio?.kind === 'ratio' && identity.ratio.reading === 'engine';
}

/**
 * The findings of the inference that a saved pack reproduces: those of confident identities the
 * formula language can express (not the 提示 of identities guessed from one failing row).
 */
export function packableFindings(inferences: TableInference[]): Finding[] {
  return inferences.flatMap((inf) =>
    inf.findings.filter((f) => {
      if (inf.declared) return false;
      const id = inf.sources.get(f);
      return f.severity !== 'info' && !!id && expressible(id);
    }),
  );
}
