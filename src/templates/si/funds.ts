/**
 * The 社会保险基金 (social insurance fund) catalogue: the seven funds with their 科目编码 in the
 * income, expenditure and balance tables, the lines of the 收支平衡表, and the standard rows of
 * both published styles (spec: shared/spec/si-fund-rows.json). Rows of a published table are
 * matched to these by code or by normalised name, never by position: the fund order differs
 * between the tables of one package.
 */
import { normalizeLabel, stripNumbering } from '../types';

export type FundKey =
  'enterprise' | 'civil' | 'residentPension' | 'employeeMedical' | 'residentMedical' | 'injury' | 'unemployment';

export type FundTableKind = 'income' | 'expense' | 'balance';

export interface Fund {
  key: FundKey;
  name: { zh: string; en: string };
  /** Tested on a normalised label (no spaces, half-width). */
  pattern: RegExp;
  codes: Record<FundTableKind, string>;
}

export const FUNDS: readonly Fund[] = [
  {
    key: 'enterprise',
    name: { zh: '企业职工基本养老保险基金', en: 'enterprise employees’ basic pension fund' },
    pattern: /企业职工基本养老/,
    codes: { income: '10201', expense: '20901', balance: '2300911' },
  },
  {
    key: 'civil',
    name: { zh: '机关事业单位基本养老保险基金', en: 'civil service basic pension fund' },
    pattern: /机关事业(单位)?(基本)?养老/,
    codes: { income: '10211', expense: '20911', balance: '2300916' },
  },
  {
    key: 'residentPension',
    name: { zh: '城乡居民基本养老保险基金', en: 'urban and rural residents’ basic pension fund' },
    pattern: /城乡居民(社会)?(基本)?养老/,
    codes: { income: '10210', expense: '20910', balance: '2300915' },
  },
  {
    key: 'employeeMedical',
    name: { zh: '职工基本医疗保险基金', en: 'employees’ basic medical insurance fund' },
    pattern: /职工(基本)?医疗/,
    codes: { income: '10203', expense: '20903', balance: '2300913' },
  },
  {
    key: 'residentMedical',
    name: { zh: '城乡居民基本医疗保险基金', en: 'urban and rural residents’ basic medical insurance fund' },
    pattern: /城乡居民(基本)?医疗|居民医保/,
    codes: { income: '10212', expense: '20912', balance: '2300917' },
  },
  {
    key: 'injury',
    name: { zh: '工伤保险基金', en: 'work injury insurance fund' },
    pattern: /工伤保险/,
    codes: { income: '10204', expense: '20904', balance: '2300914' },
  },
  {
    key: 'unemployment',
    name: { zh: '失业保险基金', en: 'unemployment insurance fund' },
    pattern: /失业保险/,
    codes: { income: '10202', expense: '20902', balance: '2300912' },
  },
];

/** The totals' codes: 102 收入合计, 209 支出合计, 23009 年终结余. */
export const TOTAL_CODES: Record<FundTableKind, string> = { income: '102', expense: '209', balance: '23009' };

/** The 收支平衡表 lines besides the funds and their totals. */
export const BALANCE_SHEET_LINES = {
  /** 社会保险基金上年结余收入: this year's opening balance. */
  opening: '11008',
  /** 社会保险基金上级补助收入. */
  fromAbove: '11017',
  /** 社会保险基金下级上解收入. */
  fromBelow: '11018',
  /** 社会保险基金年终结余. */
  closing: '23009',
  /** 社会保险基金补助下级支出. */
  toBelow: '23018',
  /** 社会保险基金上解上级支出. */
  toAbove: '23019',
} as const;

export const BALANCE_SHEET_NAMES: Record<string, { zh: string; en: string }> = {
  '11008': { zh: '社会保险基金上年结余收入', en: 'opening balance' },
  '11017': { zh: '社会保险基金上级补助收入', en: 'subsidies from the level above' },
  '11018': { zh: '社会保险基金下级上解收入', en: 'remittances from the level below' },
  '23009': { zh: '社会保险基金年终结余', en: 'closing balance' },
  '23018': { zh: '社会保险基金补助下级支出', en: 'subsidies to the level below' },
  '23019': { zh: '社会保险基金上解上级支出', en: 'remittances to the level above' },
};

/** A fund's own line (not a 其中 row): `一、企业职工基本养老保险基金收入`, with the numbering stripped. */
export const FUND_MAIN_ROW =
  /^(?:企业职工基本养老|机关事业(?:单位)?(?:基本)?养老|城乡居民(?:社会)?(?:基本)?养老|(?:城镇)?职工(?:基本)?医疗|城乡居民(?:基本)?医疗|工伤|失业|生育)保险(?:基金)?(?:预算)?(?:收入|支出|年终结余|年末(?:累计|滚存)?结余|结余)$/;

/** The fund a label names, if any. */
export function fundOfLabel(label: string): Fund | undefined {
  const n = normalizeLabel(label);
  return FUNDS.find((f) => f.pattern.test(n));
}

