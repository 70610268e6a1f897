import { BilingualText, MessageParams } from '../i18n/messages';
import { Catalog } from '../catalog/catalog';
import { ToleranceMode } from '../amount/tolerance';
import { RecognizedTable, SheetRecognition } from '../recognize/types';
import { WorkbookModel } from '../workbook/model';
import { FormFamily } from '../templates/types';

export type Severity = 'error' | 'warning' | 'info';

/** One finding. Amounts are exact decimal strings in the unit of the sheet named by `sheet`. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** The sheet's name as in the workbook ('' for a finding about the package or a text). */
  sheet: string;
  /** A1 address of the cell the finding is about ('' when none). */
  cell: string;
  /** Sheet-qualified addresses of the cells it was compared with (`表3!E7`). */
  related: string[];
  expected?: string;
  actual?: string;
  difference?: string;
  message: string;
  messageEn: string;
  /**
   * Messages as data: the catalogue id the message was rendered from and its parameters (a
   * bilingual parameter as `{ zh, en }`), when it is one catalogue message; `message`/`messageEn`
   * are that message rendered in each language.
   */
  messageId?: string;
  params?: MessageParams;
  hint?: string;
  hintEn?: string;
  /** The hint as data, when it is one catalogue message: its id and parameters (`hint`/`hintEn` render them). */
  hintId?: string;
  hintParams?: MessageParams;
  /** For text (文表) findings: the sentence and its line. */
  sentence?: string;
  line?: number;
}

export type Scope = 'cell' | 'table' | 'cross' | 'package' | 'text';

/** A rule: metadata plus a check. One rule kind per module under src/rules. */
export interface Rule {
  id: string;
  scope: Scope;
  /** Severity of a real mismatch; rounding differences are warnings, soft rules infos. */
  severity: Severity;
  family: FormFamily | 'any';
  title: BilingualText;
  /** The message template, with `{where}`, `{target}`, `{actual}`, `{items}`, `{expected}`, `{difference}` … */
  message: BilingualText;
  /**
   * The message when the items are too many to list (more than 6), with `{n}` their number: lets
   * English say "the sum of its 7 sub-items" where the list would be.
   */
  messageMany?: BilingualText;
  /**
   * The catalogue ids of `message` and `messageMany` when they come from the locale files: a
   * finding made from them carries the id and its parameters (`{rounding}` is the rounding note).
   */
  messageId?: string;
  messageManyId?: string;
  run(ctx: RuleContextApi): void;
}

export interface RuleContextApi {
  readonly tables: readonly RecognizedTable[];
  /** What the recognizer made of every sheet, recognised or not (package rules). */
  readonly sheets?: readonly SheetRecognition[];
  /** The workbook itself (package rules that look at unrecognised sheets). */
  readonly workbook?: WorkbookModel;
  readonly tolerance: ToleranceMode;
  readonly catalog: Catalog;
  /** The recognized tables for a logical table id (`dept.t03`). */
  tablesOf(table: string): RecognizedTable[];
  /** The first recognized table for a logical id. */
  table(table: string): RecognizedTable | undefined;
  report(finding: Finding): void;
}
