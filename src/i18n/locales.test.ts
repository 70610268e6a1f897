/**
 * A third language is one file: the catalogues are found in src/i18n/locales (the generated
 * `locales/index.ts`, kept fresh by `npm run i18n:extract`), and a locale's missing ids fall back
 * to English.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LOCALE_INDEX, localeIndexSource, localeTagsIn, writeLocaleIndex } from '../../scripts/i18n-extract';
import { localeTags } from './messages';

describe('the locale index', () => {
  it('lists every catalogue file of src/i18n/locales (run npm run i18n:extract when this fails)', () => {
    expect(fs.readFileSync(LOCALE_INDEX, 'utf8')).toBe(localeIndexSource());
    expect(localeTags().sort()).toEqual(localeTagsIn());
  });

  it('a pseudo-locale file added beside the others is found, rendered, and falls back to English', () => {
    // A copy of the i18n module with its catalogues, plus one more file, in a directory of its own.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'locale-'));
    try {
      const locales = path.join(dir, 'locales');
      fs.mkdirSync(locales);
      fs.copyFileSync(path.join(__dirname, 'messages.ts'), path.join(dir, 'messages.ts'));
      for (const tag of localeTagsIn()) {
        fs.copyFileSync(path.join(path.dirname(LOCALE_INDEX), `${tag}.json`), path.join(locales, `${tag}.json`));
      }
      const pseudo = { 'amount.unrecognized': '[Ûñŕéçöĝñîšéđ ñûɱƀéŕ: {raw}]' };
      fs.writeFileSync(path.join(locales, 'qps-ploc.json'), JSON.stringify(pseudo));
      expect(writeLocaleIndex(locales)).toBe(true);
      expect(fs.readFileSync(path.join(locales, 'index.ts'), 'utf8')).toContain("'qps-ploc': localeQpsPloc");
      // A fresh module (its own path), loading the catalogues of its own directory.
      const m = jest.requireActual<typeof import('./messages')>(path.join(dir, 'messages.ts'));
      expect(m.localeTags()).toEqual(expect.arrayContaining(['en', 'qps-ploc', 'zh-CN']));
      expect(m.messageInLocale('qps-ploc', 'amount.unrecognized', { raw: 'abc' })).toBe('[Ûñŕéçöĝñîšéđ ñûɱƀéŕ: abc]');
      // An id the pseudo-locale lacks: English.
      expect(
        m.messageInLocale('qps-ploc', 'read.corruptPart', { part: { zh: '工作表', en: 'sheet' }, detail: '' }),
      ).toBe(m.message('read.corruptPart', { part: { zh: '工作表', en: 'sheet' }, detail: '' }).en);
      // zh-CN and en are as before.
      expect(m.messageInLocale('zh-CN', 'amount.unrecognized', { raw: 'abc' })).toBe('无法识别的数字：abc');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
