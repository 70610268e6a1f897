/**
 * Inferred checks G1–G6 on sheets no declared form recognised (and on the columns a declared form
 * does not map), and G0, the note that says which
 * identities were inferred. Each identity is evaluated through the engine's `checkSum` (the same
 * interval rule, rounding warnings and hints as the declared rules) into a buffer first; its
 * confidence then decides what is reported:
 *
 * - it holds (exactly or within rounding) wherever it applies: nothing but its rounding 警告;
 * - it holds in at least one place and fails in at most as many, or every failure shares one cell
 *   (one wrong figure breaks several instances): the failures are 错误 candidates, reported as 错误;
 * - it applies in one place only and fails there: a structure guessed from one row, so 提示;
 * - it fails in more places than it holds: a wrong inference, dropped (no finding), and for a
 *   G1 total the item sets without one of its items are tried instead (总计 = 合计 + 年末结余 when
 *   a 本年收支结余 row stands between them);
 * - G4 (code hierarchy) is one structure per panel: its parent codes share one confidence.
 */
import { checkSum } from '../engine/compare';
import { Finding, Rule, RuleContextApi } from '../engine/types';
import { findingMessage, hintFields, hintMessage, message, messageTemplate } from '../i18n/messages';
import { RecognizedTable } from '../recognize/types';
import { a1, CellValue, SheetModel, sheetRef, WorkbookModel } from '../workbook/model';
import { parseAmount } from '../amount/parse';
import { Identity, inferIdentities, Instance, InferredRule } from './structure';
import { findTables, InferredColumn, InferredPanel, InferredTable } from './table';
import { inferRatio } from './ratio';

function makeRule(id: InferredRule, zh: string, en: string): Rule {
  return {
    id,
    scope: 'table',
    severity: 'error',
    family: 'any',
    title: { zh, en },
    message: messageTemplate('infer.sum'),
    messageId: 'infer.sum',
    messageMany: messageTemplate('infer.sumMany'),
    messageManyId: 'infer.sumMany',
    run: () => undefined,
  };
}

const RULES: Record<InferredRule, Rule> = {
  G1: makeRule('G1', '推断：合计行 = 所合计的行', 'Inferred: a total row = the rows it closes'),
  G2: makeRule('G2', '推断：合计列 = 同组各列', 'Inferred: a total column = its sibling columns'),
  G3: makeRule('G3', '推断：其中项 ≤ 所属项', 'Inferred: an of-which item ≤ its parent'),
  G4: makeRule('G4', '推断：科目编码层级', 'Inferred: code hierarchy'),
  G5: makeRule('G5', '推断：百分比列 = 一列 ÷ 另一列', 'Inferred: a percent column = one column over another'),
  G6: makeRule('G6', '推断：期初 + 收入 − 支出 = 期末', 'Inferred: opening + income − expenditure = closing'),
};

type Status = 'equal' | 'rounding' | 'mismatch' | 'skipped';

interface Evaluated {
  statuses: Status[];
  findings: (Finding | undefined)[];
}

/** A context that keeps what checkSum reports instead of reporting it. */
function bufferOf(ctx: RuleContextApi): { api: RuleContextApi; take(): Finding | undefined } {
  let last: Finding | undefined;
  const api: RuleContextApi = {
    tables: ctx.tables,
    tolerance: ctx.tolerance,
    catalog: ctx.catalog,
    tablesOf: (t) => ctx.tablesOf(t),
    table: (t) => ctx.table(t),
    report: (f) => {
      last = f;
    },
  };
  return {
    api,
    take() {
      const f = last;
      last = undefined;
      return f;
    },
  };
}

/** The minimal table checkSum needs to place and scale a cell (unit and sheet). */
function tableFor(t: InferredTable): RecognizedTable {
  return { sheet: t.sheet, unit: t.unit } as unknown as RecognizedTable;
}

