/** Finding a table's title, unit, header rows, column-number row and column map on a sheet. */
import { Unit } from '../amount/parse';
import { ColumnSpec, normalisedLabels, normalizeLabel, TableTemplate } from '../templates/types';
import { formatDecimals, SheetView } from './sheet-view';
import { matchTitleTerms } from './title-terms';

export interface TitleMatch {
  template: TableTemplate;
  r: number;
  c: number;
  text: string;
  /** Length of the matched title variant: the longer, the more specific. */
  strength: number;
  /** Matched by its key terms (title-terms.ts): the core it shares with the template's titles. */
  core?: string;
}

const EMPTY_NOTE_WORDS = /没有|为空表|空白表/;

const variantCache = new WeakMap<TableTemplate, readonly string[]>();

/** The title variants of a template, with the 部门 ↔ 单位 prefix swap (normalised once per template). */
export function titleVariants(t: TableTemplate): readonly string[] {
  let variants = variantCache.get(t);
  if (!variants) {
    const out = new Set<string>();
    for (const title of [t.title, ...t.titles]) {
      const n = normalizeLabel(title);
      out.add(n);
      if (n.startsWith('部门')) out.add(`单位${n.slice(2)}`);
    }
    variants = [...out];
    variantCache.set(t, variants);
  }
  return variants;
}

/** Scans rows [from, to) for a cell whose text is a template title. The most specific match wins. */
export function findTitle(
  view: SheetView,
  templates: readonly TableTemplate[],
  from: number,
  to: number,
): TitleMatch | undefined {
  const variants = templates.map((t) => ({ t, vs: titleVariants(t) }));
  for (let r = from; r < Math.min(to, view.rows); r++) {
    let best: TitleMatch | undefined;
    for (const { c, text } of view.rowTexts(r)) {
      const n = normalizeLabel(text);
      if (n.length > 60 || EMPTY_NOTE_WORDS.test(n)) continue;
      for (const { t, vs } of variants) {
        for (const v of vs) {
          if (n.includes(v) && (!best || v.length > best.strength))
            best = { template: t, r, c, text, strength: v.length };
        }
      }
    }
    if (best) return best;
    // No known spelling: a title read by its key terms (years, numbers, form codes and the
    // organisation's name left out), the most specific core first.
    for (const { c, text } of view.rowTexts(r)) {
      const n = normalizeLabel(text);
      if (n.length > 60 || EMPTY_NOTE_WORDS.test(n) || !/表/.test(n)) continue;
      const m = matchTitleTerms(text, templates);
      if (m.length && (!best || m[0].core.length > best.strength))
        best = { template: m[0].template, r, c, text, strength: m[0].core.length, core: m[0].core };
    }
    if (best) return best;
  }
  return undefined;
}

const UNIT_RE = /单位[:：]?\s*(亿元|万元|千元|元)/;

export function findUnit(view: SheetView, from: number, to: number): { unit: Unit; found: boolean; r?: number } {
  for (let r = Math.max(0, from); r < Math.min(to, view.rows); r++) {
    for (const { text } of view.rowTexts(r)) {
      const m = UNIT_RE.exec(text.normalize('NFKC').replace(/\s+/g, ''));
      if (m) return { unit: m[1] as Unit, found: true, r };
    }
  }
  return { unit: '万元', found: false };
}

const ORG_RE = /编制(?:部门|单位)[:：]\s*([^\s:：]+?)(?:\s|单位[:：]|$)/;

export function findOrganisation(view: SheetView, from: number, to: number): { name: string; r: number } | undefined {
  for (let r = Math.max(0, from); r < Math.min(to, view.rows); r++) {
    for (const { text } of view.rowTexts(r)) {
      const m = ORG_RE.exec(text.normalize('NFKC'));
      if (m) return { name: m[1].trim(), r };
    }
  }
  return undefined;
}

/**
 * A stray token: a bare number (`0`, `2025`), a year (`2025年`) or a short Latin mark (`x`, `A1`)
 * standing alone in a cell. Above a table's header, or beside it, such a cell is a leftover or a
 * margin note, never part of the form.
 */
