/**
 * The 审核报告 workbook: a summary sheet (one row per file) and a findings sheet. Every text that
 * could start a formula (=, +, -, @, tab, CR) is written as a string with a leading apostrophe, so
 * it never becomes a live formula, not even when a user re-enters the cell or converts it to CSV.
 */
import { Lang } from '../i18n/messages';
import { writeXlsx } from '../xlsx/write';
import { Cell, SheetModel } from '../workbook/model';
import { Report } from './report';
import { FINDING_COLUMNS, severityWord, word } from './words';

/** The report's font (the forms' 宋体). */
export const REPORT_FONT = { name: '宋体', size: 11 };

/**
 * The number format for one of our exact decimal strings, or undefined when it is not a plain
 * decimal Excel can hold (more than 15 digits): thousands separators and at least two decimals,
 * more when the figure has them (a rate `0.1234` keeps its four).
 */
export function amountFormat(v: string): string | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(v) || v.replace(/[-.]/g, '').length > 15) return undefined;
  const decimals = Math.max(2, v.split('.')[1]?.length ?? 0);
  return `#,##0.${'0'.repeat(decimals)}`;
}

/** Neutralises formula injection: a text starting with = + - @ (or a control) gets a leading '. */
export function safeText(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** A text for a cell of the report: no formula (the writer escapes what XML forbids). */
function cellText(v: string): string {
  return safeText(v);
}

/** Our own exact decimal strings go in as numbers (15 digits are plenty for amounts); anything else as safe text. */
function numberOrText(v: string | undefined): number | string {
  if (v === undefined) return '';
  return amountFormat(v) ? Number(v) : cellText(v);
}

interface Column {
  header: string;
  width: number;
}

/** A report sheet: headings, rows, and the printable look (宋体, borders, wrap, filter, landscape A4). */
function reportSheet(name: string, columns: Column[], rows: Cell[][], wrap: number[]): SheetModel {
  const last = rows.length; // the heading row is row 0
  const width = columns.length;
  return {
    name,
    rows: [columns.map((c) => ({ v: c.header })), ...rows],
    merges: [],
    format: {
      widths: columns.map((c) => c.width),
      font: REPORT_FONT,
      header: { r0: 0, r1: 0 },
      table: { r0: 0, c0: 0, r1: last, c1: width - 1 },
      wrap,
      autoFilter: { r0: 0, c0: 0, r1: last, c1: width - 1 },
      freezeRows: 1,
      print: { orientation: 'landscape', fitToWidth: true },
    },
  };
}

const text = (v: string): Cell => ({ v });

/** The widths of the findings sheet's columns after the file's: as FINDING_COLUMNS. */
const FINDING_WIDTHS = [12, 8, 8, 6, 60, 14, 14, 12, 36];

export async function reportWorkbook(report: Report, lang: Lang = 'zh'): Promise<Uint8Array> {
  const zh = lang === 'zh';
  const column = (key: string, width: number): Column => ({ header: word(key, lang), width });
  const summaryColumns: Column[] = [
    column('report.file', 40),
    column('report.organisation', 24),
    column('report.tablesFound', 12),
    column('ui.severity.error', 8),
    column('ui.severity.warning', 8),
    column('ui.severity.info', 8),
    column('report.unreadable', 40),
  ];
  const summaryRows: Cell[][] = report.files.map((f) => [
    text(cellText(f.file)),
    text(f.organisation ? cellText(f.organisation) : ''),
    { v: f.sheets.filter((s) => s.template).length },
    { v: f.summary.errors },
    { v: f.summary.warnings },
    { v: f.summary.infos },
    text(f.error ? cellText(zh ? f.error : (f.errorEn ?? f.error)) : ''),
  ]);
  const findingColumns: Column[] = [
    column('report.file', 30),
    ...FINDING_COLUMNS.map((k, i) => column(k, FINDING_WIDTHS[i])),
  ];
  const findingRows: Cell[][] = [];
  for (const f of report.files) {
    for (const x of f.findings) {
      // Expected, actual, difference: numbers with thousands separators and their decimals.
      const amount = (v: string | undefined): Cell => {
        const z = v === undefined ? undefined : amountFormat(v);
        return z ? { v: numberOrText(v), z } : { v: numberOrText(v) };
      };
      findingRows.push([
        text(cellText(f.file)),
        text(cellText(x.sheet)),
        text(cellText(x.cell)),
        text(severityWord(x.severity, lang)),
        text(cellText(x.rule)),
        text(cellText(zh ? x.message : x.messageEn)),
        amount(x.expected),
        amount(x.actual),
        amount(x.difference),
        text(x.hint ? cellText(zh ? x.hint : (x.hintEn ?? x.hint)) : ''),
      ]);
    }
  }
  // Printable: 宋体, borders, wrapped message and hint, a filter on the headings, landscape A4
  // fitted to the width with the headings repeated on every page.
  return writeXlsx(
    {
      sheets: [
        reportSheet(word('report.summarySheet', lang), summaryColumns, summaryRows, [0, 6]),
        reportSheet(word('report.findingsSheet', lang), findingColumns, findingRows, [0, 5, 9]),
      ],
    },
    { creator: `${report.tool.name} ${report.tool.version}` },
  );
}
