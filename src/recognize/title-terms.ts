/**
 * Titles by their key terms (issue 12): a title is read as
 *   [prefix: region, organisation] [subject: 部门/单位/预算单位/预算主管部门] core [suffix: 总表/表/情况表/明细表…]
 * with years (`2026年`), ordinals (`一、`, `1.`), table numbers (`表二、`) and form codes (`公开01表`,
 * `社预执行07表`) left out. Two titles name the same form when their cores are equal; an unseen
 * spelling of a known form (`2026年XX区XX局部门收入预算总表`, `公开02表 部门收入预算表`) is found by its
 * core. The terms also say what differs between a sheet's title and a form's (for the message of a
 * sheet that was not recognised).
 */
import { message } from '../i18n/messages';
import { normalizeLabel, TableTemplate } from '../templates/types';

const SUBJECT = /(预算主管部门|预算单位|部门|单位)$/;
const SUBJECT_TERM = /^(预算主管部门|预算单位|部门|单位)$/;
const SUFFIX = /(总体情况表|情况明细表|明细表|情况表|汇总表|总表|表)$/;
const LEAD = [
  /^(?:附件|附表)[0-9一二三四五六七八九十]*[、.:\-_]?/,
  /^表[0-9一二三四五六七八九十]{1,3}(?![0-9])[、.:\-_]?/,
  /^[\u4e00-\u9fff]{1,6}?[0-9]{1,3}表[、.:\-_]?/,
  /^[一二三四五六七八九十]{1,3}[、.]/,
  /^\(?[0-9]{1,2}[.、)]/,
  /^\([一二三四五六七八九十]{1,3}\)[、.]?/,
];
/** Trailing notes: `（续）`, `（单位：万元）`, `（公开01表）`, a form code after the title (`…总表 公开01表`). */
const TRAIL = [
  /\((?:续表?|续[0-9]*|[^()]*元|[^()]*[0-9]表)\)$/,
  /(?<=表)[、.:\-_]?[\u4e00-\u9fff]{0,6}[0-9]{1,3}表$/,
  /(?<=表)续表?$/,
];

/** A title's text without years, numbers, form codes and trailing notes; undefined unless it ends in 表. */
export function titleText(text: string): string | undefined {
  let n = normalizeLabel(text);
  if (n.length < 3 || n.length > 60) return undefined;
  n = n.replace(/(?:19|20)[0-9]{2}(?:[-~至](?:19|20)?[0-9]{2})?年度?/g, '');
  for (let again = true; again;) {
    again = false;
    for (const re of LEAD) {
      const m = re.exec(n);
      if (m && m[0].length < n.length) {
        n = n.slice(m[0].length);
        again = true;
      }
    }
  }
  for (const re of TRAIL) {
    const m = re.exec(n);
    if (m && m.index > 0) n = n.slice(0, m.index);
  }
  return /表$/.test(n) ? n : undefined;
}

/** The core of a title: its text without the subject and the suffix (`部门收入预算总表` → `收入预算`). */
export function coreOf(text: string): { core: string; suffix: string } | undefined {
  const n = titleText(text);
  if (!n) return undefined;
  const suffix = SUFFIX.exec(n)![1];
  const body = n.slice(0, -suffix.length);
  return { core: body, suffix };
}

const coreCache = new WeakMap<TableTemplate, { core: string; suffix: string }[]>();

/** The cores of a template's titles (subject and suffix removed), each with its title's suffix. */
export function templateTitleCores(t: TableTemplate): { core: string; suffix: string }[] {
  let cores = coreCache.get(t);
  if (!cores) {
    const out = new Map<string, { core: string; suffix: string }>();
    for (const title of [t.title, ...t.titles]) {
      const c = coreOf(title);
      if (!c) continue;
      const core = c.core.replace(/^(预算主管部门|预算单位|部门|单位)/, '');
      if (core.length >= 2 && !out.has(`${core}|${c.suffix}`))
        out.set(`${core}|${c.suffix}`, { core, suffix: c.suffix });
    }
    cores = [...out.values()];
    coreCache.set(t, cores);
  }
  return cores;
}

/** The cores of a template's titles (subject and suffix removed). */
export function templateCores(t: TableTemplate): string[] {
  return [...new Set(templateTitleCores(t).map((c) => c.core))];
}

/**
 * Whether two suffixes may name the same table: any may, except a 总表 and a 总体情况表/情况表
 * (`财政拨款收支预算总表` is Shanghai's form, `财政拨款收支预算总体情况表` the standard one).
 */
function suffixesAgree(a: string, b: string): boolean {
  const kind = (s: string) => (/明细表$/.test(s) ? '' : /情况表$/.test(s) ? 'state' : /总表$/.test(s) ? 'total' : '');
  return !kind(a) || !kind(b) || kind(a) === kind(b);
}

