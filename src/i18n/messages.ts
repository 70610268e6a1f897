/**
 * Every user-facing sentence comes from one catalogue per language: `locales/zh-CN.json`,
 * `locales/en.json` (beside this file) and any other `locales/<tag>.json`, each mapping a message
 * id to its template. The catalogues are found, not listed: `locales/index.ts` is generated from the
 * files there by `npm run i18n:extract` (a test fails when it is stale), so a third language is one
 * file; the ids it lacks fall back to English. Parameters are
 * written `{name}` and filled by {@link message}; `{n:one|other}` chooses an English plural form by
 * the number `n` (`#` is the number). A parameter may itself be text in both languages
 * (`{ zh, en }`): each language takes its own.
 *
 * Messages still registered in code ({@link registerMessages}, or the `catalogue` literal below)
 * keep working, and `npm run i18n:extract` moves them into the locale files; a test lists those
 * left to migrate. Keys are namespaced (`amount.*`, `rule.H1.*`, …).
 */
import { CATALOGUES } from './locales';

export type Lang = 'zh' | 'en';

export interface BilingualText {
  zh: string;
  en: string;
}

export type MessageParam = string | number | undefined | BilingualText;
export type MessageParams = Record<string, MessageParam>;

/** A locale's catalogue: message id → template. */
export type LocaleCatalogue = Record<string, string>;

/** The catalogues by locale tag (`locales/index.ts`, generated from the files there). */
const locales: Record<string, LocaleCatalogue> = CATALOGUES;

/** The locale tag of each language the findings and the pane speak. */
export const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/**
 * Entries registered in code, not (yet) in the locale files: put new messages in the locale files
 * instead; `npm run i18n:extract` moves anything here or in a `registerMessages` block there.
 */
const catalogue: Record<string, BilingualText> = {};

/** Adds messages in code (to migrate: `npm run i18n:extract`). A key may have one text. */
export function registerMessages(entries: Record<string, BilingualText>): void {
  for (const [key, text] of Object.entries(entries)) {
    const had = textOf(key);
    if (had && (had.zh !== text.zh || had.en !== text.en)) {
      throw new Error(`message key registered twice with different text: ${key} (run npm run i18n:extract)`);
    }
    if (!had) catalogue[key] = text;
  }
}

/** A locale's catalogue (e.g. `zh-CN`), for tests and tools. */
export function localeCatalogue(locale: string): LocaleCatalogue | undefined {
  return locales[locale];
}

/** Every locale tag with a catalogue. */
export function localeTags(): string[] {
  return Object.keys(locales);
}

/** The key's templates in both languages, from the locale files or else from code. */
function textOf(key: string): BilingualText | undefined {
  const zh = locales['zh-CN'][key];
  const en = locales.en[key];
  if (zh !== undefined && en !== undefined) return { zh, en };
  return Object.prototype.hasOwnProperty.call(catalogue, key) ? catalogue[key] : undefined;
}

/** The key's templates in both languages, unfilled (a rule's message template). */
export function messageTemplate(key: string): BilingualText {
  const text = textOf(key);
  if (!text) throw new Error(`unknown message key: ${key}`);
  return text;
}

export function hasMessage(key: string): boolean {
  return textOf(key) !== undefined;
}

/** The text of a parameter in a language: a bilingual parameter gives its own. */
function paramText(v: MessageParam, lang: string): string | number | undefined {
  if (v === undefined || typeof v !== 'object') return v;
  return lang === 'zh' || lang === 'zh-CN' ? v.zh : v.en;
}

/**
 * `{n:one|other}` picks the singular when the parameter is 1 (or −1) and the plural otherwise;
 * `#` in the chosen text is the number (`{n:1 file|# files}`, `{n} {n:warning|warnings}`). For
 * English; Chinese needs none.
 */
