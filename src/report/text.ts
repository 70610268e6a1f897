/** The readable report: grouped by file and sheet, Chinese by default. */
import { Lang } from '../i18n/messages';
import { SEVERITY_EN, SEVERITY_ZH } from '../engine/types';
import { Report } from './report';

/** An English noun for a count: 1 file, 2 files. */
const pl = (n: number, noun: string) => (n === 1 ? noun : `${noun}s`);

/** `1 error, 2 warnings, 0 notes`: English counts of a summary, singular where one. */
export function englishCounts(e: number, w: number, i: number): string {
  return `${e} ${pl(e, 'error')}, ${w} ${pl(w, 'warning')}, ${i} ${pl(i, 'note')}`;
}

const L = {
  zh: {
    file: '文件',
    unreadable: '无法读取',
    sheet: '工作表',
    unrecognized: '未识别',
    unit: '单位',
    header: '表头第',
    data: '数据第',
    rows: '行',
    noData: '无数据行',
    package: '整套报表与情况说明',
    summary: (e: number, w: number, i: number) => `错误 ${e}，警告 ${w}，提示 ${i}`,
    total: (f: number, e: number, w: number, i: number, u: number) =>
      `共 ${f} 个文件：错误 ${e}，警告 ${w}，提示 ${i}${u ? `，无法读取 ${u} 个文件` : ''}`,
    expected: '应为',
    actual: '实为',
    hint: '提示',
    clean: '未发现问题',
  },
  en: {
    file: 'File',
    unreadable: 'Cannot read',
    sheet: 'Sheet',
    unrecognized: 'not recognised',
    unit: 'unit',
    header: 'header rows',
    data: 'data rows',
    rows: '',
    noData: 'no data rows',
    package: 'Package and text',
    summary: englishCounts,
    total: (f: number, e: number, w: number, i: number, u: number) =>
      `${f} ${pl(f, 'file')}: ${e} ${pl(e, 'error')}, ${w} ${pl(w, 'warning')}, ${i} ${pl(i, 'note')}${u ? `, ${u} unreadable` : ''}`,
    expected: 'expected',
    actual: 'actual',
    hint: 'hint',
    clean: 'no findings',
  },
};

export function formatText(report: Report, lang: Lang = 'zh'): string {
  const t = L[lang];
  const sev = lang === 'zh' ? SEVERITY_ZH : SEVERITY_EN;
  const out: string[] = [];
  const colon = lang === 'zh' ? '：' : ': ';
  for (const f of report.files) {
    out.push(`${t.file}${colon}${f.file}`);
    if (f.error !== undefined) {
      out.push(`  ${t.unreadable}${colon}${lang === 'zh' ? f.error : (f.errorEn ?? f.error)}`);
      out.push('');
      continue;
    }
    const bySheet = new Map<string, typeof f.findings>();
    for (const x of f.findings) {
      const list = bySheet.get(x.sheet) ?? [];
      list.push(x);
      bySheet.set(x.sheet, list);
    }
    const shown = new Set<string>();
    for (const s of f.sheets) {
      const first = !shown.has(s.name);
      shown.add(s.name);
      if (s.template === null) {
        out.push(
          `  ${t.sheet} ${s.name}${colon}${t.unrecognized} — ${lang === 'zh' ? s.reason : (s.reasonEn ?? s.reason)}`,
        );
      } else {
        const rows = s.dataRows ? `${t.data} ${s.dataRows[0]}–${s.dataRows[1]}${t.rows ? ` ${t.rows}` : ''}` : t.noData;
        const header = `${t.header} ${s.headerRows?.[0]}–${s.headerRows?.[1]}${t.rows ? ` ${t.rows}` : ''}`;
        const details = [`${t.unit} ${s.unit}`, header, rows].join(lang === 'zh' ? '，' : ', ');
        out.push(
          lang === 'zh'
            ? `  ${t.sheet} ${s.name}：${s.title}（${details}）`
            : `  ${t.sheet} ${s.name}: ${s.title} (${details})`,
        );
      }
      if (!first) continue;
      for (const x of bySheet.get(s.name) ?? []) out.push(line(x));
      bySheet.delete(s.name);
    }
    for (const [sheet, list] of bySheet) {
      out.push(`  ${sheet ? `${t.sheet} ${sheet}` : t.package}${colon.trim()}`);
      for (const x of list) out.push(line(x));
    }
    out.push(`  ${f.findings.length ? t.summary(f.summary.errors, f.summary.warnings, f.summary.infos) : t.clean}`);
    out.push('');
  }
  const s = report.summary;
  out.push(t.total(s.files, s.errors, s.warnings, s.infos, s.unreadable));
  return `${out.join('\n')}\n`;

  function line(x: (typeof report.files)[number]['findings'][number]): string {
    const msg = lang === 'zh' ? x.message : x.messageEn;
    const hint = lang === 'zh' ? x.hint : (x.hintEn ?? x.hint);
    const page = (x as { page?: number }).page;
    const onPage = page === undefined ? '' : lang === 'zh' ? `第${page}页 ` : `p. ${page} `;
    const where =
      onPage +
      (x.cell
        ? `${x.cell} `
        : x.line !== undefined
          ? `${lang === 'zh' ? '第' : 'line '}${x.line}${lang === 'zh' ? '行' : ''} `
          : '');
    return `    [${sev[x.severity]}] ${where}${x.rule} ${msg}${hint ? `\n      ${t.hint}${colon}${hint}` : ''}`;
  }
}
