/**
 * Office round trips (issue 7): how many `context.sync()` calls the task pane makes for each user
 * action, counted by running the real adapter (taskpane/office-host.ts) and the pane's actions
 * against the office-addin-mock context the adapter's tests use. Each sync is one round trip to
 * Excel — on Office on the web, one network request — so the count, not the mock's time, is the
 * figure that matters. Target: one read and one write.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, insertReport, markFindings, runAudit } from '../taskpane/actions';
import { OfficeHost } from '../taskpane/office-host';
import { fillWrites, proposeFills } from '../src/fill/fill';
import { readXlsx } from '../src/xlsx/read';
import { a1, sheetSize, WorkbookModel } from '../src/workbook/model';
import { excel, SheetData } from '../test/helpers/office-mock';
import { Row } from './harness';
import { syntheticPackage } from './synthetic';

/** The workbook as Office.js would hand it over: each sheet's used range as grids. */
function asExcel(model: WorkbookModel): SheetData[] {
  return model.sheets.map((s) => {
    const { rows, cols } = sheetSize(s);
    const grid = <T>(f: (r: number, c: number) => T) =>
      Array.from({ length: Math.max(rows, 1) }, (_r, r) =>
        Array.from({ length: Math.max(cols, 1) }, (_c, c) => f(r, c)),
      );
    const cell = (r: number, c: number) => s.rows[r]?.[c];
    const value = (r: number, c: number) => {
      const v = cell(r, c)?.v;
      return v === null || v === undefined ? '' : typeof v === 'object' ? v.error : v;
    };
    return {
      name: s.name,
      visibility: s.hidden ? 'Hidden' : 'Visible',
      rowIndex: 0,
      columnIndex: 0,
      values: grid(value),
      formulas: grid((r, c) => cell(r, c)?.f ?? value(r, c)),
      numberFormat: grid((r, c) => cell(r, c)?.z ?? 'General'),
      merged: s.merges.map((m) => `${a1(m.r0, m.c0)}:${a1(m.r1, m.c1)}`).join(',') || undefined,
    };
  });
}

async function measure(
  label: string,
  model: WorkbookModel,
  rows: Row[],
  options: { payloadLimit?: boolean } = {},
): Promise<void> {
  const cells = model.sheets.reduce((n, s) => {
    const z = sheetSize(s);
    return n + z.rows * z.cols;
  }, 0);
  const step = async (name: string, n: number, fn: (host: OfficeHost) => Promise<unknown>, note = '') => {
    const x = excel(asExcel(model));
    if (options.payloadLimit) x.failAt.add(2); // the one-sync read is refused as too large
    const host = new OfficeHost(x.run);
    const t0 = process.hrtime.bigint();
    await fn(host);
    rows.push({
      suite: 'office',
      case: `${label}: ${name}`,
      n,
      ms: Number(process.hrtime.bigint() - t0) / 1e6,
      syncs: host.syncs,
      note: `${host.syncs} sync(s)${note ? `; ${note}` : ''}; time is the mock's, not Excel's`,
    });
  };
  const audit = await runAudit(new OfficeHost(excel(asExcel(model)).run), DEFAULT_SETTINGS);
  // rewire: every derived cell gets its live formula — the largest fill a clerk would apply.
  const proposals = proposeFills(model, { rewire: true }).proposals;
  await step(
    '一键审核 (read + validate)',
    cells,
    (h) => runAudit(h, DEFAULT_SETTINGS),
    options.payloadLimit
      ? 'chunked fallback after a payload-size refusal'
      : `${model.sheets.length} sheets in one read`,
  );
  if (options.payloadLimit) return;
  await step('标记单元格 (mark findings)', audit.findings.length, (h) => markFindings(h, audit.findings));
  await step('填充 apply (write all proposals)', proposals.length, (h) => h.write(fillWrites(proposals)));
  await step('click a finding (select)', 1, (h) => h.select(model.sheets[0].name, 'A1'));
  await step('导出审核报告 (insert the report sheet)', audit.findings.length, (h) => insertReport(h, audit, 'zh'));
}

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  const sample = path.join(__dirname, '..', 'samples', 'seed001-published.xlsx');
  await measure('seed 001 package (11 tables)', await readXlsx(fs.readFileSync(sample)), rows);
  // A package too large for one response: Office refuses the single read and the adapter reads in blocks.
  await measure('10k-row package over the payload limit', syntheticPackage(10_000), rows, { payloadLimit: true });
  return rows;
}
