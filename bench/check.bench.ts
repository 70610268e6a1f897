/**
 * Issue 17, acceptance 2: validation of the in-memory 100k-row package against a plain exact-integer
 * checker of the same identities, written here, on the same model, in the same run (interleaved,
 * medians). The plain checker knows the synthetic layout (bench/synthetic.ts) and checks, on
 * integer cents:
 *  - 表2 每行: 总计 = 财政拨款小计 + 财政专户 + 单位资金 + 两项结转; 财政拨款小计 = its six sources;
 *  - 表3 每行: 合计 = 基本支出 + 项目支出;
 *  - both tables, every amount column: 总计 = Σ 类, 类 = Σ 款, 款 = Σ 项;
 *  - 表2 总计 = 表3 合计 for every code and the total; 表1 each 类 and the 支出总计 against 表3,
 *    表1 收入 against 表2.
 * Both start from the same in-memory model (reading the file excluded); validateWorkbook also
 * recognises the tables (headers, columns, codes) and runs every other rule (codes and names K1,
 * the catalogue, percent and rounding rules), so the ratio bounds its overhead from above.
 * Goal: validation ≤ 5× the plain checker, ≤ 10 µs/row.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { validateWorkbook } from '../src/engine/validate';
import { WorkbookModel } from '../src/workbook/model';
import { bundled, paired, Row } from './harness';
import { dataRows, syntheticPackage } from './synthetic';

const HEAD = 5; // rows above 总计 in 表2 and 表3

function cents(v: unknown): number {
  return typeof v === 'number' ? Math.round(v * 100) : 0;
}

interface Table {
  codes: string[];
  /** cents[c][r]: amount column c (0 = E) of data row r (0 = 总计). */
  cents: Float64Array[];
}

function table(model: WorkbookModel, sheet: number, cols: number): Table {
  const rows = model.sheets[sheet].rows;
  const n = rows.length - HEAD;
  const codes = new Array<string>(n);
  const out: Float64Array[] = [];
  for (let c = 0; c < cols; c++) out.push(new Float64Array(n));
  for (let r = 0; r < n; r++) {
    const row = rows[r + HEAD];
    const a = row[0]?.v;
    const b = row[1]?.v;
    const k = row[2]?.v;
    codes[r] = `${a ?? ''}${b ?? ''}${k ?? ''}`;
    for (let c = 0; c < cols; c++) out[c][r] = cents(row[4 + c]?.v);
  }
  return { codes, cents: out };
}

/** Σ of the children against each parent, every column; returns the number of mismatches. */
function hierarchy(t: Table): number {
  let bad = 0;
  const n = t.codes.length;
  for (const col of t.cents) {
    let total = 0;
    let lei = -1;
    let leiSum = 0;
    let kuan = -1;
    let kuanSum = 0;
    const close = () => {
      if (kuan >= 0 && kuanSum !== col[kuan]) bad++;
      kuan = -1;
      kuanSum = 0;
    };
    for (let r = 1; r < n; r++) {
      const len = t.codes[r].length;
      if (len === 3) {
        close();
        if (lei >= 0 && leiSum !== col[lei]) bad++;
        lei = r;
        leiSum = 0;
        total += col[r];
      } else if (len === 5) {
        close();
        kuan = r;
        leiSum += col[r];
      } else kuanSum += col[r];
    }
    close();
    if (lei >= 0 && leiSum !== col[lei]) bad++;
    if (total !== col[0]) bad++;
  }
  return bad;
}

