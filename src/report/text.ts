/** The readable report: grouped by file and sheet, Chinese by default. */
import { Lang } from '../i18n/messages';
import { Report } from './report';
import { counts, severityWord, word } from './words';

/** `1 error, 2 warnings, 0 notes`: English counts of a summary, singular where one. */
export function englishCounts(e: number, w: number, i: number): string {
  return counts(e, w, i, 'en');
}

export function formatText(report: Report, lang: Lang = 'zh'): string {
  const t = (key: string, params = {}) => word(`report.${key}`, lang, params);
  const out: string[] = [];
  const colon = lang === 'zh' ? '：' : ': ';
  for (const f of report.files) {
    out.push(`${t('file')}${colon}${f.file}`);
    if (f.error !== undefined) {
      out.push(`  ${t('cannotRead')}${colon}${lang === 'zh' ? f.error : (f.errorEn ?? f.error)}`);
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
          `  ${t('sheet')} ${s.name}${colon}${t('unrecognised')} — ${lang === 'zh' ? s.reason : (s.reasonEn ?? s.reason)}`,
        );
      } else {
        const rows = s.dataRows ? t('dataRows', { from: s.dataRows[0], to: s.dataRows[1] }) : t('noData');
        const header = t('headerRows', { from: s.headerRows?.[0], to: s.headerRows?.[1] });
        const details = [`${t('unit')} ${s.unit}`, header, rows].join(lang === 'zh' ? '，' : ', ');
        out.push(
          lang === 'zh'
            ? `  ${t('sheet')} ${s.name}：${s.title}（${details}）`
            : `  ${t('sheet')} ${s.name}: ${s.title} (${details})`,
        );
      }
      if (!first) continue;
      for (const x of bySheet.get(s.name) ?? []) out.push(line(x));
      bySheet.delete(s.name);
    }
    for (const [sheet, list] of bySheet) {
      out.push(`  ${sheet ? `${t('sheet')} ${sheet}` : t('package')}${colon.trim()}`);
      for (const x of list) out.push(line(x));
    }
    out.push(
      `  ${f.findings.length ? counts(f.summary.errors, f.summary.warnings, f.summary.infos, lang) : t('clean')}`,
    );
    out.push('');
  }
  const s = report.summary;
  const unreadable = s.unreadable ? t('totalUnreadable', { u: s.unreadable }) : '';
  out.push(t('total', { f: s.files, e: s.errors, w: s.warnings, i: s.infos, unreadable }));
  return `${out.join('\n')}\n`;

  function line(x: (typeof report.files)[number]['findings'][number]): string {
    const msg = lang === 'zh' ? x.message : x.messageEn;
    const hint = lang === 'zh' ? x.hint : (x.hintEn ?? x.hint);
    const page = (x as { page?: number }).page;
    const onPage = page === undefined ? '' : `${t('page', { page })} `;
    const where = onPage + (x.cell ? `${x.cell} ` : x.line !== undefined ? `${t('line', { line: x.line })} ` : '');
    const hintWord = word('ui.finding.hint', lang);
    return `    [${severityWord(x.severity, lang)}] ${where}${x.rule} ${msg}${hint ? `\n      ${hintWord}${colon}${hint}` : ''}`;
  }
}