function plurals(template: string, params: MessageParams, lang: string): string {
  return template.replace(/\{(\w+):([^{}|]*)\|([^{}]*)\}/g, (whole, name: string, one: string, other: string) => {
    const v = paramText(params[name], lang);
    if (v === undefined) return whole;
    const n = typeof v === 'number' ? v : Number(String(v).replace(/,/g, ''));
    return (Math.abs(n) === 1 ? one : other).replace(/#/g, String(v));
  });
}

/** A template with its parameters filled, in a language (`zh`/`en` or a locale tag). */
export function fillTemplate(template: string, params: MessageParams, lang: string): string {
  return plurals(template, params, lang).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = paramText(params[name], lang);
    return v === undefined ? whole : String(v);
  });
}

/** The message `key` in both languages with its parameters filled. */
export function message(key: string, params: MessageParams = {}): BilingualText {
  const text = textOf(key);
  if (!text) throw new Error(`unknown message key: ${key}`);
  return { zh: fillTemplate(text.zh, params, 'zh'), en: fillTemplate(text.en, params, 'en') };
}

export function messageIn(lang: Lang, key: string, params: MessageParams = {}): string {
  return message(key, params)[lang];
}

/** The key's template in a locale: its file's, else (zh-CN, en) the one registered in code. */
function templateIn(locale: string, key: string): string | undefined {
  const own = locales[locale]?.[key];
  if (own !== undefined) return own;
  const lang = (Object.keys(LOCALE) as Lang[]).find((l) => l === locale || LOCALE[l] === locale);
  return lang && Object.prototype.hasOwnProperty.call(catalogue, key) ? catalogue[key][lang] : undefined;
}

/**
 * The message `key` in any locale with a catalogue (`zh-CN`, `en`, or a third one); a key the
 * locale lacks falls back to English.
 */
export function messageInLocale(locale: string, key: string, params: MessageParams = {}): string {
  const own = templateIn(locale, key);
  if (own !== undefined) return fillTemplate(own, params, locale);
  return message(key, params).en;
}

/** A finding's message as data (its id and parameters) and as text in both languages. */
export interface MessageFields {
  messageId: string;
  params: MessageParams;
  message: string;
  messageEn: string;
}

/** The fields a finding takes from the message `key`: `{ ...findingMessage(key, params) }`. */
export function findingMessage(key: string, params: MessageParams = {}): MessageFields {
  const m = message(key, params);
  return { messageId: key, params, message: m.zh, messageEn: m.en };
}

/**
 * A finding's hint: its text in both languages and, when it is one catalogue message, its id and
 * parameters (`hintId`/`hintParams` on the finding, as `messageId`/`params` for the message).
 */
export interface Hint extends BilingualText {
  id?: string;
  params?: MessageParams;
}

/** The hint `key` with its parameters, rendered and as data. */
export function hintMessage(key: string, params: MessageParams = {}): Hint {
  return { ...message(key, params), id: key, params };
}

/** The fields a finding takes from a hint: `hint`/`hintEn`, and `hintId`/`hintParams` when it has an id. */
export function hintFields(h: Hint): { hint: string; hintEn: string; hintId?: string; hintParams?: MessageParams } {
  return { hint: h.zh, hintEn: h.en, ...(h.id ? { hintId: h.id, hintParams: h.params ?? {} } : {}) };
}

/**
 * One set of parameters from a set for each language: a value the two share stays as it is, one
 * that differs becomes bilingual (`{ zh, en }`).
 */
export function perLanguage(zh: MessageParams, en: MessageParams): MessageParams {
  const out: MessageParams = {};
  for (const name of new Set([...Object.keys(zh), ...Object.keys(en)])) {
    const a = paramText(zh[name], 'zh');
    const b = paramText(en[name], 'en');
    out[name] = a === b ? a : { zh: a === undefined ? '' : String(a), en: b === undefined ? '' : String(b) };
  }
  return out;
}

/** Every key, for tests that check the catalogue is complete. */
export function messageKeys(): string[] {
  return [...new Set([...Object.keys(locales['zh-CN']), ...Object.keys(locales.en), ...Object.keys(catalogue)])];
}

/** The keys still registered in code rather than in the locale files. */
export function codeRegisteredKeys(): string[] {
  return Object.keys(catalogue);
}
