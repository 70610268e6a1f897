/**
 * The recognizer: for each sheet, which template it holds (or none, with the reason and the
 * nearest candidate), where its title, unit, header, column numbers and data are, and its rows.
 */
import { message } from '../i18n/messages';
import { allTemplates } from '../templates';
import { FUNCTION_CLASS_ROWS } from '../templates/dept/common';
import {
  columnLabelMatches,
  normalisedLabels,
  normalizeLabel,
  stripNumbering,
  TableTemplate,
} from '../templates/types';
import { SheetModel, WorkbookModel } from '../workbook/model';
import {
  findNumberRow,
  findOrganisation,
  findPrintedNo,
  findTitle,
  findUnit,
  headerPaths,
  isMetaRow,
  isStrayToken,
  mapColumns,
  STAR,
  TitleMatch,
  titleVariants,
} from './header';
import { AmountReader, hasAnyAmount } from './amounts';
import { attachSubRows, CodeReader, FixedRowMatcher, isTotalLabel, splitCodeLabel } from './rows';
import { NO_TEXTS, SheetView, textOfValue } from './sheet-view';
import { coreOf, matchTitleTerms, templateCores, termsNote, titleDifference } from './title-terms';
import { RecognizedTable, SheetRecognition, TableRow } from './types';

export interface RecognizeOptions {
  templates?: readonly TableTemplate[];
  /**
   * The family (`central`, `dept` …) a sheet goes to when two forms sharing its title fit its header
   * alike (部门支出总表 is the central 表3 and a title of the standard 表3 too): recognizeWorkbook sets
   * it to the family of the workbook's other tables.
   */
  preferFamily?: string;
  /**
   * Sheets the user said the form of (`--bind "Sheet=表5"`, the pane's 此表是…): sheet name → `表5`
   * (in the family of the workbook's other tables), `sh.表5`, a template or table id (`dept.t05`,
   * `sh.t05`) or a title. A bound sheet is read as that form whatever its title says.
   */
  bindings?: Readonly<Record<string, string>>;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function tableNumber(s: string): number | undefined {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  if (/^十[一二三四五六七八九]?$|^[一二三四五六七八九]十?$/.test(s)) {
    const [a, b] = [...s];
    if (a === '十') return 10 + (b ? CN_DIGITS[b] : 0);
    return CN_DIGITS[a] * (b === '十' ? 10 : 1);
  }
  return undefined;
}

/**
 * The template a binding names: a template id, a table id, `[family.]表N` (the workbook's family,
 * else the standard 部门预算) or a title read by its key terms.
 */
export function resolveBinding(
  ref: string,
  templates: readonly TableTemplate[],
  family?: string,
): TableTemplate | undefined {
  const r = ref.normalize('NFKC').trim();
  const byId = templates.find((t) => t.id === r) ?? templates.find((t) => t.table === r);
  if (byId) return byId;
  const m = /^(?:([A-Za-z][\w.-]*?)[.:：\s])?\s*(?:表\s*)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})$/.exec(r);
  if (m && (m[1] || /表/.test(r))) {
    const no = tableNumber(m[2]);
    const fam = m[1] ?? family ?? 'dept';
    return templates.find((t) => t.family === fam && t.no === no);
  }
  return findTitleIn(r, templates);
}

function findTitleIn(text: string, templates: readonly TableTemplate[]): TableTemplate | undefined {
  const n = normalizeLabel(text);
  let best: { t: TableTemplate; len: number } | undefined;
  for (const t of templates)
    for (const v of titleVariants(t)) if (n.includes(v) && (!best || v.length > best.len)) best = { t, len: v.length };
  return best?.t ?? matchTitleTerms(text, templates)[0]?.template;
}

const YEAR_WORD = /(?:19|20)\d{2}\s*年/g;
const NOTE_RE = /没有.*(为空表|为空白表|空表)|为空表/;
const FOOTER_RE = /^(注|备注|说明|填表说明)[:：]/;

const headerWordCache = new WeakMap<TableTemplate, { labels: ReadonlySet<string>; withGroups: ReadonlySet<string> }>();

/** A template's column labels, and those with its group labels, normalised once per template. */
function templateHeaderWords(template: TableTemplate): {
  labels: ReadonlySet<string>;
  withGroups: ReadonlySet<string>;
} {
  let words = headerWordCache.get(template);
  if (!words) {
    const labels = new Set<string>();
    for (const col of template.columns) for (const l of normalisedLabels(col.labels)) labels.add(l);
    const withGroups = new Set(labels);
    for (const col of template.columns) for (const g of normalisedLabels(col.group ?? [])) withGroups.add(g);
    words = { labels, withGroups };
    headerWordCache.set(template, words);
  }
  return words;
}

