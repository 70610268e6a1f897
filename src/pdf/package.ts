/**
 * A published PDF as a package to check: its tables as a workbook (one sheet per table, named by
 * its title), the text outside the tables as the 情况说明, what could not be rebuilt as findings,
 * and the page of every finding.
 */
import type { Finding } from '../engine/types';
import { findingMessage, message } from '../i18n/messages';
import { parseA1, WorkbookModel } from '../workbook/model';
import type { CellBox } from './layout';
import { PdfReadError, readPdfText } from './read';
import { NarrativeLine, narrativeText, pdfWorkbook, PdfProblem, PdfTable, reconstructPdf } from './tables';

export interface PdfPackage {
  pages: number;
  tables: PdfTable[];
  workbook: WorkbookModel;
  /** sheet → `r,c` → where the cell was printed */
  boxes: Map<string, Map<string, CellBox>>;
  /** the text outside the tables, line n of `text` = narrative[n − 1] */
  narrative: NarrativeLine[];
  text: string;
  problems: PdfProblem[];
}

/** Reads and rebuilds a PDF. Throws {@link PdfReadError} for a scan, an encrypted or a broken file. */
export async function readPdfPackage(bytes: Uint8Array): Promise<PdfPackage> {
  const doc = reconstructPdf(await readPdfText(bytes));
  const { workbook, boxes } = pdfWorkbook(doc);
  return {
    pages: doc.pages,
    tables: doc.tables,
    workbook,
    boxes,
    narrative: doc.narrative,
    text: narrativeText(doc),
    problems: doc.problems,
  };
}

/** Why a PDF could not be read, in both languages (for the report and exit code 2). */
export function pdfFailure(e: PdfReadError): { zh: string; en: string } {
  switch (e.kind) {
    case 'scanned':
      return message('pdf.scanned');
    case 'encrypted':
      return message('pdf.encrypted');
    case 'too-large':
      return message('pdf.tooLarge', { what: e.en.replace(/^.*\(|\).*$/g, '') });
    default:
      return message('pdf.broken', { detail: e.en.replace(/^the PDF cannot be opened \(damaged\?\): /, '') });
  }
}

/** The problems of the rebuild as findings (rule PDF1). */
export function problemFindings(problems: readonly PdfProblem[]): Finding[] {
  return problems.map((p) => {
    return {
      rule: 'PDF1',
      severity: p.severity,
      sheet: '',
      cell: '',
      related: [],
      ...findingMessage(p.key, p.params),
      page: p.page,
    } as Finding;
  });
}

/** The page a finding points at: its cell's, or its text line's. */
export function pageOf(pkg: Pick<PdfPackage, 'boxes' | 'narrative'>, f: Finding): number | undefined {
  const own = (f as Finding & { page?: number }).page;
  if (own !== undefined) return own;
  if (f.sheet && f.cell) {
    try {
      const { r, c } = parseA1(f.cell);
      const box = pkg.boxes.get(f.sheet)?.get(`${r},${c}`);
      if (box) return box.page;
      // an empty cell: the page of the nearest printed cell of its row, else of its sheet
      const boxes = pkg.boxes.get(f.sheet);
      if (boxes) {
        for (const [k, b] of boxes) if (k.startsWith(`${r},`)) return b.page;
        const first = boxes.values().next();
        if (!first.done) return first.value.page;
      }
    } catch {
      // not an address
    }
  }
  if (f.line !== undefined) return pkg.narrative[f.line - 1]?.page;
  return undefined;
}