function evaluate(ctx: RuleContextApi, t: InferredTable, id: Identity, instances: Instance[]): Evaluated {
  const table = tableFor(t);
  const buf = bufferOf(ctx);
  const statuses: Status[] = [];
  const findings: (Finding | undefined)[] = [];
  for (const inst of instances) {
    if (id.rule === 'G3') {
      const [status, finding] = checkOfWhich(t, inst);
      statuses.push(status);
      findings.push(finding);
      continue;
    }
    const status = checkSum(buf.api, {
      rule: RULES[id.rule],
      target: { table, cell: inst.target.cell, label: inst.target.label },
      items: inst.items.map((i) => ({ table, cell: i.cell, label: i.label, ...(i.negate ? { negate: true } : {}) })),
      where: { zh: `${t.sheet.name} ${inst.where}`, en: `${t.sheet.name} ${inst.where}` },
      copied: false,
    });
    statuses.push(status);
    findings.push(buf.take());
  }
  return { statuses, findings };
}

/** G3: an of-which item above its parent (rounding cannot do that: rounding is monotone). */
function checkOfWhich(t: InferredTable, inst: Instance): [Status, Finding | undefined] {
  const parent = inst.target.cell;
  const child = inst.items[0].cell;
  if (parent.invalid || child.invalid || parent.uncalculated || child.uncalculated) return ['skipped', undefined];
  if (child.value === null) return ['skipped', undefined];
  const p = parent.value ?? null;
  const c = child.value;
  if (p !== null && c.lte(p)) return ['equal', undefined];
  if (p === null && c.isZero()) return ['equal', undefined];
  const params = {
    where: `${t.sheet.name} ${inst.where}`,
    actual: c.toFixed(),
    target: inst.target.label,
    expected: p === null ? '（空）' : p.toFixed(),
  };
  return [
    'mismatch',
    {
      rule: 'G3',
      severity: 'error',
      sheet: t.sheet.name,
      cell: a1(child.r, child.c),
      related: [`${t.sheet.name}!${a1(parent.r, parent.c)}`],
      expected: (p ?? c.minus(c)).toFixed(),
      actual: c.toFixed(),
      ...findingMessage('G3.exceeds', params),
    },
  ];
}

const cellKey = (c: { r: number; c: number }) => `${c.r},${c.c}`;

/** Whether one cell is common to every failing instance (one wrong figure explains them all). */
function sharedCell(instances: Instance[], statuses: Status[]): boolean {
  let common: Set<string> | undefined;
  instances.forEach((inst, k) => {
    if (statuses[k] !== 'mismatch') return;
    const keys = new Set([inst.target.cell, ...inst.items.map((i) => i.cell)].map(cellKey));
    common = common ? new Set([...common].filter((x) => keys.has(x))) : keys;
  });
  return common !== undefined && (common as Set<string>).size > 0;
}

type Verdict = 'holds' | 'error' | 'info' | 'dropped';

function verdictOf(statuses: Status[], instances: Instance[]): Verdict {
  const fails = statuses.filter((s) => s === 'mismatch').length;
  const holds = statuses.filter((s) => s === 'equal' || s === 'rounding').length;
  if (fails === 0) return 'holds';
  if (holds === 0) return fails === 1 ? 'info' : 'dropped';
  if (fails <= holds || sharedCell(instances, statuses)) return 'error';
  return 'dropped';
}

export interface TableInference {
  table: InferredTable;
  /** Identities used, with their verdict on the data. */
  identities: { identity: Identity; verdict: Verdict }[];
  findings: Finding[];
  /** The identity each finding came from. */
  sources: Map<Finding, Identity>;
  /** Set when the table is a declared form's (its title) and only the columns it does not map were inferred. */
  declared?: string;
}