/** Header rows: from the first non-meta row after the title down to the row before the data. */
function headerBounds(
  view: SheetView,
  template: TableTemplate,
  titleRow: number,
): { start: number; end: number; numberRow?: number } {
  let start = titleRow + 1;
  while (start < view.rows && isMetaRow(view, start, titleRow)) start++;
  const numberRow = template.numberRow ? findNumberRow(view, start, start + 8) : findNumberRow(view, start, start + 6);
  if (numberRow !== undefined) return { start, end: numberRow - 1, numberRow };
  const labels = templateHeaderWords(template).withGroups;
  const patterned = template.columns.filter((col) => col.patterns);
  // Columns under a header word (merged areas spread): a bare number elsewhere in a header row is a
  // stray cell beside the table (a `0` in column Q), not the first data row.
  const labelled = new Set<number>();
  for (let r = start; r < Math.min(view.rows, start + 6); r++) {
    for (const { c, text } of view.rowTexts(r)) {
      if (!/[\u4e00-\u9fff]/.test(text)) continue;
      const m = view.mergeAt(r, c);
      for (let k = m ? m.c0 : c; k <= (m ? m.c1 : c); k++) labelled.add(k);
    }
  }
  let end = start - 1;
  for (let r = start; r < Math.min(view.rows, start + 6); r++) {
    const texts = view.rowTexts(r);
    if (texts.length === 0) {
      if (end >= start) break;
      continue;
    }
    const isHeader = texts.some(({ text }) => {
      const n = normalizeLabel(text);
      return labels.has(n) || (patterned.length > 0 && patterned.some((col) => columnLabelMatches(col, n)));
    });
    const hasNumbers = texts.some(
      ({ c, text }) => /\d/.test(text) && !/[\u4e00-\u9fff]/.test(text) && (labelled.has(c) || !isStrayToken(text)),
    );
    const headerWords = texts.filter(({ text }) => labels.has(normalizeLabel(text))).length;
    const strayOnly = texts.filter(({ text }) => /\d/.test(text) && !/[\u4e00-\u9fff]/.test(text)).length === 1;
    // A line numbered `一、` or led by a code (`201 一般公共服务支出`) is data, even before any amount
    // is typed (a blank form whose first income line is also an amount column's label).
    const dataLike = texts.some(({ text }) =>
      /^(?:[一二三四五六七八九十]{1,3}、|\d{3}(?:\d{2}){0,2}(?:\s|$|[\u4e00-\u9fff]))/.test(text.trim()),
    );
    if (!isHeader || dataLike || (hasNumbers && !(headerWords >= 2 && strayOnly)) || isLoneTotalRow(texts)) break;
    end = r;
  }
  return { start, end: Math.max(end, start - 1) };
}

/**
 * A function class printed by name only (`一、一般公共服务支出`, the 决算 总表's 支出 panel): its
 * 类 code from the standard class list.
 */
function classCodeByName(label: string): string | undefined {
  const n = stripNumbering(label);
  return n ? FUNCTION_CLASS_ROWS.find(([, name]) => normalizeLabel(name) === n)?.[0] : undefined;
}

/** An empty 合计/总计 row (the only row of an empty table): data, though 合计 is also a column label. */
function isLoneTotalRow(texts: readonly { text: string }[]): boolean {
  return texts.length === 1 && /^(合计|总计)$/.test(normalizeLabel(texts[0].text));
}

