/**
 * Packs (审核包): a bureau's forms (表样), audit formulas (审核公式) and rule settings, as a text
 * file a clerk writes, as JSON, or as an .xlsx workbook (see pack-xlsx.ts). All three become the
 * same {@link Pack}; {@link compilePack} checks every name against the forms and reports each bad
 * line with its number, in Chinese and English, never a stack trace.
 *
 * The text format, line by line (`#` starts a comment; Chinese or ASCII colons and bars):
 *
 *   名称：某省部门预算补充公式
 *   表样 sample.t12：部门政府采购预算表          ← a form: its id and canonical title
 *     表号：12
 *     对应：dept.t05                             ← (optional) a variant of a built-in table: its rules apply
 *     标题：政府采购预算表 | 部门政府采购预算表   ← other accepted titles
 *     布局：编码                                 ← 编码 | 固定行 | 两栏 | 项目 | 明细
 *     编码：功能                                 ← 功能 | 经济: the standard 类/款/项/编码/名称 columns
 *     列号行：有
 *     列 合计：1 | 合计、总计 | total            ← 列 <名称>：<列号> | <表头、…> | <English>
 *     行 合计：合计、总计 | total                ← 行 <名称>：<标签、…> | <English> [| 收入/支出]
 *   公式 Z1 强制 填充：[表12] 每行：合计 = 货物 + 服务 + 工程
 *     标题：表12 每行 合计 = 货物 + 服务 + 工程 | Table 12 rows add up
 *     容差：自动                                 ← 自动 | 无 | an amount
 *     提示语：… | …
 *   规则 X6：关闭                                ← 关闭 | 错误 | 警告 | 提示
 */
import { Severity } from '../engine/types';
import { BilingualText } from '../i18n/messages';
import { ColumnSpec, FixedRowSpec, FormFamily, Layout, TableTemplate } from '../templates/types';
import { amount, EMPTY_NOTE, economicCodeColumns, functionCodeColumns, row } from '../templates/dept/common';
import { compileFormula, CompiledFormula, FormulaDecl } from './compile';
import { FormulaError } from './parse';

export type RuleSetting = 'off' | Severity;

export interface Pack {
  name: string;
  /** The file it came from (messages name it). */
  file?: string;
  forms: TableTemplate[];
  formulas: FormulaDecl[];
  rules: Record<string, RuleSetting>;
}

/** One problem in a pack: where, and what, in both languages. */
export interface PackProblem {
  line?: number;
  col?: number;
  zh: string;
  en: string;
}

export class PackError extends Error {
  constructor(
    readonly pack: string,
    readonly problems: PackProblem[],
  ) {
    super(problems.map((p) => `${pack}${p.line ? `:${p.line}` : ''}：${p.zh} / ${p.en}`).join('\n'));
  }
}

const SEVERITY: Record<string, Severity> = {
  强制: 'error',
  错误: 'error',
  error: 'error',
  提示: 'warning',
  警告: 'warning',
  warning: 'warning',
  信息: 'info',
  info: 'info',
};

const SETTING: Record<string, RuleSetting> = {
  ...SEVERITY,
  关闭: 'off',
  off: 'off',
  提示: 'info',
};

const LAYOUTS: Record<string, Layout> = {
  编码: 'coded',
  coded: 'coded',
  固定行: 'fixed',
  fixed: 'fixed',
  两栏: 'two-panel',
  'two-panel': 'two-panel',
  项目: 'projects',
  projects: 'projects',
  明细: 'itemized',
  itemized: 'itemized',
};

/** `a | b` (either bar), trimmed. */
function bars(s: string): string[] {
  return s.split(/[|｜]/).map((x) => x.trim());
}

