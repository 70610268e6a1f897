/**
 * The JSON report (schemaVersion 1), documented in README.md:
 * {schemaVersion, tool:{name,version}, files:[{file, error?, sheets:[…], findings:[…], summary}],
 *  summary:{files, errors, warnings, infos, unreadable}}
 */
import { Finding } from '../engine/types';
import { SheetSummary, Summary, ValidationResult } from '../engine/validate';
import { TOOL_NAME, TOOL_VERSION } from '../version';

export const SCHEMA_VERSION = 1;

export interface FileReport {
  file: string;
  /** 编制部门/编制单位 as the tables print it, when they do. */
  organisation?: string;
  /** Why the file could not be read (Chinese), when it could not. */
  error?: string;
  errorEn?: string;
  sheets: SheetSummary[];
  /** From a PDF, each finding carries the page it points at. */
  findings: (Finding & { page?: number })[];
  summary: Summary;
  /** `pdf` when the file was a published PDF (its tables became the sheets, named by their titles). */
  source?: 'pdf';
  /** the PDF's page count */
  pages?: number;
}

export interface Report {
  schemaVersion: number;
  tool: { name: string; version: string };
  files: FileReport[];
  summary: Summary & { files: number; unreadable: number };
}

export function fileReport(file: string, result: ValidationResult): FileReport {
  return { file, sheets: result.sheets, findings: result.findings, summary: result.summary };
}

export function unreadableFile(file: string, error: { zh: string; en: string }): FileReport {
  return {
    file,
    error: error.zh,
    errorEn: error.en,
    sheets: [],
    findings: [],
    summary: { errors: 0, warnings: 0, infos: 0 },
  };
}

export function buildReport(files: FileReport[]): Report {
  const sum = (k: keyof Summary) => files.reduce((a, f) => a + f.summary[k], 0);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    files,
    summary: {
      files: files.length,
      errors: sum('errors'),
      warnings: sum('warnings'),
      infos: sum('infos'),
      unreadable: files.filter((f) => f.error !== undefined).length,
    },
  };
}
