/** The task pane's texts, in the one message catalogue (Chinese first, English second). */
import { Lang, message, MessageParams } from '../src/i18n/messages';

export function tr(lang: Lang, key: string, params: MessageParams = {}): string {
  return message(key, params)[lang];
}
