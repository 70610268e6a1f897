/**
 * The 审核报告 as a sheet of the workbook (the task pane inserts it; the browser page too): one
 * row per finding with a link-like address, severity, rule, message, expected, actual, difference.
 * Texts are written as values, never as formulas.
 */
import { Finding } from '../engine/types';
import { Summary } from '../engine/validate';
import { Lang } from '../i18n/messages';
import { Cell, SheetModel } from '../workbook/model';
import { amountFormat, REPORT_FONT, safeText } from './xlsx';
import { counts, FINDING_COLUMNS, severityWord, word } from './words';

export const REPORT_SHEET = '审核报告';

export function reportSheet(
  findings: readonly Finding[],
  summary: Summary,
  lang: Lang = 'zh',
  title?: string,
): SheetModel {
  const zh = lang === 'zh';
  const text = (v: string): Cell => ({ v: safeText(v) });
  const num = (v: string | undefined): Cell | undefined => {
    if (v === undefined) return undefined;
    const z = amountFormat(v);
    return z ? { v: Number(v), z } : text(v);
  };
  const header = FINDING_COLUMNS.map((k) => word(k, lang));
  const heading = title ?? word('report.title', lang);
  const count = counts(summary.errors, summary.warnings, summary.infos, lang);
  const rows: (Cell | undefined)[][] = [[text(heading)], [text(count)], header.map(text)];
  for (const f of findings) {
    rows.push([
      text(f.sheet),
      text(f.cell),
      text(severityWord(f.severity, lang)),
      text(f.rule),
      text(zh ? f.message : f.messageEn),
      num(f.expected),
      num(f.actual),
      num(f.difference),
      f.hint ? text(zh ? f.hint : (f.hintEn ?? f.hint)) : undefined,
    ]);
  }
  const last = rows.length - 1;
  return {
    name: REPORT_SHEET,
    rows,
    merges: [{ r0: 0, c0: 0, r1: 0, c1: 8 }],
    // Printable: 宋体, borders, the message and hint wrapped, a filter on the headings, landscape A4
    // fitted to the width with the headings repeated on every page.
    format: {
      widths: REPORT_COLUMN_WIDTHS,
      font: REPORT_FONT,
      title: { row: 0, size: 16 },
      header: { r0: 2, r1: 2 },
      table: { r0: 2, c0: 0, r1: last, c1: 8 },
      wrap: [4, 8],
      autoFilter: { r0: 2, c0: 0, r1: last, c1: 8 },
      freezeRows: 3,
      print: { orientation: 'landscape', fitToWidth: true },
    },
  };
}

export const REPORT_COLUMN_WIDTHS = [10, 8, 8, 6, 60, 14, 14, 14, 36];
