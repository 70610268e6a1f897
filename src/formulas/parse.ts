/**
 * The audit formula language (审核公式): what a finance clerk writes, parsed into a syntax tree.
 *
 *   [表3] 每行：合计 = 基本支出 + 项目支出
 *   [表1] {一般公共预算拨款}.收入预算数 = {一般财力} + {上级一般公共预算安排转移支付}
 *   [表3] 每列：{每个编码} = Σ{下级}
 *   [表1]{收入总计}.收入预算数 = [表2]{总计}.总计
 *   [表2]{每个编码}.总计 = [表3]{同编码}.合计
 *   [表1]C5 = [表2]D5 + [表3]E5
 *   当 [表4]{其中：一般公共预算}.收入合计 ≠ 0 时：[表4]{支出总计}.一般公共预算 = [表5]{总计}.合计 + …
 *   [表5] 每行：项目支出 ≤ 合计
 *
 * Statements are separated by `；`. Names are resolved later, against the forms (resolve.ts);
 * this file only knows the shape. Every error says where (line, column) in Chinese and English.
 */

export interface Pos {
  /** 1-based line of the pack (or of the formula when parsed alone). */
  line: number;
  /** 1-based column within the formula text. */
  col: number;
}

export class FormulaError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly pos?: Pos,
  ) {
    super(
      pos ? `第 ${pos.line} 行第 ${pos.col} 列：${zh} / line ${pos.line}, column ${pos.col}: ${en}` : `${zh} / ${en}`,
    );
  }
}

export type RelOp = '=' | '≠' | '≤' | '≥' | '<' | '>';

/** A table as written between brackets: `表3`, `dept.t03`, or a title. */
export interface TableName {
  text: string;
  pos: Pos;
}

/**
 * A reference: a cell or a set of cells.
 * - `col`: a column of the current row (every-row statements), or of the current row set.
 * - `row`: `{行}` with an optional `.列`.
 * - `cell`: an A1 address in a table.
 */
export type Ref =
  | { kind: 'col'; table?: TableName; col: string; pos: Pos }
  | { kind: 'row'; table?: TableName; row: string; col?: string; sum: boolean; pos: Pos }
  | { kind: 'cell'; table?: TableName; address: string; pos: Pos };

export interface Term {
  sign: 1 | -1;
  ref?: Ref;
  /** A number constant (`0`). */
  number?: string;
  pos: Pos;
}

export interface Relation {
  left: Term[];
  op: RelOp;
  right: Term[];
  /** `% = A ÷ B`: the right side is a ratio (right[0] ÷ right[1]), compared as a percent. */
  ratio?: boolean;
  pos: Pos;
}

export type Quantifier = 'row' | 'column' | undefined;

export interface Statement {
  /** `[表3]` before the colon: the table names without brackets refer to. */
  table?: TableName;
  /** 每行 (every row) or 每列 (every amount column). */
  each: Quantifier;
  condition?: Relation;
  relation: Relation;
  text: string;
  pos: Pos;
}

type TokKind =
  'table' | 'row' | 'name' | 'number' | 'op' | 'plus' | 'minus' | 'div' | 'sigma' | 'colon' | 'semi' | 'comma' | 'dot';

interface Token {
  kind: TokKind;
  text: string;
  pos: Pos;
}

const OPS: [string, RelOp][] = [
  ['<>', '≠'],
  ['!=', '≠'],
  ['<=', '≤'],
  ['>=', '≥'],
  ['≠', '≠'],
  ['≤', '≤'],
  ['≥', '≥'],
  ['=', '='],
  ['＝', '='],
  ['<', '<'],
  ['>', '>'],
];

/** Characters that end a name. */
const STOP = new Set([...' \t\u3000[]【】{}=＝≠≤≥<>+＋-−－÷Σ∑：:；;，,']);

