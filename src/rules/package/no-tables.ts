/**
 * P2: a workbook in which no disclosure table is recognised. Without it such a file would read
 * "no problems found" — a batch of hundreds would let a wrong file (a draft, another form, an
 * export of something else) pass unseen. An 错误 when nothing at all could be checked; a 警告 when
 * the inference (G0–G6) found tables on the sheets and checked what their labels imply.
 */
import { Rule } from '../../engine/types';
import { message, registerMessages } from '../../i18n/messages';
import { inferWorkbook } from '../../infer/rules';

registerMessages({
  'P2.inferredOnly': {
    zh: '没有识别出任何已知表样（预算公开表、社会保险基金预算表或审核包中的表），只按表内标签推断核对了 {n} 张表（见 G0），表间核对未进行：请检查表名和表头，或载入本地区的审核包',
    en: 'No known form was recognised (disclosure, fund or pack tables); only identities inferred from their labels were checked, in {n} tables (see G0), and no cross-table check ran: check the titles and headers, or load your region’s pack',
  },
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
    // Tables the inference checked (sheets of no declared form, an identity kept): not left unchecked.
    const inferred = inferWorkbook(ctx).filter((inf) => inf.identities.some((x) => x.verdict !== 'dropped')).length;
    if (inferred > 0) {
      const w = message('P2.inferredOnly', { n: inferred });
      ctx.report({
        rule: rule.id,
        severity: 'warning',
        sheet: '',
        cell: '',
        related: [],
        message: w.zh,
        messageEn: w.en,
      });
      return;
    }
    const m = message('P2.none');
    ctx.report({ rule: rule.id, severity: 'error', sheet: '', cell: '', related: [], message: m.zh, messageEn: m.en });
  },
};

export default rule;
