/**
 * The 审核报告 workbook: a summary sheet (one row per file) and a findings sheet. Every text that
 * could start a formula (=, +, -, @, tab, CR) is written as a string with a leading apostrophe, so
 * it never becomes a live formula, not even when a user re-enters the cell or converts it to CSV.
 */
import { Lang } from '../i18n/messages';
import { SEVERITY_EN, SEVERITY_ZH } from '../engine/types';
import { writeXlsx } from '../xlsx/write';
import { Cell, SheetModel } from '../workbook/model';
import { Report } from './report';

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

export async function reportWorkbook(report: Report, lang: Lang = 'zh'): Promise<Uint8Array> {
  const zh = lang === 'zh';
  const sev = zh ? SEVERITY_ZH : SEVERITY_EN;
  const summaryColumns: Column[] = [
    { header: zh ? '文件' : 'File', width: 40 },
    { header: zh ? '编制单位' : 'Unit', width: 24 },
    { header: zh ? '识别的表' : 'Tables found', width: 12 },
    { header: zh ? '错误' : 'Errors', width: 8 },
    { header: zh ? '警告' : 'Warnings', width: 8 },
    { header: zh ? '提示' : 'Notes', width: 8 },
    { header: zh ? '无法读取' : 'Unreadable', width: 40 },
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
    { header: zh ? '文件' : 'File', width: 30 },
    { header: zh ? '工作表' : 'Sheet', width: 12 },
    { header: zh ? '单元格' : 'Cell', width: 8 },
    { header: zh ? '级别' : 'Severity', width: 8 },
    { header: zh ? '规则' : 'Rule', width: 6 },
    { header: zh ? '说明' : 'Message', width: 60 },
    { header: zh ? '应为' : 'Expected', width: 14 },
    { header: zh ? '实为' : 'Actual', width: 14 },
    { header: zh ? '差额' : 'Difference', width: 12 },
    { header: zh ? '提示' : 'Hint', width: 36 },
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
        text(sev[x.severity]),
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
        reportSheet(zh ? '汇总' : 'Summary', summaryColumns, summaryRows, [0, 6]),
        reportSheet(zh ? '审核结果' : 'Findings', findingColumns, findingRows, [0, 5, 9]),
      ],
    },
    { creator: `${report.tool.name} ${report.tool.version}` },
  );
}