/** The fund a code belongs to (a fund code, or a 7-digit code under one). */
export function fundOfCode(code: string, kind: FundTableKind): Fund | undefined {
  if (kind === 'balance') return FUNDS.find((f) => f.codes.balance === code);
  return FUNDS.find((f) => code === f.codes[kind] || (code.length === 7 && code.startsWith(f.codes[kind])));
}

const INCOME_SUB_SUFFIX = ['01', '02', '03'];

/**
 * The key a 其中 row goes by, the same in every table and at every level: `premium` 保险费收入,
 * `subsidy` 财政补贴收入, `interest` 利息收入, `benefits` 社会保险待遇支出 (of the total),
 * `criticalIllness` 大病保险支出; otherwise the label without numbering, fund name and 基金/支出.
 */
export function subRowKey(label: string, kind: FundTableKind, code?: string): string {
  const n = stripNumbering(normalizeLabel(label));
  if (/保险费收入$|缴费收入$/.test(n)) return 'premium';
  if (/财政补贴收入$/.test(n)) return 'subsidy';
  if (/利息收入$/.test(n)) return 'interest';
  if (/大病保险/.test(n)) return 'criticalIllness';
  if (kind === 'income' && code && code.length === 7) {
    const i = INCOME_SUB_SUFFIX.indexOf(code.slice(5));
    if (i >= 0) return ['premium', 'subsidy', 'interest'][i];
  }
  let rest = n;
  const fund = fundOfLabel(rest);
  if (fund) {
    const m = fund.pattern.exec(rest)!;
    rest = rest.slice(m.index + m[0].length).replace(/^保险(?:基金)?|^基金/, '');
  } else {
    rest = rest.replace(/^社会保险(?:基金)?/, '');
  }
  rest = rest.replace(/支出$/, '');
  if (!fund && kind === 'expense' && /^待遇$/.test(rest)) return 'benefits';
  return `label:${rest || n}`;
}

/** A standard row: code (style (a) and the 平衡表), name; style (b) rows also say what they are. */
export interface StandardRow {
  code?: string;
  name: string;
  /** The fund (absent: the total). */
  fund?: FundKey;
  /** The 其中 row's {@link subRowKey}. */
  sub?: string;
}

/** Style (a) (seed 000): 收入表, 支出表, 结余表 with 科目编码, as si-fund-rows.json lists them. */
export const STYLE_A_ROWS: Record<FundTableKind, readonly StandardRow[]> = {
  income: [
    { code: '102', name: '社会保险基金收入合计' },
    { name: '其中:保险费收入' },
    { name: '社会保险基金财政补贴收入' },
    { name: '利息收入' },
    ...(
      [
        ['10201', '一、', '企业职工基本养老保险', '企业职工基本养老保险'],
        ['10211', '二、', '机关事业单位基本养老保险', '机关事业单位基本养老保险'],
        ['10210', '三、', '城乡居民基本养老保险', '城乡居民基本养老保险'],
        ['10203', '四、', '职工基本医疗保险', '职工基本医疗保险'],
        ['10212', '五、', '城乡居民基本医疗保险', '城乡居民基本医疗保险'],
        ['10204', '六、', '工伤保险', '工伤保险'],
        ['10202', '七、', '失业保险', '失业保险'],
      ] as const
    ).flatMap(([code, no, fund, premium]) => [
      { code, name: `${no}${fund}基金收入` },
      { code: `${code}01`, name: `其中:${premium}费收入` },
      { code: `${code}02`, name: `${fund}基金财政补贴收入` },
      { code: `${code}03`, name: `${fund}基金利息收入` },
    ]),
  ],
  expense: [
    { code: '209', name: '社会保险基金支出合计' },
    { code: '20901', name: '一、企业职工基本养老保险基金支出' },
    { code: '2090101', name: '其中:基本养老金' },
    { code: '20911', name: '二、机关事业基本养老保险基金支出' },
    { code: '2091101', name: '其中:基本养老金支出' },
    { code: '20910', name: '三、城乡居民基本养老保险基金支出' },
    { code: '2091001', name: '其中:基础养老金支出' },
    { code: '20903', name: '四、职工基本医疗保险基金支出' },
    { code: '2090301', name: '其中:职工基本医疗保险统筹基金' },
    { code: '2090302', name: '职工基本医疗保险个人账户基金' },
    { code: '20912', name: '五、城乡居民基本医疗保险基金支出' },
    { code: '2091201', name: '其中:城乡居民基本医疗保险基金医疗待遇支出' },
    { code: '2091202', name: '城乡居民大病保险支出' },
    { code: '20904', name: '六、工伤保险基金支出' },
    { code: '2090401', name: '其中:工伤保险待遇' },
    { code: '20902', name: '七、失业保险基金支出' },
    { code: '2090201', name: '其中:失业保险金' },
  ],
  balance: [
    { code: '23009', name: '社会保险基金年终结余合计' },
    { code: '2300911', name: '一、企业职工基本养老保险基金年终结余' },
    { code: '2300916', name: '二、机关事业基本养老保险基金年终结余' },
    { code: '2300915', name: '三、城乡居民基本养老保险基金年终结余' },
    { code: '2300913', name: '四、职工基本医疗保险基金年终结余' },
    { code: '2300917', name: '五、城乡居民基本医疗保险基金年终结余' },
    { code: '2300914', name: '六、工伤保险基金年终结余' },
    { code: '2300912', name: '七、失业保险基金年终结余' },
  ],
};