export function isStrayToken(text: string): boolean {
  return /^[-+]?\d+(?:\.\d+)?$|^(?:19|20)\d{2}年?(?:度)?$|^[A-Za-z]{1,3}\d{0,3}$/.test(text.normalize('NFKC').trim());
}

function isMetaText(text: string): boolean {
  const n = normalizeLabel(text);
  return (
    /编制(部门|单位)|^金额?单位:|单位:(亿元|万元|千元|元)$|^表[0-9一二三四五六七八九十]+$/.test(n) ||
    /^(附表|附件)/.test(n)
  );
}

/**
 * A row that only carries 编制部门, 单位：万元, a 表N label or the title itself — and perhaps a stray
 * number or year beside them (`0` in column Q, `2025` in G2). A row of stray numbers alone counts
 * too, unless it could be a column-number row (1, 2 …).
 */
export function isMetaRow(view: SheetView, r: number, titleRow: number): boolean {
  if (r === titleRow) return true;
  const texts = view.rowTexts(r);
  if (texts.length === 0) return true;
  let stray = 0;
  let small = 0;
  for (const { text } of texts) {
    if (isMetaText(text)) continue;
    if (!isStrayToken(text)) return false;
    stray++;
    if (/^\d{1,2}$/.test(text.normalize('NFKC').trim())) small++;
  }
  if (stray === texts.length) return stray <= 2 && small < 2;
  return stray <= 2;
}

/** A one-character marker cell (`*`, `※`) of a printed column-number row (a header repeated on a new page has them too). */
export const STAR = /^[*※＊]$/;

const PRINTED_NO = /^(?:附)?表\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})(?![0-9])\s*[:：.、]?/;

/**
 * The table number printed with a title: at the start of the title (`表一 喀什地区…`) or alone on
 * one of the two rows above it (`表 4`).
 */
export function findPrintedNo(view: SheetView, titleRow: number, titleText: string): string | undefined {
  const own = PRINTED_NO.exec(titleText.normalize('NFKC').trim());
  if (own) return own[1];
  for (let r = titleRow - 1; r >= Math.max(0, titleRow - 2); r--) {
    const texts = view.rowTexts(r);
    if (texts.length === 0) continue;
    if (texts.length !== 1) return undefined;
    const t = texts[0].text.normalize('NFKC').trim();
    const m = PRINTED_NO.exec(t);
    return m && m[0].trim().length === t.length ? m[1] : undefined;
  }
  return undefined;
}

/**
 * The column numbers of a number-row candidate: `*` over text columns, then 1, 2, 3 … left to
 * right. Up to two stray cells after the sequence (`0` in column Q, `2025`) are left out; anything
 * else that breaks it means the row is not a number row (undefined).
 */
export function numberRowCells(
  texts: readonly { c: number; text: string }[],
): { stars: number; numbers: Map<number, number> } | undefined {
  let stars = 0;
  const numbers = new Map<number, number>();
  let next = 1;
  let stray = 0;
  for (const { c, text } of texts) {
    const t = text.normalize('NFKC').trim();
    if (stray === 0 && STAR.test(t)) stars++;
    else if (stray === 0 && t === String(next)) numbers.set(next++, c);
    else if (numbers.size >= 2 && (t === '0' || (isStrayToken(t) && !/^\d{1,2}$/.test(t))) && ++stray <= 2) continue;
    else return undefined;
  }
  return { stars, numbers };
}

/** The printed column-number row: `*` or `※` over text columns, 1, 2, 3 … over amounts. */
export function findNumberRow(view: SheetView, from: number, to: number): number | undefined {
  for (let r = from; r < Math.min(to, view.rows); r++) {
    const texts = view.rowTexts(r);
    if (texts.length < 2) continue;
    const cells = numberRowCells(texts);
    if (!cells || cells.numbers.size === 0) continue;
    // Amounts that happen to read 1, 2 (a one-row table in 万元: 合计 1.00, 公务接待费 2.00) are shown
    // with decimals: a column-number row is not.
    if ([...cells.numbers.values()].some((c) => (formatDecimals(view.sheet.rows[r]?.[c]?.z) ?? 0) > 0)) continue;
    if (cells.stars > 0 || cells.numbers.size >= 2) return r;
  }
  return undefined;
}

