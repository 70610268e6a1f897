/**
 * Table-driven SI rule tests: each case builds a package (seed 000 or the hand-made style (b)
 * one), changes it, and lists the findings the rules under test must give
 * (`severity rule sheet!cell`), and nothing else.
 */
import { validateWorkbook } from '../../src/engine/validate';
import { Finding, Rule } from '../../src/engine/types';
import { CellValue, parseA1, WorkbookModel } from '../../src/workbook/model';
import { correctedSeed000, publishedSeed000, Seed000, seed000Workbook } from './seed000';
import { cleanStyleB, StyleB, StyleBOptions, styleBWorkbook } from './si-style-b';

export const brief = (f: Finding) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`;

/** Seed 000 corrected (or as published), changed by `mutate`. */
export function seed000(mutate?: (s: Seed000) => void, published = false): WorkbookModel {
  const s = published ? publishedSeed000() : correctedSeed000();
  mutate?.(s);
  return seed000Workbook(s);
}

/** The consistent style (b) package, changed by `mutate`. */
export function styleB(mutate?: (b: StyleB) => void, options: StyleBOptions = {}): WorkbookModel {
  const b = cleanStyleB();
  mutate?.(b);
  return styleBWorkbook(b, options);
}

/** Sets cells by sheet and A1 address (`undefined` empties it); returns the model. */
export function setCells(model: WorkbookModel, cells: Record<string, CellValue | undefined>): WorkbookModel {
  for (const [ref, v] of Object.entries(cells)) {
    const [name, addr] = ref.split('!');
    const sheet = model.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const { r, c } = parseA1(addr);
    const row = (sheet.rows[r] ??= []);
    if (v === undefined) row[c] = undefined;
    else row[c] = { ...(row[c] ?? {}), v };
  }
  return model;
}

/** The value of a cell (for cases that shift it by an amount). */
export function valueAt(model: WorkbookModel, ref: string): number {
  const [name, addr] = ref.split('!');
  const { r, c } = parseA1(addr);
  const v = model.sheets.find((s) => s.name === name)?.rows[r]?.[c]?.v;
  if (typeof v !== 'number') throw new Error(`${ref} holds no number`);
  return v;
}

/** Adds `delta` to cells (to 2 decimals). */
export function shift(model: WorkbookModel, refs: string[], delta: number): WorkbookModel {
  return setCells(
    model,
    Object.fromEntries(refs.map((ref) => [ref, Math.round((valueAt(model, ref) + delta) * 100) / 100])),
  );
}

export type SiCase = [name: string, build: () => WorkbookModel, expected: string[]];

export function siFindings(rules: Rule[], model: WorkbookModel): Finding[] {
  return validateWorkbook(model, { rules }).findings;
}

export function runSiRuleCases(rules: Rule | Rule[], cases: SiCase[]): void {
  const list = Array.isArray(rules) ? rules : [rules];
  it.each(cases.map((c) => [c[0], c] as const))('%s', (_name, c) => {
    const [, build, expected] = c;
    expect(siFindings(list, build()).map(brief).sort()).toEqual([...expected].sort());
  });
}
