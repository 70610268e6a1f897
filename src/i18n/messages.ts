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

  // ---- Fund forms beyond the two 社会保险基金 styles (family `fund`, issue 12; src/rules/funds) ----
  'fund.ofWhichAbove': {
    zh: '{where}：其中各项之和 {sum} 大于本项 {actual}，多 {difference}',
    en: '{where}: its “of which” lines add up to {sum}, more than the item’s {actual} by {difference}',
  },
  'fund.ofWhichIncomplete': {
    zh: '{where}：其中各项在另一列与本项相等（完整分解），本列之和 {sum} ≠ {actual}，差 {difference}',
    en: '{where}: its “of which” lines add up to the item in another column (a complete breakdown), but here {sum} ≠ {actual}, difference {difference}',
  },
  'fund.growthWrong': {
    zh: '{where}：{actual} ≠ ({num} − {den}) ÷ {den} = {expected}',
    en: '{where}: {actual} ≠ ({num} − {den}) ÷ {den} = {expected}',
  },
  'fund.growthRounding': {
    zh: '{where}：{actual} ≠ ({num} − {den}) ÷ {den} = {expected}（舍入差异：按金额的舍入区间可为 {low} 至 {high}）',
    en: '{where}: {actual} ≠ ({num} − {den}) ÷ {den} = {expected} (rounding difference: the rounded amounts allow {low} to {high})',
  },
  'fund.growthMissing': {
    zh: '{where}：缺少增长率，应为 ({num} − {den}) ÷ {den} = {expected}',
    en: '{where}: the growth is missing; it should be ({num} − {den}) ÷ {den} = {expected}',
  },
  // ---- end of fund forms ----
  // ── Inference → pack (src/infer/pack.ts, src/cli/infer.ts): the comments and notes of a pack
  //    written from inferred structure, and the `budget-check infer` summary lines.
  'inferPack.header': {
    zh: '推断生成的审核包：请核对每个表样和公式后再使用',
    en: 'a pack written from inferred structure: review every form and formula before use',
  },
  'inferPack.name': { zh: '推断的表样和勾稽关系', en: 'inferred forms and identities' },
  'inferPack.sheet': {
    zh: '工作表“{sheet}”：推断的表样和勾稽关系',
    en: 'sheet “{sheet}”: inferred form and identities',
  },
  'inferPack.untitled': { zh: '未命名表（工作表 {sheet}）', en: 'untitled table (sheet {sheet})' },
  'inferPack.noTitle': {
    zh: '表上没有表名，表样只能按表头识别',
    en: 'no title on the sheet: the form is recognised by its header only',
  },
  'inferPack.separator': {
    zh: '表头含有“、”“，”或“|”，无法写成表样的列名：{columns}',
    en: 'a header holds a list separator and cannot be written as a column label: {columns}',
  },
  'inferPack.contradicted': {
    zh: '推断时此关系有不成立之处',
    en: 'the data contradicted it in some places when inferred',
  },
  'inferPack.oneItem': {
    zh: '{ids} 有只含一项的等式，按抄录数核对（无舍入容差；推断时有舍入容差）',
    en: '{ids} hold one-item sums, checked as copied figures (no rounding allowance; the inference allowed rounding)',
  },
  'inferPack.lost': {
    zh: '以下各处的单元格不在识别出的表中，未写入公式：{where}',
    en: 'not written, their cells are not in the recognised table: {where}',
  },
  'inferPack.byAddress': {
    zh: '行的关系按单元格地址写出：表内插入或删除行后请重新推断',
    en: 'row identities are written by cell address: infer again after rows are inserted or deleted',
  },
  'inferPack.inexpressible': {
    zh: '公式语言无法照样表达、未写入（增长率，或按百分点书写的百分比：公式只能写“列 = 列 ÷ 列”）：',
    en: 'not expressible in the formula language, not written (a growth, or a percent written in points: a formula says only “column = column ÷ column”):',
  },
  'inferPack.inexpressibleCount': {
    zh: '{n} 个推断关系无法写成公式',
    en: '{n} inferred identities cannot be written as formulas',
  },
  'inferPack.notUsed': {
    zh: '未采用（与数据多处矛盾，或只在一处适用且不成立）：',
    en: 'not used (contradicted by the data, or guessed from one failing row):',
  },
  'inferPack.marks': {
    zh: '金额列中的“×”在声明的表样中是无法读取的单元格（C1）',
    en: 'the “×” marks in amount columns are unreadable cells (C1) under a declared form',
  },
  'inferPack.formNotLoaded': { zh: '写出的表样无法载入：{problem}', en: 'the form written does not load: {problem}' },
  'inferPack.formNotRecognised': {
    zh: '写出的表样不能识别此表{reason}',
    en: 'the form written does not recognise the sheet{reason}',
  },
  'inferPack.formulasNotLoaded': {
    zh: '写出的公式无法载入：{problem}',
    en: 'the formulas written do not load: {problem}',
  },
  'inferCli.table': {
    zh: '{sheet}：表样 {form}，{n} 条公式{left}',
    en: '{sheet}: form {form}, {n} formulas{left}',
  },
  'inferCli.left': { zh: '，{n} 个未采用', en: ', {n} not used' },
  'inferCli.notWritten': { zh: '{sheet}：未能写成表样 — {why}', en: '{sheet}: not written as a form — {why}' },
  'inferCli.none': {
    zh: '没有可推断的表（所有表都已按声明的表样识别，或没有找到表）',
    en: 'no table to infer (all recognised by declared forms, or none found)',
  },
  'inferCli.written': { zh: '审核包已写入：{file}', en: 'pack written: {file}' },
  'inferCli.oneFile': { zh: '请给出一个要推断的 .xlsx 文件', en: 'give one .xlsx file to infer from' },
  // ── end of inference → pack
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