function parseRows(
  view: SheetView,
  template: TableTemplate,
  columns: Map<string, number>,
  from: number,
  organisation: string | undefined,
  templates: readonly TableTemplate[],
): { rows: TableRow[]; last: number; note?: { r: number; c: number; text: string }; endRow: number } {
  const rows: TableRow[] = [];
  let last = -1;
  let note: { r: number; c: number; text: string } | undefined;
  const reader = new AmountReader(view, template, columns, from);
  const codes = new CodeReader(view, columns);
  const income = template.fixedRows
    ? new FixedRowMatcher(template.fixedRows, template.layout === 'two-panel' ? 'income' : undefined)
    : undefined;
  const expense = template.fixedRows ? new FixedRowMatcher(template.fixedRows, 'expense') : undefined;
  const roleCol = (role: string) => {
    const spec = template.columns.find((c) => c.role === role);
    return spec ? columns.get(spec.key) : undefined;
  };
  const nameCol = roleCol('name');
  const projectCol = roleCol('project');
  const labelCol = roleCol('label');
  const headerLabels = templateHeaderWords(template).labels;
  let endRow = view.rows - 1;

  // The table's own columns: cells left or right of them (a stray `0` in column Q) are not read.
  let lo = Infinity;
  let hi = -1;
  for (const c of columns.values()) {
    if (c < lo) lo = c;
    if (c > hi) hi = c;
  }
  const inside = (t: { c: number }) => t.c >= lo && t.c <= hi;
  const NUMERIC = /^[\s(（]*[-+−－]?[\d,，.．\s]+[)）]?%?$/;
  for (let r = from; r < view.rows; r++) {
    // A row with an amount in it is data: skip the note, footer, title and header tests (hot loop).
    // One pass over the cells decides that for typical rows without making their texts.
    const rowCells = view.sheet.rows[r];
    let hasNumber = false;
    let hasText = false;
    let marker = false;
    const end = rowCells == null ? -1 : Math.min(rowCells.length - 1, hi);
    for (let c = Math.max(0, lo); c <= end; c++) {
      const cell = rowCells[c];
      if (cell == null) continue;
      const v = cell.v;
      if (typeof v === 'number') {
        hasNumber = true;
        continue;
      }
      if (v === null || v === undefined) continue;
      const t = textOfValue(v);
      if (t.length === 0) continue;
      hasText = true;
      if (t.length === 1 && STAR.test(t)) marker = true;
    }
    if (!hasNumber && !hasText) continue;
    const texts = hasNumber && !marker ? NO_TEXTS : view.rowTexts(r).filter(inside);
    const numeric =
      !marker &&
      (hasNumber || texts.some((t) => t.text.length < 24 && NUMERIC.test(t.text) && /\d\.\d|\d{3}/.test(t.text)));
    if (!numeric) {
      const joined = normalizeLabel(texts.map((t) => t.text).join(''));
      if (NOTE_RE.test(joined) && texts.length <= 2) {
        note = { r, c: texts[0].c, text: texts.map((t) => t.text).join('') };
        continue;
      }
      if (FOOTER_RE.test(joined)) {
        endRow = r;
        break;
      }
      // Another table stacked below this one: stop at its title (years in a title are words).
      if (texts.length <= 2 && texts.every((t) => !/\d{2}/.test(t.text.replace(YEAR_WORD, '')))) {
        const next = findTitle(view, templates, r, r + 1);
        if (next) {
          endRow = r - 1;
          break;
        }
      }
      // A header repeated on a new page.
      if (
        texts.every(({ text }) => /^[*※＊]$|^\d{1,2}$/.test(text.trim())) &&
        texts.some(({ text }) => STAR.test(text.trim()))
      )
        continue;
      if (
        texts.filter(({ text }) => headerLabels.has(normalizeLabel(text))).length >= 2 &&
        !texts.some(({ text }) => /\d\.\d/.test(text))
      )
        continue;
      if (isMetaRow(view, r, -1) && texts.every(({ text }) => /编制|单位[:：]/.test(text))) continue;
    }

    if (template.layout === 'coded-panels') {
      for (const panel of ['income', 'expense'] as const) {
        const row = readPanelRow(view, template, columns, r, panel, reader);
        if (row) rows.push(row);
      }
      last = r;
      continue;
    }

    if (template.layout === 'two-panel') {
      const inLabel = columns.get('inLabel');
      const exLabel = columns.get('exLabel');
      const inText = inLabel !== undefined ? view.text(r, inLabel) : '';
      const exText = exLabel !== undefined ? view.text(r, exLabel) : '';
      const inAmounts = reader.read(r, 'income');
      const exAmounts = reader.read(r, 'expense');
      if (inText || hasAnyAmount(inAmounts)) {
        const spec = inText ? income?.match(inText) : undefined;
        rows.push({
          r,
          kind: spec ? 'fixed' : 'other',
          panel: 'income',
          key: spec?.key,
          name: inText,
          nameCol: inLabel,
          amounts: inAmounts,
        });
      }
      if (exText || hasAnyAmount(exAmounts)) {
        const split = splitCodeLabel(exText);
        const name = split.name;
        const code = split.code || (expense?.match(name) ? undefined : classCodeByName(name));
        if (code) {
          rows.push({
            r,
            kind: 'code',
            panel: 'expense',
            code,
            name,
            nameCol: exLabel,
            codeCol: exLabel,
            amounts: exAmounts,
          });
        } else {
          const spec = name ? expense?.match(name) : undefined;
          rows.push({
            r,
            kind: spec ? 'fixed' : 'other',
            panel: 'expense',
            key: spec?.key,
            name,
            nameCol: exLabel,
            amounts: exAmounts,
          });
        }
      }
      last = r;
      continue;
    }

    const amounts = reader.read(r);
    if (template.layout === 'fixed' || template.layout === 'projects') {
      const label = labelCol !== undefined ? view.text(r, labelCol) : '';
      if (!label && !hasAnyAmount(amounts)) continue;
      if (template.layout === 'fixed') {
        const spec = label ? income?.match(label) : undefined;
        rows.push({ r, kind: spec ? 'fixed' : 'other', key: spec?.key, name: label, nameCol: labelCol, amounts });
      } else {
        const kind = isTotalLabel(label)
          ? 'total'
          : organisation && normalizeLabel(label) === normalizeLabel(organisation)
            ? 'unit'
            : 'project';
        rows.push({ r, kind, name: label, nameCol: labelCol, amounts });
      }
      last = r;
      continue;
    }

    // Coded tables.
    let codeValue = codes.read(r);
    let name = nameCol !== undefined ? view.text(r, nameCol) : '';
    if (!codeValue && name) {
      const split = splitCodeLabel(name);
      if (split.code) {
        codeValue = split.code;
        name = split.name;
      }
    }
    const project = projectCol !== undefined ? view.text(r, projectCol) : '';
    if (!codeValue && !name && !project && !hasAnyAmount(amounts)) continue;
    let kind: TableRow['kind'];
    if (codeValue) kind = project ? 'project' : 'code';
    else if (isTotalLabel(name)) kind = 'total';
    else if (project) kind = 'project';
    else if (name && projectCol !== undefined) kind = 'unit';
    else kind = 'other';
    const row: TableRow = {
      r,
      kind,
      code: codeValue,
      codeAsWritten: codes.written,
      codeCol: codes.col ?? (codeValue ? nameCol : undefined),
      name,
      nameCol,
      project: project || undefined,
      amounts,
    };
    // Set, not spread: no extra object per row (tables can have 100k rows).
    if (template.layout === 'itemized' && nameCol !== undefined) row.indent = view.indent(r, nameCol);
    rows.push(row);
    last = r;
  }
  if (template.layout === 'itemized') attachSubRows(rows, template.mainRows);
  return { rows, last, note, endRow: note && endRow < note.r ? note.r : endRow };
}

