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

  // ---------------------------------------------------------------- Published PDFs (issue 14)
  'pdf.scanned': {
    zh: 'PDF 没有文字层（扫描件？），无法审核；请提供文字版 PDF 或工作簿',
    en: 'The PDF has no text layer (a scan?) and cannot be checked; give a text PDF or the workbook',
  },
  'pdf.encrypted': {
    zh: 'PDF 已加密，无法读取；请提供未加密的文件',
    en: 'The PDF is encrypted and cannot be read; give an unencrypted file',
  },
  'pdf.broken': { zh: 'PDF 无法打开（文件损坏？）：{detail}', en: 'The PDF cannot be opened (damaged?): {detail}' },
  'pdf.tooLarge': { zh: 'PDF 过大（{what}），未读取', en: 'The PDF is too large ({what}); not read' },
  'pdf.noTables': {
    zh: 'PDF 中没有找到任何表格（没有“单位：元/万元”行），无法核对',
    en: 'No table found in the PDF (no “单位：元/万元” line): nothing to check',
  },
  'pdf.tableNoColumns': {
    zh: '第 {page} 页的表“{title}”无法重建（读不出列），未核对',
    en: 'The table “{title}” on page {page} could not be rebuilt (no columns found) and was not checked',
  },
  'pdf.tableNoRows': {
    zh: '第 {page} 页的表“{title}”没有读出数据行',
    en: 'No data rows could be read in the table “{title}” on page {page}',
  },
  'pdf.tableNoUnit': {
    zh: '第 {page} 页印有表格线和 {amounts} 个金额，但没有“单位：元/万元”行，未作为表格核对',
    en: 'Page {page} prints ruling lines and {amounts} amounts but no “单位：元/万元” line; it was not checked as a table',
  },
  'pdf.tableNoTitle': {
    zh: '第 {page} 页有一张表没有标题，已按表头识别',
    en: 'A table on page {page} has no title; it was recognised by its header',
  },
  'pdf.placeholder': {
    zh: '第 {page} 页留有模板占位符“{text}”：{context}',
    en: 'A template placeholder “{text}” is left on page {page}: {context}',
  },
  'pdf.yearMismatch': {
    zh: '第 {page} 页写的是 {found} 年，而本套公开是 {year} 年度：{context}',
    en: 'Page {page} says {found} while the package is for {year}: {context}',
  },
  'pdf.nameMismatch': {
    zh: '第 {page} 页的单位名称“{found}”与封面“{name}”不一致',
    en: 'The department named on page {page} (“{found}”) differs from the cover (“{name}”)',
  },
  // ---------------------------------------------------------------- end of the PDF block
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