function tokenize(text: string, line: number): Token[] {
  const out: Token[] = [];
  let i = 0;
  const at = (k: number): Pos => ({ line, col: k + 1 });
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\u3000') {
      i++;
      continue;
    }
    const start = i;
    if (ch === '[' || ch === '【') {
      const close = text.indexOf(ch === '[' ? ']' : '】', i);
      if (close < 0) throw new FormulaError('缺少右方括号 ]', 'missing closing bracket ]', at(i));
      out.push({ kind: 'table', text: text.slice(i + 1, close).trim(), pos: at(start) });
      i = close + 1;
      continue;
    }
    if (ch === '{') {
      const close = text.indexOf('}', i);
      if (close < 0) throw new FormulaError('缺少右花括号 }', 'missing closing brace }', at(i));
      out.push({ kind: 'row', text: text.slice(i + 1, close).trim(), pos: at(start) });
      i = close + 1;
      if (text[i] === '.' || text[i] === '．') {
        out.push({ kind: 'dot', text: '.', pos: at(i) });
        i++;
      }
      continue;
    }
    const op = OPS.find(([s]) => text.startsWith(s, i));
    if (op) {
      out.push({ kind: 'op', text: op[1], pos: at(start) });
      i += op[0].length;
      continue;
    }
    if (ch === '+' || ch === '＋') {
      out.push({ kind: 'plus', text: '+', pos: at(start) });
      i++;
      continue;
    }
    if (ch === '-' || ch === '−' || ch === '－') {
      out.push({ kind: 'minus', text: '-', pos: at(start) });
      i++;
      continue;
    }
    if (ch === '÷') {
      out.push({ kind: 'div', text: '÷', pos: at(start) });
      i++;
      continue;
    }
    if (ch === 'Σ' || ch === '∑') {
      out.push({ kind: 'sigma', text: 'Σ', pos: at(start) });
      i++;
      continue;
    }
    if (ch === '：' || ch === ':') {
      out.push({ kind: 'colon', text: ':', pos: at(start) });
      i++;
      continue;
    }
    if (ch === '；' || ch === ';') {
      out.push({ kind: 'semi', text: ';', pos: at(start) });
      i++;
      continue;
    }
    if (ch === '，' || ch === ',') {
      out.push({ kind: 'comma', text: ',', pos: at(start) });
      i++;
      continue;
    }
    if (ch === ']' || ch === '】' || ch === '}') {
      throw new FormulaError(`多余的 ${ch}`, `unexpected ${ch}`, at(i));
    }
    while (i < text.length && !STOP.has(text[i])) i++;
    const word = text.slice(start, i);
    // `≠ 0时`: a number written against 时/则.
    const m = /^(\d+(?:\.\d+)?)(时|则)$/.exec(word);
    if (m) {
      out.push({ kind: 'number', text: m[1], pos: at(start) });
      out.push({ kind: 'name', text: m[2], pos: at(start + m[1].length) });
      continue;
    }
    out.push({ kind: /^\d+(\.\d+)?$/.test(word) ? 'number' : 'name', text: word, pos: at(start) });
  }
  return out;
}

