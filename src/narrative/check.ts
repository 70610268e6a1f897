/**
 * The narrative checker (文表 rules N1–N6): finds the amounts and percentages of the 情况说明 and
 * checks them against the tables and against arithmetic.
 *
 * N1 an amount quoted for a table figure equals it · N2 占% recomputes (amount ÷ the section
 * total) · N3 增减% recomputes (change ÷ prior, 2 decimals, half-up, the zero conventions) ·
 * N4 direction words agree (增加↔增长, 减少↔下降) · N5 components add up (政府采购, vehicles,
 * "三公", 基本支出 = 人员 + 公用, staff) · N6 整体绩效 funds = 收支总预算.
 */
import { Decimal, ZERO } from '../amount/decimal';
import { formatAmount } from '../amount/format';
import { roundHalfUp } from '../amount/round';
import { compareSum } from '../amount/tolerance';
import { codedRows, fixedRow, totalRow } from '../engine/access';
import { cellRefOf } from '../engine/compare';
import { Finding, Severity } from '../engine/types';
import { findingMessage, MessageParams } from '../i18n/messages';
import { AmountCell, RecognizedTable, TableRow } from '../recognize/types';
import { normalizeLabel } from '../templates/types';
import { FUNCTION_CLASS_ROWS } from '../templates/dept/common';
import { AMOUNT, Paragraph, paragraphs } from './text';

const AMT = `(${AMOUNT})`;

function num(s: string): Decimal {
  return new Decimal(s.replace(/,/g, ''));
}

function fmt(d: Decimal): string {
  return formatAmount(d, { decimals: Math.max(2, d.decimalPlaces()) });
}

/** The sentence around position `at` (between 。 or ; boundaries). */
function sentenceAt(p: Paragraph, at: number): { sentence: string; line: number } {
  let start = at;
  while (start > 0 && !/[。;]/.test(p.text[start - 1])) start--;
  let end = at;
  while (end < p.text.length && !/[。;]/.test(p.text[end])) end++;
  return { sentence: p.text.slice(start, Math.min(end + 1, p.text.length)), line: p.lines[start] ?? p.lines[0] ?? 1 };
}

/** A table figure a label names, with where it is. */
interface Figure {
  value: Decimal;
  where: string;
  ref: string;
}

function figure(t: RecognizedTable | undefined, row: TableRow | undefined, col: string): Figure | undefined {
  if (!t || !row) return undefined;
  const cell: AmountCell | undefined = row.amounts.get(col);
  if (!cell || cell.invalid) return undefined;
  const colName = t.template.columns.find((c) => c.key === col)?.name.zh ?? col;
  const rowName = row.kind === 'total' ? '总计' : `${row.code ? `${row.code} ` : ''}${row.project ?? row.name}`;
  return {
    value: cell.value ?? ZERO,
    where: `表${t.template.no} ${rowName} ${colName}`,
    ref: cellRefOf({ table: t, cell }),
  };
}

