/**
 * `budget-check fill FILE --out FILE [--overwrite] [--tolerance auto|<amount>] [--forms PACK…]`
 *
 * Fills every derived cell of a package from the command line, as the pane's 填充 tab does
 * (src/fill/fill.ts proposeFills): each cell gets its formula and the value it computes (cached,
 * so a reader that does not recalculate sees the figure). Empty derived cells are filled; a value
 * the clerk typed (a figure that does not add up, or a text such as `－` where a formula belongs)
 * is kept and reported unless `--overwrite`. Cells held by another check (fill.held) are never
 * changed. The summary goes to stderr, Chinese first, English second.
 */
import * as fs from 'fs';
import type { FillProposal } from '../fill/fill';
import { message, registerMessages } from '../i18n/messages';
import { ArgsError, parseArgs } from './args';
import type { Io } from './main';

registerMessages({
  'fill.summary': {
    zh: '已填充 {filled} 个派生单元格（公式及其计算值）{replaced}；{unchanged} 个已正确；保留 {kept} 个手填值{keptNote}；{held} 个与组成项不符但有他表印证，未改。',
    en: 'Filled {filled} derived cell(s) (formula and its value){replaced}; {unchanged} already right; kept {kept} typed value(s){keptNote}; {held} disagree with their items but are confirmed elsewhere, left alone.',
  },
  'fill.summaryReplaced': {
    zh: '，改写 {n} 个手填值（--overwrite）',
    en: ', replaced {n} typed value(s) (--overwrite)',
  },
  'fill.summaryKeptNote': { zh: '（加 --overwrite 改写）', en: ' (--overwrite replaces them)' },
  'fill.keptWord': { zh: '保留', en: 'kept' },
  'fill.heldWord': { zh: '未改', en: 'held' },
  'fill.rounding': {
    zh: '{n} 个单元格与组成项之和相差在舍入范围内，保留原值',
    en: '{n} cell(s) differ from their items within rounding, kept as stated',
  },
  'fill.written': { zh: '已写入', en: 'written' },
});

/** Both languages on one line: `保留 kept`, `中文 / English`. */
const both = (key: string, params = {}, sep = ' ') => {
  const m = message(key, params);
  return `${m.zh}${sep}${m.en}`;
};

/** Whether a proposal would replace something the clerk typed (a value, not a formula). */
function replacesTyped(p: FillProposal): boolean {
  if (p.kind === 'wrong') return !p.old?.formula;
  const v = p.old?.value;
  return !p.old?.formula && v !== null && v !== undefined && v !== '';
}

function shown(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return (v as { error: string }).error;
  return String(v);
}

export async function fillCommand(args: ReturnType<typeof parseArgs>, io: Io): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new ArgsError('请给出要填充的工作簿', 'give the workbook to fill');
  if (args.positional.length > 1)
    throw new ArgsError('一次只能填充一个工作簿', `fill takes one workbook, not ${args.positional.length}`);
  const out = typeof args.flags.out === 'string' ? args.flags.out : undefined;
  if (!out) throw new ArgsError('请用 --out 指定输出文件', 'give --out FILE.xlsx');
  const tol = args.flags.tolerance;
  if (tol !== undefined && tol !== true && tol !== 'auto' && !/^\d+(\.\d+)?$/.test(tol))
    throw new ArgsError(`--tolerance 应为 auto 或非负金额：${tol}`, `--tolerance takes auto or an amount: ${tol}`);
  const overwrite = args.flags.overwrite === true;

  const { readXlsx } = await import('../xlsx/read');
  const { writeXlsx } = await import('../xlsx/write');
  const { nodeDeflateRaw } = await import('../xlsx/node-deflate');
  const { proposeFills, fillWrites } = await import('../fill/fill');
  const { MemoryHost } = await import('../host/memory-host');
  const { packsFor, readFailure, toleranceFrom } = await import('../batch/job');

  let model;
  try {
    model = await readXlsx(fs.readFileSync(file));
  } catch (e) {
    const r = readFailure(e);
    io.stderr(`无法读取 ${file}：${r.zh} / cannot read ${file}: ${r.en}\n`);
    return 2;
  }
  const formsPaths = (args.lists.forms ?? []).filter((f) => f !== 'none');
  const packs = formsPaths.length ? ((await packsFor(formsPaths)) ?? []) : [];
  const result = proposeFills(model, {
    tolerance: toleranceFrom(typeof tol === 'string' ? tol : undefined),
    packs: packs.length ? packs : undefined,
  });
  const apply: FillProposal[] = [];
  const kept: FillProposal[] = [];
  for (const p of result.proposals) (replacesTyped(p) && !overwrite ? kept : apply).push(p);

  const host = new MemoryHost(model);
  await host.write(fillWrites(apply));
  fs.writeFileSync(out, await writeXlsx(host.workbook, { deflateRaw: nodeDeflateRaw }));

  const filled = apply.filter((p) => !replacesTyped(p)).length;
  const replaced = apply.length - filled;
  const none = { zh: '', en: '' };
  const summary = message('fill.summary', {
    filled,
    replaced: replaced ? message('fill.summaryReplaced', { n: replaced }) : none,
    unchanged: result.unchanged,
    kept: kept.length,
    keptNote: kept.length ? message('fill.summaryKeptNote') : none,
    held: result.held.length,
  });
  const lines: string[] = [summary.zh, summary.en];
  for (const p of kept)
    lines.push(
      `  ${both('fill.keptWord')} ${p.id}: ${shown(p.old?.value)} → ${p.formula} = ${p.value}（${p.reason.zh} / ${p.reason.en}）`,
    );
  for (const h of result.held) lines.push(`  ${both('fill.heldWord')} ${h.id}: ${h.why.zh} / ${h.why.en}`);
  if (result.rounding.length) lines.push(`  ${both('fill.rounding', { n: result.rounding.length }, ' / ')}`);
  lines.push(`${both('fill.written')}: ${out}`);
  io.stdout(lines.join('\n') + '\n');
  return 0;
}
