/**
 * An independent exact checker (BigInt cents) of a one-fund 收支表's identities, written from the
 * form (not from the validator's code): lines are told apart by their printed labels.
 *   小计 = Σ the numbered items above it;  合计 = 小计 + 上级补助/下级上解 (收入) or 补助下级/上解上级 (支出);
 *   收入总计 = 收入合计 + 上年结余;  支出总计 = 支出合计 + 年末滚存结余;  收入总计 = 支出总计;
 *   本年收支结余 = 收入合计 − 支出合计;  年末滚存结余 = 上年结余 + 本年收支结余;
 *   本年的上年结余 = 上年的年末滚存结余;  其中 lines ≤ their item, and = it in every column when
 *   they are = it in one (a complete breakdown).
 * It lists the discrepancies and the cells each equality involves (a cell in none cannot be
 * checked: a +1 change of it goes unseen).
 */
import { Line, OneFundTable } from '../fixtures/funds/ningxia-2024-resident-medical';
import { cellId, CellId, cents } from './one-fund-layout';

type Panel = 'income' | 'expense';
type Slot = 'prev' | 'cur';

export interface Equality {
  name: string;
  target: CellId;
  items: [CellId, 1n | -1n][];
}

export interface CheckResult {
  equalities: Equality[];
  /** Equalities that do not hold: target, stated, computed. */
  discrepancies: { name: string; target: CellId; stated: bigint; computed: bigint }[];
  /** 其中 lines adding up to more than their item. */
  overflows: CellId[];
  involved: Set<CellId>;
}

const plain = (label: string) =>
  label
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[一二三四五六七八九十]+、/, '')
    .replace(/^其中[:：]/, '');
const numbered = (label: string) => /^[一二三四五六七八九十]+、/.test(label.trim());

function find(lines: Line[], re: RegExp): number {
  return lines.findIndex(([l]) => re.test(plain(l)));
}

/** `final`: a 决算 annex, whose two columns are one year (预算数 | 决算数): no carry from one to the other. */
export function checkOneFund(t: OneFundTable, o: { final?: boolean } = {}): CheckResult {
  const value = (panel: Panel, i: number, slot: Slot): bigint => cents(t[panel][i][slot === 'prev' ? 1 : 2]) ?? 0n;
  const eqs: Equality[] = [];
  const overflows: CellId[] = [];
  const slots: Slot[] = ['prev', 'cur'];
  const add = (name: string, target: [Panel, number], items: [Panel, number, 1n | -1n][], s: Slot, is: Slot = s) => {
    if (target[1] < 0 || items.some(([, i]) => i < 0)) return;
    eqs.push({
      name,
      target: cellId(target[0], target[1], s),
      items: items.map(([p, i, sign]) => [cellId(p, i, is), sign]),
    });
  };
  const L = (p: Panel, re: RegExp) => find(t[p], re);
  for (const p of ['income', 'expense'] as Panel[]) {
    const sub = L(p, /小计$/);
    const items = t[p].map((l, i) => [l, i] as const).filter(([l, i]) => i < sub && numbered(l[0]));
    for (const s of slots)
      add(
        `${p} 小计`,
        [p, sub],
        items.map(([, i]) => [p, i, 1n]),
        s,
      );
    const transfers = t[p]
      .map((l, i) => [l, i] as const)
      .filter(([l]) => /^(上级补助收入|下级上解收入|补助下级支出|上解上级支出)$/.test(plain(l[0])))
      .map(([, i]) => [p, i, 1n] as [Panel, number, 1n]);
    for (const s of slots) add(`${p} 合计`, [p, L(p, /合计$/)], [[p, sub, 1n], ...transfers], s);
    // 其中 lines: the unnumbered lines after an item, before the next numbered one.
    items.forEach(([, i], k) => {
      const next = k + 1 < items.length ? items[k + 1][1] : sub;
      const subs = Array.from({ length: next - i - 1 }, (_, j) => i + 1 + j).filter((j) => t[p][j][0] !== '×');
      if (subs.length === 0) return;
      const complete = slots.some(
        (s) => value(p, i, s) !== 0n && subs.reduce((a, j) => a + value(p, j, s), 0n) === value(p, i, s),
      );
      for (const s of slots) {
        const sum = subs.reduce((a, j) => a + value(p, j, s), 0n);
        if (sum > value(p, i, s)) overflows.push(cellId(p, i, s));
        if (complete)
          add(
            `${p} 其中 (complete)`,
            [p, i],
            subs.map((j) => [p, j, 1n]),
            s,
          );
      }
    });
  }
  const inTotal = L('income', /合计$/);
  const exTotal = L('expense', /合计$/);
  const opening = L('income', /^上年结余$/);
  const surplus = L('expense', /收支结余$/);
  const closing = L('expense', /年末滚存结余$/);
  const inGrand = L('income', /^总计$/);
  const exGrand = L('expense', /^总计$/);
  for (const s of slots) {
    add(
      '收入总计',
      ['income', inGrand],
      [
        ['income', inTotal, 1n],
        ['income', opening, 1n],
      ],
      s,
    );
    add(
      '支出总计',
      ['expense', exGrand],
      [
        ['expense', exTotal, 1n],
        ['expense', closing, 1n],
      ],
      s,
    );
    add('总计平衡', ['income', inGrand], [['expense', exGrand, 1n]], s);
    add(
      '本年收支结余',
      ['expense', surplus],
      [
        ['income', inTotal, 1n],
        ['expense', exTotal, -1n],
      ],
      s,
    );
    add(
      '年末滚存结余',
      ['expense', closing],
      [
        ['income', opening, 1n],
        ['expense', surplus, 1n],
      ],
      s,
    );
  }
  if (!o.final) add('上年结余 = 上年年末', ['income', opening], [['expense', closing, 1n]], 'cur', 'prev');

  const get = (id: CellId): bigint => {
    const [p, i, s] = id.split(':');
    return value(p as Panel, Number(i), s as Slot);
  };
  const discrepancies = eqs
    .map((e) => ({
      name: e.name,
      target: e.target,
      stated: get(e.target),
      computed: e.items.reduce((a, [id, sign]) => a + sign * get(id), 0n),
    }))
    .filter((d) => d.stated !== d.computed);
  const involved = new Set<CellId>(eqs.flatMap((e) => [e.target, ...e.items.map(([id]) => id)]));
  return { equalities: eqs, discrepancies, overflows, involved };
}