class Tables {
  constructor(private readonly tables: readonly RecognizedTable[]) {}
  t(id: string): RecognizedTable | undefined {
    return this.tables.find((x) => x.template.table === id);
  }
  total(id: string, col: string): Figure | undefined {
    const t = this.t(id);
    return figure(t, t && totalRow(t), col);
  }
  fixed(id: string, key: string, col: string): Figure | undefined {
    const t = this.t(id);
    return figure(t, t && fixedRow(t, key), col);
  }
  byCode(id: string, code: string, col: string, panel?: 'income' | 'expense'): Figure | undefined {
    const t = this.t(id);
    if (!t) return undefined;
    return figure(
      t,
      codedRows(t, panel).find((r) => r.code === code),
      col,
    );
  }
  byNames(id: string, names: string[], col: string): Figure | undefined {
    // (类)…(款)…(项): the row of the last name whose parent chain has the other names.
    const t = this.t(id);
    if (!t) return undefined;
    const rows = codedRows(t);
    const n = names.map(normalizeLabel);
    const candidates = rows.filter(
      (r) => normalizeLabel(r.name) === n[n.length - 1] && r.code!.length === 3 + 2 * (n.length - 1),
    );
    const row = candidates.find((r) => {
      for (let k = n.length - 2; k >= 0; k--) {
        const parent = rows.find((x) => x.code === r.code!.slice(0, 3 + 2 * k));
        if (!parent || normalizeLabel(parent.name) !== n[k]) return false;
      }
      return true;
    });
    if (!row) {
      // A 项 the tables do not list (0.00 this year) is a figure of zero.
      return candidates.length === 0
        ? { value: ZERO, where: `表${t.template.no} ${names.join('/')}（表中无此科目）`, ref: '' }
        : undefined;
    }
    return figure(t, row, col);
  }
  project(name: string): Figure | undefined {
    const t = this.t('dept.t07');
    if (!t) return undefined;
    const n = normalizeLabel(name);
    const row = t.rows.find((r) => r.project && normalizeLabel(r.project) === n);
    return figure(t, row, 'total');
  }
}

const CLASS_CODE = new Map(FUNCTION_CLASS_ROWS.map(([code, name]) => [name, code]));

