/**
 * The narrative drafter: the standard 情况说明 sections from the tables plus last year's figures,
 * following the disclosure conventions exactly (amounts in 万元 with thousands separators and 2
 * decimals; 占% of the section total; 比上年预算增加/减少 …，增长/下降 …% with the zero
 * conventions), leaving `主要原因是……` for the clerk.
 *
 * Figures are addressed by keys (`income.gpb`, `gpb.item.2080109`, …): `figuresOf` reads them
 * from a recognized package, so last year's package gives the prior figures directly.
 */
import { Decimal, ZERO } from '../amount/decimal';
import { formatAmount, formatPercent } from '../amount/format';
import { codedRows, fixedRow, totalRow } from '../engine/access';
import { describeChange } from '../metrics/describe';
import { RecognizedTable, TableRow } from '../recognize/types';
import { FUNCTION_CLASS_ROWS } from '../templates/dept/common';
import { BilingualText, message } from '../i18n/messages';

export type Figures = Map<string, Decimal>;

export interface DraftOptions {
  organisation?: string;
  year?: number;
  /** Names of items known only from last year (`gpb.item.2089999` → 类/款/项 names). */
  priorNames?: Map<string, string[]>;
  /** Say 机关运行经费 (行政单位) or 事业单位运行经费. Default 机关运行经费. */
  operatingLabel?: string;
}

const CLASS_NAME = new Map(FUNCTION_CLASS_ROWS);

function value(row: TableRow | undefined, col: string): Decimal | undefined {
  const v = row?.amounts.get(col)?.value;
  return v ?? undefined;
}

/** The figures of a package, by key. */
export function figuresOf(tables: readonly RecognizedTable[]): { figures: Figures; names: Map<string, string[]> } {
  const figures: Figures = new Map();
  const names = new Map<string, string[]>();
  const t = (id: string) => tables.find((x) => x.template.table === id);
  const put = (k: string, v: Decimal | undefined) => {
    if (v !== undefined) figures.set(k, v);
  };
  const t1 = t('dept.t01');
  if (t1) {
    put('income.total', value(fixedRow(t1, 'incomeTotal'), 'inAmount'));
    for (const k of ['unit', 'special', 'fiscalCarry', 'nonFiscalCarry'])
      put(`income.${k}`, value(fixedRow(t1, k), 'inAmount'));
  }
  const t2 = t('dept.t02');
  const t2total = t2 && totalRow(t2);
  for (const k of ['gpb', 'gpbTransfer', 'gfb', 'gfbTransfer', 'socb', 'socbTransfer'])
    put(`income.${k}`, value(t2total, k));
  const t3 = t('dept.t03');
  put('expense.basic', value(t3 && totalRow(t3), 'basic'));
  put('expense.project', value(t3 && totalRow(t3), 'project'));
  const t4 = t('dept.t04');
  if (t4) {
    put('fiscal.total', value(fixedRow(t4, 'incomeTotal'), 'inTotal'));
    for (const k of ['gpb', 'gfb', 'socb']) put(`fiscal.${k}`, value(fixedRow(t4, k), 'inTotal'));
    for (const r of codedRows(t4, 'expense')) put(`fiscal.class.${r.code}`, value(r, 'exGpb'));
  }
  const t5 = t('dept.t05');
  if (t5) {
    const total = totalRow(t5);
    put('gpb.total', value(total, 'total'));
    put('gpb.basic', value(total, 'basic'));
    put('gpb.project', value(total, 'project'));
    const rows = codedRows(t5);
    for (const r of rows) {
      const code = r.code!;
      if (code.length === 3) put(`gpb.class.${code}`, value(r, 'total'));
      if (code.length === 7) {
        put(`gpb.item.${code}`, value(r, 'total'));
        const kuan = rows.find((x) => x.code === code.slice(0, 5));
        const lei = rows.find((x) => x.code === code.slice(0, 3));
        names.set(`gpb.item.${code}`, [lei?.name ?? CLASS_NAME.get(code.slice(0, 3)) ?? '', kuan?.name ?? '', r.name]);
      }
    }
  }
  const t6 = t('dept.t06');
  const t6total = t6 && totalRow(t6);
  put('basic.total', value(t6total, 'total'));
  put('basic.personnel', value(t6total, 'personnel'));
  put('basic.public', value(t6total, 'public'));
  put('operating', value(t6total, 'public'));
  const t10 = t('dept.t10');
  if (t10) {
    put('threePublic.total', value(fixedRow(t10, 'total'), 'total') ?? ZERO);
    for (const k of ['abroad', 'vehiclePurchase', 'vehicleRunning', 'reception'])
      put(`threePublic.${k}`, value(fixedRow(t10, k), 'total') ?? ZERO);
  }
  return { figures, names };
}

