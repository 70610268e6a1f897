/**
 * One file of a batch: read it, validate it (with its 情况说明 when given), and return its part of
 * the report. Runs in a worker thread or in the main thread; never throws for a bad file.
 */
import * as fs from 'fs';
import { Decimal } from '../amount/decimal';
import { AUTO_TOLERANCE, ToleranceMode } from '../amount/tolerance';
import { Catalog, catalogFromWorkbook } from '../catalog/catalog';
import { summarize, validatePackage } from '../engine/validate';
import { message } from '../i18n/messages';
import { pageOf, pdfFailure, PdfPackage, problemFindings, readPdfPackage } from '../pdf/package';
import { PdfReadError } from '../pdf/read';
import { documentFindings } from '../pdf/document-checks';
import { FileReport, fileReport, unreadableFile } from '../report/report';
import { WorkbookReadError } from '../xlsx/read';
import { readXlsxInNode } from '../xlsx/node-inflate';
import { CompiledPack, RuleSetting } from '../formulas/pack';
import { compilePacks, parsePack } from '../formulas/load';
import { allRules } from '../rules';

export interface JobOptions {
  /** `auto` or an amount. */
  tolerance?: string;
  catalogPath?: string;
  text?: string;
  /** Pack files (forms and audit formulas), in order. */
  formsPaths?: string[];
  /** Per-rule settings (`X6` → `off`). */
  ruleSettings?: Record<string, RuleSetting>;
  /** `false` (`--forms none`): the built-in forms off, every other sheet to the inference. */
  builtinForms?: boolean;
  /** Sheet name → the form it holds (`--bind "Sheet=表5"`). */
  bindings?: Record<string, string>;
}

let packCache: { key: string; packs: CompiledPack[] } | undefined;

/** Loads and compiles pack files (cached per worker). Throws PackError for a bad pack. */
export async function packsFor(paths: readonly string[] | undefined): Promise<CompiledPack[] | undefined> {
  if (!paths || paths.length === 0) return undefined;
  const key = paths.join('\u0000');
  if (packCache?.key !== key) {
    const parsed = [];
    for (const p of paths) parsed.push(await parsePack(fs.readFileSync(p), p));
    const ids = new Set(allRules().map((r) => r.id));
    packCache = { key, packs: compilePacks(parsed, ids) };
  }
  return packCache.packs;
}

export function toleranceFrom(s: string | undefined): ToleranceMode {
  return s && s !== 'auto' ? { kind: 'fixed', amount: new Decimal(s) } : AUTO_TOLERANCE;
}

let catalogCache: { path: string; catalog: Catalog } | undefined;

async function catalogFor(path: string | undefined): Promise<Catalog | undefined> {
  if (!path) return undefined;
  if (catalogCache?.path !== path)
    catalogCache = { path, catalog: catalogFromWorkbook(await readXlsxInNode(fs.readFileSync(path)), path) };
  return catalogCache.catalog;
}

export function readFailure(e: unknown): { zh: string; en: string } {
  if (e instanceof WorkbookReadError) return e.reason;
  const text = e instanceof Error ? e.message : String(e);
  if (/EACCES|EPERM/.test(text)) return { zh: '没有读取权限', en: 'Permission denied' };
  if (/EISDIR/.test(text)) return { zh: '是文件夹，不是文件', en: 'A folder, not a file' };
  if (/ENOENT/.test(text)) return { zh: '文件不存在', en: 'No such file' };
  return { zh: `无法读取：${text.slice(0, 200)}`, en: `Cannot read: ${text.slice(0, 200)}` };
}

export async function runJob(file: string, options: JobOptions): Promise<FileReport> {
  let model;
  // A published PDF: its tables as the workbook, the text outside them as the 情况说明 (unless
  // --text gives one), every finding with its page.
  let pdf: PdfPackage | undefined;
  try {
    if (/\.pdf$/i.test(file)) {
      pdf = await readPdfPackage(new Uint8Array(fs.readFileSync(file)));
      if (pdf.tables.length === 0) return unreadableFile(file, message('pdf.noTables'));
      model = pdf.workbook;
    } else model = await readXlsxInNode(fs.readFileSync(file));
  } catch (e) {
    return unreadableFile(file, e instanceof PdfReadError ? pdfFailure(e) : readFailure(e));
  }
  try {
    const result = await validatePackage(model, {
      tolerance: toleranceFrom(options.tolerance),
      catalog: await catalogFor(options.catalogPath),
      text: options.text ?? pdf?.text,
      packs: await packsFor(options.formsPaths),
      ruleSettings: options.ruleSettings,
      builtinForms: options.builtinForms,
      bindings: options.bindings,
    });
    if (pdf) {
      const found = [
        ...problemFindings(pdf.problems),
        ...result.findings,
        ...documentFindings(pdf.tables, pdf.narrative),
      ];
      result.findings = found.map((f) => {
        const page = pageOf(pdf!, f);
        return page === undefined ? f : { ...f, page };
      });
      result.summary = summarize(result.findings);
    }
    const report = fileReport(file, result);
    if (pdf) Object.assign(report, { source: 'pdf', pages: pdf.pages });
    const organisation = result.recognition.tables.find((t) => t.organisation)?.organisation;
    return organisation ? { ...report, organisation } : report;
  } catch (e) {
    // A failure inside the engine is a bug; the batch goes on and says so.
    return unreadableFile(file, {
      zh: `审核出错：${e instanceof Error ? e.message : String(e)}`,
      en: `The check failed: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
}
