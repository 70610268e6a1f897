/**
 * 一键审核: recognize every sheet, repair lost codes, run every rule, and return the findings with
 * what was recognized. Office-free: takes the plain workbook model.
 */
import { AUTO_TOLERANCE, ToleranceMode } from '../amount/tolerance';
import { bundledCatalog, Catalog } from '../catalog/catalog';
import { recognizeWorkbook, RecognizeOptions, WorkbookRecognition } from '../recognize/recognize';
import { RecognizedTable, SheetRecognition } from '../recognize/types';
import { allRules } from '../rules';
import { allTemplates } from '../templates';
import type { CompiledPack, RuleSetting } from '../formulas/pack';
import { columnLetter, parseA1, WorkbookModel } from '../workbook/model';
import { repairCodes } from './repair';
import { Finding, Rule, RuleContextApi, Severity } from './types';
import { workbookNote } from './note';

export interface ValidateOptions extends RecognizeOptions {
  /** `auto` (the interval rule, default) or a fixed amount. */
  tolerance?: ToleranceMode;
  /** The classification list (default: the bundled, partial one). */
  catalog?: Catalog;
  /** The rules to run (default: all registered, plus the packs' formulas). */
  rules?: readonly Rule[];
  /** Packs loaded at run time (their forms are recognised, their formulas checked). */
  packs?: readonly CompiledPack[];
  /** Per-rule settings, ESLint style: `{ X6: 'off', T3: 'warning' }` (after the packs' own). */
  ruleSettings?: Readonly<Record<string, RuleSetting>>;
  /**
   * `false` (`--forms none`): the built-in forms are switched off — only the packs' forms are
   * recognised, and every other sheet goes to the inference (G0–G6).
   */
  builtinForms?: boolean;
}

/** The templates and rules in force with these options, and the rule settings merged. */
export function rulesInForce(options: ValidateOptions): {
  templates: RecognizeOptions['templates'];
  rules: Rule[];
  settings: Record<string, RuleSetting>;
} {
  const packs = options.packs ?? [];
  const packForms = packs.flatMap((p) => p.pack.forms);
  const builtin = options.builtinForms === false ? [] : allTemplates();
  const templates =
    options.templates ?? (packs.length || options.builtinForms === false ? [...builtin, ...packForms] : undefined);
  const settings: Record<string, RuleSetting> = Object.assign(
    {},
    ...packs.map((p) => p.pack.rules),
    options.ruleSettings,
  );
  const all = options.rules ?? [...allRules(), ...packs.flatMap((p) => p.formulas.map((f) => f.rule))];
  return { templates, rules: all.filter((r) => settings[r.id] !== 'off'), settings };
}

/** A rule given another severity reports its real mismatches with it (rounding warnings and notes stay). */
function applySettings(findings: Finding[], rules: readonly Rule[], settings: Record<string, RuleSetting>): Finding[] {
  if (Object.keys(settings).length === 0) return findings;
  const declared = new Map(rules.map((r) => [r.id, r.severity]));
  // A rule may report under several ids (G0 runs the inference and reports G1–G6): settings follow the finding's id.
  return findings
    .filter((f) => settings[f.rule] !== 'off')
    .map((f) => {
      const s = settings[f.rule];
      if (!s || s === 'off' || f.severity !== declared.get(f.rule)) return f;
      return { ...f, severity: s };
    });
}

/** What the report says of each sheet (rows are 1-based, as Excel shows them). */
export interface SheetSummary {
  name: string;
  template: string | null;
  title?: string;
  reason?: string;
  reasonEn?: string;
  nearest?: string;
  unit: string | null;
  headerRows: [number, number] | null;
  dataRows: [number, number] | null;
  numberRow?: number;
  columns?: Record<string, string>;
  hidden?: boolean;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

export interface ValidationResult {
  sheets: SheetSummary[];
  findings: Finding[];
  summary: Summary;
  recognition: WorkbookRecognition;
}

class Context implements RuleContextApi {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();
  constructor(
    readonly tables: readonly RecognizedTable[],
    readonly tolerance: ToleranceMode,
    readonly catalog: Catalog,
    readonly sheets?: readonly SheetRecognition[],
    readonly workbook?: WorkbookModel,
  ) {}

  tablesOf(table: string): RecognizedTable[] {
    return this.tables.filter((t) => t.template.table === table);
  }