/** One panel's row of a coded-panels table: its own code, name and amount columns. */
/** A panel's code printed as 类 | 款 columns (the 决算 基本支出 table): `301` + `1` → `30101`. */
function panelSplitCode(view: SheetView, colOf: (roles: string[]) => number | undefined, r: number): string {
  const lei = colOf(['code-lei']);
  const kuan = colOf(['code-kuan']);
  if (lei === undefined) return '';
  const l = view.text(r, lei).normalize('NFKC').trim();
  const k = kuan !== undefined ? view.text(r, kuan).normalize('NFKC').trim() : '';
  if (!/^\d{3}$/.test(l)) return '';
  if (/^\d{1,2}$/.test(k)) return l + k.padStart(2, '0');
  if (/^\d{5}$/.test(k) && k.startsWith(l)) return k;
  return k ? '' : l;
}

function readPanelRow(
  view: SheetView,
  template: TableTemplate,
  columns: Map<string, number>,
  r: number,
  panel: 'income' | 'expense',
  reader: AmountReader,
): TableRow | undefined {
  const colOf = (roles: string[]) => {
    const spec = template.columns.find((c) => c.panel === panel && roles.includes(c.role));
    return spec ? columns.get(spec.key) : undefined;
  };
  const codeCol = colOf(['code']);
  const nameCol = colOf(['name', 'label']);
  const amounts = reader.read(r, panel);
  const written = codeCol !== undefined ? view.text(r, codeCol) : panelSplitCode(view, colOf, r);
  const digits = written.normalize('NFKC').replace(/\s+/g, '');
  let code = /^\d{3}(\d{2}){0,2}$/.test(digits) ? digits : undefined;
  let name = nameCol !== undefined ? view.text(r, nameCol) : '';
  if (!code && name) {
    const split = splitCodeLabel(name);
    if (split.code) {
      code = split.code;
      name = split.name;
    }
  }
  if (!code && !name && !hasAnyAmount(amounts)) return undefined;
  const kind: TableRow['kind'] = code ? 'code' : /(总计|合计)$/.test(normalizeLabel(name)) ? 'total' : 'other';
  return {
    r,
    kind,
    panel,
    code,
    codeAsWritten: code ? written || code : undefined,
    codeCol: code ? (codeCol !== undefined && written ? codeCol : nameCol) : undefined,
    name,
    nameCol,
    amounts,
  };
}

function recognizeAt(
  view: SheetView,
  title: TitleMatch,
  templates: readonly TableTemplate[],
): { table?: RecognizedTable; missing?: string[] } {
  const template = title.template;
  const bounds = headerBounds(view, template, title.r);
  const map = mapColumns(view, template, bounds.start, Math.max(bounds.start, bounds.end), bounds.numberRow);
  if (map.missing.length) return { missing: map.missing.map((m) => m.name.zh) };
  const unit = findUnit(view, title.r - 2, bounds.start + 1);
  const org = findOrganisation(view, title.r - 2, bounds.start + 1);
  const dataStart = (bounds.numberRow ?? bounds.end) + 1;
  const parsed = parseRows(view, template, map.columns, dataStart, org?.name, templates);
  const firstData = parsed.rows.length ? parsed.rows[0].r : -1;
  return {
    table: {
      template,
      sheet: view.sheet,
      title: { r: title.r, c: title.c, text: title.text },
      unit: unit.unit,
      unitFound: unit.found,
      organisation: org?.name,
      headerRows: [bounds.start, Math.max(bounds.start, bounds.end)],
      numberRow: bounds.numberRow,
      dataRows: [firstData, parsed.last],
      columns: map.columns,
      rows: parsed.rows,
      note: parsed.note,
      endRow: parsed.endRow,
      ...(() => {
        const no = title.text ? findPrintedNo(view, title.r, title.text) : undefined;
        return no ? { printedNo: no } : {};
      })(),
    },
  };
}