export interface TermMatch {
  template: TableTemplate;
  core: string;
}

/**
 * The templates a title names by its core: the longest core the title's body ends with, where what
 * comes before it is nothing, or ends with the subject (部门, 单位 …), or — for a core of six or more
 * characters, specific enough on its own — a region's or an organisation's name.
 */
export function matchTitleTerms(text: string, templates: readonly TableTemplate[]): TermMatch[] {
  const c = coreOf(text);
  if (!c) return [];
  let best: TermMatch[] = [];
  let bestLen = 0;
  for (const t of templates) {
    for (const { core: k, suffix } of templateTitleCores(t)) {
      if (k.length < bestLen || !c.core.endsWith(k) || !suffixesAgree(c.suffix, suffix)) continue;
      const prefix = c.core.slice(0, c.core.length - k.length);
      const ok = prefix === '' || SUBJECT.test(prefix) || (k.length >= 6 && !/[预决]算$|支出$|收入$/.test(prefix));
      if (!ok) continue;
      if (k.length > bestLen) {
        best = [];
        bestLen = k.length;
      }
      if (!best.some((b) => b.template === t)) best.push({ template: t, core: k });
    }
  }
  return best;
}

/** The key terms, longest first, for telling which words of two titles differ. */
const TERMS = [
  '预算主管部门',
  '国有资本经营预算',
  '政府性基金预算',
  '一般公共预算',
  '社会保险基金',
  '机关运行经费',
  '上年结转结余',
  '国有资本经营',
  '政府性基金',
  '财政拨款',
  '财务收支',
  '基本支出',
  '项目支出',
  '三公经费',
  '功能分类',
  '经济分类',
  '预算单位',
  '执行情况',
  '总体情况',
  '部门',
  '单位',
  '收入',
  '支出',
  '收支',
  '预算',
  '决算',
  '安排',
  '结余',
  '平衡',
  '明细',
  '汇总',
  '总',
];

/** A text split into key terms (unknown characters kept together as one term each run). */
export function titleTerms(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  let other = '';
  while (rest) {
    const t = TERMS.find((x) => rest.startsWith(x));
    if (t) {
      if (other) out.push(other);
      other = '';
      out.push(t);
      rest = rest.slice(t.length);
    } else {
      other += rest[0];
      rest = rest.slice(1);
    }
  }
  if (other) out.push(other);
  return out;
}

const IGNORED = new Set(['部门', '单位', '预算单位', '预算主管部门', '总', '总体情况', '明细', '汇总']);

/**
 * What a sheet's title lacks and has in excess, term by term, against the form's title whose core
 * is closest (subject and suffix ignored). Undefined when the sheet has no title ending in 表.
 */
export function titleDifference(
  text: string,
  t: TableTemplate,
): { missing: string[]; extra: string[]; title: string } | undefined {
  const c = coreOf(text);
  if (!c) return undefined;
  const all = titleTerms(c.core);
  let best: { missing: string[]; extra: string[]; title: string } | undefined;
  for (const k of templateCores(t)) {
    const want = titleTerms(k).filter((x) => !IGNORED.has(x));
    // The region's or the organisation's name comes before the subject (部门, 单位), or without one
    // before the form's first term: not extra.
    const first = all.findIndex((x) => want.includes(x));
    const upto = first < 0 ? all.length : first;
    let subject = -1;
    for (let i = 0; i < upto; i++) if (SUBJECT_TERM.test(all[i])) subject = i;
    const from = subject >= 0 ? subject + 1 : first < 0 ? 0 : first;
    const own = all.slice(from).filter((x) => !IGNORED.has(x));
    const missing = want.filter((x) => !own.includes(x));
    const extra = own.filter((x) => !want.includes(x));
    const d = { missing, extra, title: k };
    if (!best || missing.length + extra.length < best.missing.length + best.extra.length) best = d;
  }
  return best;
}

/** `表名“…”与“…”不符（缺少“预算”，多出“决算”）` and the English, or undefined when the terms agree. */
export function termsNote(
  own: string,
  title: string,
  terms: { missing: string[]; extra: string[] } | undefined,
): { zh: string; en: string } | undefined {
  if (!terms || (terms.missing.length === 0 && terms.extra.length === 0)) return undefined;
  const parts = (lang: 'zh' | 'en') =>
    [
      terms.missing.length ? message('recognize.termsMissing', { terms: terms.missing.join('、') })[lang] : '',
      terms.extra.length ? message('recognize.termsExtra', { terms: terms.extra.join('、') })[lang] : '',
    ]
      .filter(Boolean)
      .join(lang === 'zh' ? '，' : ', ');
  return {
    zh: message('recognize.titleTerms', { own, title, terms: parts('zh') }).zh,
    en: message('recognize.titleTerms', { own, title, terms: parts('en') }).en,
  };
}
