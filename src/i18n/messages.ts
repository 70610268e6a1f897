/**
 * The one message catalogue: every user-facing sentence, Chinese first, English second.
 * Parameters are written `{name}` and filled by {@link message}; `{n:one|other}` chooses an English
 * plural form by the number `n` (`#` is the number).
 *
 * Rule modules add their own entries through {@link registerMessages} so that a new rule
 * arrives as a new file; keys are namespaced (`amount.*`, `rule.H1.*`, …).
 */
export type Lang = 'zh' | 'en';

export interface BilingualText {
  zh: string;
  en: string;
}

export type MessageParams = Record<string, string | number | undefined>;

const catalogue: Record<string, BilingualText> = {
  'amount.unrecognized': { zh: '无法识别的数字：{raw}', en: 'Unrecognised number: {raw}' },
  'amount.notFinite': { zh: '不是有限的数字：{raw}', en: 'Not a finite number: {raw}' },
  'amount.boolean': { zh: '逻辑值不是金额：{raw}', en: 'A logical value is not an amount: {raw}' },
  'amount.excelError': { zh: '单元格含错误值：{raw}', en: 'The cell holds an error value: {raw}' },
  'amount.grouping': {
    zh: '千分位分隔符位置不正确：{raw}',
    en: 'Thousands separators in the wrong place: {raw}',
  },
  'amount.tooLong': {
    zh: '文本过长，不是数字（{length} 个字符）',
    en: 'Text too long to be a number ({length} characters)',
  },
  'metric.divZero': { zh: '除数为零：上年数（或总数）为 0', en: 'Division by zero: the prior (or whole) is 0' },
  'metric.shapeMismatch': {
    zh: '区域大小不一致：{a} 与 {b}',
    en: 'Ranges differ in size: {a} and {b}',
  },
  'metric.badOption': {
    zh: '无效的选项：{value}（可选：{allowed}）',
    en: 'Invalid option: {value} (allowed: {allowed})',
  },
  'metric.badDigits': {
    zh: '小数位数必须是 -15 到 15 之间的整数：{value}',
    en: 'Digits must be a whole number from -15 to 15: {value}',
  },
  'metric.negativeWhole': { zh: '总数为负数，无法计算占比', en: 'The whole is negative; shares cannot be computed' },
  'metric.zeroExpenditure': {
    zh: '支出为零，无法计算可支付月数',
    en: 'Expenditure is zero; payable months cannot be computed',
  },

  // ── Issue 12: recognition by meaning, sheets bound to a form (--bind, 此表是…) ──────────────
  'recognize.boundMissing': {
    zh: '已指定为“{title}”（{ref}），但表头缺少列：{columns}',
    en: 'Bound to “{title}” ({ref}), but the header lacks columns: {columns}',
  },
  'recognize.titleTerms': {
    zh: '表名“{own}”与“{title}”不符（{terms}）',
    en: 'the title “{own}” does not fit “{title}” ({terms})',
  },
  'recognize.titleInName': {
    zh: '没有表名行，工作表名“{own}”是“{title}”的表名',
    en: 'no title row; the sheet’s name “{own}” is the title of “{title}”',
  },
  'recognize.termsMissing': { zh: '缺少“{terms}”', en: 'lacks “{terms}”' },
  'recognize.termsExtra': { zh: '多出“{terms}”', en: 'has “{terms}” in excess' },
  'recognize.nearestTitled': {
    zh: '未识别：{titleNote}；表头最接近“{title}”（匹配 {score}%），缺少列：{columns}',
    en: 'Not recognised: {titleNote}; the header is nearest to “{title}” ({score}% matched), lacking columns: {columns}',
  },
  'recognize.nearestTitledFits': {
    zh: '未识别：{titleNote}；表头最接近“{title}”（匹配 {score}%）',
    en: 'Not recognised: {titleNote}; the header is nearest to “{title}” ({score}% matched)',
  },
  'bind.unknown': {
    zh: '工作表“{sheet}”指定的表样“{ref}”不存在（可写 表5、sh.表5、dept.t05 或表名），已按表名和表头识别',
    en: 'Sheet “{sheet}” is bound to “{ref}”, which names no form (write 表5, sh.表5, dept.t05 or a title); it was recognised by its title and header',
  },
  'bind.missing': {
    zh: '工作表“{sheet}”已指定为“{title}”，但表头不符，缺少列：{columns}；该表未核对',
    en: 'Sheet “{sheet}” is bound to “{title}”, but its header does not fit: it lacks columns {columns}; the table was not checked',
  },
  'bind.title': {
    zh: '工作表“{sheet}”按指定读作“{title}”，但{note}',
    en: 'Sheet “{sheet}” is read as “{title}” as bound, but {note}',
  },
  'bind.hint': {
    zh: '请核对指定的表样是否正确（设置“此表是…”，或命令行 --bind "工作表=表N"）',
    en: 'Check that the bound form is right (此表是… in the pane, or --bind "Sheet=表N" on the command line)',
  },
  'ui.bind.label': { zh: '此表是…', en: 'This sheet is…' },
  'ui.bind.auto': { zh: '（按表名和表头自动识别）', en: '(recognise by title and header)' },
  'ui.bind.bound': { zh: '已指定：{title}', en: 'Bound: {title}' },
  'ui.bind.family.dept': { zh: '部门预算', en: 'Department budget' },
  'ui.bind.family.sh': { zh: '上海区级部门/单位预算', en: 'Shanghai district department/unit budget' },
  'ui.bind.family.final': { zh: '部门决算', en: 'Department final accounts' },
  'ui.bind.family.si': { zh: '社会保险基金预算', en: 'Social insurance fund budget' },
  'ui.bind.family.other': { zh: '审核包表样', en: 'Pack forms' },
  // ── end of issue 12 block ──────────────────────────────────────────────────────────────────
};

/** Adds messages (e.g. from a rule module). A key may be registered once. */
export function registerMessages(entries: Record<string, BilingualText>): void {
  for (const [key, text] of Object.entries(entries)) {
    if (catalogue[key] && (catalogue[key].zh !== text.zh || catalogue[key].en !== text.en)) {
      throw new Error(`message key registered twice with different text: ${key}`);
    }
    catalogue[key] = text;
  }
}

export function hasMessage(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

/**
 * `{n:one|other}` picks the singular when the parameter is 1 (or −1) and the plural otherwise;
 * `#` in the chosen text is the number (`{n:1 file|# files}`, `{n} {n:warning|warnings}`). For
 * English; Chinese needs none.
 */
function plurals(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+):([^{}|]*)\|([^{}]*)\}/g, (whole, name: string, one: string, other: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    const n = typeof v === 'number' ? v : Number(String(v).replace(/,/g, ''));
    return (Math.abs(n) === 1 ? one : other).replace(/#/g, String(v));
  });
}

function fill(template: string, params: MessageParams): string {
  return plurals(template, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** The message `key` in both languages with its parameters filled. */
export function message(key: string, params: MessageParams = {}): BilingualText {
  const text = catalogue[key];
  if (!text) throw new Error(`unknown message key: ${key}`);
  return { zh: fill(text.zh, params), en: fill(text.en, params) };
}

export function messageIn(lang: Lang, key: string, params: MessageParams = {}): string {
  return message(key, params)[lang];
}

/** Every key, for tests that check the catalogue is complete. */
export function messageKeys(): string[] {
  return Object.keys(catalogue);
}