/** `a、b、c` or `a, b`. */
function list(s: string): string[] {
  return s
    .split(/[、,，]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

function bilingual(s: string): BilingualText {
  const [zh, en] = bars(s);
  return { zh, en: en || zh };
}

/** Parses a rule setting (`X6=off`, `T3=警告`). */
export function parseRuleSetting(text: string): [string, RuleSetting] | undefined {
  const m = /^\s*([A-Za-z][\w.-]*)\s*[=＝:：]\s*(\S+)\s*$/.exec(text);
  if (!m) return undefined;
  const s = SETTING[m[2].toLowerCase()] ?? SETTING[m[2]];
  return s ? [m[1], s] : undefined;
}

interface FormDraft {
  line: number;
  id: string;
  /** The logical table it is a variant of (`dept.t05`): the built-in rules then apply to it. */
  table?: string;
  title: string;
  no?: number;
  family: FormFamily;
  nameEn?: string;
  titles: string[];
  layout: Layout;
  codeKind?: 'function' | 'economic';
  numberRow: boolean;
  columns: ColumnSpec[];
  fixedRows: FixedRowSpec[];
  emptyNote: boolean;
}

function finishForm(d: FormDraft): TableTemplate {
  const codeCols =
    d.codeKind === 'function' ? functionCodeColumns() : d.codeKind === 'economic' ? economicCodeColumns() : [];
  return {
    id: d.id,
    table: d.table ?? d.id,
    family: d.family,
    no: d.no ?? 0,
    title: d.title,
    titles: [d.title, ...d.titles.filter((t) => t !== d.title)],
    layout: d.layout,
    ...(d.codeKind ? { codeKind: d.codeKind } : {}),
    numberRow: d.numberRow,
    columns: [...codeCols, ...d.columns],
    ...(d.fixedRows.length ? { fixedRows: d.fixedRows } : {}),
    ...(d.emptyNote ? { emptyNote: EMPTY_NOTE } : {}),
    nameEn: d.nameEn ?? d.title,
  };
}

/** Parses the text format. Problems are collected with their lines; throws PackError if any. */
export function parsePackText(text: string, packName: string): Pack {
  const pack: Pack = { name: packName, file: packName, forms: [], formulas: [], rules: {} };
  const problems: PackProblem[] = [];
  let form: FormDraft | undefined;
  let formula: FormulaDecl | undefined;
  const close = () => {
    if (form) pack.forms.push(finishForm(form));
    form = undefined;
    formula = undefined;
  };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, k) => {
    const line = k + 1;
    const problem = (zh: string, en: string) => problems.push({ line, zh, en });
    const stripped = raw.replace(/(^|\s)#.*$/, '').replace(/\s+$/, '');
    if (!stripped.trim()) return;
    const indented = /^[\s\u3000]/.test(stripped);
    const body = stripped.trim();
    if (indented && formula && /^[；;]/.test(body)) {
      formula.formula += body;
      return;
    }
    const kv = /^([^:：]+?)\s*[:：]\s*(.*)$/.exec(body);
    if (!indented) {
      close();
      if (!kv) return problem(`无法理解这一行：“${body}”`, `cannot understand this line: "${body}"`);
      const head = kv[1].trim().split(/\s+/);
      const value = kv[2].trim();
      const word = head[0];
      if (head.length === 1 && (word === '名称' || word === 'name')) {
        pack.name = value || pack.name;
        return;
      }
      if (word === '表样' || word === 'form') {
        if (!head[1]) return problem('表样缺少编号：表样 <编号>：<标题>', 'a form needs an id: 表样 <id>: <title>');
        if (!value) return problem(`表样 ${head[1]} 缺少标题`, `form ${head[1]} has no title`);
        form = {
          line,
          id: head[1],
          title: value,
          family: 'dept',
          titles: [],
          layout: 'coded',
          numberRow: false,
          columns: [],
          fixedRows: [],
          emptyNote: false,
        };
        return;
      }
      if (word === '公式' || word === 'formula') {
        const id = head[1];
        if (!id) return problem('公式缺少编号：公式 <编号> 强制：…', 'a formula needs an id: 公式 <id> 强制: …');
        const decl: FormulaDecl = { id, formula: value, severity: 'error', source: packName, line };
        for (const opt of head.slice(2)) {
          const [ok, ov] = opt.split(/[=＝]/);
          if (SEVERITY[ok] || SEVERITY[ok.toLowerCase()]) decl.severity = SEVERITY[ok] ?? SEVERITY[ok.toLowerCase()];
          else if (ok === '填充' || ok === 'fill') decl.fill = ov ? list(ov).map(Number) : true;
          else if (ok === '无容差') decl.tolerance = 'none';
          else if (ok === '容差' || ok === 'tolerance') decl.tolerance = ov ?? 'auto';
          else if (ok === '表族' || ok === 'family') decl.family = ov as FormulaDecl['family'];
          else
            problem(
              `公式 ${id}：未知的选项“${opt}”（可用：强制、提示、填充、无容差、容差=金额）`,
              `formula ${id}: unknown option "${opt}" (allowed: 强制, 提示, 填充, 无容差, 容差=amount)`,
            );
        }
        if (!value) return problem(`公式 ${id} 没有内容`, `formula ${id} is empty`);
        pack.formulas.push(decl);
        formula = decl;
        return;
      }
      if (word === '规则' || word === 'rule') {
        const s = SETTING[value] ?? SETTING[value.toLowerCase()];
        if (!head[1] || !s)
          return problem(
            `规则设置应为“规则 <编号>：关闭|错误|警告|提示”`,
            'a rule setting reads "规则 <id>: off|error|warning|info"',
          );
        pack.rules[head[1]] = s;
        return;
      }
      return problem(
        `未知的条目“${word}”（可用：名称、表样、公式、规则）`,
        `unknown entry "${word}" (allowed: 名称, 表样, 公式, 规则)`,
      );
    }
    if (!kv) return problem(`无法理解这一行：“${body}”`, `cannot understand this line: "${body}"`);
    const key = kv[1].trim();
    const value = kv[2].trim();
    if (formula) {
      if (key === '标题' || key === 'title') formula.title = bilingual(value);
      else if (key === '消息' || key === 'message') formula.message = bilingual(value);
      else if (key === '消息编号' || key === 'messageId') formula.messageId = value;
      else if (key === '提示语' || key === 'hint') formula.hint = bilingual(value);
      else if (key === '容差' || key === 'tolerance') formula.tolerance = value;
      else if (key === '填充' || key === 'fill')
        formula.fill = /^(是|yes|true)$/i.test(value) ? true : list(value).map(Number);
      else if (key === '表族' || key === 'family') formula.family = value as FormulaDecl['family'];
      else if (key !== '说明' && key !== 'note')
        problem(
          `公式 ${formula.id}：未知的选项“${key}”（可用：标题、消息、消息编号、提示语、容差、填充、说明）`,
          `formula ${formula.id}: unknown option "${key}"`,
        );
      return;
    }
    if (form) {
      const [head, ...rest] = key.split(/\s+/);
      const name = rest.join('');
      if (head === '表号' || head === 'no') form.no = Number(value);
      else if (head === '对应' || head === 'variantOf') form.table = value;
      else if (head === '表族' || head === 'family') form.family = value;
      else if (head === '英文名' || head === 'nameEn') form.nameEn = value;
      else if (head === '标题' || head === 'titles') form.titles.push(...bars(value).filter(Boolean));
      else if (head === '布局' || head === 'layout') {
        if (!LAYOUTS[value])
          problem(`未知的布局“${value}”（可用：编码、固定行、两栏、项目、明细）`, `unknown layout "${value}"`);
        else form.layout = LAYOUTS[value];
      } else if (head === '编码' || head === 'codes') {
        if (value === '功能' || value === 'function') form.codeKind = 'function';
        else if (value === '经济' || value === 'economic') form.codeKind = 'economic';
        else problem(`编码应为“功能”或“经济”`, 'codes must be 功能 (function) or 经济 (economic)');
      } else if (head === '列号行' || head === 'numberRow') form.numberRow = /^(有|是|yes|true)$/i.test(value);
      else if (head === '空表说明' || head === 'emptyNote') form.emptyNote = /^(有|是|yes|true)$/i.test(value);
      else if (head === '列' || head === 'column') {
        if (!name) return problem('列缺少名称：列 <名称>：<列号> | <表头、…> | <English>', 'a column needs a name');
        const [no, labels, en, ...opts] = bars(value);
        const extra: Partial<ColumnSpec> = {};
        for (const o of opts) {
          const m = /^(组|group)\s*[:：=]\s*(.+)$/.exec(o);
          if (m) extra.group = list(m[2]);
          else if (o === '可选' || o === 'optional') extra.optional = true;
          else if (o === '收入' || o === '支出') extra.panel = o === '收入' ? 'income' : 'expense';
          else if (o) problem(`列 ${name}：未知的选项“${o}”`, `column ${name}: unknown option "${o}"`);
        }
        const n = no && /^\d+$/.test(no) ? Number(no) : undefined;
        form.columns.push(amount(name, n, labels ? list(labels) : [name], name, en || name, extra));
      } else if (head === '标签列' || head === 'labelColumn') {
        const [labels, ...opts] = bars(value);
        form.columns.push({
          key: `label${form.columns.filter((c) => c.role === 'label').length || ''}`,
          role: 'label',
          labels: list(labels || '项目'),
          name: { zh: '项目', en: 'item' },
          ...(opts.includes('收入')
            ? { panel: 'income' as const }
            : opts.includes('支出')
              ? { panel: 'expense' as const }
              : {}),
        });
      } else if (head === '行' || head === 'row') {
        if (!name) return problem('行缺少名称：行 <名称>：<标签、…> | <English>', 'a row needs a name');
        const [labels, en, side] = bars(value);
        form.fixedRows.push(
          row(
            name,
            labels ? list(labels) : [name],
            name,
            en || name,
            side ? { panel: side === '收入' ? 'income' : 'expense' } : {},
          ),
        );
      } else problem(`表样 ${form.id}：未知的属性“${head}”`, `form ${form.id}: unknown property "${head}"`);
      return;
    }
    problem(
      `缩进的这一行不属于任何表样或公式：“${body}”`,
      `this indented line belongs to no form or formula: "${body}"`,
    );
  });
  close();
  if (problems.length) throw new PackError(packName, problems);
  return pack;
}

/** A pack as JSON: `{ name, forms: [TableTemplate…], formulas: [FormulaDecl…], rules: {id: setting} }`. */
export function parsePackJson(text: string, packName: string): Pack {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new PackError(packName, [
      { zh: `不是有效的 JSON：${(e as Error).message}`, en: `not valid JSON: ${(e as Error).message}` },
    ]);
  }
  const problems: PackProblem[] = [];
  const obj = (data ?? {}) as Record<string, unknown>;
  if (typeof obj !== 'object' || Array.isArray(obj))
    throw new PackError(packName, [{ zh: '包应为一个 JSON 对象', en: 'a pack must be a JSON object' }]);
  const forms = Array.isArray(obj.forms) ? (obj.forms as TableTemplate[]) : [];
  forms.forEach((f, k) => {
    if (!f || typeof f.id !== 'string' || typeof f.title !== 'string' || !Array.isArray(f.columns))
      problems.push({ zh: `forms[${k}] 缺少 id、title 或 columns`, en: `forms[${k}] lacks id, title or columns` });
    else {
      f.table ??= f.id;
      f.titles ??= [f.title];
      f.family ??= 'dept';
      f.nameEn ??= f.title;
      f.numberRow ??= false;
      f.layout ??= 'coded';
      for (const c of f.columns)
        if (Array.isArray(c.patterns)) c.patterns = (c.patterns as unknown as string[]).map((p) => new RegExp(p));
    }
  });
  const formulas: FormulaDecl[] = [];
  (Array.isArray(obj.formulas) ? (obj.formulas as Record<string, unknown>[]) : []).forEach((f, k) => {
    if (!f || typeof f.id !== 'string' || typeof f.formula !== 'string') {
      problems.push({ zh: `formulas[${k}] 缺少 id 或 formula`, en: `formulas[${k}] lacks id or formula` });
      return;
    }
    const sev = SEVERITY[String(f.severity ?? '强制')] ?? SEVERITY[String(f.severity).toLowerCase()];
    if (!sev)
      problems.push({
        zh: `公式 ${f.id}：未知的级别“${String(f.severity)}”`,
        en: `formula ${f.id}: unknown severity "${String(f.severity)}"`,
      });
    const bi = (v: unknown) => (typeof v === 'string' ? bilingual(v) : (v as BilingualText | undefined));
    formulas.push({
      id: f.id,
      formula: f.formula,
      severity: sev ?? 'error',
      title: bi(f.title),
      message: bi(f.message),
      messageId: typeof f.messageId === 'string' ? f.messageId : undefined,
      hint: bi(f.hint),
      tolerance: f.tolerance === undefined ? undefined : String(f.tolerance),
      fill: f.fill as FormulaDecl['fill'],
      family: f.family as FormulaDecl['family'],
      source: packName,
    });
  });
  const rules: Record<string, RuleSetting> = {};
  for (const [id, v] of Object.entries((obj.rules ?? {}) as Record<string, string>)) {
    const s = SETTING[v] ?? SETTING[String(v).toLowerCase()];
    if (s) rules[id] = s;
    else problems.push({ zh: `规则 ${id}：未知的设置“${v}”`, en: `rule ${id}: unknown setting "${v}"` });
  }
  if (problems.length) throw new PackError(packName, problems);
  return { name: typeof obj.name === 'string' ? obj.name : packName, file: packName, forms, formulas, rules };
}