  table(table: string): RecognizedTable | undefined {
    return this.tables.find((t) => t.template.table === table);
  }

  report(finding: Finding): void {
    const key = `${finding.rule}|${finding.sheet}|${finding.cell}|${finding.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push(finding);
  }
}

export function summarize(findings: readonly Finding[]): Summary {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info') };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts findings by sheet (workbook order), then row, column, severity. Package findings go last. */
export function sortFindings(findings: Finding[], sheetOrder: readonly string[]): Finding[] {
  const pos = (f: Finding) => {
    if (!f.cell) return [Number.MAX_SAFE_INTEGER, 0];
    try {
      const { r, c } = parseA1(f.cell);
      return [r, c];
    } catch {
      return [Number.MAX_SAFE_INTEGER, 0];
    }
  };
  const sheetIndex = (f: Finding) => {
    const i = sheetOrder.indexOf(f.sheet);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return findings
    .map((f, i) => ({ f, i, s: sheetIndex(f), p: pos(f) }))
    .sort(
      (a, b) =>
        a.s - b.s ||
        a.p[0] - b.p[0] ||
        a.p[1] - b.p[1] ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        a.i - b.i,
    )
    .map((x) => x.f);
}

export function validateWorkbook(model: WorkbookModel, options: ValidateOptions = {}): ValidationResult {
  const { templates, rules, settings } = rulesInForce(options);
  const recognition = recognizeWorkbook(model, { ...options, templates });
  const catalog = options.catalog ?? bundledCatalog();
  repairCodes(recognition.tables, catalog);
  const ctx = new Context(recognition.tables, options.tolerance ?? AUTO_TOLERANCE, catalog, recognition.sheets, model);
  for (const rule of rules) {
    try {
      rule.run(ctx);
    } catch (e) {
      // A rule that fails is a bug; it must not take the whole check down. Say so as a finding.
      ctx.report(
        workbookNote(rule.id, 'engine.ruleFailed', {
          rule: rule.id,
          error: e instanceof Error ? e.message : String(e),
        }),
      );
    }
  }
  const sheets: SheetSummary[] = recognition.sheets.map((s) => {
    const t = s.table;
    if (!t) {
      return {
        name: s.sheet,
        template: null,
        reason: s.reason?.zh,
        reasonEn: s.reason?.en,
        nearest: s.nearest?.template,
        unit: null,
        headerRows: null,
        dataRows: null,
        ...(s.hidden ? { hidden: true } : {}),
      };
    }
    const columns: Record<string, string> = {};
    for (const [k, c] of t.columns) columns[k] = columnLetter(c);
    return {
      name: s.sheet,
      template: t.template.id,
      title: t.template.title,
      unit: t.unit,
      headerRows: [t.headerRows[0] + 1, t.headerRows[1] + 1],
      dataRows: t.dataRows[0] < 0 ? null : [t.dataRows[0] + 1, t.dataRows[1] + 1],
      ...(t.numberRow !== undefined ? { numberRow: t.numberRow + 1 } : {}),
      columns,
      ...(s.hidden ? { hidden: true } : {}),
    };
  });
  const findings = sortFindings(
    applySettings(ctx.findings, rules, settings),
    model.sheets.map((s) => s.name),
  );
  return { sheets, findings, summary: summarize(findings), recognition };
}

/**
 * Validates a package and, when its 情况说明 is given, checks the text against the tables too
 * (rules N1–N6); text findings carry `sentence` and `line` instead of a cell.
 */
export async function validatePackage(
  model: WorkbookModel,
  options: ValidateOptions & { text?: string } = {},
): Promise<ValidationResult & { textChecked?: number }> {
  const result = validateWorkbook(model, options);
  if (options.text === undefined) return result;
  const { checkNarrative } = await import('../narrative/check');
  const { checkFundText } = await import('../rules/si/text');
  const narrative = checkNarrative(options.text, result.recognition.tables);
  // The 社会保险基金 quotes (保险费收入, 年末结余 …) are checked by the fund rules' own reader.
  const fund = checkFundText(options.text, result.recognition.tables, { tolerance: options.tolerance });
  const { settings } = rulesInForce(options);
  const findings = [...result.findings, ...narrative.findings, ...fund].filter((f) => settings[f.rule] !== 'off');
  return { ...result, findings, summary: summarize(findings), textChecked: narrative.checked };
}