/** Infers and evaluates one sheet's table. */
export function inferSheet(ctx: RuleContextApi, t: InferredTable): TableInference {
  const identities = inferIdentities(t);
  const used: TableInference['identities'] = [];
  const findings: Finding[] = [];
  const failing: { inst: Instance; finding: Finding }[] = [];
  const sources = new Map<Finding, Identity>();
  const keep = (identity: Identity, ev: Evaluated, verdict: Verdict) => {
    used.push({ identity, verdict });
    if (verdict === 'dropped') return;
    ev.findings.forEach((f, k) => {
      if (!f) return;
      sources.set(f, identity);
      if (ev.statuses[k] === 'mismatch') {
        f.severity = verdict === 'info' ? 'info' : 'error';
        if (identity.rule !== 'G3') failing.push({ inst: identity.instances[k], finding: f });
      }
      findings.push(f);
    });
  };
  // G4 shares one confidence over the panel's parent codes.
  const g4 = new Map<number, { identity: Identity; ev: Evaluated }[]>();
  for (const identity of identities) {
    const ev = evaluate(ctx, t, identity, identity.instances);
    if (identity.rule === 'G4') {
      const list = g4.get(identity.panel) ?? [];
      list.push({ identity, ev });
      g4.set(identity.panel, list);
      continue;
    }
    const verdict = verdictOf(ev.statuses, identity.instances);
    if (verdict === 'dropped' && identity.alternatives) {
      // a wrong item set: the one without one of its items that holds everywhere it applies
      const alt = identity.alternatives
        .map((instances, i) => ({ instances, i, ev: evaluate(ctx, t, identity, instances) }))
        .find(
          (a) =>
            a.ev.statuses.some((s) => s === 'equal' || s === 'rounding') &&
            a.ev.statuses.every((s) => s !== 'mismatch'),
        );
      if (alt) {
        used.push({ identity, verdict: 'dropped' });
        const fixed: Identity = { ...identity, instances: alt.instances, text: altText(identity, alt.i) };
        keep(fixed, alt.ev, 'holds');
        continue;
      }
    }
    keep(identity, ev, verdict);
  }
  for (const list of g4.values()) {
    const statuses = list.flatMap((x) => x.ev.statuses);
    const instances = list.flatMap((x) => x.identity.instances);
    const verdict = verdictOf(statuses, instances);
    for (const { identity, ev } of list) keep(identity, ev, verdict);
  }
  // G5: each percent column, the two columns it divides found on the data.
  t.panels.forEach((panel, k) => {
    for (const col of panel.ratioColumns) {
      const res = inferRatio(ctx, t, panel, col, RULES.G5);
      if (!res) continue;
      const identity: Identity = {
        rule: 'G5',
        panel: k,
        text: res.text,
        instances: res.instances,
        ratio: res.identity,
      };
      keep(identity, { statuses: res.statuses, findings: res.findings }, verdictOf(res.statuses, res.instances));
    }
  });
  locate(t, failing, findings);
  return { table: t, identities: used, findings, sources };
}

/**
 * One wrong figure breaks every identity it is in: a row total and a column total, a code and its
 * parent. When the failing identities of a table share one cell that is an item of several of
 * them, that cell is the likely culprit: each such finding is moved to it (the stated total stays
 * in `related`) with a hint saying why.
 */
function locate(t: InferredTable, failing: { inst: Instance; finding: Finding }[], findings: Finding[]): void {
  const count = new Map<string, number>();
  for (const { inst } of failing) {
    for (const c of new Set([inst.target.cell, ...inst.items.map((i) => i.cell)].map(cellKey)))
      count.set(c, (count.get(c) ?? 0) + 1);
  }
  const kept = new Set(findings);
  for (const { inst, finding } of failing) {
    if (!kept.has(finding)) continue;
    const target = count.get(cellKey(inst.target.cell)) ?? 0;
    const best = inst.items
      .map((i) => ({ i, n: count.get(cellKey(i.cell)) ?? 0 }))
      .filter((x) => x.n >= 2 && x.n > target)
      .sort((a, b) => b.n - a.n);
    if (best.length === 0 || (best.length > 1 && best[1].n === best[0].n)) continue;
    const suspect = best[0].i;
    const at = a1(suspect.cell.r, suspect.cell.c);
    finding.related = [`${sheetRefOf(t, inst.target.cell)}`, ...finding.related.filter((r) => !r.endsWith(`!${at}`))];
    finding.cell = at;
    const h = hintMessage('G.suspect', { cell: at, label: suspect.label, n: String(best[0].n) });
    if (finding.hint) {
      // Two hints in one: no longer one catalogue message.
      finding.hint = `${h.zh}；${finding.hint}`;
      finding.hintEn = finding.hintEn ? `${h.en}; ${finding.hintEn}` : h.en;
      delete finding.hintId;
      delete finding.hintParams;
    } else Object.assign(finding, hintFields(h));
  }
}

function sheetRefOf(t: InferredTable, c: { r: number; c: number }): string {
  return sheetRef(t.sheet.name, c.r, c.c);
}

