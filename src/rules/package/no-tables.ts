/**
 * P2: a workbook in which no disclosure table is recognised. Without it such a file would read
 * "no problems found" — a batch of hundreds would let a wrong file (a draft, another form, an
 * export of something else) pass unseen. An 错误 when nothing at all could be checked; a 警告 when
 * the inference (G0–G6) found tables on the sheets and checked what their labels imply.
 */
import { Rule } from '../../engine/types';
import { findingMessage, message } from '../../i18n/messages';
import { inferWorkbook } from '../../infer/rules';

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
      ctx.report({
        rule: rule.id,
        severity: 'warning',
        sheet: '',
        cell: '',
        related: [],
        ...findingMessage('P2.inferredOnly', { n: inferred }),
      });
      return;
    }
    ctx.report({ rule: rule.id, severity: 'error', sheet: '', cell: '', related: [], ...findingMessage('P2.none') });
  },
};

export default rule;
