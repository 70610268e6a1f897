/**
 * Codes and names against the classification catalogue: a name that does not match its code's
 * catalogue name (警告); a code the catalogue does not know (提示, or 警告 with a user-loaded official
 * list); a code whose 款 was lost and recovered from the name (警告); a 项 without its 款 or 类 row,
 * or a 款 without its 类 (错误).
 */
import { codedRowIndex, codeHasOtherRows, rowsOfCodeAt, rowsWithCode } from '../../engine/access';
import { tableName } from '../../engine/compare';
import { Rule, Severity } from '../../engine/types';
import { findingMessage } from '../../i18n/messages';
import { writtenCode } from '../../recognize/rows';
import { RecognizedTable, TableRow } from '../../recognize/types';
import { a1 } from '../../workbook/model';

function cellOf(row: TableRow, key: string): string {
  // A wrong name points at the name; a code problem at the code.
  const col = key === 'K.nameMismatch' ? (row.nameCol ?? row.codeCol) : (row.codeCol ?? row.nameCol);
  return a1(row.r, col ?? 0);
}

function checkTable(
  t: RecognizedTable,
  report: (severity: Severity, key: string, row: TableRow, params: Record<string, string>) => void,
  ctxCatalog: import('../../catalog/catalog').Catalog,
) {
  const kind = t.template.codeKind ?? 'function';
  const panel = t.template.layout === 'two-panel' ? 'expense' : undefined;
  const index = codedRowIndex(t, panel);
  const rows = index.coded;
  // Unknown codes: the first few rows (listed) and how many (a partial catalogue knows few of a 100k-row table's codes).
  const unknown: TableRow[] = [];
  let unknownCount = 0;
  // Whether the 类 (3) and 款 (5) of a code have rows: rows come in code order, so the answer for
  // the last prefix is kept and a code that starts with it needs no slice or lookup.
  const has3 = { prefix: '', has: false };
  const has5 = { prefix: '', has: false };
  const hasPrefix = (code: string, memo: { prefix: string; has: boolean }, len: number): boolean => {
    if (memo.prefix.length !== len || !code.startsWith(memo.prefix)) {
      memo.prefix = code.slice(0, len);
      memo.has = hasCode(t, memo.prefix, len);
    }
    return memo.has;
  };
  // No Set, map or text key per row (tables can have 100k rows): the table's code index (built
  // once, rows in order) answers "seen before", "first code row" and "has the parent" directly.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const code = row.code!;
    let seen = false;
    if (codeHasOtherRows(index, i)) {
      let prev: TableRow | undefined;
      for (const other of rowsOfCodeAt(index, i)) {
        if (other === row) break;
        if (!prev && other.kind === 'code') prev = other;
        if (other.name === row.name) seen = true;
      }
      if (row.kind === 'code' && prev)
        report('warning', 'K.duplicate', row, { code, name: row.name, other: String(prev.r + 1) });
    }
    if (seen) continue;
    if (row.repairedFrom) {
      report('warning', 'K.repaired', row, { code, written: writtenCode(t, row) || row.repairedFrom, name: row.name });
    } else if (row.name) {
      const entry = ctxCatalog.lookup(kind, code);
      if (!entry) {
        if (unknownCount++ <= MAX_UNKNOWN_LISTED) unknown.push(row);
      } else if (!ctxCatalog.nameMatches(entry, row.name)) {
        report('warning', 'K.nameMismatch', row, { code, name: row.name, expected: entry.name });
      }
    }
    if (!panel) {
      // The 类, then the 款 (no array literal per row).
      const len =
        code.length > 3 && !hasPrefix(code, has3, 3) ? 3 : code.length > 5 && !hasPrefix(code, has5, 5) ? 5 : 0;
      if (len) report('error', 'K.orphan', row, { code, name: row.name, parent: code.slice(0, len) });
    }
  }
  // Unknown codes: one finding each, or one for the table when there are many (a partial catalogue).
  const severity = ctxCatalog.official ? 'warning' : 'info';
  if (unknownCount <= MAX_UNKNOWN_LISTED) {
    for (const row of unknown) report(severity, 'K.unknown', row, { code: row.code!, name: row.name });
  } else {
    const codesText =
      unknown
        .slice(0, MAX_UNKNOWN_LISTED)
        .map((r) => r.code)
        .join('、') + '……';
    report(severity, 'K.unknownMany', unknown[0], { count: String(unknownCount), codes: codesText });
  }
}

const MAX_UNKNOWN_LISTED = 20;

/** Whether the table has a row coded with the first `len` characters of `code`. */
function hasCode(t: RecognizedTable, code: string, len: number): boolean {
  return rowsWithCode(t, code.slice(0, len)).length > 0;
}

const rule: Rule = {
  id: 'K1',
  scope: 'table',
  severity: 'warning',
  family: 'dept',
  title: { zh: '科目编码与名称', en: 'Codes and names' },
  message: { zh: '{table} 科目 {code}', en: '{table} code {code}' },
  run(ctx) {
    const source = ctx.catalog.official
      ? { zh: '所载入的官方科目表', en: 'loaded official list' }
      : {
          zh: '内置科目表（不完整，可用 --catalog 载入当年官方科目表）',
          en: 'bundled (partial) list; load the official one with --catalog',
        };
    for (const t of ctx.tables) {
      if (t.template.family !== 'dept' || (!t.template.codeKind && t.template.layout !== 'two-panel')) continue;
      const tn = tableName(t);
      checkTable(
        t,
        (severity, key, row, params) => {
          ctx.report({
            rule: rule.id,
            severity,
            sheet: t.sheet.name,
            cell: cellOf(row, key),
            related: [],
            ...findingMessage(key, { ...params, table: tn, source }),
          });
        },
        ctx.catalog,
      );
    }
  },
};

export default rule;
