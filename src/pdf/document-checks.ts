/**
 * Checks only a whole published document allows (issue 14, item 4), as a reviewer reads it:
 *
 * - PDF2: no template placeholder left (`XX单位`, `××`, `……`, `{单位}`), in the text or the tables;
 * - PDF3: the year of the package (`2024年度部门决算`, `2025年部门预算`) the same on the cover, the
 *   table titles and the text (a comparison with another year — `比2023年决算数` — is not a claim
 *   about the package, only `<year>年度?(部门|单位)(预算|决算)` and table titles are);
 * - PDF4: the department named on the 编制部门/编制单位 lines and in `<name><year>年度部门决算` the
 *   same as on the cover;
 * - PDF5: every table the 目录 lists is in the document, in the 目录's order.
 *
 * Findings carry their page; the text findings also their line of the text outside the tables.
 */
import type { Finding } from '../engine/types';
import { findingMessage } from '../i18n/messages';
import { a1 } from '../workbook/model';
import type { NarrativeLine, PdfTable } from './tables';

const PLACEHOLDER =
  /[XＸ]{2,}(?:单位|部门|局|委|办|年|万元|元)?|[×＊*]{2,}|…{2,}|\.{6,}|[{｛][^{}｛｝]{1,12}[}｝]|【[^】]{0,12}】|〔\s*〕|（\s*）/g;
const PACKAGE_YEAR = /((?:19|20)\d{2})\s*年度?\s*(?:区级|市级|县级)?\s*(?:部门|单位|预算单位)\s*(?:预算|决算)/g;
const TITLE_YEAR = /^((?:19|20)\d{2})\s*年度?/;
const TOC_ENTRY = /[.…·．]{3,}\s*\d{1,3}\s*$/;
const ORG_LINE = /编制(?:部门|单位)\s*[:：]\s*(\S+)/;

function context(text: string, at: number, len: number): string {
  const from = Math.max(0, at - 12);
  const to = Math.min(text.length, at + len + 12);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

function finding(
  rule: string,
  severity: Finding['severity'],
  key: string,
  params: Record<string, string | number>,
  extra: Partial<Finding> & { page: number },
): Finding {
  return { rule, severity, sheet: '', cell: '', related: [], ...findingMessage(key, params), ...extra } as Finding;
}

/** The package's year and department as the cover (the first pages' text) states them. */
const DEPARTMENT = /(局|委员会|委|部|办公室|办|中心|院|所|站|队|馆|会|厅|署|司|处|科)$/;

export function coverOf(narrative: readonly NarrativeLine[]): { year?: number; name?: string } {
  const cover = narrative.filter((l) => l.page <= 2);
  const lines = (cover.length ? cover : narrative.slice(0, 20)).map((l) => l.text.replace(/\s+/g, ''));
  let year: number | undefined;
  let name: string | undefined;
  for (const [k, t] of lines.entries()) {
    // (a copy without the g flag: exec on the shared one would move its lastIndex, which matchAll inherits)
    const m = new RegExp(PACKAGE_YEAR.source).exec(t);
    if (m && year === undefined) {
      year = Number(m[1]);
      const before = t
        .slice(0, m.index)
        .replace(/^.*[：:]/, '')
        .replace(/^第[一二三四五六七八九十]+部分/, '');
      if (/^[\u4e00-\u9fff（）()]{4,40}$/.test(before) && DEPARTMENT.test(before)) name = before;
      // the name on the line above the year (a cover set in two lines)
      else if (!before && k > 0 && /^[\u4e00-\u9fff（）()]{4,40}$/.test(lines[k - 1]) && DEPARTMENT.test(lines[k - 1]))
        name = lines[k - 1];
    }
    // 预算主管部门：上海市普陀区商务委员会 (the Shanghai budget covers)
    const named = /(?:主管部门|部门名称|单位名称|编制部门|编制单位)[:：](\S{4,40})/.exec(t);
    if (!name && named && DEPARTMENT.test(named[1])) name = named[1];
  }
  return { year, name };
}

/** The numbering of a 目录 entry, after NFKC (第二部分, 五、, (三), 4. — a full-width ． is a . then). */
const TOC_NUMBER =
  /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\(?[一二三四五六七八九十]+\)|\d{1,2}[.、])/;
