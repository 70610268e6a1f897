/**
 * The 审核报告 as a sheet of the workbook (the task pane inserts it; the browser page too): one
 * row per finding with a link-like address, severity, rule, message, expected, actual, difference.
 * Texts are written as values, never as formulas.
 */
import { SEVERITY_EN, SEVERITY_ZH, Finding } from '../engine/types';
import { Summary } from '../engine/validate';
import { Lang } from '../i18n/messages';
import { Cell, SheetModel } from '../workbook/model';
import { safeText } from './xlsx';

export const REPORT_SHEET = '审核报告';

export function reportSheet(
  findings: readonly Finding[],
  summary: Summary,
  lang: Lang = 'zh',
  title?: string,
): SheetModel {
  const zh = lang === 'zh';
  const sev = zh ? SEVERITY_ZH : SEVERITY_EN;
  const text = (v: string): Cell => ({ v: safeText(v) });
  const num = (v: string | undefined): Cell | undefined => {
    if (v === undefined) return undefined;
    return /^-?\d+(\.\d+)?$/.test(v) && v.replace(/[-.]/g, '').length <= 15 ? { v: Number(v), z: '#,##0.00' } : text(v);
  };
  const header = zh
    ? ['工作表', '单元格', '级别', '规则', '说明', '应为', '实为', '差额', '提示']
    : ['Sheet', 'Cell', 'Severity', 'Rule', 'Message', 'Expected', 'Actual', 'Difference', 'Hint'];
  const heading = title ?? (zh ? '审核报告' : 'Validation report');
  const counts = zh
    ? `错误 ${summary.errors}，警告 ${summary.warnings}，提示 ${summary.infos}`
    : `${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos`;
  const rows: (Cell | undefined)[][] = [[text(heading)], [text(counts)], header.map(text)];
  for (const f of findings) {
    rows.push([
      text(f.sheet),
      text(f.cell),
      text(sev[f.severity]),
      text(f.rule),
      text(zh ? f.message : f.messageEn),
      num(f.expected),
      num(f.actual),
      num(f.difference),
      f.hint ? text(zh ? f.hint : (f.hintEn ?? f.hint)) : undefined,
    ]);
  }
  return { name: REPORT_SHEET, rows, merges: [{ r0: 0, c0: 0, r1: 0, c1: 8 }] };
}

export const REPORT_COLUMN_WIDTHS = [10, 8, 6, 6, 90, 14, 14, 12, 50];
