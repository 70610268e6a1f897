/**
 * The 情况说明 as the checker reads it: text copied from PDFs comes with hard line breaks in
 * mid-sentence and stray spaces (`388. 20 万元`). Paragraphs are joined, whitespace dropped,
 * full-width forms folded (NFKC), and every position keeps its original line number.
 */

export interface Paragraph {
  /** Normalised text: no whitespace, NFKC (`，` → `,`, `：` → `:`, `（` → `(`). */
  text: string;
  /** Original line number (1-based) of each character of `text`. */
  lines: number[];
}

/** Splits into paragraphs at blank lines and headings, joining the lines of each. */
export function paragraphs(raw: string): Paragraph[] {
  const out: Paragraph[] = [];
  let text = '';
  let lines: number[] = [];
  const flush = () => {
    if (text) out.push({ text, lines });
    text = '';
    lines = [];
  };
  raw.split(/\r?\n/).forEach((line, i) => {
    const t = line.normalize('NFKC').replace(/[“”]/g, '"');
    const stripped = t.replace(/\s+/g, '');
    // Headings and list items start a new paragraph; a blank line does too, unless the sentence
    // before it is unfinished (a PDF page break in mid-sentence).
    if (/^#/.test(t.trim()) || /^[-*]\s/.test(t.trim()) || /^(\d+|[一二三四五六七八九十]+)[、.]/.test(stripped))
      flush();
    else if (!stripped && /[。;:!?)]$/.test(text)) flush();
    else if (!stripped && text && !/[,，、]$/.test(text) && !/\d$|万元$/.test(text)) flush();
    const body = stripped
      .replace(/^#+/, '')
      .replace(/^[-*](?=\S)/, '')
      .replace(/<\/?b>/g, '')
      .replace(/\*\*/g, '');
    for (const ch of body) {
      text += ch;
      lines.push(i + 1);
    }
    if (/^#/.test(t.trim())) flush();
  });
  flush();
  return out;
}

/** An amount as written: `1,104.54`, `0.00`, `52964`. */
export const AMOUNT = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
