/** Reading a table's data rows: codes (split or combined), names, fixed rows, amounts. */
import { FixedRowSpec, normalizeLabel, stripNumbering, TableTemplate } from '../templates/types';
import { readAmountCell, SheetView } from './sheet-view';
import { AmountCell } from './types';

const TOTAL_LABELS = new Set(['总计', '合计']);

export function isTotalLabel(text: string): boolean {
  return TOTAL_LABELS.has(normalizeLabel(text));
}

function digits(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Reads the amount columns of a row (for a panel, only that panel's columns). */
export function readAmounts(
  view: SheetView,
  template: TableTemplate,
  columns: Map<string, number>,
  r: number,
  panel?: 'income' | 'expense',
): Map<string, AmountCell> {
  const out = new Map<string, AmountCell>();
  for (const spec of template.columns) {
    if (spec.role !== 'amount' || (panel && spec.panel !== panel)) continue;
    const c = columns.get(spec.key);
    if (c !== undefined) out.set(spec.key, readAmountCell(view, r, c));
  }
  return out;
}

export function hasAnyAmount(amounts: Map<string, AmountCell>): boolean {
  for (const a of amounts.values()) if (a.value !== null || a.invalid || a.uncalculated) return true;
  return false;
}

/** Matches row labels to fixed rows in order; duplicates (一般公共预算拨款 twice in 表1) resolve by position. */
export class FixedRowMatcher {
  private next = 0;
  private readonly specs: FixedRowSpec[];
  constructor(specs: readonly FixedRowSpec[], panel?: 'income' | 'expense') {
    this.specs = specs.filter((s) => !panel || s.panel === panel);
  }

  match(label: string): FixedRowSpec | undefined {
    const n = stripNumbering(label);
    if (!n) return undefined;
    for (let i = this.next; i < this.specs.length; i++) {
      if (this.specs[i].labels.some((l) => stripNumbering(l) === n)) {
        this.next = i + 1;
        return this.specs[i];
      }
    }
    // Out of order: accept the first spec with the label anywhere (but do not move the pointer back).
    return this.specs.find((s) => s.labels.some((l) => stripNumbering(l) === n));
  }
}

/** State carried between rows of a coded table: the last 类 and 款 seen, for forms that print them once. */
export interface CodeState {
  lei?: string;
  kuan?: string;
}

/** The code of a coded row, from split 类/款/项 columns or a combined column. */
export function readCode(
  view: SheetView,
  columns: Map<string, number>,
  r: number,
  state: CodeState,
): { code?: string; written?: string; col?: number } {
  const at = (key: string) => {
    const c = columns.get(key);
    return c === undefined ? '' : digits(view.text(r, c));
  };
  if (columns.has('lei') || columns.has('kuan') || columns.has('xiang')) {
    let lei = at('lei');
    let kuan = at('kuan');
    const xiang = at('xiang');
    const written = [lei, kuan, xiang].filter(Boolean).join(' ');
    if (!/^\d*$/.test(lei + kuan + xiang)) return {};
    if (!lei && !kuan && !xiang) return {};
    if (kuan.length === 1) kuan = `0${kuan}`;
    const x = xiang.length === 1 ? `0${xiang}` : xiang;
    if (!lei && kuan) lei = state.lei ?? '';
    if (lei.length !== 3) return { written };
    state.lei = lei;
    let code = lei;
    if (kuan) {
      code += kuan;
      state.kuan = kuan;
      if (x) code += x;
    } else if (x && state.kuan) {
      code += state.kuan + x;
    }
    return { code, written, col: columns.get('lei') ?? columns.get('kuan') };
  }
  const c = columns.get('code');
  if (c === undefined) return {};
  const t = digits(view.text(r, c));
  if (/^\d{3}(\d{2}){0,2}$/.test(t)) return { code: t, written: view.text(r, c), col: c };
  return {};
}

/** `201 一般公共服务支出` → code and name; `支出总计` → name only. */
export function splitCodeLabel(text: string): { code?: string; name: string } {
  const m = /^(\d{3}(?:\d{2}){0,2})\s*(.*)$/.exec(text.normalize('NFKC').trim());
  if (m && m[2]) return { code: m[1], name: m[2].trim() };
  return { name: text.trim() };
}
