/**
 * The reports' own words (column headings, sheet names, the text report's labels and counts), from
 * the catalogues: the 审核报告 sheet, the .xlsx report and the text report say them alike.
 */
import { Severity } from '../engine/types';
import { Lang, message, MessageParams, registerMessages } from '../i18n/messages';

registerMessages({
  'report.title': { zh: '审核报告', en: 'Validation report' },
  'report.file': { zh: '文件', en: 'File' },
  'report.organisation': { zh: '编制单位', en: 'Unit' },
  'report.tablesFound': { zh: '识别的表', en: 'Tables found' },
  'report.unreadable': { zh: '无法读取', en: 'Unreadable' },
  'report.sheet': { zh: '工作表', en: 'Sheet' },
  'report.cell': { zh: '单元格', en: 'Cell' },
  'report.severity': { zh: '级别', en: 'Severity' },
  'report.rule': { zh: '规则', en: 'Rule' },
  'report.message': { zh: '说明', en: 'Message' },
  'report.summarySheet': { zh: '汇总', en: 'Summary' },
  'report.findingsSheet': { zh: '审核结果', en: 'Findings' },
  'report.counts': {
    zh: '错误 {e}，警告 {w}，提示 {i}',
    en: '{e} {e:error|errors}, {w} {w:warning|warnings}, {i} {i:note|notes}',
  },
  'report.total': {
    zh: '共 {f} 个文件：错误 {e}，警告 {w}，提示 {i}{unreadable}',
    en: '{f} {f:file|files}: {e} {e:error|errors}, {w} {w:warning|warnings}, {i} {i:note|notes}{unreadable}',
  },
  'report.totalUnreadable': { zh: '，无法读取 {u} 个文件', en: ', {u} unreadable' },
  'report.cannotRead': { zh: '无法读取', en: 'Cannot read' },
  'report.unrecognised': { zh: '未识别', en: 'not recognised' },
  'report.unit': { zh: '单位', en: 'unit' },
  'report.headerRows': { zh: '表头第 {from}–{to} 行', en: 'header rows {from}–{to}' },
  'report.dataRows': { zh: '数据第 {from}–{to} 行', en: 'data rows {from}–{to}' },
  'report.noData': { zh: '无数据行', en: 'no data rows' },
  'report.package': { zh: '整套报表与情况说明', en: 'Package and text' },
  'report.clean': { zh: '未发现问题', en: 'no findings' },
  'report.page': { zh: '第{page}页', en: 'p. {page}' },
  'report.line': { zh: '第{line}行', en: 'line {line}' },
});

/** A report word (`report.*`, or another catalogue id) in a language. */
export function word(key: string, lang: Lang, params: MessageParams = {}): string {
  return message(key, params)[lang];
}

/** A finding's severity as the reports and the pane name it (错误/警告/提示, Error/Warning/Note). */
export function severityWord(s: Severity, lang: Lang): string {
  return word(`ui.severity1.${s}`, lang);
}

/** `错误 1，警告 0，提示 2` / `1 error, 0 warnings, 2 notes`. */
export function counts(e: number, w: number, i: number, lang: Lang): string {
  return word('report.counts', lang, { e, w, i });
}

/** The report columns of a finding, in order: sheet, cell, severity, rule, message, expected, actual, difference, hint. */
export const FINDING_COLUMNS = [
  'report.sheet',
  'report.cell',
  'report.severity',
  'report.rule',
  'report.message',
  'ui.finding.expected',
  'ui.finding.actual',
  'ui.finding.difference',
  'ui.finding.hint',
];