/**
 * Tables read as one form where a form of another family, sharing the title, fitted the header as
 * well (no family preferred): recognizeWorkbook reads only these again, with the workbook's family.
 */
const TIED = new WeakSet<RecognizedTable>();

/** How well a recognised table fills its form: columns found, then fixed rows found. */
function fit(t: RecognizedTable): [number, number] {
  const keys = new Set<string>();
  for (const r of t.rows) if (r.kind === 'fixed' && r.key) keys.add(r.key);
  return [t.columns.size, keys.size];
}

/**
 * Forms that share a title (a province's variant of a standard table, declared in a pack; the
 * central 部门预算's 部门收支总表, also a title of the standard 表1): the one whose columns the header
 * fills best, then whose fixed rows are found most; on a tie the one of `preferFamily`, else the
 * first declared.
 */
function bestFit(
  view: SheetView,
  title: TitleMatch,
  templates: readonly TableTemplate[],
  preferFamily?: string,
): ReturnType<typeof recognizeAt> {
  const n = normalizeLabel(title.text);
  const rivals = templates.filter(
    (t) =>
      t !== title.template &&
      (title.core
        ? templateCores(t).includes(title.core)
        : titleVariants(t).some((v) => v.length === title.strength && n.includes(v))),
  );
  const first = recognizeAt(view, title, templates);
  if (rivals.length === 0) return first;
  let best = first;
  for (const t of rivals) {
    const res = recognizeAt(view, { ...title, template: t }, templates);
    if (!res.table) continue;
    if (!best.table) {
      best = res;
      continue;
    }
    const [a, b] = [fit(res.table), fit(best.table)];
    const tie = a[0] === b[0] && a[1] === b[1];
    const better =
      a[0] > b[0] ||
      (a[0] === b[0] && a[1] > b[1]) ||
      (tie && preferFamily !== undefined && t.family === preferFamily && best.table.template.family !== preferFamily);
    if (better) best = res;
    else if (tie && preferFamily === undefined && t.family !== best.table.template.family) TIED.add(best.table);
  }
  return best;
}

