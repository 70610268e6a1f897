/**
 * Loading a pack from its bytes: text (.txt/.pack, UTF-8 or GB18030), JSON, or an .xlsx workbook
 * with a 表样 sheet, a 审核公式 sheet (编号 | 公式 | 强制/提示 | 说明 …) and optionally a 规则设置
 * sheet (编号 | 设置). Works in Node and in the browser. Problems come back as a PackError naming
 * the line (or the sheet row), never as a stack trace.
 */
import { TableTemplate } from '../templates/types';
import { allTemplates } from '../templates';
import { WorkbookModel } from '../workbook/model';
import { compilePack, CompiledPack, Pack, PackError, parsePackJson, parsePackText } from './pack';

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return '';
  return String(v).trim();
}

/**
 * A pack workbook as the text format, line by line, with the sheet row each line came from (for
 * messages that name the row a clerk sees).
 */
export function packTextFromWorkbook(model: WorkbookModel): { text: string; origin: string[] } {
  const lines: string[] = [];
  const origin: string[] = [];
  const push = (line: string, where: string) => {
    lines.push(line);
    origin.push(where);
  };
  const sheet = (re: RegExp) => model.sheets.find((s) => re.test(s.name.replace(/\s/g, '')));
  const rowsOf = (s: NonNullable<ReturnType<typeof sheet>>) => s.rows.map((r) => (r ?? []).map((c) => text(c?.v)));
  const forms = sheet(/^表样/);
  if (forms) {
    // 表样编号 | 项目 | 值: a form's properties, one per row, in the text format's words.
    let current = '';
    rowsOf(forms).forEach((cells, r) => {
      const [id, key, ...rest] = cells;
      const value = rest.filter((x) => x !== '').join(' | ');
      if (!id && !key) return;
      if (/编号|id/i.test(id) && /项目|属性|key/i.test(key)) return;
      const where = `${forms.name}!${r + 1}`;
      const formId = id || current;
      if (key === '标题' && formId !== current) {
        const [title, ...others] = value.split(/\s*\|\s*/);
        push(`表样 ${formId}：${title}`, where);
        if (others.length) push(`  标题：${others.join(' | ')}`, where);
        current = formId;
        return;
      }
      if (formId !== current) {
        push(`表样 ${formId}：${formId}`, where);
        current = formId;
      }
      push(`  ${key}：${value}`, where);
    });
  }
  const formulas = sheet(/^审核公式|^公式/);
  if (formulas) {
    const rows = rowsOf(formulas);
    const head = rows.findIndex((cells) => cells.includes('编号') && cells.some((c) => /公式/.test(c)));
    const h = head >= 0 ? rows[head] : ['编号', '公式', '强制/提示', '说明'];
    const col = (re: RegExp) => h.findIndex((c) => re.test(c));
    const cId = col(/编号/);
    const cF = col(/^公式|审核公式/);
    const cSev = col(/强制|提示|级别/);
    const cTitle = col(/标题|名称/);
    const cTol = col(/容差/);
    const cFill = col(/填充/);
    const cHint = col(/提示语/);
    rows.forEach((cells, r) => {
      if (r <= head) return;
      const id = cells[cId] ?? '';
      const formula = cells[cF] ?? '';
      if (!id && !formula) return;
      const where = `${formulas.name}!${r + 1}`;
      const opts = [cells[cSev] || '强制'];
      if (cFill >= 0 && /^(是|填充|yes|true)$/i.test(cells[cFill] ?? '')) opts.push('填充');
      push(`公式 ${id || '?'} ${opts.join(' ')}：${formula}`, where);
      if (cTitle >= 0 && cells[cTitle]) push(`  标题：${cells[cTitle]}`, where);
      if (cTol >= 0 && cells[cTol]) push(`  容差：${cells[cTol]}`, where);
      if (cHint >= 0 && cells[cHint] && cHint !== cSev) push(`  提示语：${cells[cHint]}`, where);
    });
  }
  const settings = sheet(/^规则设置|^规则/);
  if (settings) {
    rowsOf(settings).forEach((cells, r) => {
      const [id, value] = cells;
      if (!id || /编号|规则/.test(id)) return;
      push(`规则 ${id}：${value}`, `${settings.name}!${r + 1}`);
    });
  }
  if (!forms && !formulas && !settings) {
    throw new PackError('', [
      {
        zh: '工作簿中没有“表样”“审核公式”或“规则设置”工作表',
        en: 'the workbook has no 表样, 审核公式 or 规则设置 sheet',
      },
    ]);
  }
  return { text: lines.join('\n'), origin };
}

/** Parses a pack from a file's bytes (not compiled). */
export async function parsePack(bytes: Uint8Array, fileName: string): Promise<Pack> {
  const name = fileName.replace(/^.*[\\/]/, '');
  if (/\.(xlsx|xlsm)$/i.test(fileName)) {
    const { readXlsx } = await import('../xlsx/read');
    const model = await readXlsx(bytes);
    let made: { text: string; origin: string[] };
    try {
      made = packTextFromWorkbook(model);
    } catch (e) {
      if (e instanceof PackError) throw new PackError(name, e.problems);
      throw e;
    }
    try {
      return parsePackText(made.text, name);
    } catch (e) {
      if (e instanceof PackError) throw relocate(e, made.origin);
      throw e;
    }
  }
  const body = decode(bytes);
  if (/\.json$/i.test(fileName) || /^\s*\{/.test(body)) return parsePackJson(body, name);
  return parsePackText(body, name);
}

/** Problems of a workbook pack name the sheet and row, not the line of the text made from it. */
function relocate(e: PackError, origin: string[]): PackError {
  return new PackError(
    e.pack,
    e.problems.map((p) =>
      p.line && origin[p.line - 1] ? { zh: `${origin[p.line - 1]}：${p.zh}`, en: `${origin[p.line - 1]}: ${p.en}` } : p,
    ),
  );
}

/**
 * Parses and checks packs in order: each sees the built-in forms and the forms of the packs before
 * it; formula ids must be unique among the built-in rules and all packs.
 */
export function compilePacks(
  packs: readonly Pack[],
  builtinIds: ReadonlySet<string>,
  base: readonly TableTemplate[] = allTemplates(),
): CompiledPack[] {
  const out: CompiledPack[] = [];
  let templates = [...base];
  const taken = new Set(builtinIds);
  for (const p of packs) {
    const c = compilePack(p, templates, taken);
    out.push(c);
    templates = [...templates, ...p.forms];
    for (const f of p.formulas) taken.add(f.id);
  }
  return out;
}
