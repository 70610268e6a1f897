/**
 * The 审核报告 workbook: a summary sheet (one row per file) and a findings sheet. Every text that
 * could start a formula (=, +, -, @, tab, CR) is written as a string with a leading apostrophe, so
 * it never becomes a live formula, not even when a user re-enters the cell or converts it to CSV.
 */
import ExcelJS from 'exceljs';
import { Lang } from '../i18n/messages';
import { SEVERITY_EN, SEVERITY_ZH } from '../engine/types';
import { applyFormat } from '../xlsx/write';
import { ooxmlText } from '../xlsx/xml-text';
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

/** A text for a cell of the report: no formula, nothing XML forbids. */
function cellText(v: string): string {
  return ooxmlText(safeText(v));
}

/** Our own exact decimal strings go in as numbers (15 digits are plenty for amounts); anything else as safe text. */
function numberOrText(v: string | undefined): number | string {
  if (v === undefined) return '';
  return amountFormat(v) ? Number(v) : cellText(v);
}

export async function reportWorkbook(report: Report, lang: Lang = 'zh'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `${report.tool.name} ${report.tool.version}`;
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const zh = lang === 'zh';
  const sev = zh ? SEVERITY_ZH : SEVERITY_EN;
  const summary = wb.addWorksheet(zh ? '汇总' : 'Summary');
  summary.columns = [
    { header: zh ? '文件' : 'File', key: 'file', width: 40 },
    { header: zh ? '编制单位' : 'Unit', key: 'unit', width: 24 },
    { header: zh ? '识别的表' : 'Tables found', key: 'tables', width: 12 },
    { header: zh ? '错误' : 'Errors', key: 'errors', width: 8 },
    { header: zh ? '警告' : 'Warnings', key: 'warnings', width: 8 },
    { header: zh ? '提示' : 'Notes', key: 'infos', width: 8 },
    { header: zh ? '无法读取' : 'Unreadable', key: 'error', width: 40 },
  ];
  for (const f of report.files) {
    summary.addRow({
      file: cellText(f.file),
      unit: f.organisation ? cellText(f.organisation) : '',
      tables: f.sheets.filter((s) => s.template).length,
      errors: f.summary.errors,
      warnings: f.summary.warnings,
      infos: f.summary.infos,
      error: f.error ? cellText(zh ? f.error : (f.errorEn ?? f.error)) : '',
    });
  }
  const findings = wb.addWorksheet(zh ? '审核结果' : 'Findings');
  findings.columns = [
    { header: zh ? '文件' : 'File', key: 'file', width: 30 },
    { header: zh ? '工作表' : 'Sheet', key: 'sheet', width: 12 },
    { header: zh ? '单元格' : 'Cell', key: 'cell', width: 8 },
    { header: zh ? '级别' : 'Severity', key: 'severity', width: 8 },
    { header: zh ? '规则' : 'Rule', key: 'rule', width: 6 },
    { header: zh ? '说明' : 'Message', key: 'message', width: 60 },
    { header: zh ? '应为' : 'Expected', key: 'expected', width: 14 },
    { header: zh ? '实为' : 'Actual', key: 'actual', width: 14 },
    { header: zh ? '差额' : 'Difference', key: 'difference', width: 12 },
    { header: zh ? '提示' : 'Hint', key: 'hint', width: 36 },
  ];
  for (const f of report.files) {
    for (const x of f.findings) {
      const row = findings.addRow({
        file: cellText(f.file),
        sheet: cellText(x.sheet),
        cell: cellText(x.cell),
        severity: sev[x.severity],
        rule: cellText(x.rule),
        message: cellText(zh ? x.message : x.messageEn),
        expected: numberOrText(x.expected),
        actual: numberOrText(x.actual),
        difference: numberOrText(x.difference),
        hint: x.hint ? cellText(zh ? x.hint : (x.hintEn ?? x.hint)) : '',
      });
      // Expected, actual, difference: thousands separators and their decimals.
      (['expected', 'actual', 'difference'] as const).forEach((key, i) => {
        const z = x[key] === undefined ? undefined : amountFormat(x[key]!);
        if (z) row.getCell(7 + i).numFmt = z;
      });
    }
  }
  // Printable: 宋体, borders, wrapped message and hint, a filter on the headings, landscape A4
  // fitted to the width with the headings repeated on every page.
  for (const [ws, wrap] of [
    [summary, [0, 6]],
    [findings, [0, 5, 9]],
  ] as const) {
    const last = ws.rowCount - 1;
    const width = ws.columnCount;
    applyFormat(
      ws,
      {
        font: REPORT_FONT,
        header: { r0: 0, r1: 0 },
        table: { r0: 0, c0: 0, r1: last, c1: width - 1 },
        wrap: [...wrap],
        autoFilter: { r0: 0, c0: 0, r1: last, c1: width - 1 },
        freezeRows: 1,
        print: { orientation: 'landscape', fitToWidth: true },
      },
      last + 1,
      width,
    );
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
