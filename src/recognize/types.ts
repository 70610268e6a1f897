import { Decimal } from '../amount/decimal';
import { Unit } from '../amount/parse';
import { BilingualText } from '../i18n/messages';
import { TableTemplate } from '../templates/types';
import { CellValue, SheetModel } from '../workbook/model';

/** One amount cell of a recognized table. */
export interface AmountCell {
  r: number;
  c: number;
  /** The amount in the table's own unit; null when the cell is empty (or unreadable). */
  value: Decimal | null;
  /** Decimals shown (from the number format, else the digits present): for the tolerance rule. */
  decimals: number;
  /** The value as an exact integer number of cents, when it is one (the comparisons' fast path). */
  cents?: number;
  /** Why the cell could not be read as an amount. */
  invalid?: BilingualText;
  /** A formula whose result the file does not hold. */
  uncalculated?: boolean;
  raw: CellValue;
  formula?: string;
}

export type RowKind =
  /** 总计 / 合计 row. */
  | 'total'
  /** A classification row (function or economic code). */
  | 'code'
  /** The unit's own row (表7, 表11). */
  | 'unit'
  /** A project row (表7 with a project name, 表11). */
  | 'project'
  /** A fixed row of a fixed-row table or panel. */
  | 'fixed'
  | 'other';

export interface TableRow {
  r: number;
  kind: RowKind;
  panel?: 'income' | 'expense';
  /** Normalised code: 3, 5 or 7 digits. */
  code?: string;
  /** The code as the sheet printed it, where the reader kept it (a panel's code cell); writtenCode() gives it for every row. */
  codeAsWritten?: string;
  /** Set when the printed code was repaired from the name (a lost 款): the code as read before. */
  repairedFrom?: string;
  /** Where the code is (the 类 or combined code cell). */
  codeCol?: number;
  /** The fixed row key (two-panel and fixed tables). */
  key?: string;
  name: string;
  nameCol?: number;
  project?: string;
  amounts: Map<string, AmountCell>;
  /**
   * Itemized tables: the row this one breaks down (a `其中` sub-row's parent, or the shorter code
   * it extends).
   */
  parent?: TableRow;
  /** Itemized tables: a partial breakdown of its parent (`其中：…` and the rows continuing it, or indented). */
  ofWhich?: boolean;
  /** Leading spaces of the label as written (a full-width space counts 2). */
  indent?: number;
}

export interface RecognizedTable {
  template: TableTemplate;
  sheet: SheetModel;
  title: { r: number; c: number; text: string };
  /** The unit line's unit, or 万元 assumed. */
  unit: Unit;
  unitFound: boolean;
  /** 编制部门/编制单位 as printed. */
  organisation?: string;
  headerRows: [number, number];
  numberRow?: number;
  /** First and last data row (0-based, inclusive); [-1, -1] when there are none. */
  dataRows: [number, number];
  /** Column key → 0-based column. */
  columns: Map<string, number>;
  rows: TableRow[];
  /** The empty-table sentence, when present. */
  note?: { r: number; c: number; text: string };
  /** Where the data region was cut short by another table stacked below. */
  endRow: number;
  /** The table number printed with the title (`表 4`, `表四`), when there is one: `4`, `四`. */
  printedNo?: string;
}

export interface SheetRecognition {
  sheet: string;
  hidden: boolean;
  table: RecognizedTable | null;
  /** Why nothing was recognized, or what was odd. */
  reason?: BilingualText;
  /** The closest template when none was recognized. */
  nearest?: { template: string; title: string; score: number };
  /** The form the user bound the sheet to (`--bind`, 此表是…), and what of it did not fit. */
  binding?: SheetBinding;
}

export interface SheetBinding {
  /** As the user wrote it: `表5`, `sh.t05`. */
  ref: string;
  /** The template it named; absent when it names none (`unknown`). */
  template?: string;
  unknown?: boolean;
  /** Header columns of the form the sheet lacks (then the sheet is not recognised). */
  missing?: string[];
  /** The sheet's own title, when its key terms differ from the form's: which are missing and extra. */
  title?: string;
  titleTerms?: { missing: string[]; extra: string[] };
}
