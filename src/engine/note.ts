/** A finding about the workbook as a whole (no sheet, no cell): 提示 severity, its words from the catalogue. */
import { findingMessage, MessageParams } from '../i18n/messages';
import type { Finding } from './types';

export function workbookNote(rule: string, key: string, params: MessageParams): Finding {
  return { rule, severity: 'info', sheet: '', cell: '', related: [], ...findingMessage(key, params) };
}