const amt = (d: Decimal) => formatAmount(d);

/** Where the budget year of a package was read. */
export type YearSource = 'title' | 'note' | 'sheet';

export interface PackageYear {
  year: number;
  source: YearSource;
  /** The text it was read from (`2025年部门收支总体情况表`). */
  text: string;
}

const YEAR_IN = /((?:19|20)\d{2})\s*年(?!前|后|以前|以后|以来|底前)/;

/**
 * The budget year of a package, from its own words — never the clock: the tables' titles (and the
 * lines printed with them), else the empty-table sentences (`…2025年没有使用…`), else the sheet
 * names; not project names (`1995年前退休人员生活补贴` names another year). Within one kind of
 * source the year most often named wins (the latest on a tie). Undefined when the package names none.
 */
export function packageYear(tables: readonly RecognizedTable[]): PackageYear | undefined {
  const sources: [YearSource, string[]][] = [
    [
      'title',
      tables.flatMap((t) => {
        const out = [t.title.text];
        // 2025年部门预算公开 printed on a line above the title.
        for (let r = Math.max(0, t.title.r - 2); r < t.title.r; r++)
          for (const c of t.sheet.rows[r] ?? []) if (typeof c?.v === 'string') out.push(c.v);
        return out;
      }),
    ],
    ['note', tables.map((t) => t.note?.text ?? '')],
    ['sheet', [...new Set(tables.map((t) => t.sheet.name))]],
  ];
  for (const [source, texts] of sources) {
    const counts = new Map<number, { n: number; text: string }>();
    for (const text of texts) {
      const m = YEAR_IN.exec(text.normalize('NFKC'));
      if (!m) continue;
      const y = Number(m[1]);
      const c = counts.get(y);
      if (c) c.n++;
      else counts.set(y, { n: 1, text: text.trim() });
    }
    const best = [...counts].sort((a, b) => b[1].n - a[1].n || b[0] - a[0])[0];
    if (best) return { year: best[0], source, text: best[1].text };
  }
  return undefined;
}

/** The year written in a draft when the package names none: for the clerk to replace. */
export const YEAR_PLACEHOLDER = '20XX';

const SOURCE_NAME: Record<YearSource, BilingualText> = {
  title: { zh: '表名', en: 'title' },
  note: { zh: '空表说明', en: 'empty-table sentence' },
  sheet: { zh: '工作表名', en: 'sheet name' },
};

/** What the draft's year rests on, to show beside it: the year given, the text it was read from, or none. */
export function yearNotice(tables: readonly RecognizedTable[], given?: number): BilingualText {
  if (given !== undefined) return message('narrative.yearGiven', { year: given });
  const found = packageYear(tables);
  if (!found) return message('narrative.noYear', { placeholder: YEAR_PLACEHOLDER });
  const text = found.text.length > 40 ? `${found.text.slice(0, 40)}…` : found.text;
  const src = SOURCE_NAME[found.source];
  return {
    zh: message('narrative.year', { year: found.year, source: src.zh, text }).zh,
    en: message('narrative.year', { year: found.year, source: src.en, text }).en,
  };
}

