/** The comparisons the SI rules share, all through the engine's `checkSum`. */
import { Decimal } from '../../amount/decimal';
import { checkSum, Operand } from '../../engine/compare';
import { Finding, Rule, RuleContextApi, Severity } from '../../engine/types';
import { BilingualText, Hint, messageTemplate } from '../../i18n/messages';
import { RecognizedTable, TableRow } from '../../recognize/types';
import { Candidate, equalsLineHint, hasValue, siRowLabel, siWhere } from './package';
import type { SiIdentity } from './identities';

/** A rule's sum message: the audit formulas' own identity sentence (`{where}：{actual} ≠ {items} = …`). */
export const SUM_MESSAGE = { message: messageTemplate('formula.identity'), messageId: 'formula.identity' };

/** A rule's copy message: the audit formulas' own cross-table sentence (`{where} {actual} ≠ {items}…`). */
export const COPY_MESSAGE = { message: messageTemplate('formula.cross'), messageId: 'formula.cross' };

/** A row's cell as an operand labelled with the row (code or name) or with `label`. */
export function siOperand(
  table: RecognizedTable,
  row: TableRow | undefined,
  key: string,
  label?: BilingualText,
  negate = false,
): Operand | undefined {
  const cell = row?.amounts.get(key);
  if (!row || !cell) return undefined;
  const l = label ?? shortLabel(row);
  return { table, cell, label: l.zh, labelEn: l.en, ...(negate ? { negate } : {}) };
}

/** A row's code, or its name without numbering: how an item is named inside a sum. */
export function shortLabel(row: TableRow): BilingualText {
  if (row.code) return { zh: row.code, en: row.code };
  return siRowLabel(row);
}

export interface SiSum {
  rule: Rule;
  table: RecognizedTable;
  row: TableRow;
  key: string;
  items: (Operand | undefined)[];
  copied?: boolean;
  /** Extra lines that may explain a difference (besides the items themselves). */
  candidates?: Candidate[];
  hint?: (difference: Decimal) => Hint | undefined;
  severity?: Severity;
  where?: () => BilingualText;
}

/** `row[key] = Σ items`, with a hint when the difference is exactly one item or one candidate line. */
export function siSum(ctx: RuleContextApi, s: SiSum): ReturnType<typeof checkSum> {
  const target = siOperand(s.table, s.row, s.key);
  const items = s.items.filter((o): o is Operand => o !== undefined);
  if (!target || items.length === 0) return 'skipped';
  const candidates: Candidate[] = [
    ...(s.candidates ?? []),
    ...(items.length > 1
      ? items
          .filter((o) => hasValue(o.cell))
          .map((o) => ({
            label: { zh: ` ${o.label ?? ''}`, en: ` ${o.labelEn ?? o.label ?? ''}` },
            value: o.cell.value!,
            decimals: o.cell.decimals,
          }))
      : []),
  ];
  const lineHint = equalsLineHint(candidates);
  return checkSum(ctx, {
    rule: s.rule,
    target,
    items,
    where: s.where ?? (() => siWhere(s.table, s.row, s.key)),
    copied: s.copied ?? false,
    hint: (d) => s.hint?.(d) ?? lineHint(d),
    severity: s.severity,
    minDecimals: 0,
  });
}

/** Checks one declared identity (src/rules/si/identities.ts). */
export function checkIdentity(ctx: RuleContextApi, rule: Rule, id: SiIdentity): ReturnType<typeof checkSum> {
  return siSum(ctx, {
    rule,
    table: id.table,
    row: id.row,
    key: id.key,
    items: id.items.map((i) => siOperand(i.table, i.row, i.key, i.label, i.negate)),
    copied: id.copied,
  });
}

/** A context whose findings get more related cells (a roll-forward names the cells it moved). */
export function withRelated(ctx: RuleContextApi, related: string[]): RuleContextApi {
  return {
    tables: ctx.tables,
    tolerance: ctx.tolerance,
    catalog: ctx.catalog,
    tablesOf: (t) => ctx.tablesOf(t),
    table: (t) => ctx.table(t),
    report: (f: Finding) =>
      ctx.report({ ...f, related: [...f.related, ...related.filter((r) => !f.related.includes(r))] }),
  };
}
