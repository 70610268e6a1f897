/**
 * Fill and audit from one declaration (issue 11), as a property over every package of
 * test/helpers/fill-corpus.ts (seeds, real packages, generated workbooks; department, 决算, Shanghai,
 * fund and 社会保险基金 tables):
 * - blank every derived cell, fill from the derivations, validate: every blanked cell gets its
 *   formula back and no finding appears that the package did not have (none, for a clean one);
 * - for every built-in formula that fills: blank the cells it derives, fill, validate: the formula's
 *   own rule finds nothing and no other finding appears. Every such formula derives cells in at
 *   least one package of the corpus, so none is left untried.
 */
import { validateWorkbook } from '../src/engine/validate';
import { Finding } from '../src/engine/types';
import { derivations, Derivation } from '../src/fill/derive';
import { fillWrites, proposeFills } from '../src/fill/fill';
import { builtinFormulas } from '../src/formulas/builtin';
import type { CompiledFormula } from '../src/formulas/compile';
import { MemoryHost } from '../src/host/memory-host';
import { recognizeWorkbook } from '../src/recognize/recognize';
import { a1, WorkbookModel } from '../src/workbook/model';
import { FILL_CORPUS } from './helpers/fill-corpus';

const key = (f: Finding) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`;

let models: Map<string, WorkbookModel> | undefined;
/** A fresh copy of each corpus package (read once). */
async function corpus(): Promise<[string, WorkbookModel][]> {
  if (!models) {
    models = new Map();
    for (const c of FILL_CORPUS) models.set(c.name, await c.model());
  }
  return [...models].map(([name, m]) => [name, JSON.parse(JSON.stringify(m)) as WorkbookModel]);
}

/** Blanks the target cells that hold something; returns them as `sheet!A1`. */
function blank(ds: readonly Derivation[]): string[] {
  const out: string[] = [];
  for (const d of ds) {
    const row = d.target.table.sheet.rows[d.target.r];
    if (row?.[d.target.c]?.v == null) continue;
    row[d.target.c] = undefined;
    out.push(`${d.target.table.sheet.name}!${a1(d.target.r, d.target.c)}`);
  }
  return out;
}

/** Fills the blanked cells, validates; what is wrong, as lines (empty when the property holds). */
async function fillAndCheck(model: WorkbookModel, blanked: string[], before: Finding[], rule?: string) {
  const host = new MemoryHost(model);
  await host.write(fillWrites(proposeFills(host.workbook, { wireEmpty: true }).proposals));
  const problems: string[] = [];
  for (const ref of blanked) {
    const [sheet, cell] = ref.split('!');
    if (!host.cellAt(sheet, cell)?.f?.startsWith('=')) problems.push(`${ref} not filled`);
  }
  const had = new Set(before.map(key));
  for (const f of validateWorkbook(host.workbook).findings)
    if (!had.has(key(f)) || f.rule === rule) problems.push(`${key(f)} ${f.message}`);
  return problems;
}

describe('every derived cell blanked, filled and validated', () => {
  it.each(FILL_CORPUS.map((c) => [c.name]))(
    '%s',
    async (name) => {
      const model = (await corpus()).find(([n]) => n === name)![1];
      const before = validateWorkbook(model).findings;
      const blanked = blank(derivations(recognizeWorkbook(model).tables));
      expect(blanked.length).toBeGreaterThan(0);
      expect(await fillAndCheck(model, blanked, before)).toEqual([]);
    },
    60_000,
  );
});

describe('each built-in formula that fills: its cells blanked, filled and validated', () => {
  const fills = builtinFormulas().filter((f) => f.statements.some((s) => s.fill));
  it.each(fills.map((f) => [f.decl.id, f] as [string, CompiledFormula]))(
    '%s',
    async (_id, f) => {
      let tried = 0;
      for (const [name, model] of await corpus()) {
        const before = validateWorkbook(model).findings;
        const blanked = blank(derivations(recognizeWorkbook(model).tables, [f]));
        if (blanked.length === 0) continue;
        tried++;
        expect([name, await fillAndCheck(model, blanked, before, f.decl.id)]).toEqual([name, []]);
      }
      expect(tried).toBeGreaterThan(0);
    },
    120_000,
  );
});