const KW_ROW = new Set(['每行', '逐行']);
const KW_COL = new Set(['每列', '逐列']);
const KW_IF = new Set(['当', '若', '如果']);
const KW_THEN = new Set(['时', '则', '那么']);
const A1 = /^[A-Za-z]{1,3}[1-9]\d{0,6}$/;

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Token[],
    private readonly text: string,
    private readonly line: number,
  ) {}

  private peek(): Token | undefined {
    return this.toks[this.i];
  }

  private next(): Token | undefined {
    return this.toks[this.i++];
  }

  private end(): Pos {
    return { line: this.line, col: this.text.length + 1 };
  }

  private fail(zh: string, en: string, tok?: Token): never {
    throw new FormulaError(zh, en, tok?.pos ?? this.end());
  }

  statements(): Statement[] {
    const out: Statement[] = [];
    while (this.peek()) {
      const startTok = this.peek()!;
      const from = startTok.pos.col - 1;
      const st = this.statement();
      const stop = this.peek();
      const to = stop ? stop.pos.col - 1 : this.text.length;
      st.text = this.text.slice(from, to).trim();
      out.push(st);
      if (stop) {
        if (stop.kind !== 'semi') this.fail(`多余的“${stop.text}”`, `unexpected "${stop.text}"`, stop);
        this.next();
      }
    }
    if (out.length === 0) this.fail('公式为空', 'the formula is empty');
    return out;
  }

  private statement(): Statement {
    const pos = this.peek()!.pos;
    let condition: Relation | undefined;
    const first = this.peek()!;
    if (first.kind === 'name' && KW_IF.has(first.text)) {
      this.next();
      condition = this.relation();
      const t = this.peek();
      if (t && t.kind === 'name' && KW_THEN.has(t.text)) this.next();
      const c = this.peek();
      if (c && (c.kind === 'colon' || c.kind === 'comma')) this.next();
    }
    let table: TableName | undefined;
    let each: Quantifier;
    // `[表3] 每行：` or `[表3]：` — a table scope — versus `[表3]{总计}` (a reference).
    const a = this.peek();
    const b = this.toks[this.i + 1];
    if (
      a?.kind === 'table' &&
      b &&
      (b.kind === 'colon' || (b.kind === 'name' && (KW_ROW.has(b.text) || KW_COL.has(b.text))))
    ) {
      this.next();
      table = { text: a.text, pos: a.pos };
      if (b.kind === 'name') {
        this.next();
        each = KW_ROW.has(b.text) ? 'row' : 'column';
      }
      const c = this.peek();
      if (!c || c.kind !== 'colon')
        this.fail('表名和“每行/每列”之后应有冒号“：”', 'expected ":" after the table and 每行/每列', c);
      this.next();
    }
    const relation = this.relation();
    return { table, each, condition, relation, text: '', pos };
  }

  private relation(): Relation {
    const pos = this.peek()?.pos ?? this.end();
    const left = this.side();
    const op = this.next();
    if (!op || op.kind !== 'op') {
      this.fail('缺少比较符号（=、≠、≤、≥、<、>）', 'expected a comparison (=, ≠, ≤, ≥, <, >)', op);
    }
    const right = this.side();
    if (this.peek()?.kind === 'div') {
      const div = this.next()!;
      if (right.length !== 1 || op.text !== '=')
        this.fail('“÷”只能写成“百分比列 = 列 ÷ 列”', '"÷" is written "percent = column ÷ column"', div);
      right.push(this.term(1));
      return { left, op: '=', right, ratio: true, pos };
    }
    return { left, op: op.text as RelOp, right, pos };
  }

  private side(): Term[] {
    const terms: Term[] = [];
    let sign: 1 | -1 = 1;
    let t = this.peek();
    if (t && (t.kind === 'minus' || t.kind === 'plus')) {
      sign = t.kind === 'minus' ? -1 : 1;
      this.next();
    }
    terms.push(this.term(sign));
    for (;;) {
      t = this.peek();
      if (!t || (t.kind !== 'plus' && t.kind !== 'minus')) break;
      this.next();
      terms.push(this.term(t.kind === 'minus' ? -1 : 1));
    }
    return terms;
  }

  private term(sign: 1 | -1): Term {
    const t = this.next();
    if (!t) this.fail('公式不完整：缺少项', 'incomplete formula: a term is missing');
    if (t.kind === 'number') return { sign, number: t.text, pos: t.pos };
    if (t.kind === 'sigma') {
      const r = this.ref(this.next(), true);
      if (r.kind !== 'row') this.fail('Σ 之后应为 {行}', 'Σ must be followed by {rows}', t);
      return { sign, ref: r, pos: t.pos };
    }
    return { sign, ref: this.ref(t, false), pos: t.pos };
  }

  private ref(t: Token | undefined, sum: boolean): Ref {
    if (!t) this.fail('公式不完整：缺少引用', 'incomplete formula: a reference is missing');
    let table: TableName | undefined;
    if (t.kind === 'table') {
      table = { text: t.text, pos: t.pos };
      t = this.next();
      if (!t)
        this.fail(
          `[${table.text}] 之后应为 {行}、单元格地址或列名`,
          `[${table.text}] must be followed by {row}, a cell or a column`,
        );
    }
    if (t.kind === 'row') {
      let col: string | undefined;
      if (this.peek()?.kind === 'dot') {
        this.next();
        const c = this.next();
        if (!c || c.kind !== 'name') this.fail('“.”之后应为列名', 'a column name must follow "."', c);
        col = c.text;
      }
      return { kind: 'row', table, row: t.text, col, sum, pos: t.pos };
    }
    if (t.kind === 'name') {
      if (table && A1.test(t.text)) return { kind: 'cell', table, address: t.text.toUpperCase(), pos: t.pos };
      return { kind: 'col', table, col: t.text, pos: t.pos };
    }
    return this.fail(`此处不应出现“${t.text}”`, `unexpected "${t.text}"`, t);
  }
}

/** Parses one formula (several statements separated by `；`). `line` numbers the errors. */
export function parseFormula(text: string, line = 1): Statement[] {
  const toks = tokenize(text, line);
  return new Parser(toks, text, line).statements();
}
