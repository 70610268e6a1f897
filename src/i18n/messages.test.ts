/**
 * The locale catalogues (src/i18n/locales/*.json): the same ids and parameters in every language,
 * every id the code uses present, none unused; messages still registered in code are listed as
 * to migrate (`npm run i18n:extract` moves them).
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateWorkbook } from '../engine/validate';
import { builtinFormulas } from '../formulas/builtin';
import { readXlsx } from '../xlsx/read';
import { extractFile, sourceFiles } from '../../scripts/i18n-extract';
import { findingMessage, localeCatalogue, localeTags, message, messageInLocale } from './messages';

const zh = localeCatalogue('zh-CN')!;
const en = localeCatalogue('en')!;

/** The parameter names of a template: `{name}` and `{name:one|other}`. */
function params(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?::[^{}]*)?\}/g)].map((m) => m[1]))].sort();
}

/** Parameters a language leaves out on purpose. */
const LEFT_OUT: Record<string, Record<string, string[]>> = {
  // English says "a change of"; Chinese repeats the text's own word (增长/下降).
  en: { 'N3.pct': ['word'] },
};

/** Dotted ids that are not messages though their namespace is one (the fund table ids, a file name). */
const NOT_MESSAGES =
  /^(?:si\.(?:a|b|balance|balanceSheet|income|expense|exec|plan)|fund\.(?:income-expense|final|execution)|pdf\.worker)(?:\.|$)/;

const files = sourceFiles();
const sources = files.map((f) => ({ file: f, text: fs.readFileSync(f, 'utf8') }));

describe('locale catalogues', () => {
  it('zh-CN and en hold the same ids', () => {
    expect(localeTags()).toEqual(expect.arrayContaining(['zh-CN', 'en']));
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('each id has the same parameters in every language', () => {
    const differ: string[] = [];
    for (const tag of localeTags()) {
      const cat = localeCatalogue(tag)!;
      for (const [id, template] of Object.entries(cat)) {
        const want = params(zh[id] ?? '').filter((p) => !(LEFT_OUT[tag]?.[id] ?? []).includes(p));
        if (params(template).join() !== want.join()) differ.push(`${tag} ${id}: ${params(template)} vs ${want}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('every message id written in the code is in the catalogues (or registered in code, to migrate)', () => {
    const inCode = new Set(files.flatMap((f) => extractFile(f).entries.map((e) => e.key)));
    const namespaces = new Set([...Object.keys(zh), ...inCode].map((k) => k.split('.')[0]));
    const missing: string[] = [];
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/(['"`])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g)) {
        const id = m[2];
        if (!namespaces.has(id.split('.')[0]) || NOT_MESSAGES.test(id)) continue;
        if (!(id in zh) && !inCode.has(id)) missing.push(`${file}: ${id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no catalogue entry is unused', () => {
    const used = new Set<string>();
    const prefixes: string[] = [];
    for (const { text } of sources) {
      for (const m of text.matchAll(/(['"`])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g)) used.add(m[2]);
      // A key built in code: `ui.severity.${s}`.
      for (const m of text.matchAll(/`([A-Za-z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)) prefixes.push(m[1]);
      // An audit formula's own message: `消息编号：formula.classes` (and its `…Many` form).
      for (const m of text.matchAll(/(?:消息编号|messageId)[：:]\s*([\w.-]+)/g)) used.add(m[1]).add(`${m[1]}Many`);
    }
    const unused = Object.keys(zh).filter((k) => !used.has(k) && !prefixes.some((p) => k.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it('renders a message in both languages, with bilingual parameters, and as finding data', () => {
    expect(message('read.corruptPart', { part: { zh: '工作表“表1”', en: 'sheet “表1”' }, detail: 'x' })).toEqual({
      zh: '文件已损坏，无法读取：工作表“表1”x',
      en: 'The file is corrupt and cannot be read: sheet “表1” x',
    });
    expect(messageInLocale('en', 'amount.unrecognized', { raw: 'abc' })).toBe('Unrecognised number: abc');
    // A locale without the id falls back to English.
    expect(messageInLocale('fr', 'amount.unrecognized', { raw: 'abc' })).toBe('Unrecognised number: abc');
    expect(findingMessage('amount.unrecognized', { raw: 'abc' })).toEqual({
      messageId: 'amount.unrecognized',
      params: { raw: 'abc' },
      message: '无法识别的数字：abc',
      messageEn: 'Unrecognised number: abc',
    });
  });
});

describe('findings carry their message as data', () => {
  const fixtures = path.join(__dirname, '../../test/fixtures');
  it.each(['xlsx/seed001-published.xlsx', 'xlsx/seed002-published.xlsx', 'si/seed000-published.xlsx'])(
    '%s: a finding with a messageId renders from the catalogues to its message and messageEn',
    async (file) => {
      const res = validateWorkbook(await readXlsx(fs.readFileSync(path.join(fixtures, file))));
      const withId = res.findings.filter((f) => f.messageId);
      expect(withId.length).toBeGreaterThan(0);
      for (const f of withId) {
        expect(message(f.messageId!, f.params)).toEqual({ zh: f.message, en: f.messageEn });
        expect(messageInLocale('en', f.messageId!, f.params)).toBe(f.messageEn);
      }
      // The built-in audit formulas' findings all do (their messages are the catalogue's formula.*).
      const formulaRules = new Set(builtinFormulas().map((f) => f.decl.id));
      expect(res.findings.filter((f) => formulaRules.has(f.rule) && !f.messageId)).toEqual([]);
    },
  );
});

describe('messages still registered in code (to migrate: npm run i18n:extract)', () => {
  const pending = files.flatMap((f) => extractFile(f).entries);
  if (!pending.length) it('none', () => expect(pending).toEqual([]));
  for (const e of pending) {
    it.todo(`${e.key} (${e.file}:${e.line})`);
    it(`${e.key} does not contradict the catalogues`, () => {
      if (zh[e.key] !== undefined) expect({ zh: zh[e.key], en: en[e.key] }).toEqual({ zh: e.zh, en: e.en });
    });
  }
});