/** For each column, the header labels from top to bottom (merged areas spread over their columns). */
export function headerPaths(view: SheetView, r0: number, r1: number, cols: number): string[][] {
  const paths: string[][] = [];
  for (let c = 0; c < cols; c++) {
    const path: string[] = [];
    for (let r = r0; r <= r1; r++) {
      const m = view.mergeAt(r, c);
      // A merge reaching below the header (a label merged into data rows) still counts once.
      const t = normalizeLabel(m && m.r0 >= r0 ? view.text(m.r0, m.c0) : view.text(r, c));
      if (t && path[path.length - 1] !== t) path.push(t);
    }
    paths.push(path);
  }
  return paths;
}

export interface ColumnMapResult {
  columns: Map<string, number>;
  missing: ColumnSpec[];
  /** How many of the template's columns were found by their labels (for choosing a template). */
  labelMatches: number;
}

/**
 * Maps a template's columns to sheet columns. Amount columns go by the printed column numbers
 * when the row exists; everything else by its own (bottom-most) header label, told apart by the
 * group label above it when two columns share a label, and taken left to right in template order.
 */
export function mapColumns(
  view: SheetView,
  template: TableTemplate,
  headerStart: number,
  headerEnd: number,
  numberRow: number | undefined,
): ColumnMapResult {
  const cols = view.cols;
  const paths = headerPaths(view, headerStart, headerEnd, cols);
  const columns = new Map<string, number>();
  const used = new Set<number>();
  let labelMatches = 0;

  const numbered =
    (numberRow !== undefined ? numberRowCells(view.rowTexts(numberRow))?.numbers : undefined) ?? new Map();

  const matches = (spec: ColumnSpec, c: number, strictGroup: boolean): boolean => {
    const path = paths[c];
    if (!path || path.length === 0) return false;
    const leaf = path[path.length - 1];
    if (!normalisedLabels(spec.labels).has(leaf) && !(spec.patterns && spec.patterns.some((p) => p.test(leaf))))
      return false;
    if (!spec.group) return true;
    const groups = normalisedLabels(spec.group);
    const above = path.slice(0, -1);
    if (above.some((p) => groups.has(p))) return true;
    return !strictGroup;
  };

  const lastByPanel: Record<string, number> = {};
  const hasSplitCodes = () => ['lei', 'kuan', 'xiang'].some((k) => columns.has(k));

  for (const spec of template.columns) {
    if (spec.role === 'code' && hasSplitCodes()) continue;
    if (spec.role === 'amount' && spec.no !== undefined && numbered.size > 0) {
      const c = numbered.get(spec.no);
      if (c !== undefined && !used.has(c)) {
        columns.set(spec.key, c);
        used.add(c);
        if (matches(spec, c, false)) labelMatches++;
        continue;
      }
    }
    const panelKey = spec.panel ?? '';
    const after = lastByPanel[panelKey] ?? -1;
    let found: number | undefined;
    for (const strict of [true, false]) {
      for (let c = 0; c < cols && found === undefined; c++) {
        if (used.has(c) || c <= after) continue;
        if (matches(spec, c, strict)) found = c;
      }
      if (found !== undefined) break;
    }
    if (found !== undefined) {
      columns.set(spec.key, found);
      used.add(found);
      lastByPanel[panelKey] = found;
      labelMatches++;
    }
  }

  // Text columns under the number row's `*` that no label claimed: the name column is the last
  // starred column before the first amount (forms that print the code and name under one header).
  if (!columns.has('name') && template.columns.some((s) => s.key === 'name') && numberRow !== undefined) {
    const starred = view
      .rowTexts(numberRow)
      .filter(({ text }) => STAR.test(text.normalize('NFKC').trim()))
      .map(({ c }) => c)
      .filter((c) => !used.has(c));
    if (starred.length) {
      const c = starred[starred.length - 1];
      columns.set('name', c);
      used.add(c);
    }
  }

  const missing = template.columns.filter((s) => !s.optional && !columns.has(s.key));
  return { columns, missing, labelMatches };
}