function altText(identity: Identity, without: number): string {
  const labels = identity.instances[0]?.items.map((i) => i.label) ?? [];
  const target = identity.instances[0]?.target.label ?? '';
  const kept = labels.filter((_l, i) => i !== without);
  return `${target} = ${kept.length <= 4 ? kept.join(' + ') : `${kept[0]} + … + ${kept[kept.length - 1]}（${kept.length} 项）`}`;
}

const inferred = new WeakMap<RuleContextApi, TableInference[]>();

/** The sheets to infer on: those no declared form recognised, with a table found (once per validation). */
export function inferWorkbook(ctx: RuleContextApi): TableInference[] {
  let out = inferred.get(ctx);
  if (!out) inferred.set(ctx, (out = inferOnce(ctx)));
  return out;
}

function inferOnce(ctx: RuleContextApi): TableInference[] {
  const wb: WorkbookModel | undefined = ctx.workbook;
  if (!ctx.sheets || !wb) return [];
  const out: TableInference[] = [];
  const done = new Set(ctx.sheets.filter((s) => s.table).map((s) => s.sheet));
  for (const s of ctx.sheets) {
    if (done.has(s.sheet) || s.hidden) continue;
    done.add(s.sheet);
    const model = wb.sheets.find((m) => m.name === s.sheet);
    if (!model) continue;
    for (const t of findTables(model)) out.push(inferSheet(ctx, t));
  }
  // Declared first, inferred for the rest: the amount columns of a declared table its form does
  // not map (a province's extra columns) are read by no declared rule; what their labels imply
  // is inferred on them alone (a percent among them may divide any column of the table).
  for (const s of ctx.sheets) {
    const declared = s.table;
    if (!declared || s.hidden) continue;
    const model = wb.sheets.find((m) => m.name === s.sheet);
    if (!model) continue;
    const mapped = new Set(declared.columns.values());
    // Most declared sheets have no amount outside the form's columns: then no table part is left
    // to infer on, and the sheet's tables are not found at all (on a 100k-row package that saves
    // an amount cell per row and column, about 340 MB kept with the model).
    if (!mayHaveUnmappedAmounts(model, mapped)) continue;
    const [r0, r1] = declared.dataRows;
    for (const t of findTables(model)) {
      if (t.dataRows[1] < r0 || t.dataRows[0] > r1) continue;
      const part = uncovered(t, mapped);
      if (!part) continue;
      const inf = inferSheet(ctx, part);
      inf.declared = declared.template.title;
      out.push(inf);
    }
  }
  return out;
}

/**
 * A column beside a declared table is one of its columns only when it is headed in words (not a
 * bare number, year or mark) and holds at least two figures: a stray `0`, `2025` or `附件1` beside
 * the table is not a column (issue 16: stray cells never change what is checked).
 */
function realColumn(panel: InferredPanel, c: InferredColumn): boolean {
  const headed = c.path.some((p) => /[\u4e00-\u9fff]{2,}/.test(p) && !/^附件\s*\d+$/.test(p.trim()));
  if (!headed) return false;
  let filled = 0;
  for (const row of panel.rows) {
    const cell = row.cells.get(c.c);
    if (cell && cell.value !== null && ++filled >= 2) return true;
  }
  return false;
}

/**
 * Whether some column the declared form does not map holds two cells that could read as an amount
 * (a number, or a text parseAmount reads as one): `uncovered` keeps a column only when two of its
 * cells have a value (realColumn), so without such a column it finds nothing on the sheet.
 */
function mayHaveUnmappedAmounts(sheet: SheetModel, mapped: ReadonlySet<number>): boolean {
  // Only the columns the form does not map are looked at: those between its columns, and any
  // right of its last (a declared 100k-row sheet often has none: a few steps per row).
  let last = -1;
  for (const c of mapped) if (c > last) last = c;
  const gaps: number[] = [];
  for (let c = 0; c < last; c++) if (!mapped.has(c)) gaps.push(c);
  const seen = new Map<number, number>();
  const twice = (c: number, v: CellValue | undefined): boolean => {
    if (v === null || v === undefined) return false;
    if (typeof v !== 'number' && (typeof v !== 'string' || parseAmount(v).kind !== 'amount')) return false;
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    return n >= 2;
  };
  // some() skips a sparse sheet's missing rows and stops at the first column with two amounts
  return sheet.rows.some((row) => {
    if (!row) return false;
    for (let k = 0; k < gaps.length && gaps[k] < row.length; k++) if (twice(gaps[k], row[gaps[k]]?.v)) return true;
    for (let c = last + 1; c < row.length; c++) if (twice(c, row[c]?.v)) return true;
    return false;
  });
}