/** A pack compiled against the forms it can see (the built-ins plus its own). */
export interface CompiledPack {
  pack: Pack;
  formulas: CompiledFormula[];
}

/**
 * Checks and compiles a pack: every table, row and column its formulas name must resolve, ids are
 * unique (among `taken` too), forms do not reuse an id. Throws PackError listing every problem.
 */
export function compilePack(
  pack: Pack,
  base: readonly TableTemplate[],
  taken: ReadonlySet<string> = new Set(),
): CompiledPack {
  const problems: PackProblem[] = [];
  const ids = new Set<string>();
  for (const f of pack.forms) {
    if (base.some((t) => t.id === f.id) || ids.has(f.id))
      problems.push({ zh: `表样编号 ${f.id} 重复`, en: `form id ${f.id} is used twice` });
    ids.add(f.id);
    if (!f.columns.some((c) => c.role === 'amount'))
      problems.push({ zh: `表样 ${f.id} 没有金额列`, en: `form ${f.id} has no amount column` });
  }
  for (const f of pack.forms) {
    // A variant of a built-in table takes its number, family and English name unless it says otherwise.
    const of = f.table !== f.id ? base.find((t) => t.table === f.table) : undefined;
    if (f.table !== f.id && !of)
      problems.push({
        zh: `表样 ${f.id} 对应的表 ${f.table} 不存在`,
        en: `form ${f.id} is a variant of ${f.table}, which does not exist`,
      });
    if (of) {
      if (!f.no) f.no = of.no;
      f.family = of.family;
      if (f.nameEn === f.title) f.nameEn = of.nameEn;
    }
  }
  const templates = [...base, ...pack.forms];
  const out: CompiledFormula[] = [];
  const seen = new Set<string>();
  for (const decl of pack.formulas) {
    if (seen.has(decl.id) || taken.has(decl.id)) {
      problems.push({ line: decl.line, zh: `公式编号 ${decl.id} 重复`, en: `formula id ${decl.id} is used twice` });
      continue;
    }
    seen.add(decl.id);
    try {
      out.push(compileFormula(decl, templates));
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      problems.push({ line: e.pos?.line ?? decl.line, col: e.pos?.col, zh: e.zh, en: e.en });
    }
  }
  if (problems.length) throw new PackError(pack.file ?? pack.name, problems);
  return { pack, formulas: out };
}
