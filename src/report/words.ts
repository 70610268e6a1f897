/**
 * The reports' own words (column headings, sheet names, the text report's labels and counts), from
 * the catalogues: the 审核报告 sheet, the .xlsx report and the text report say them alike.
 */
import { Severity } from '../engine/types';
import { Lang, message, MessageParams } from '../i18n/messages';

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