/** A 目录 entry's dot leaders and page number. */
const TOC_LEADERS = /[.…·]{3,}\d*$/;

/** A title reduced to what identifies the table: no year, numbering, department, quotes or blanks. */
function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(TOC_LEADERS, '')
    .replace(TOC_NUMBER, '')
    .replace(/^.*?(?:19|20)\d{2}年度?/, '')
    .replace(/[“”"'‘’「」]/g, '')
    .replace(/^(?:部门|单位|预算单位)/, '');
}

/** The tables the 目录 lists, in its order: the entries after a `目录` line that end in 表. */
export function tocTables(narrative: readonly NarrativeLine[]): { title: string; page: number; line: number }[] {
  const at = narrative.findIndex((l) => l.text.replace(/\s+/g, '') === '目录');
  if (at < 0) return [];
  const out: { title: string; page: number; line: number }[] = [];
  for (let i = at + 1; i < narrative.length && i <= at + 60; i++) {
    const t = narrative[i].text.replace(/\s+/g, '').replace(TOC_LEADERS, '');
    const numbered = TOC_NUMBER.test(narrative[i].text.normalize('NFKC').trim());
    if (!numbered) break; // the 目录 ends where the text stops being numbered entries
    // a table's entry ends in 表; a part heading (第二部分 …决算表, 五、部门预算表) is none
    const key = titleKey(t);
    if (/表$/.test(t) && !/部分/.test(t.slice(0, 6)) && key.length >= 5 && !/^(?:预算|决算)表$/.test(key))
      out.push({ title: t, page: narrative[i].page, line: i + 1 });
  }
  return out;
}

/** PDF5: every table of the 目录 found, in the 目录's order. */
function tocFindings(tables: readonly PdfTable[], narrative: readonly NarrativeLine[]): Finding[] {
  const toc = tocTables(narrative);
  if (toc.length === 0) return [];
  const keys = tables.map((t) => titleKey(t.title));
  const used = new Set<number>();
  // the table of this entry: the same title, else the closest one that ends like it, not taken yet
  const match = (k: string): number => {
    const free = keys.map((x, i) => [x, i] as const).filter(([x, i]) => x && !used.has(i));
    const exact = free.find(([x]) => x === k);
    if (exact) return exact[1];
    const near = free
      .filter(([x]) => x.endsWith(k) || k.endsWith(x))
      .sort((a, b) => Math.abs(a[0].length - k.length) - Math.abs(b[0].length - k.length));
    return near.length ? near[0][1] : -1;
  };
  const out: Finding[] = [];
  let last = -1;
  for (const e of toc) {
    const k = titleKey(e.title);
    const at = match(k);
    if (at >= 0) used.add(at);
    if (at < 0) {
      out.push(
        finding(
          'PDF5',
          'warning',
          'pdf.tocMissing',
          { page: e.page, title: e.title },
          { page: e.page, line: e.line, sentence: narrative[e.line - 1].text },
        ),
      );
      continue;
    }
    if (at < last)
      out.push(
        finding(
          'PDF5',
          'info',
          'pdf.tocOrder',
          { page: tables[at].pages[0], title: tables[at].title },
          { page: tables[at].pages[0], sheet: tables[at].sheet.name, cell: 'A1' },
        ),
      );
    last = Math.max(last, at);
  }
  return out;
}

export function documentFindings(tables: readonly PdfTable[], narrative: readonly NarrativeLine[]): Finding[] {
  const out: Finding[] = tocFindings(tables, narrative);
  // Placeholders: the text, then every text cell of the tables.
  narrative.forEach((l, i) => {
    // a 目录 entry's leaders (`第一部分 部门概况 …………… 3`) are no placeholder
    if (TOC_ENTRY.test(l.text)) return;
    for (const m of l.text.matchAll(PLACEHOLDER))
      out.push(
        finding(
          'PDF2',
          'error',
          'pdf.placeholder',
          { page: l.page, text: m[0], context: context(l.text, m.index ?? 0, m[0].length) },
          {
            page: l.page,
            line: i + 1,
            sentence: l.text,
          },
        ),
      );
  });
  for (const t of tables)
    t.sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell?.v !== 'string') return;
        for (const m of cell.v.matchAll(PLACEHOLDER)) {
          const page = t.boxes.get(`${r},${c}`)?.page ?? t.pages[0];
          out.push(
            finding(
              'PDF2',
              'error',
              'pdf.placeholder',
              { page, text: m[0], context: context(cell.v, m.index ?? 0, m[0].length) },
              {
                page,
                sheet: t.sheet.name,
                cell: a1(r, c),
              },
            ),
          );
        }
      }),
    );
  const cover = coverOf(narrative);
  // The year: every package-year phrase of the text, and every table title that starts with a year.
  if (cover.year !== undefined) {
    narrative.forEach((l, i) => {
      const t = l.text.replace(/\s+/g, '');
      for (const m of t.matchAll(PACKAGE_YEAR)) {
        if (Number(m[1]) === cover.year) continue;
        out.push(
          finding(
            'PDF3',
            'error',
            'pdf.yearMismatch',
            { page: l.page, found: m[1], year: cover.year!, context: context(t, m.index ?? 0, m[0].length) },
            {
              page: l.page,
              line: i + 1,
              sentence: l.text,
            },
          ),
        );
      }
    });
    for (const t of tables) {
      const m = TITLE_YEAR.exec(t.title.replace(/\s+/g, ''));
      if (m && Number(m[1]) !== cover.year)
        out.push(
          finding(
            'PDF3',
            'error',
            'pdf.yearMismatch',
            { page: t.pages[0], found: m[1], year: cover.year, context: t.title },
            {
              page: t.pages[0],
              sheet: t.sheet.name,
              cell: 'A1',
            },
          ),
        );
    }
  }
  // The department: the 编制部门 lines of the tables and the `<name><year>年度部门决算` phrases.
  if (cover.name) {
    const same = (a: string) => a === cover.name || a.endsWith(cover.name!) || cover.name!.endsWith(a);
    for (const t of tables) {
      const v = t.sheet.rows[1]?.[0]?.v;
      const m = typeof v === 'string' ? ORG_LINE.exec(v.replace(/\s+/g, '')) : null;
      // (a placeholder there is PDF2's, not another department)
      if (m && !same(m[1]) && !new RegExp(PLACEHOLDER.source).test(m[1]))
        out.push(
          finding(
            'PDF4',
            'warning',
            'pdf.nameMismatch',
            { page: t.pages[0], found: m[1], name: cover.name! },
            {
              page: t.pages[0],
              sheet: t.sheet.name,
              cell: 'A2',
            },
          ),
        );
    }
    narrative.forEach((l, i) => {
      const t = l.text.replace(/\s+/g, '');
      for (const m of t.matchAll(PACKAGE_YEAR)) {
        const before = t.slice(0, m.index).replace(/^.*[，,。：:；;、（(]/, '');
        if (!DEPARTMENT.test(before) || before.length < 4 || new RegExp(PLACEHOLDER.source).test(before)) continue;
        if (!same(before))
          out.push(
            finding(
              'PDF4',
              'warning',
              'pdf.nameMismatch',
              { page: l.page, found: before, name: cover.name! },
              {
                page: l.page,
                line: i + 1,
                sentence: l.text,
              },
            ),
          );
      }
    });
  }
  return out;
}
