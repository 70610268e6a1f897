/**
 * The page's own words, from the locale catalogues (src/i18n/locales) like every other message: the
 * page has no language switch of its own, so it shows both, Chinese first.
 */
import { message, MessageParams } from '../src/i18n/messages';

export function both(key: string, params: MessageParams = {}): string {
  const m = message(key, params);
  return `${m.zh} / ${m.en}`;
}