/** Without a title: the template whose header fits best, when one clearly does. */
function recognizeByHeader(
  view: SheetView,
  templates: readonly TableTemplate[],
  preferFamily?: string,
): SheetRecognition {
  const scores: { t: TableTemplate; score: number; start: number; missing: { zh: string; en: string }[] }[] = [];
  // Where the header may start does not depend on the template: found once, not once per template.
  // A line that reads like a title (it ends in 表) but names no known form is above the header too.
  const own = looseTitle(view, 0, 10);
  // Whether the sheet has a heading of its own in words of no known form: then its header is read
  // only to say which form is nearest, never to recognise it (a titled sheet is not guessed at).
  let titled = false;
  const start = (() => {
    let r = 0;
    while (r < view.rows && isMetaRow(view, r, -1)) r++;
    // …and so is a heading in other words: one text merged across the table's width.
    const banner = () => {
      const texts = view.rowTexts(r);
      const m = texts.length === 1 ? view.mergeAt(r, texts[0].c) : undefined;
      return !!m && m.c1 - m.c0 >= 2 && m.r1 === r && /[\u4e00-\u9fff]{4}/.test(texts[0].text);
    };
    if ((own && own.r === r) || banner()) {
      titled = true;
      r++;
      while (r < view.rows && isMetaRow(view, r, -1)) r++;
    }
    return r;
  })();
  for (const t of templates) {
    const bounds = headerBounds(view, t, start - 1);
    const map = mapColumns(view, t, bounds.start, Math.max(bounds.start, bounds.end), bounds.numberRow);
    const total = t.columns.filter((c) => !c.optional).length;
    const found = t.columns.filter((c) => !c.optional && map.columns.has(c.key)).length;
    const labelled = Math.min(map.labelMatches, total);
    // A header lacking some of the form's columns scores by the share it has (its optional columns
    // — 类, 款, 项 — found by label do not make up for a missing 项目支出).
    const score = map.missing.length ? (found / total) * 0.9 : (found + labelled) / (2 * total);
    scores.push({ t, score, start, missing: map.missing.map((m) => m.name) });
  }
  // An untitled sheet whose header fits a standard form (部门预算, 社会保险基金) and a regional or 决算
  // twin with the same columns (上海 表8 = 表6) is read as the standard one; a tie within one tier is
  // still refused. A regional form is recognised by its header alone only when no standard one fits.
  const tier = (t: TableTemplate) => (t.family === 'dept' || t.family === 'si' ? 0 : 1);
  scores.sort((a, b) => b.score - a.score || tier(a.t) - tier(b.t));
  const best = scores[0];
  // The sheet's own words for its title: a line ending in 表, else its name when that reads as a
  // title (`2025年部门支出预算总表` as the sheet's name, no title row). For the explanation only.
  const ownTitle = own
    ? { text: own.text, inName: false }
    : coreOf(view.sheet.name)
      ? { text: view.sheet.name, inName: true }
      : undefined;
  /** The form whose title the sheet's own title is closest to (at most two terms apart). */
  const byTitle = (among = scores) => {
    if (!ownTitle) return undefined;
    let found: { s: (typeof scores)[number]; d: number } | undefined;
    for (const s of among) {
      const diff = titleDifference(ownTitle.text, s.t);
      if (!diff) continue;
      const d = diff.missing.length + diff.extra.length;
      if (d <= 2 && (!found || d < found.d || (d === found.d && s.score > found.s.score))) found = { s, d };
    }
    return found?.s;
  };
  let nearest = best && best.score > 0.2 ? best : undefined;
  if (best && best.score >= 0.8 && !titled) {
    // Row evidence before a tie of headers: the one-fund 收支表's lines (本年收入小计 … 总计) tell it
    // from the 社会保险基金 收入表 and 支出表, whose header `项目 | 上年执行数 | 本年预算数` it shares.
    const byRows = byFixedRows(view, scores, best.score, templates);
    if (byRows) return { sheet: view.sheet.name, hidden: !!view.sheet.hidden, table: byRows };
    // No title row, the title only in the sheet's name: of the forms whose header fits as well as
    // the best, the one that name titles exactly (`某某部2024年一般公共预算支出表`: the central 表5, not
    // its twins 表8 and 表9); the workbook's family first when two families share the title.
    const sheetTitle = ownTitle?.inName ? normalizeLabel(ownTitle.text) : '';
    const spelled = (x: (typeof scores)[number]) =>
      Math.max(0, ...titleVariants(x.t).map((v) => (sheetTitle.includes(v) ? v.length : 0)));
    const longest = sheetTitle ? Math.max(0, ...scores.map((x) => (x.score === best.score ? spelled(x) : 0))) : 0;
    const named = longest
      ? scores.filter((x) => x.score === best.score && !x.missing.length && spelled(x) === longest)
      : [];
    if (named.length) {
      const pick = named.find((x) => x.t.family === preferFamily) ?? named[0];
      const res = recognizeAt(view, { template: pick.t, r: pick.start - 1, c: 0, text: '', strength: 0 }, templates);
      if (res.table) {
        if (!preferFamily && named.some((x) => x.t.family !== pick.t.family)) TIED.add(res.table);
        return { sheet: view.sheet.name, hidden: !!view.sheet.hidden, table: res.table };
      }
    }
    const tie = scores.find(
      (s) =>
        s !== best && s.score === best.score && tier(s.t) === tier(best.t) && !s.missing.length && !best.missing.length,
    );
    if (tie) {
      // Two forms fit the header alike: refused, naming the form the sheet's own title is closest
      // to when it has one.
      const t = byTitle();
      if (!t) {
        return {
          sheet: view.sheet.name,
          hidden: !!view.sheet.hidden,
          table: null,
          reason: message('recognize.ambiguous', { a: best.t.title, b: tie.t.title }),
        };
      }
      nearest = t;
    } else {
      const fake: TitleMatch = { template: best.t, r: best.start - 1, c: 0, text: '', strength: 0 };
      const res = recognizeAt(view, fake, templates);
      if (res.table) return { sheet: view.sheet.name, hidden: !!view.sheet.hidden, table: res.table };
    }
  } else if (ownTitle) {
    // A title in words of no known form: of the forms the header fits best, the one whose title
    // terms it is closest to; any form so named when the header points nowhere clearly.
    const top = nearest ? scores.filter((x) => x.score >= nearest!.score - 0.05) : [];
    nearest = byTitle(top) ?? (!nearest || nearest.score < 0.5 ? byTitle() : undefined) ?? nearest;
  }
  return {
    sheet: view.sheet.name,
    hidden: !!view.sheet.hidden,
    table: null,
    reason: nearest ? nearestReason(nearest, ownTitle) : message('recognize.noTitle'),
    // What the sheet "looks like" (P3 makes it an error when that table is missing from the package):
    // the nearest form, unless the sheet's own title is more than one key term away from it (a
    // 政府采购预算表 whose columns happen to fit by their numbers is not a 支出预算总表).
    nearest:
      nearest && titleDistance(ownTitle?.text, nearest.t) <= 1
        ? { template: nearest.t.id, title: nearest.t.title, score: Math.round(nearest.score * 100) / 100 }
        : undefined,
  };
}