export function draftNarrative(tables: readonly RecognizedTable[], prior: Figures, options: DraftOptions = {}): string {
  const { figures, names } = figuresOf(tables);
  const org = options.organisation ?? tables.find((t) => t.organisation)?.organisation ?? '本单位';
  const year = options.year ?? packageYear(tables)?.year ?? YEAR_PLACEHOLDER;
  const f = (k: string) => figures.get(k) ?? ZERO;
  const has = (k: string) => !f(k).isZero();
  const lines: string[] = [];
  const change = (k: string, current: Decimal) =>
    prior.has(k) ? `，${describeChange(current, prior.get(k)!, { spaced: false })}，主要原因是……。` : '。';
  const share = (part: Decimal, whole: Decimal) => (whole.isZero() ? '' : `，占${formatPercent(part.div(whole))}`);

  // 一、收支总体
  const total = f('income.total');
  lines.push(`一、关于${org}${year}年收支预算情况的总体说明`);
  lines.push(`按照全口径预算的原则，${org}${year}年所有收入和支出均纳入部门预算管理。收支总预算${amt(total)}万元。`);
  const incomeKinds = (
    [
      ['income.gpb', '一般公共预算'],
      ['income.gfb', '政府性基金预算'],
      ['income.socb', '国有资本经营预算'],
      ['income.special', '财政专户管理资金'],
      ['income.unit', '单位资金'],
      ['income.fiscalCarry', '财政拨款结转结余'],
    ] as const
  )
    .filter(([k]) => has(k))
    .map(([, n]) => n);
  lines.push(`收入预算包括：${incomeKinds.join('、')}。`);
  const classes = [...figures.keys()].filter((k) => k.startsWith('gpb.class.') || k.startsWith('fiscal.class.'));
  const classCodes = [...new Set(classes.map((k) => k.split('.').pop()!))].sort();
  const t3 = tables.find((x) => x.template.table === 'dept.t03');
  const spendClasses = t3
    ? codedRows(t3)
        .filter((r) => r.code!.length === 3)
        .map((r) => r.name)
    : classCodes.map((c) => CLASS_NAME.get(c) ?? c);
  lines.push(`支出预算包括：${spendClasses.join('、')}。`);

  // 二、收入
  lines.push(`二、关于${org}${year}年收入预算情况说明`);
  lines.push(`${org}部门收入预算${amt(total)}万元，其中：`);
  const incomeItems: [string, string][] = [
    ['income.gpb', '一般公共预算'],
    ['income.gpbTransfer', '上级一般公共预算安排的转移支付资金'],
    ['income.gfb', '政府性基金预算'],
    ['income.gfbTransfer', '上级政府性基金安排的转移支付资金'],
    ['income.socb', '国有资本经营预算'],
    ['income.socbTransfer', '上级国有资本经营预算安排的转移支付资金'],
    ['income.special', '财政专户管理资金'],
    ['income.unit', '单位资金'],
    ['income.fiscalCarry', '财政拨款结转'],
    ['income.nonFiscalCarry', '非财政拨款结转结余'],
  ];
  for (const [k, n] of incomeItems) {
    if (!has(k) && !(prior.get(k) && !prior.get(k)!.isZero())) {
      if (['income.gpbTransfer', 'income.gfb', 'income.gfbTransfer', 'income.socb', 'income.socbTransfer'].includes(k))
        lines.push(`${n}未安排。`);
      continue;
    }
    lines.push(`${n}${amt(f(k))}万元${share(f(k), total)}${change(k, f(k))}`);
  }

  // 三、支出
  lines.push(`三、关于${org}${year}年支出预算情况说明`);
  lines.push(`${org}${year}年支出预算${amt(total)}万元，其中：`);
  for (const [k, n] of [
    ['expense.basic', '基本支出'],
    ['expense.project', '项目支出'],
  ] as const) {
    lines.push(`${n}${amt(f(k))}万元${share(f(k), total)}${change(k, f(k))}`);
  }

  // 四、财政拨款收支总体
  const fiscal = f('fiscal.total');
  lines.push(`四、关于${org}${year}年财政拨款收支预算情况的总体说明`);
  lines.push(`${org}${year}年财政拨款收支总预算${amt(fiscal)}万元。`);
  lines.push(`收入预算包括：一般公共预算拨款${amt(f('fiscal.gpb'))}万元。`);
  const fiscalClasses = [...figures.keys()].filter((k) => k.startsWith('fiscal.class.') && has(k));
  lines.push(
    `一般公共预算支出包括：${fiscalClasses.map((k) => `${CLASS_NAME.get(k.split('.').pop()!) ?? ''}${amt(f(k))}万元，主要用于……`).join('；')}。`,
  );

  // 五、一般公共预算当年拨款
  const gpbTotal = f('gpb.total');
  lines.push(`五、关于${org}${year}年一般公共预算当年拨款情况说明`);
  lines.push('（一）一般公共预算当年拨款规模变化情况');
  lines.push(`${org}${year}年一般公共预算拨款合计${amt(gpbTotal)}万元，其中：`);
  lines.push(`基本支出${amt(f('gpb.basic'))}万元${change('gpb.basic', f('gpb.basic'))}`);
  lines.push(`项目支出${amt(f('gpb.project'))}万元${change('gpb.project', f('gpb.project'))}`);
  lines.push('（二）一般公共预算当年拨款结构情况');
  const gpbClasses = [...figures.keys()].filter((k) => k.startsWith('gpb.class.'));
  gpbClasses.forEach((k, i) => {
    const code = k.split('.').pop()!;
    lines.push(`${i + 1}、${CLASS_NAME.get(code) ?? code}（类）${amt(f(k))}万元${share(f(k), gpbTotal)}。`);
  });
  lines.push('（三）一般公共预算当年拨款具体使用情况');
  const itemKeys = [...new Set([...figures.keys(), ...prior.keys()].filter((k) => k.startsWith('gpb.item.')))].sort();
  itemKeys.forEach((k, i) => {
    const n = names.get(k) ?? options.priorNames?.get(k) ?? ['', '', k.split('.').pop()!];
    lines.push(
      `${i + 1}、${n[0]}（类）${n[1]}（款）${n[2]}（项）：${year}年预算数为${amt(f(k))}万元${change(k, f(k))}`,
    );
  });

  // 六、基本支出
  lines.push(`六、关于${org}${year}年一般公共预算基本支出情况说明`);
  const t6 = tables.find((x) => x.template.table === 'dept.t06');
  const econ = (col: string) =>
    t6
      ? codedRows(t6)
          .filter((r) => r.code!.length === 5 && r.amounts.get(col)?.value && !r.amounts.get(col)!.value!.isZero())
          .map((r) => r.name)
          .join('、')
      : '';
  lines.push(
    `${org}${year}年一般公共预算基本支出${amt(f('basic.total'))}万元，其中：人员经费${amt(f('basic.personnel'))}万元，主要包括：${econ('personnel')}。公用经费${amt(f('basic.public'))}万元，主要包括：${econ('public')}。`,
  );

  // 七、项目支出
  lines.push(`七、关于${org}${year}年一般公共预算项目支出情况说明`);
  const t7 = tables.find((x) => x.template.table === 'dept.t07');
  const projects = t7 ? t7.rows.filter((r) => r.kind === 'project' && r.project) : [];
  if (projects.length === 0)
    lines.push(`${org}${year}年没有使用一般公共预算安排项目支出，一般公共预算项目支出情况表为空表。`);
  projects.forEach((p, i) => {
    lines.push(`（${'一二三四五六七八九十'[i] ?? i + 1}）项目名称：${p.project}`);
    lines.push(`预算安排规模：${amt(p.amounts.get('total')?.value ?? ZERO)}万元`);
  });

  // 八、九、政府性基金和国有资本经营预算拨款
  const fundSection = (no: string, table: string, what: string, title: string) => {
    lines.push(`${no}、关于${org}${year}年${what}拨款情况说明`);
    const tt = tables.find((x) => x.template.table === table);
    const total = tt && totalRow(tt)?.amounts.get('total')?.value;
    if (!total || total.isZero()) lines.push(`${org}${year}年没有使用${what}拨款安排的支出，${title}为空表。`);
    else lines.push(`${org}${year}年${what}拨款支出${amt(total)}万元，主要用于……。`);
  };
  fundSection('八', 'dept.t08', '政府性基金预算', '政府性基金预算支出情况表');
  fundSection('九', 'dept.t09', '国有资本经营预算', '国有资本经营预算支出情况表');

  // 十、三公
  lines.push(`十、关于${org}${year}年财政拨款“三公”经费预算情况说明`);
  lines.push(
    `${org}${year}年财政拨款“三公”经费预算数为${amt(f('threePublic.total'))}万元，其中：因公出国（境）费${amt(f('threePublic.abroad'))}万元，公务用车购置费${amt(f('threePublic.vehiclePurchase'))}万元，公务用车运行费${amt(f('threePublic.vehicleRunning'))}万元，公务接待费${amt(f('threePublic.reception'))}万元。`,
  );
  if (prior.has('threePublic.total')) {
    lines.push(
      `${year}年财政拨款“三公”经费预算${describeChange(f('threePublic.total'), prior.get('threePublic.total')!, { spaced: false })}，主要原因是……。`,
    );
  }

  // 十一、上年结转结余
  lines.push(`十一、关于${org}${year}年上年结转结余预算情况说明`);
  const t11 = tables.find((x) => x.template.table === 'dept.t11');
  const carry = t11 && totalRow(t11)?.amounts.get('total')?.value;
  if (!carry || carry.isZero())
    lines.push(`${org}${year}年没有上年结转结余预算安排的支出，上年结转结余情况明细表为空表。`);
  else lines.push(`${org}${year}年上年结转结余${amt(carry)}万元，主要用于……。`);

  // 十二、机关运行经费
  lines.push('十二、其他重要事项的情况说明');
  lines.push('（一）机关运行经费情况');
  const op = options.operatingLabel ?? '机关运行经费';
  lines.push(`${org}${year}年的${op}财政拨款预算${amt(f('operating'))}万元${change('operating', f('operating'))}`);
  return `${lines.join('\n')}\n`;
}