/** Which table figures a label can mean (any of them agreeing is enough). */
function figuresFor(label: string, tables: Tables, section: string): Figure[] {
  const l = label.replace(/^(\d+|[一二三四五六七八九十]+)[、.]/, '').replace(/^.*其中:/, '');
  const out: (Figure | undefined)[] = [];
  const end = (re: RegExp) => re.test(l);
  if (end(/(收支总预算|部门收入预算|支出预算|收入预算)$/) && !/财政拨款/.test(l))
    out.push(tables.fixed('dept.t01', 'incomeTotal', 'inAmount'));
  else if (end(/财政拨款收支总预算$/)) out.push(tables.fixed('dept.t04', 'incomeTotal', 'inTotal'));
  else if (end(/一般公共预算拨款合计$/)) out.push(tables.total('dept.t05', 'total'));
  else if (end(/^一般公共预算$/) && section === 'income')
    out.push(tables.total('dept.t02', 'gpb'), tables.fixed('dept.t01', 'gpbOwn', 'inAmount'));
  else if (end(/上级一般公共预算安排的转移支付资金$/))
    out.push(tables.total('dept.t02', 'gpbTransfer'), tables.fixed('dept.t01', 'gpbTransfer', 'inAmount'));
  else if (end(/^单位资金$/)) out.push(tables.fixed('dept.t01', 'unit', 'inAmount'));
  else if (end(/^财政拨款结转$/)) out.push(tables.fixed('dept.t01', 'fiscalCarry', 'inAmount'));
  else if (end(/^基本支出$/)) out.push(tables.total(section === 'gpb' ? 'dept.t05' : 'dept.t03', 'basic'));
  else if (end(/^项目支出$/)) out.push(tables.total(section === 'gpb' ? 'dept.t05' : 'dept.t03', 'project'));
  else if (end(/一般公共预算拨款$/) && section === 'fiscal')
    out.push(tables.fixed('dept.t04', 'gpb', 'inTotal'), tables.fixed('dept.t01', 'gpb', 'inAmount'));
  else if (end(/一般公共预算基本支出$/)) out.push(tables.total('dept.t06', 'total'));
  else if (end(/^人员经费$/)) out.push(tables.total('dept.t06', 'personnel'));
  else if (end(/^公用经费$/)) out.push(tables.total('dept.t06', 'public'));
  else if (end(/运行经费财政拨款预算$/)) out.push(tables.total('dept.t06', 'public'));
  else if (end(/三公"?经费(预算)?数为?$/)) out.push(tables.fixed('dept.t10', 'total', 'total'));
  else if (end(/^因公出国\(境\)费$/)) out.push(tables.fixed('dept.t10', 'abroad', 'total'));
  else if (end(/^公务用车购置费$/)) out.push(tables.fixed('dept.t10', 'vehiclePurchase', 'total'));
  else if (end(/^公务用车运行费$/)) out.push(tables.fixed('dept.t10', 'vehicleRunning', 'total'));
  else if (end(/^公务接待费$/)) out.push(tables.fixed('dept.t10', 'reception', 'total'));
  else if (end(/\(项\):?\d{4}年预算数为$/)) {
    const names = [...l.matchAll(/([^()]+?)\((类|款|项)\)/g)].map((m) => m[1].replace(/^.*?[:,]/, ''));
    if (names.length === 3) out.push(tables.byNames('dept.t05', names, 'total'));
  } else if (end(/\(类\)$/)) {
    const code = CLASS_CODE.get(l.replace(/\(类\)$/, ''));
    if (code) out.push(tables.byCode('dept.t05', code, 'total'));
  } else if (section === 'fiscal' && CLASS_CODE.has(l.replace(/^.*[:;,]/, ''))) {
    const code = CLASS_CODE.get(l.replace(/^.*[:;,]/, ''))!;
    out.push(tables.byCode('dept.t04', code, 'exGpb', 'expense'));
  }
  return out.filter((f): f is Figure => f !== undefined);
}

/** The section a heading opens: which tables its figures come from. */
function sectionOf(text: string, current: string): string {
  if (/关于.*收入预算情况/.test(text)) return 'income';
  if (/关于.*支出预算情况/.test(text)) return 'expense';
  if (/财政拨款收支预算情况/.test(text)) return 'fiscal';
  if (/一般公共预算当年拨款/.test(text)) return 'gpb';
  if (/基本支出情况/.test(text)) return 'basic';
  if (/项目支出情况/.test(text)) return 'projects';
  if (/三公/.test(text) && /关于/.test(text)) return 'threePublic';
  if (/其他重要事项|绩效/.test(text) && text.length < 40) return 'other';
  return current;
}

export interface NarrativeCheck {
  findings: Finding[];
  /** How many statements were compared (for the report). */
  checked: number;
}

export function checkNarrative(raw: string, recognized: readonly RecognizedTable[]): NarrativeCheck {
  const tables = new Tables(recognized);
  const findings: Finding[] = [];
  let checked = 0;
  let section = '';
  let base: Decimal | undefined;
  let shares: { share: Decimal; amount: Decimal }[] = [];
  let project: string | undefined;

  const report = (
    rule: string,
    severity: Severity,
    p: Paragraph,
    at: number,
    key: string,
    params: MessageParams,
    extra: Partial<Finding> = {},
  ) => {
    const { sentence, line } = sentenceAt(p, at);
    findings.push({
      rule,
      severity,
      sheet: '',
      cell: '',
      related: [],
      ...findingMessage(key, params),
      sentence,
      line,
      ...extra,
    });
  };
  const closeShareGroup = (p?: Paragraph, at = 0) => {
    if (base && shares.length >= 2 && p) {
      const amounts = shares.reduce((a, s) => a.plus(s.amount), ZERO);
      const sum = shares.reduce((a, s) => a.plus(s.share), ZERO);
      if (amounts.eq(base) && !sum.eq(100)) report('N2', 'warning', p, at, 'N2.sum', { sum: sum.toFixed(2) });
    }
    shares = [];
  };

  let lastPara: Paragraph | undefined;
  for (const p of paragraphs(raw)) {
    const t = p.text;
    const next = sectionOf(t, section);
    if (next !== section) {
      closeShareGroup(lastPara);
      section = next;
    }
    lastPara = p;
    const projectName = /项目名称[:]?(.+?)(?:项目负责人|$)/.exec(t);
    if (projectName) project = projectName[1].replace(/[|]/g, '');

    // A total the following shares are of: `…1,114.26万元,其中:`.
    const bases = [...t.matchAll(new RegExp(`${AMT}万元,其中:`, 'g'))];
    if (bases.length) {
      closeShareGroup(p);
      base = num(bases[bases.length - 1][1]);
    }

    // N3 / N4: `X万元,(占Y%,)比上年(预算)增加Z万元,增长W%`.
    const changeRe = new RegExp(
      `([^,;。]*?)(?:${AMT}万元,)?(?:占(\\d+(?:\\.\\d+)?)%,)?比上年(?:预算)?(增加|减少)${AMT}万元,(增长|下降)(\\d+(?:\\.\\d+)?)%`,
      'g',
    );
    for (const m of t.matchAll(changeRe)) {
      checked++;
      const at = m.index ?? 0;
      const label = (m[1] || '').replace(/^[,;:]/, '');
      const [w1, w2] = [m[4], m[6]];
      const change = num(m[5]).times(w1 === '减少' ? -1 : 1);
      const stated = num(m[7]);
      if ((w1 === '增加') !== (w2 === '增长')) report('N4', 'error', p, at, 'N4.words', { label, w1, w2 });
      if (m[2]) {
        const current = num(m[2]);
        const prior = current.minus(change);
        const expected = prior.isZero()
          ? current.isZero()
            ? ZERO
            : new Decimal(100)
          : roundHalfUp(change.abs().div(prior.abs()).times(100), 2);
        if (!expected.eq(stated)) {
          report(
            'N3',
            'error',
            p,
            at,
            'N3.pct',
            {
              label,
              word: w2,
              stated: stated.toFixed(2),
              change: fmt(change.abs()),
              prior: fmt(prior),
              expected: expected.toFixed(2),
            },
            { expected: expected.toFixed(2), actual: stated.toFixed(2), difference: stated.minus(expected).toFixed() },
          );
        }
      } else if (change.isZero() && !stated.isZero()) {
        report('N3', 'error', p, at, 'N3.pct', {
          label,
          word: w2,
          stated: stated.toFixed(2),
          change: '0.00',
          prior: '—',
          expected: '0.00',
        });
      }
    }

    // N2: `X万元,占Y%` against the total the section started with.
    const shareRe = new RegExp(`([^,;。]*?)${AMT}万元,占(\\d+(?:\\.\\d+)?)%`, 'g');
    for (const m of t.matchAll(shareRe)) {
      if (!base || base.isZero()) continue;
      checked++;
      const amount = num(m[2]);
      const stated = num(m[3]);
      const expected = roundHalfUp(amount.div(base).times(100), 2);
      shares.push({ share: stated, amount });
      if (!expected.eq(stated)) {
        report(
          'N2',
          'error',
          p,
          m.index ?? 0,
          'N2.share',
          {
            label: m[1],
            stated: stated.toFixed(2),
            amount: fmt(amount),
            base: fmt(base),
            expected: expected.toFixed(2),
          },
          { expected: expected.toFixed(2), actual: stated.toFixed(2), difference: stated.minus(expected).toFixed() },
        );
      }
    }

    // N1: every `label X万元` whose label names a table figure.
    const amountRe = new RegExp(`([^,;。]*?)${AMT}万元`, 'g');
    for (const m of t.matchAll(amountRe)) {
      const label = m[1].replace(/^[,;:]+/, '');
      const stated = num(m[2]);
      let figs = figuresFor(label, tables, section);
      let shown = label.replace(/^.*\d/, '').slice(-30);
      if (/本项目安排预算资金$|预算安排规模:?$/.test(label) && project) {
        const f = tables.project(project);
        figs = f ? [f] : [];
        shown = `${project}（项目预算资金）`;
      }
      if (figs.length === 0) continue;
      checked++;
      if (figs.some((f) => f.value.eq(stated))) continue;
      const f = figs[0];
      report(
        'N1',
        'error',
        p,
        m.index ?? 0,
        'N1.mismatch',
        {
          label: shown,
          stated: fmt(stated),
          table: fmt(f.value),
          where: f.where,
          difference: fmt(stated.minus(f.value).abs()),
        },
        {
          related: f.ref ? [f.ref] : [],
          expected: f.value.toFixed(),
          actual: stated.toFixed(),
          difference: stated.minus(f.value).toFixed(),
        },
      );
    }

    // N5: components.
    const components: [RegExp, string, string][] = [
      [
        new RegExp(
          `政府采购预算${AMT}万元,其中:政府采购货物预算${AMT}万元,政府采购工程预算${AMT}万元,政府采购服务预算${AMT}万元`,
        ),
        '政府采购预算',
        'government procurement',
      ],
      [
        new RegExp(
          `车辆\\d+辆,价值${AMT}万元;其中:一般公务用车\\d+辆,价值${AMT}万元;执法执勤用车\\d+辆,价值${AMT}万元;其他车辆\\d+辆,价值${AMT}万元`,
        ),
        '车辆价值',
        'the value of vehicles',
      ],
      [
        new RegExp(
          `三公"?经费(?:预算)?数为${AMT}万元,其中:因公出国\\(境\\)费${AMT}万元,公务用车购置费${AMT}万元,公务用车运行费${AMT}万元,公务接待费${AMT}万元`,
        ),
        '"三公"经费',
        'the "three public" expenses',
      ],
      [new RegExp(`基本支出${AMT}万元,其中:人员经费${AMT}万元.*?公用经费${AMT}万元`), '基本支出', 'basic expenditure'],
    ];
    for (const [re, what, whatEn] of components) {
      const m = re.exec(t);
      if (!m) continue;
      checked++;
      const total = num(m[1]);
      const parts = m.slice(2).map(num);
      const sum = parts.reduce((a, b) => a.plus(b), ZERO);
      const dec = (s: string) => (s.split('.')[1] ?? '').length;
      const cmp = compareSum(
        { value: total, decimals: dec(m[1]) },
        parts.map((v, k) => ({ value: v, decimals: dec(m[k + 2]) })),
      );
      if (cmp.status === 'equal') continue;
      report(
        'N5',
        cmp.status === 'rounding' ? 'warning' : 'error',
        p,
        m.index ?? 0,
        'N5.components',
        {
          what: { zh: what, en: whatEn },
          total: fmt(total),
          parts: parts.map(fmt).join(' + '),
          sum: fmt(sum),
          difference: fmt(cmp.difference.abs()),
        },
        { expected: sum.toFixed(), actual: total.toFixed(), difference: cmp.difference.toFixed() },
      );
    }
    const staff = /实有人数(\d+)人,其中:在职(\d+)人.*?退休(\d+)人.*?离休(\d+)人/.exec(t);
    if (staff) {
      checked++;
      const [all, a, b, c] = staff.slice(1).map(Number);
      if (all !== a + b + c) {
        report('N5', 'error', p, staff.index, 'N5.components', {
          what: { zh: '实有人数', en: 'the staff count' },
          total: String(all),
          parts: `${a} + ${b} + ${c}`,
          sum: String(a + b + c),
          difference: String(Math.abs(all - a - b - c)),
        });
      }
    }

    // N6: the overall performance target's funds are the whole budget.
    const perf = new RegExp(`整体(?:预算)?绩效目标\\d+个,涉及(?:预算)?金额${AMT}万元`).exec(t);
    if (perf) {
      const f = tables.fixed('dept.t01', 'incomeTotal', 'inAmount');
      if (f) {
        checked++;
        const stated = num(perf[1]);
        if (!stated.eq(f.value))
          report(
            'N6',
            'error',
            p,
            perf.index,
            'N6.performance',
            { stated: fmt(stated), table: fmt(f.value) },
            { related: [f.ref], expected: f.value.toFixed(), actual: stated.toFixed() },
          );
      }
    }
  }
  closeShareGroup(lastPara);
  return { findings, checked };
}