/**
 * An untitled sheet read by its lines: of the forms with fixed lines whose header fits (no column
 * missing, about as well as the best), the one of whose lines the sheet has the largest share, at
 * least half; the best-fitting header first on a tie.
 */
function byFixedRows(
  view: SheetView,
  scores: readonly { t: TableTemplate; score: number; start: number; missing: unknown[] }[],
  bestScore: number,
  templates: readonly TableTemplate[],
): RecognizedTable | undefined {
  let found: { table: RecognizedTable; share: number } | undefined;
  for (const s of scores) {
    if (s.score < Math.max(0.8, bestScore - 0.1) || s.missing.length) continue;
    const need = (s.t.fixedRows ?? []).filter((r) => !r.optional);
    if (need.length < 3) continue;
    const res = recognizeAt(view, { template: s.t, r: s.start - 1, c: 0, text: '', strength: 0 }, templates);
    if (!res.table) continue;
    const keys = new Set(res.table.rows.filter((r) => r.kind === 'fixed').map((r) => r.key));
    const share = need.filter((r) => keys.has(r.key)).length / need.length;
    if (share >= 0.5 && (!found || share > found.share)) found = { table: res.table, share };
  }
  return found?.table;
}

/** How many key terms a sheet's own title is away from a form's (0 without a title of its own). */
function titleDistance(own: string | undefined, t: TableTemplate): number {
  const d = own ? titleDifference(own, t) : undefined;
  return d ? d.missing.length + d.extra.length : 0;
}

/**
 * Why the nearest form did not fit: the sheet's own title against the form's (which key terms it
 * lacks or has in excess), the header's score and the columns it lacks (zh, en).
 */
function nearestReason(
  n: { t: TableTemplate; score: number; missing: { zh: string; en: string }[] },
  own?: { text: string; inName: boolean },
) {
  const p = { title: n.t.title, score: Math.round(n.score * 100) };
  const note = own
    ? (termsNote(own.text, n.t.title, titleDifference(own.text, n.t)) ??
      (own.inName ? message('recognize.titleInName', { own: own.text, title: n.t.title }) : undefined))
    : undefined;
  if (note) {
    const key = n.missing.length ? 'recognize.nearestTitled' : 'recognize.nearestTitledFits';
    return {
      zh: message(key, { ...p, titleNote: note.zh, columns: n.missing.map((m) => m.zh).join('、') }).zh,
      en: message(key, { ...p, titleNote: note.en, columns: n.missing.map((m) => m.en).join(', ') }).en,
    };
  }
  if (n.missing.length === 0) return message('recognize.nearest', p);
  const zh = message('recognize.nearestMissing', { ...p, columns: n.missing.map((m) => m.zh).join('、') }).zh;
  const en = message('recognize.nearestMissing', { ...p, columns: n.missing.map((m) => m.en).join(', ') }).en;
  return { zh, en };
}

/** Recognizes the tables on one sheet (usually one; stacked tables give several). */
export function recognizeSheet(sheet: SheetModel, options: RecognizeOptions = {}): SheetRecognition[] {
  const templates = options.templates ?? allTemplates();
  const view = new SheetView(sheet);
  const base = { sheet: sheet.name, hidden: !!sheet.hidden };
  let blank = true;
  for (let r = 0; blank && r < view.rows; r++) blank = view.isBlankRow(r);
  if (blank) return [{ ...base, table: null, reason: message('recognize.emptySheet') }];
  const out: SheetRecognition[] = [];
  let from = 0;
  while (from < view.rows) {
    const title = findTitle(view, templates, from, out.length === 0 ? from + 15 : view.rows);
    if (!title) break;
    const res = bestFit(view, title, templates, options.preferFamily);
    if (res.table) {
      out.push({ ...base, table: res.table });
      from = Math.max(res.table.endRow, title.r) + 1;
    } else {
      out.push({
        ...base,
        table: null,
        reason: message('recognize.missingColumns', {
          title: title.template.title,
          columns: (res.missing ?? []).join('、'),
        }),
        nearest: { template: title.template.id, title: title.template.title, score: 0 },
      });
      from = title.r + 1;
    }
  }
  if (out.length === 0) {
    return [recognizeByHeader(view, templates, options.preferFamily)];
  }
  return out;
}

export interface WorkbookRecognition {
  sheets: SheetRecognition[];
  tables: RecognizedTable[];
}

