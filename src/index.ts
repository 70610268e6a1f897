/**
 * The public core: Office-free, usable from Node, the browser and the add-in.
 * See README.md "Library API".
 */
export { Decimal } from './amount/decimal';
export { decimalFromNumber, EXCEL_DIGITS } from './amount/decimal';
export {
  parseAmount,
  parseAmountText,
  toDecimal,
  AmountError,
  EMPTY_MARKERS,
  type Parsed,
  type ParsedAmount,
  type ParsedEmpty,
  type ParsedInvalid,
  type AmountLike,
  type Unit,
} from './amount/parse';
export { roundHalfUp } from './amount/round';
export { formatAmount, formatPercent, plainString, type FormatOptions } from './amount/format';
export {
  compareSum,
  compareValues,
  intervalTolerance,
  halfUnit,
  AUTO_TOLERANCE,
  type Term,
  type ToleranceMode,
  type Comparison,
  type Consistency,
} from './amount/tolerance';
export {
  change,
  yoy,
  ratio,
  executionRate,
  DivisionByZeroError,
  ZERO_BASES,
  type ZeroBase,
  type YoyOptions,
} from './metrics/change';
export { shares, type SharesOptions } from './metrics/shares';
export { balance, payableMonths, ZeroExpenditureError } from './metrics/balance';
export { describeChange, describeShare, changeFacts, type PhraseOptions, type ChangeFacts } from './metrics/describe';
export { message, messageIn, type Lang, type BilingualText } from './i18n/messages';

// Workbook model, reading, recognition and validation.
export * from './workbook/model';
export { readXlsx, WorkbookReadError, type ReadLimits, type ReadErrorCode } from './xlsx/read';
export {
  recognizeWorkbook,
  recognizeSheet,
  type WorkbookRecognition,
  type RecognizeOptions,
} from './recognize/recognize';
export type { RecognizedTable, TableRow, AmountCell, SheetRecognition } from './recognize/types';
export { allTemplates, registerTemplates, DEPARTMENT_TEMPLATES, normalizeLabel } from './templates';
export type { TableTemplate, ColumnSpec, FixedRowSpec } from './templates';
export { allRules, registerRules } from './rules';
export {
  validateWorkbook,
  summarize,
  type ValidateOptions,
  type ValidationResult,
  type SheetSummary,
  type Summary,
} from './engine/validate';
export type { Finding, Severity, Rule } from './engine/types';
export { Catalog, bundledCatalog, catalogFromWorkbook } from './catalog/catalog';
export { buildReport, SCHEMA_VERSION, type Report, type FileReport } from './report/report';
export { formatText } from './report/text';
export { reportWorkbook, safeText } from './report/xlsx';
export { layoutTable, type GenRow, type LayoutOptions } from './generate/layout';
export { TOOL_NAME, TOOL_VERSION } from './version';
export { proposeFills, fillWrites, undoWrites, type FillProposal, type FillOptions } from './fill/fill';
export { departmentWorkbook, type DepartmentTemplateOptions } from './generate/department';
export { checkNarrative } from './narrative/check';
export { draftNarrative, figuresOf, type Figures, type DraftOptions } from './narrative/draft';
export { MemoryHost } from './host/memory-host';
export type { WorkbookHost, CellWrite, CellMark, SavedFill } from './host/types';
export { validatePackage } from './engine/validate';
export { writeXlsx } from './xlsx/write';

// Forms and audit formulas as data (packs).
export { parseFormula, FormulaError, type Statement } from './formulas/parse';
export { compileFormula, type FormulaDecl, type CompiledFormula } from './formulas/compile';
export {
  parsePackText,
  parsePackJson,
  compilePack,
  parseRuleSetting,
  PackError,
  type Pack,
  type CompiledPack,
  type PackProblem,
  type RuleSetting,
} from './formulas/pack';
export { parsePack, compilePacks, packTextFromWorkbook } from './formulas/load';
export { builtinFormulas } from './formulas/builtin';
export { inferPack, inferTables, type InferPackOptions, type InferredPack, type InferredPackTable } from './infer/pack';
