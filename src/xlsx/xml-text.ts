/**
 * Text that every XML file we write can carry. XML 1.0 forbids the C0 controls except tab, LF and
 * CR, U+FFFE, U+FFFF and lone surrogates; a label read from a workbook (`_xFFFF_` decodes to a raw
 * U+FFFF) can hold any of them, and one such character makes the whole part not well-formed.
 *
 * - In a spreadsheet (shared strings, inline strings, formulas: OOXML's ST_Xstring) they are
 *   escaped as `_xHHHH_`, which Excel, LibreOffice and our reader decode back to the character;
 *   an underscore that would otherwise start such an escape is itself escaped (`_x005F_`), so the
 *   literal text `_xFFFF_` stays that text. CR (which XML parsers turn into LF) and DEL (which
 *   exceljs drops) are escaped the same way, as Excel does.
 * - Where no escape exists (a .docx, a sheet name, a number format), they are replaced by U+FFFD,
 *   so the reader still sees that something was there.
 */

const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

/** Lone surrogates, and the characters XML 1.0 cannot carry at all. */
const FORBIDDEN =
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** What ST_Xstring escapes: an underscore starting `_xHHHH_`, the forbidden characters, CR and DEL. */
const OOXML_ESCAPED =
  /_(?=x[0-9A-Fa-f]{4}_)|[\0-\x08\x0B-\x1F\x7F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Every character OOXML_ESCAPED can match (a superset, without look-arounds). */
const MAYBE_ESCAPED = /[\0-\x08\x0B-\x1F\x7F_\uD800-\uDFFF\uFFFE\uFFFF]/;

/** A cell text or formula for a .xlsx part, `_xHHHH_`-escaped where needed (unchanged otherwise). */
export function ooxmlText(s: string): string {
  // Most texts have none of the characters involved: one simple scan, no look-behind.
  if (!MAYBE_ESCAPED.test(s)) return s;
  OOXML_ESCAPED.lastIndex = 0;
  return OOXML_ESCAPED.test(s) ? s.replace(OOXML_ESCAPED, (ch) => `_x${hex4(ch.charCodeAt(0))}_`) : s;
}

/** Text for XML that has no escape for them: forbidden characters become U+FFFD. */
export function xmlChars(s: string): string {
  FORBIDDEN.lastIndex = 0;
  return FORBIDDEN.test(s) ? s.replace(FORBIDDEN, '\uFFFD') : s;
}
