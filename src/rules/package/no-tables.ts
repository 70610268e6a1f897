/**
 * P2: a workbook in which no disclosure table is recognised. Without it such a file would read
 * "no problems found" — a batch of hundreds would let a wrong file (a draft, another form, an
 * export of something else) pass unseen.
 */
import { Rule } from '../../engine/types';
import { message, registerMessages } from '../../i18n/messages';

registerMessages({
  'P2.none': {
    zh: '没有识别出任何预算公开表或社会保险基金预算表，无法审核：请检查各工作表的表名和表头',
    en: 'No budget disclosure or social insurance fund table was recognised, so nothing could be checked: check the sheets’ titles and headers',
  },
});

const rule: Rule = {
  id: 'P2',
  scope: 'package',
  severity: 'error',
  family: 'any',
  title: { zh: '未识别出任何表', en: 'No table recognised' },
  message: message('P2.none'),
  run(ctx) {
    if (ctx.tables.length > 0) return;
    const m = message('P2.none');
    ctx.report({ rule: rule.id, severity: 'error', sheet: '', cell: '', related: [], message: m.zh, messageEn: m.en });
  },
};

export default rule;
