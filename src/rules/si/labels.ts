/**
 * SI-11 the 全市/全地区 and 本级 tables name the same row the same way (seed 000: 表1 “机关事业单位基本养老保险
 * 基金收入”, 表4 “机关事业基本养老保险基金收入”). A label difference is a 提示: the rows are matched by code
 * or meaning anyway.
 */
import { tableName } from '../../engine/compare';
import { Rule } from '../../engine/types';
import { findingMessage, perLanguage } from '../../i18n/messages';
import { normalizeLabel } from '../../templates/types';
import { a1 } from '../../workbook/model';
import { scopePairs } from './scope-pairs';

/** Labels compared without spaces and without the scope word (全地区社会保险基金收入合计 = 本级社会保险基金收入合计). */
function sameLabel(a: string, b: string): boolean {
  const n = (s: string) => normalizeLabel(s).replace(/^(?:全(?:地区|市|州|区|县|盟|旗)|本级)/, '');
  return n(a) === n(b);
}

const rule: Rule = {
  id: 'SI-11',
  scope: 'cross',
  severity: 'info',
  family: 'si',
  title: { zh: '全市与本级表的行名一致', en: 'Whole-area and own-level tables name rows alike' },
  message: { zh: '{where}', en: '{where}' },
  run(ctx) {
    for (const pair of scopePairs(ctx)) {
      for (const [key, own] of pair.ownRows) {
        const whole = pair.wholeRows.get(key);
        if (!whole || sameLabel(whole.name, own.name)) continue;
        const clean = (s: string) => s.replace(/[\s\u3000]+/g, '');
        const p = (lang: 'zh' | 'en') => ({
          own: tableName(pair.own)[lang],
          whole: tableName(pair.whole)[lang],
          code: own.code ? ` ${own.code}` : '',
          ownName: clean(own.name),
          wholeName: clean(whole.name),
        });
        ctx.report({
          rule: rule.id,
          severity: 'info',
          sheet: pair.own.sheet.name,
          cell: a1(own.r, own.nameCol ?? 0),
          related: [`${pair.whole.sheet.name}!${a1(whole.r, whole.nameCol ?? 0)}`],
          ...findingMessage('SI-11.label', perLanguage(p('zh'), p('en'))),
        });
      }
    }
  },
};

export default rule;