/** The family most of the recognised tables are in. */
function mainFamily(recognitions: Iterable<SheetRecognition[]>): string | undefined {
  const count = new Map<string, number>();
  for (const rs of recognitions)
    for (const r of rs) if (r.table) count.set(r.table.template.family, (count.get(r.table.template.family) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function recognizeWorkbook(model: WorkbookModel, options: RecognizeOptions = {}): WorkbookRecognition {
  const bindings = options.bindings ?? {};
  const bound = (name: string) => Object.prototype.hasOwnProperty.call(bindings, name) && bindings[name].trim() !== '';
  const bySheet = new Map<SheetModel, SheetRecognition[]>();
  for (const s of model.sheets) if (!bound(s.name)) bySheet.set(s, recognizeSheet(s, options));
  const family = mainFamily(bySheet.values());
  if (family && !options.preferFamily) {
    // A title two forms share, read alike by both (部门支出总表 of the central form and of the
    // standard one): the family of the workbook's other tables.
    for (const [s, rs] of bySheet)
      if (rs.some((r) => r.table && r.table.template.family !== family && TIED.has(r.table)))
        bySheet.set(s, recognizeSheet(s, { ...options, preferFamily: family }));
  }
  if (bySheet.size < model.sheets.length) {
    // `表N` means table N of the form the workbook's other tables are in.
    for (const s of model.sheets)
      if (bound(s.name)) bySheet.set(s, [recognizeBound(s, bindings[s.name], family, options)]);
  }
  const sheets = model.sheets.flatMap((s) => bySheet.get(s) ?? []);
  return { sheets, tables: sheets.map((s) => s.table).filter((t): t is RecognizedTable => t !== null) };
}

/**
 * A sheet read as the form the user bound it to: its title row (any form's, or a line ending in 表)
 * or, without one, the first row after the meta lines, then the header as that form's. What did not
 * fit (an unknown form, missing columns, a title naming other terms) goes into `binding`.
 */
export function recognizeBound(
  sheet: SheetModel,
  ref: string,
  family: string | undefined,
  options: RecognizeOptions = {},
): SheetRecognition {
  const templates = options.templates ?? allTemplates();
  const base = { sheet: sheet.name, hidden: !!sheet.hidden };
  const template = resolveBinding(ref, templates, family);
  if (!template) {
    const own = recognizeSheet(sheet, options);
    return { ...own[0], binding: { ref, unknown: true } };
  }
  const view = new SheetView(sheet);
  const own = findTitle(view, [template], 0, 15);
  let title: TitleMatch;
  let res: ReturnType<typeof recognizeAt>;
  if (own) {
    title = own;
    res = recognizeAt(view, title, templates);
  } else {
    const other = findTitle(view, templates, 0, 15) ?? looseTitle(view, 0, 10);
    title = other
      ? { template, r: other.r, c: other.c, text: other.text, strength: 0 }
      : { template, r: -1, c: 0, text: '', strength: 0 };
    res = recognizeAt(view, title, templates);
    // No title line found: the header starts below whatever line fits the form's columns best
    // (a heading in words the recognizer does not know, a note above the table).
    for (let r = 0; !other && !res.table && r < Math.min(view.rows, 8); r++) {
      const at: TitleMatch = { template, r, c: 0, text: '', strength: 0 };
      const next = recognizeAt(view, at, templates);
      if (next.table || (next.missing?.length ?? Infinity) < (res.missing?.length ?? Infinity)) {
        res = next;
        const texts = view.rowTexts(r);
        title = texts.length === 1 ? { ...at, c: texts[0].c, text: texts[0].text } : at;
      }
    }
  }
  const diff = !own && title.text ? titleDifference(title.text, template) : undefined;
  const titleTerms =
    diff && (diff.missing.length || diff.extra.length) ? { missing: diff.missing, extra: diff.extra } : undefined;
  const binding = { ref, template: template.id, ...(titleTerms ? { titleTerms, title: title.text } : {}) };
  if (res.table) return { ...base, table: res.table, binding };
  const columns = res.missing ?? [];
  return {
    ...base,
    table: null,
    reason: message('recognize.boundMissing', {
      ref,
      title: template.title,
      columns: columns.join('、'),
    }),
    nearest: { template: template.id, title: template.title, score: 0 },
    binding: { ...binding, missing: columns },
  };
}

/** A title-like line: one text on the row, ending in 表 once years and form codes are left out. */
function looseTitle(view: SheetView, from: number, to: number): { r: number; c: number; text: string } | undefined {
  for (let r = from; r < Math.min(to, view.rows); r++) {
    const texts = view.rowTexts(r);
    if (texts.length !== 1) continue;
    if (coreOf(texts[0].text)) return { r, c: texts[0].c, text: texts[0].text };
  }
  return undefined;
}

export { headerPaths };
