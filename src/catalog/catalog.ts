/**
 * The classification catalogue (政府收支分类科目 function codes and 部门预算支出经济分类 economic
 * codes): names by code, for the code-and-name rules and for repairing a code whose 款 was lost.
 * The bundled list is partial; a user loads the year's official list (an .xlsx as published by
 * 财政部, or any sheet with a code column and a name column) and it then takes precedence.
 */
import bundled from './classification-codes.json';
import { normalizeLabel } from '../templates/types';
import { CellValue, WorkbookModel } from '../workbook/model';

export type CodeKind = 'function' | 'economic';

export interface CatalogEntry {
  code: string;
  name: string;
  kind: CodeKind;
  verified: boolean;
}

export class Catalog {
  private readonly byCode = new Map<string, CatalogEntry>();
  /** The entries of each kind by code: a lookup per coded row makes no `kind:code` key (tables can have 100k rows). */
  private readonly ofKind = new Map<CodeKind, Map<string, CatalogEntry>>();

  constructor(
    entries: readonly CatalogEntry[],
    /** True for a user-loaded official list: unknown codes are then warnings, not infos. */
    readonly official: boolean,
    readonly source: string,
  ) {
    for (const e of entries) {
      // The last entry of a code wins, in both maps.
      this.byCode.set(`${e.kind}:${e.code}`, e);
      let codes = this.ofKind.get(e.kind);
      if (!codes) this.ofKind.set(e.kind, (codes = new Map()));
      codes.set(e.code, e);
    }
  }

  get size(): number {
    return this.byCode.size;
  }

  lookup(kind: CodeKind, code: string): CatalogEntry | undefined {
    return this.ofKind.get(kind)?.get(code);
  }

  /** Whether a row's name matches the catalogue's name for its code (spacing, brackets ignored). */
  nameMatches(entry: CatalogEntry, name: string): boolean {
    let own = this.normalized.get(entry);
    if (own === undefined) this.normalized.set(entry, (own = normalizeLabel(entry.name)));
    return own === normalizeLabel(name);
  }

  /** Each entry's name normalised once (K1 asks for every coded row of a table). */
  private readonly normalized = new WeakMap<CatalogEntry, string>();

  /** A code under `prefix` whose name is `name` (to repair a code that lost its 款 or 项 part). */
  findChildByName(kind: CodeKind, prefix: string, name: string): CatalogEntry | undefined {
    const same = this.namesIndex().get(normalizeLabel(name));
    if (!same) return undefined;
    for (const e of same) {
      if (e.kind === kind && e.code.length > prefix.length && e.code.startsWith(prefix)) return e;
    }
    return undefined;
  }

  /** The entries by normalised name, in the catalogue's order (made on first use). */
  private namesIndex(): Map<string, CatalogEntry[]> {
    if (this.byName) return this.byName;
    const byName = new Map<string, CatalogEntry[]>();
    for (const e of this.byCode.values()) {
      const n = normalizeLabel(e.name);
      const list = byName.get(n);
      if (list) list.push(e);
      else byName.set(n, [e]);
    }
    return (this.byName = byName);
  }

  private byName: Map<string, CatalogEntry[]> | undefined;
}

interface BundledFile {
  function: { code: string; name: string; verified: boolean }[];
  economic: { code: string; name: string; verified: boolean }[];
}

let defaultCatalog: Catalog | undefined;

/** The bundled (partial) catalogue. */
export function bundledCatalog(): Catalog {
  if (!defaultCatalog) {
    const data = bundled as unknown as BundledFile;
    defaultCatalog = new Catalog(
      [
        ...data.function.map((e) => ({ ...e, kind: 'function' as const })),
        ...data.economic.map((e) => ({ ...e, kind: 'economic' as const })),
      ],
      false,
      'bundled',
    );
  }
  return defaultCatalog;
}

function text(v: CellValue): string {
  if (v === null || typeof v === 'object') return '';
  return String(v).trim();
}

/**
 * An official list from a workbook: every row with a code-like cell (3–7 digits, `2080109` or
 * `208 01 09`) followed by a name cell. Function codes start with 2, economic codes with 3 or 5.
 * Codes present in the bundled catalogue keep their kind; others are classed by first digit.
 */
export function catalogFromWorkbook(model: WorkbookModel, source: string): Catalog {
  const entries: CatalogEntry[] = [];
  for (const sheet of model.sheets) {
    for (const row of sheet.rows) {
      if (!row) continue;
      for (let c = 0; c < row.length - 1; c++) {
        const code = text(row[c]?.v ?? null).replace(/\s+/g, '');
        if (!/^\d{3}(\d{2}){0,2}$/.test(code)) continue;
        let name = '';
        for (let k = c + 1; k < row.length && !name; k++) name = text(row[k]?.v ?? null);
        if (!name || /^\d+$/.test(name)) continue;
        const kind: CodeKind = code.startsWith('2') ? 'function' : 'economic';
        entries.push({ code, name, kind, verified: true });
        break;
      }
    }
  }
  return new Catalog(entries, true, source);
}