export function plainCheck(model: WorkbookModel): number {
  let bad = 0;
  const t2 = table(model, 1, 12);
  const t3 = table(model, 2, 3);
  const n2 = t2.codes.length;
  for (let r = 0; r < n2; r++) {
    const c = t2.cents;
    if (c[0][r] !== c[1][r] + c[8][r] + c[9][r] + c[10][r] + c[11][r]) bad++;
    if (c[1][r] !== c[2][r] + c[3][r] + c[4][r] + c[5][r] + c[6][r] + c[7][r]) bad++;
  }
  for (let r = 0; r < t3.codes.length; r++) if (t3.cents[0][r] !== t3.cents[1][r] + t3.cents[2][r]) bad++;
  bad += hierarchy(t2) + hierarchy(t3);
  const byCode = new Map<string, number>();
  for (let r = 1; r < t3.codes.length; r++) byCode.set(t3.codes[r], t3.cents[0][r]);
  for (let r = 1; r < n2; r++) if (byCode.get(t2.codes[r]) !== t2.cents[0][r]) bad++;
  if (t2.cents[0][0] !== t3.cents[0][0]) bad++;
  // 表1: expense panel `201 类201` | amount; income 一、本年收入 against 表2's total.
  const t1 = model.sheets[0].rows;
  for (let r = 4; r < t1.length; r++) {
    const label = t1[r]?.[2]?.v;
    const amount = cents(t1[r]?.[3]?.v);
    if (typeof label === 'string') {
      const code = label.slice(0, 3);
      if (/^\d{3}$/.test(code)) {
        if ((byCode.get(code) ?? 0) !== amount) bad++;
      } else if (label === '支出总计' && amount !== t3.cents[0][0]) bad++;
    }
    if (t1[r]?.[0]?.v === '一、本年收入' && cents(t1[r]?.[1]?.v) !== t2.cents[0][0]) bad++;
  }
  return bad;
}

/** Validation and the plain checker on the n-row package in this process: medians of `rounds` interleaved runs. */
export function measure(n: number, rounds: number): { rows: number; engineMs: number; plainMs: number } {
  const model = syntheticPackage(n);
  const actual = dataRows(model);
  const bad = plainCheck(model);
  if (bad) throw new Error(`the plain checker finds ${bad} mismatches in the synthetic package`);
  const res = validateWorkbook(model);
  if (res.summary.errors) throw new Error(`synthetic package not clean: ${JSON.stringify(res.summary)}`);
  const [engineMs, plainMs] = paired(
    () => validateWorkbook(model),
    () => plainCheck(model),
    rounds,
  );
  return { rows: actual, engineMs, plainMs };
}

/**
 * Both sides measured twice: in a child process running the bench compiled and bundled (plain
 * node, the code as it ships: the acceptance figure), and in this tsx process, where each import
 * between modules is a getter call — a cost the engine (many modules) pays and the one-file plain
 * checker does not.
 */
export function run(): Row[] {
  const n = Number(process.env.BENCH_CHECK_ROWS ?? 100_000);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
  const child = spawnSync(process.execPath, [bundled('check-child.ts'), String(n), String(rounds)], {
    encoding: 'utf8',
    cwd: path.join(__dirname, '..'),
  });
  if (child.status !== 0) throw new Error(`check run failed: ${child.stderr}`);
  const compiled = JSON.parse(child.stdout.trim().split('\n').pop()!) as ReturnType<typeof measure>;
  const inProcess = measure(n, rounds);
  const out: Row[] = [];
  for (const [how, m] of [
    ['compiled (plain node)', compiled],
    ['tsx, in-process', inProcess],
  ] as const) {
    const us = (ms: number) => (ms / m.rows) * 1000;
    out.push(
      {
        suite: 'check',
        case: `plain exact-integer checker (bench/check.bench.ts), ${how}`,
        n: m.rows,
        ms: m.plainMs,
        ratio: 1,
        note: `${us(m.plainMs).toFixed(2)} µs/row`,
      },
      {
        suite: 'check',
        case: `validateWorkbook, in-memory package, ${how}`,
        n: m.rows,
        ms: m.engineMs,
        ratio: m.engineMs / m.plainMs,
        note: `${us(m.engineMs).toFixed(2)} µs/row; ratio = validation ÷ plain checker (goal ≤ 5, ≤ 10 µs/row); medians of ${rounds} interleaved runs${how.startsWith('compiled') ? ' (the acceptance figure)' : ''}`,
      },
    );
  }
  return out;
}