/** Style (b): the two panels of the 收支平衡表. */
export const BALANCE_SHEET_ROWS: { income: readonly StandardRow[]; expense: readonly StandardRow[] } = {
  income: [
    { code: '10201', name: '一、企业职工基本养老保险基金收入' },
    { code: '10202', name: '二、失业保险基金收入' },
    { code: '10203', name: '三、职工基本医疗保险基金收入' },
    { code: '10204', name: '四、工伤保险基金收入' },
    { code: '10210', name: '五、城乡居民基本养老保险基金收入' },
    { code: '10211', name: '六、机关事业单位基本养老保险基金收入' },
    { code: '10212', name: '七、城乡居民基本医疗保险基金收入' },
    { code: '102', name: '社会保险基金收入合计' },
    { code: '11008', name: '社会保险基金上年结余收入' },
    { code: '11017', name: '社会保险基金上级补助收入' },
    { code: '11018', name: '社会保险基金下级上解收入' },
    { name: '收入总计' },
  ],
  expense: [
    { code: '20901', name: '一、企业职工基本养老保险基金支出' },
    { code: '20902', name: '二、失业保险基金支出' },
    { code: '20903', name: '三、职工基本医疗保险基金支出' },
    { code: '20904', name: '四、工伤保险基金支出' },
    { code: '20910', name: '五、城乡居民基本养老保险基金支出' },
    { code: '20911', name: '六、机关事业单位基本养老保险基金支出' },
    { code: '20912', name: '七、城乡居民基本医疗保险基金支出' },
    { code: '209', name: '社会保险基金支出合计' },
    { code: '23009', name: '社会保险基金年终结余' },
    { code: '23018', name: '社会保险基金补助下级支出' },
    { code: '23019', name: '社会保险基金上解上级支出' },
    { name: '支出总计' },
  ],
};

/**
 * Style (b) execution and plan tables: no codes, funds in this order (not the 平衡表's), each
 * with its 其中 rows. `{scope}` is 全地区 (or 全市) or 本级.
 */
export const STYLE_B_FUND_ORDER: readonly FundKey[] = [
  'enterprise',
  'residentPension',
  'civil',
  'employeeMedical',
  'residentMedical',
  'injury',
  'unemployment',
];

const B_NAMES: Record<FundKey, string> = {
  enterprise: '企业职工基本养老保险',
  residentPension: '城乡居民基本养老保险',
  civil: '机关事业基本养老保险',
  employeeMedical: '职工基本医疗保险',
  residentMedical: '城乡居民基本医疗保险',
  injury: '工伤保险',
  unemployment: '失业保险',
};

const B_BENEFITS: Record<FundKey, string[]> = {
  enterprise: ['其中：基本养老金支出'],
  residentPension: ['其中：基础养老金支出'],
  civil: ['其中：基本养老金支出'],
  employeeMedical: ['其中：医疗待遇支出'],
  residentMedical: ['其中：医疗待遇支出', '大病保险支出'],
  injury: ['其中：工伤保险待遇支出'],
  unemployment: ['其中：失业保险金支出'],
};

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七'];

/** Style (b) execution/plan rows for a scope word (全地区, 本级): names only, 其中 rows included. */
export function styleBRows(kind: FundTableKind, scope: string): StandardRow[] {
  const head =
    kind === 'income'
      ? [`${scope}社会保险基金收入合计`, '其中：保险费收入', '财政补贴收入', '利息收入']
      : kind === 'expense'
        ? [`${scope}社会保险基金支出合计`, '其中：社会保险待遇支出']
        : [`${scope}社会保险基金年末累计结余`];
  const rows: StandardRow[] = head.map((name, i) => (i === 0 ? { name } : { name, sub: subRowKey(name, kind) }));
  STYLE_B_FUND_ORDER.forEach((key, i) => {
    const fund = `${CN_NUMBERS[i]}、${B_NAMES[key]}基金`;
    const subs =
      kind === 'income' ? ['其中：保险费收入', '财政补贴收入', '利息收入'] : kind === 'expense' ? B_BENEFITS[key] : [];
    const main = kind === 'income' ? '收入' : kind === 'expense' ? '支出' : '年末累计结余';
    rows.push({ name: `${fund}${main}`, fund: key });
    for (const name of subs) rows.push({ name, fund: key, sub: subRowKey(name, kind) });
  });
  return rows;
}