/** The part of a table in columns a declared form does not map, or undefined when there is none. */
function uncovered(t: InferredTable, mapped: ReadonlySet<number>): InferredTable | undefined {
  const panels = t.panels.map((p) => ({
    ...p,
    columns: p.columns.filter((c) => !mapped.has(c.c) && realColumn(p, c)),
    ratioColumns: p.ratioColumns.filter((c) => !mapped.has(c.c) && realColumn(p, c)),
    ratioCandidates: p.columns,
  }));
  if (panels.every((p) => p.columns.length === 0 && p.ratioColumns.length === 0)) return undefined;
  return { ...t, panels };
}

const SUMMARY_LIMIT = 12;

/** A code read otherwise than printed (208 above 2080109 read as 20801) is never a silent repair: a 提示 at its cell. */
function reportRepairedCodes(ctx: RuleContextApi, table: InferredTable): void {
  for (const panel of table.panels) {
    for (const row of panel.rows) {
      if (!row.printedCode || !row.code) continue;
      const c = panel.codeCols.length ? panel.codeCols[0] : panel.labelCol;
      const cell = a1(row.r, c);
      const params = { cell: sheetRef(table.sheet.name, row.r, c), printed: row.printedCode, code: row.code };
      ctx.report({
        rule: 'G4',
        severity: 'info',
        sheet: table.sheet.name,
        cell,
        related: [],
        ...findingMessage('G4.lostDigits', params),
      });
    }
  }
}

/** G0 + G1–G6 as one registered rule: runs inference once and reports under each id. */
const rule: Rule = {
  id: 'G0',
  scope: 'table',
  severity: 'info',
  family: 'any',
  title: { zh: '推断的勾稽关系（未声明表样的表）', en: 'Inferred identities (tables of no declared form)' },
  message: message('G0.inferred'),
  run(ctx) {
    for (const inf of inferWorkbook(ctx)) {
      for (const f of inf.findings) ctx.report(f);
      if (!inf.declared) reportRepairedCodes(ctx, inf.table);
      const used = inf.identities.filter((x) => x.verdict !== 'dropped');
      const dropped = inf.identities.filter((x) => x.verdict === 'dropped');
      if (used.length === 0 && dropped.length === 0) continue;
      const list = (xs: typeof used) => {
        const texts = xs.map((x) => `${x.identity.rule} ${x.identity.text}`);
        return texts.length > SUMMARY_LIMIT
          ? `${texts.slice(0, SUMMARY_LIMIT).join('；')}；…（共 ${texts.length} 个）`
          : texts.join('；');
      };
      if (inf.declared && used.length === 0) continue;
      const listed = used.length ? list(used) : '—';
      // The identities not used follow the list, in each language.
      const d = dropped.length ? message('G0.dropped', { list: list(dropped) }) : undefined;
      const p = {
        sheet: inf.table.sheet.name,
        n: String(used.length),
        list: d ? { zh: listed + d.zh, en: listed + d.en } : listed,
        form: inf.declared ?? '',
      };
      const hint = hintMessage(inf.declared ? 'G0.hintUncovered' : 'G0.hint');
      const at = inf.table.title ?? { r: inf.table.dataRows[0], c: 0 };
      ctx.report({
        rule: 'G0',
        severity: 'info',
        sheet: inf.table.sheet.name,
        cell: a1(at.r, at.c),
        related: [],
        ...findingMessage(inf.declared ? 'G0.uncovered' : 'G0.inferred', p),
        ...hintFields(hint),
      });
    }
  },
};

/** The registered rules: G0 runs the inference; G1–G6 carry their titles for reports and settings. */
export const INFER_RULES: Rule[] = [rule, RULES.G1, RULES.G2, RULES.G3, RULES.G4, RULES.G5, RULES.G6];
export default rule;
