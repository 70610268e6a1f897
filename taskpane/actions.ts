/**
 * What the pane's buttons do, without React: run the audit, build and insert the report, mark
 * and unmark cells. Tested with the in-memory host; the same code runs against Excel.
 */
import { AUTO_TOLERANCE, ToleranceMode } from '../src/amount/tolerance';
import { Decimal } from '../src/amount/decimal';
import { Catalog } from '../src/catalog/catalog';
import { Finding, Severity } from '../src/engine/types';
import { validateWorkbook, ValidationResult } from '../src/engine/validate';
import { CellMark, SavedFill, WorkbookHost } from '../src/host/types';
import { Lang } from '../src/i18n/messages';
import { REPORT_COLUMN_WIDTHS, reportSheet } from '../src/report/sheet';
import type { CompiledPack, RuleSetting } from '../src/formulas/pack';
import type { LoadedPack } from './packs';

export interface Settings {
  lang: Lang;
  tolerance: 'auto' | 'fixed';
  /** The fixed tolerance as typed (万元), used when tolerance is 'fixed'. */
  fixedTolerance: string;
  /** The zero-base convention for the narrative drafter (BUDGET.YOY's zero_base). */
  zeroBase: 'hundred' | 'error' | 'blank';
  catalog?: Catalog;
  /** Packs of forms and audit formulas loaded in 设置 (remembered with the workbook). */
  packs: LoadedPack[];
  /** Rules turned off or given another severity (remembered with the workbook). */
  rules: Record<string, RuleSetting>;
  /** Sheets the user said the form of (此表是…): sheet name → template id (remembered with the workbook). */
  bindings: Record<string, string>;
}

export const DEFAULT_SETTINGS: Settings = {
  lang: 'zh',
  tolerance: 'auto',
  fixedTolerance: '0.05',
  zeroBase: 'hundred',
  packs: [],
  rules: {},
  bindings: {},
};

/** The engine's options from the pane's settings (validation and fill alike). */
export function engineOptions(settings: Settings): {
  tolerance: ToleranceMode;
  catalog?: Catalog;
  packs: CompiledPack[];
  ruleSettings: Record<string, RuleSetting>;
  bindings?: Record<string, string>;
} {
  return {
    tolerance: toleranceOf(settings),
    catalog: settings.catalog,
    packs: settings.packs.map((p) => p.compiled),
    ruleSettings: settings.rules,
    ...(settings.bindings && Object.keys(settings.bindings).length ? { bindings: settings.bindings } : {}),
  };
}

export function toleranceOf(settings: Settings): ToleranceMode {
  if (settings.tolerance === 'fixed' && /^\d+(\.\d+)?$/.test(settings.fixedTolerance.trim())) {
    return { kind: 'fixed', amount: new Decimal(settings.fixedTolerance.trim()) };
  }
  return AUTO_TOLERANCE;
}

export type Stage = 'read' | 'check' | 'done';

/** Lets the browser paint between stages so the pane never looks frozen. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runAudit(
  host: WorkbookHost,
  settings: Settings,
  onStage?: (stage: Stage, detail?: string) => void,
): Promise<ValidationResult> {
  onStage?.('read');
  const model = await host.read((done, total) => onStage?.('read', `${done}/${total}`));
  onStage?.('check');
  await breathe();
  const result = validateWorkbook(model, engineOptions(settings));
  onStage?.('done');
  return result;
}

export const MARK_COLORS: Record<Severity, string> = { error: '#F8CBAD', warning: '#FFE699', info: '#DDEBF7' };

/** Colours the cells of the findings by severity (the worst one per cell wins). */
export async function markFindings(host: WorkbookHost, findings: readonly Finding[]): Promise<SavedFill[]> {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const best = new Map<string, CellMark & { severity: Severity }>();
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue;
    const key = `${f.sheet}!${f.cell}`;
    const prev = best.get(key);
    if (!prev || rank[f.severity] < rank[prev.severity])
      best.set(key, { sheet: f.sheet, cell: f.cell, color: MARK_COLORS[f.severity], severity: f.severity });
  }
  if (best.size === 0) return [];
  return host.mark([...best.values()].map(({ sheet, cell, color }) => ({ sheet, cell, color })));
}

export async function insertReport(host: WorkbookHost, result: ValidationResult, lang: Lang): Promise<string> {
  const sheet = reportSheet(result.findings, result.summary, lang);
  return host.addSheet(sheet, { activate: true, columnWidths: REPORT_COLUMN_WIDTHS });
}

/** Findings grouped by sheet, then by rule, keeping the engine's order. */
export function groupFindings(
  findings: readonly Finding[],
): { sheet: string; rules: { rule: string; findings: Finding[] }[] }[] {
  const sheets: { sheet: string; rules: { rule: string; findings: Finding[] }[] }[] = [];
  for (const f of findings) {
    let s = sheets.find((x) => x.sheet === f.sheet);
    if (!s) sheets.push((s = { sheet: f.sheet, rules: [] }));
    let r = s.rules.find((x) => x.rule === f.rule);
    if (!r) s.rules.push((r = { rule: f.rule, findings: [] }));
    r.findings.push(f);
  }
  return sheets;
}
