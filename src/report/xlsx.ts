/**
 * The 审核报告 workbook: a summary sheet (one row per file) and a findings sheet. Every text that
 * could start a formula (=, +, -, @, tab, CR) is written as a string with a leading apostrophe, so
 * it never becomes a live formula, not even when a user re-enters the cell or converts it to CSV.
 */
import ExcelJS from 'exceljs';
import { Lang } from '../i18n/messages';
import { SEVERITY_EN, SEVERITY_ZH } from '../engine/types';
import { Report } from './report';

/** Neutralises formula injection: a text starting with = + - @ (or a control) gets a leading '. */
export function safeText(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** Our own exact decimal strings go in as numbers (15 digits are plenty for amounts); anything else as safe text. */
function numberOrText(v: string | undefined): number | string {
  if (v === undefined) return '';
  return /^-?\d+(\.\d+)?$/.test(v) && v.replace(/[-.]/g, '').length <= 15 ? Number(v) : safeText(v);
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
    { header: zh ? '提示' : 'Infos', key: 'infos', width: 8 },
    { header: zh ? '无法读取' : 'Unreadable', key: 'error', width: 40 },
  ];
  for (const f of report.files) {
    summary.addRow({
      file: safeText(f.file),
      unit: f.organisation ? safeText(f.organisation) : '',
      tables: f.sheets.filter((s) => s.template).length,
      errors: f.summary.errors,
      warnings: f.summary.warnings,
      infos: f.summary.infos,
      error: f.error ? safeText(zh ? f.error : (f.errorEn ?? f.error)) : '',
    });
  }
  const findings = wb.addWorksheet(zh ? '审核结果' : 'Findings');
  findings.columns = [
    { header: zh ? '文件' : 'File', key: 'file', width: 30 },
    { header: zh ? '工作表' : 'Sheet', key: 'sheet', width: 12 },
    { header: zh ? '单元格' : 'Cell', key: 'cell', width: 8 },
    { header: zh ? '级别' : 'Severity', key: 'severity', width: 8 },
    { header: zh ? '规则' : 'Rule', key: 'rule', width: 6 },
    { header: zh ? '说明' : 'Message', key: 'message', width: 80 },
    { header: zh ? '应为' : 'Expected', key: 'expected', width: 14 },
    { header: zh ? '实为' : 'Actual', key: 'actual', width: 14 },
    { header: zh ? '差额' : 'Difference', key: 'difference', width: 12 },
    { header: zh ? '提示' : 'Hint', key: 'hint', width: 40 },
  ];
  for (const f of report.files) {
    for (const x of f.findings) {
      findings.addRow({
        file: safeText(f.file),
        sheet: safeText(x.sheet),
        cell: x.cell,
        severity: sev[x.severity],
        rule: x.rule,
        message: safeText(zh ? x.message : x.messageEn),
        expected: numberOrText(x.expected),
        actual: numberOrText(x.actual),
        difference: numberOrText(x.difference),
        hint: x.hint ? safeText(zh ? x.hint : (x.hintEn ?? x.hint)) : '',
      });
    }
  }
  for (const ws of [summary, findings]) {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
